// The sidebar shell: loads the state in two stages (the caller's own key results at once, then the
// whole sheet), switches views, shows every outcome in an aria-live status line, and follows the
// sheet's active cell while the sidebar is visible.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionResult, CheckInResult, KeyResultView, Lang, ProblemView, SidebarState } from '../src/api';
import { tr } from './i18n';
import { applyCheckIn, stateArrival } from './logic';
import { errorText, server } from './server';
import type { FormError } from './ui';
import { Add } from './views/Add';
import { Assign } from './views/Assign';
import { CheckIn } from './views/CheckIn';
import { Mine } from './views/Mine';
import { Ownership } from './views/Ownership';
import { Problems } from './views/Problems';
import { Settings } from './views/Settings';

type Tab = 'mine' | 'assign' | 'add' | 'problems' | 'settings';
type View =
  | { tab: Tab }
  | { tab: 'mine'; checkIn: KeyResultView }
  | { tab: 'mine'; ownership: KeyResultView };

const TAB_WORD = {
  mine: 'navMine',
  assign: 'navAssign',
  add: 'navAdd',
  problems: 'navProblems',
  settings: 'navSettings',
} as const;

/** How often the sidebar asks which row is active; only while it is visible. */
export const FOLLOW_MS = 3000;

function initialLang(): Lang {
  const l = document.documentElement.lang || navigator.language || '';
  return /^ja/i.test(l) ? 'ja' : 'en';
}

export function App() {
  const [state, setState] = useState<SidebarState | null>(null);
  const [lang, setLang] = useState<Lang>(initialLang);
  const [view, setView] = useState<View>({ tab: 'mine' });
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState<{ id: string | null; selectedIds: string[] }>({
    id: null,
    selectedIds: [],
  });
  const mainRef = useRef<HTMLElement>(null);
  // The state as last shown, for answers that arrive later (a closure would see an old one).
  const held = useRef<SidebarState | null>(null);
  // Bumped whenever a write's result is shown and whenever the sidebar loads again (refresh, a new
  // language): a state asked for before either may be older than what is shown or coming.
  const generation = useRef(0);
  // The latest whole-state request: only it may be repeated when an older answer is dropped.
  const wholeAsked = useRef(0);

  function say(text: string, error = false) {
    setStatus({ text, error });
  }

  function adopt(next: SidebarState) {
    held.current = next;
    setState(next);
    setLang(next.lang);
    document.documentElement.lang = next.lang;
  }

  /** A write's result: newer than any state asked for before it. */
  function adoptWritten(next: SidebarState) {
    generation.current++;
    adopt(next);
  }

  async function loadWhole(announce: boolean): Promise<void> {
    const asked = generation.current;
    const request = ++wholeAsked.current;
    try {
      const next = await server.getSidebarState();
      const what = stateArrival(held.current, next, asked, generation.current);
      // Asked again only by the latest request: an older one's newer twin is already on its way.
      if (what === 'again') return request === wholeAsked.current ? loadWhole(announce) : undefined;
      if (what === 'drop') return; // a write's newer state is shown, with its own message
      adopt(next);
      if (announce) say(tr(next.lang, 'refreshed'));
    } catch (e) {
      // A quick state already shown stays: it is right, only incomplete.
      say(tr(held.current?.lang ?? lang, 'loadFailed', { error: errorText(e) }), true);
    }
  }

  /**
   * The quick state (the caller's own rows) and the whole one are asked for together, so the whole
   * sheet's read is not delayed by the quick one; each is shown if still newer than what is held.
   * A quick state that fails is not worth a word: the whole one follows.
   */
  function load(announce = false): Promise<void> {
    generation.current++;
    if (!held.current?.complete) {
      const asked = generation.current;
      server
        .getSidebarStart()
        .then((next) => {
          if (stateArrival(held.current, next, asked, generation.current) === 'adopt') adopt(next);
        })
        .catch(() => undefined);
    }
    return loadWhole(announce);
  }

  useEffect(() => {
    load();
  }, []);

  useEffect(() => {
    let polling = false;
    const timer = setInterval(() => {
      if (polling || document.visibilityState !== 'visible') return;
      polling = true;
      server
        .getActiveOkrId()
        .then((a) =>
          setActive((prev) =>
            prev.id === a.id && prev.selectedIds.join('\n') === a.selectedIds.join('\n') ? prev : a,
          ),
        )
        .catch(() => undefined)
        .finally(() => {
          polling = false;
        });
    }, FOLLOW_MS);
    return () => clearInterval(timer);
  }, []);

  /** Runs a write; on success shows the fresh state, on failure returns the error for the form. */
  async function act(
    call: () => Promise<ActionResult | CheckInResult>,
    after?: () => void,
  ): Promise<FormError | null> {
    setBusy(true);
    try {
      const res = await call();
      if (res.ok) {
        // A check-in usually answers with what it changed rather than the whole state.
        if ('item' in res) {
          if (held.current) adoptWritten(applyCheckIn(held.current, res));
        } else {
          adoptWritten(res.state);
          // A quick write on a big sheet answers with the quick state: the whole one follows.
          if (!res.state.complete) void loadWhole(false);
        }
        say(res.message);
        after?.();
        return null;
      }
      if (res.state) adoptWritten(res.state);
      say(res.error, true);
      if (res.changed && res.state && 'checkIn' in view) {
        const fresh = res.state.mine.find((k) => k.id === view.checkIn.id);
        setView(fresh ? { tab: 'mine', checkIn: fresh } : { tab: 'mine' });
      } else if (res.changed && res.state && 'ownership' in view) {
        const fresh = res.state.mine.find((k) => k.id === view.ownership.id);
        setView(fresh ? { tab: 'mine', ownership: fresh } : { tab: 'mine' });
      }
      return { error: res.error, field: res.field };
    } catch (e) {
      const error = tr(lang, 'callFailed', { error: errorText(e) });
      say(error, true);
      return { error };
    } finally {
      setBusy(false);
    }
  }

  const backToMine = () => setView({ tab: 'mine' });

  async function selectProblem(p: ProblemView) {
    try {
      const res = await server.selectCell({ id: p.id, column: p.column, cell: p.cell });
      say(res.ok ? tr(lang, 'selected', { cell: p.cell ?? p.id ?? '' }) : res.error, !res.ok);
    } catch (e) {
      say(tr(lang, 'callFailed', { error: errorText(e) }), true);
    }
  }

  async function openActive() {
    if (!state || !active.id) return;
    const mine = state.mine.find((k) => k.id.toLowerCase() === active.id?.toLowerCase());
    if (mine) return setView({ tab: 'mine', checkIn: mine });
    try {
      const res = await server.getKeyResult({ id: active.id });
      if (!res.ok) return say(res.error, true);
      setView({ tab: 'mine', checkIn: res.item });
    } catch (e) {
      say(tr(lang, 'callFailed', { error: errorText(e) }), true);
    }
  }

  const tabs: Tab[] = state?.can.manage
    ? ['mine', 'assign', 'add', 'problems', 'settings']
    : ['mine', 'problems'];
  const activeIndex = state
    ? state.table.id.findIndex((x) => x.toLowerCase() === active.id?.toLowerCase())
    : -1;
  const activeIsKr = activeIndex >= 0 && state?.table.type[activeIndex] === 'k';

  function body() {
    if (!state) return <p class="view">{tr(lang, 'loading')}</p>;
    if ('checkIn' in view) {
      return (
        <CheckIn
          key={view.checkIn.id + view.checkIn.version}
          kr={view.checkIn}
          state={state}
          lang={lang}
          busy={busy}
          onSave={(req) => act(() => server.checkIn(req), backToMine)}
          onCancel={backToMine}
        />
      );
    }
    if ('ownership' in view) {
      return (
        <Ownership
          key={view.ownership.id + view.ownership.version}
          kr={view.ownership}
          lang={lang}
          busy={busy}
          onAccept={(req) => act(() => server.acceptOwnership(req), backToMine)}
          onDecline={(req) => act(() => server.declineOwnership(req), backToMine)}
          onCancel={backToMine}
        />
      );
    }
    // Assign and Add work on the table, and Problems would read as "no problems": they wait for it.
    if (!state.complete && view.tab !== 'mine' && view.tab !== 'settings') {
      return (
        <p class="view muted" aria-busy="true">
          {tr(lang, view.tab === 'problems' ? 'checkingSheet' : 'loadingSheet')}
        </p>
      );
    }
    switch (view.tab) {
      case 'assign':
        return (
          <Assign
            state={state}
            lang={lang}
            busy={busy}
            selectedIds={active.selectedIds}
            onAssign={(req) => act(() => server.assignOwner(req))}
          />
        );
      case 'add':
        return (
          <Add
            state={state}
            lang={lang}
            busy={busy}
            onAddObjective={(req) => act(() => server.addObjective(req))}
            onAddKeyResult={(req) => act(() => server.addKeyResult(req))}
          />
        );
      case 'problems':
        return <Problems state={state} lang={lang} onSelect={selectProblem} />;
      case 'settings':
        return <Settings lang={lang} onStatus={say} onLanguageChanged={() => load()} />;
      default:
        return (
          <Mine
            state={state}
            lang={lang}
            activeId={activeIsKr ? active.id : null}
            onCheckIn={(kr) => setView({ tab: 'mine', checkIn: kr })}
            onOwnership={(kr) => setView({ tab: 'mine', ownership: kr })}
          />
        );
    }
  }

  function onTabKey(e: KeyboardEvent, i: number) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (i + step + tabs.length) % tabs.length;
    setView({ tab: tabs[next] });
    (document.getElementById(`tab-${tabs[next]}`) as HTMLElement | null)?.focus();
  }

  // data-quick marks a quick state on screen (the whole sheet not read yet), for tests to wait on.
  return (
    <div class="app" data-quick={state && !state.complete ? '' : undefined}>
      <header>
        <nav aria-label={tr(lang, 'navLabel')}>
          {tabs.map((t, i) => (
            <button
              type="button"
              key={t}
              id={`tab-${t}`}
              class={view.tab === t ? 'tab current' : 'tab'}
              aria-current={view.tab === t ? 'page' : undefined}
              onClick={() => setView({ tab: t })}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {tr(lang, TAB_WORD[t])}
              {t === 'problems' && state?.complete && state.problems.errors > 0 && (
                <span class="badge">{state.problems.errors}</span>
              )}
            </button>
          ))}
        </nav>
        <button type="button" class="icon" title={tr(lang, 'refresh')} onClick={() => load(true)}>
          <span aria-hidden="true">⟳</span>
          <span class="sr">{tr(lang, 'refresh')}</span>
        </button>
      </header>
      {activeIsKr && state && !('checkIn' in view) && (
        <div class="follow">
          <span>{tr(lang, 'selectedInSheet', { id: state.table.id[activeIndex] })}</span>{' '}
          <span class="title-text">{state.table.title[activeIndex]}</span>{' '}
          <button type="button" class="link" onClick={openActive}>
            {tr(lang, 'checkIn')}
          </button>
        </div>
      )}
      <main ref={mainRef}>{body()}</main>
      <div
        class={status.error ? 'status error' : 'status'}
        role="status"
        aria-live="polite"
        aria-label={tr(lang, 'statusLabel')}
      >
        {status.text}
      </div>
    </div>
  );
}
