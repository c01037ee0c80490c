// The sidebar shell: the tabs and the view shown, every outcome in an aria-live status line, and the
// sheet's active row. How the state arrives is useSidebarState's; following the sheet (its cursor and
// its changes, said quietly as "Updated." apart from the status line) is useFollow's.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type {
  ActionResult,
  AgreementView,
  CheckInResult,
  ImportConfirmResult,
  KeyResultView,
  ProblemView,
  RetrospectiveAsk,
} from '../src/api';
import { tr } from './i18n';
import { mayActOn } from './logic';
import { errorText, server } from './server';
import type { FormError } from './ui';
import { useCycle } from './useCycle';
import { useFollow } from './useFollow';
import { useSidebarState } from './useSidebarState';
import { Add } from './views/Add';
import { Agreement } from './views/Agreement';
import { Assign } from './views/Assign';
import { CheckIn } from './views/CheckIn';
import { Cycles } from './views/Cycles';
import { History } from './views/History';
import { Import } from './views/Import';
import { Mine } from './views/Mine';
import { MyTeam } from './views/MyTeam';
import { Ownership } from './views/Ownership';
import { Problems } from './views/Problems';
import { Retrospective } from './views/Retrospective';
import { Settings } from './views/Settings';

type Tab = 'mine' | 'assign' | 'add' | 'problems' | 'settings' | 'import' | 'team' | 'cycles';
/** A tab, or one of the caller's key results open in a form (from Mine or the follow line). */
type View =
  | { tab: Tab }
  | { tab: 'mine'; form: 'checkIn' | 'ownership' | 'history'; kr: KeyResultView }
  | { tab: 'mine'; form: 'agreement'; agreement: AgreementView }
  | { tab: 'mine'; form: 'retrospective'; ask: RetrospectiveAsk };

const TAB_WORD = {
  mine: 'navMine',
  assign: 'navAssign',
  add: 'navAdd',
  problems: 'navProblems',
  settings: 'navSettings',
  import: 'navImport',
  team: 'navTeam',
  cycles: 'navCycles',
} as const;

export { FOLLOW_MS } from './useFollow';

export function App() {
  const [view, setView] = useState<View>({ tab: 'mine' });
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  const [updated, setUpdated] = useState('');
  const say = (text: string, error = false) => setStatus({ text, error });
  // Before the state's hook: its first poll goes out before the state is read.
  const follow = useFollow(() => sync());
  const active = follow.active;
  const { state, lang, load, write, sync } = useSidebarState(say, () => {
    setUpdated(tr(lang, 'updated'));
    setTimeout(() => setUpdated(''), 5000);
  });
  const [cycle, setCycle] = useCycle(state);

  // Counts the user's moves between views: an answer that comes after the user moved on belongs to
  // a view no longer shown, so its confirmation is not said (an error still is: nothing was saved).
  const moves = useRef(0);
  const sayFrom =
    (at = moves.current) =>
    (text: string, error = false) => {
      if (error || at === moves.current) say(text, error);
    };

  /** Opens a view at its top, without the last one's message: a message belongs to its view. */
  function go(next: View) {
    moves.current++;
    setView(next);
    say('');
  }
  // Before the views' own effects (Mine scrolls to the sheet's row, a form focuses its first field).
  useLayoutEffect(() => window.scrollTo(0, 0), [view]);

  /** Runs a write; on success shows the fresh state, on failure returns the error for the form. */
  async function act(
    call: () => Promise<ActionResult | CheckInResult>,
    after?: () => void,
  ): Promise<FormError | null> {
    setBusy(true);
    const at = moves.current;
    try {
      const res = await write(call);
      if (res.ok) {
        if (at !== moves.current) return null; // the user moved on: the view shown stays
        after?.(); // the view it leads to shows the message
        say(res.message);
        return null;
      }
      say(res.error, true);
      // The row changed meanwhile: the form opens again on what it is now, with the message.
      if (res.changed && res.state && 'kr' in view && at === moves.current) {
        const fresh = res.state.mine.find((k) => k.id === view.kr.id);
        setView(fresh ? { ...view, kr: fresh } : { tab: 'mine' });
      }
      return { error: res.error, field: res.field };
    } catch (e) {
      const error = failed(e);
      return { error };
    } finally {
      setBusy(false);
    }
  }

  /** A call that did not reach the server or threw there: said, and returned for a form. */
  function failed(e: unknown): string {
    const error = tr(lang, 'callFailed', { error: errorText(e) });
    say(error, true);
    return error;
  }

  const backToMine = () => go({ tab: 'mine' });

  // The menu's "Import OKRs from this tab" opens the sidebar on Import (src/endpoints/menu.ts).
  useEffect(() => {
    const open = () => {
      if ((window as { okrOwnersView?: string }).okrOwnersView === 'import') go({ tab: 'import' });
    };
    open();
    addEventListener('okr-owners-view', open);
    return () => removeEventListener('okr-owners-view', open);
  }, []);

  /** Import's confirm: a write whose answer carries no state, so the state is read again after it. */
  async function confirmImport(
    call: () => Promise<ImportConfirmResult>,
  ): Promise<ImportConfirmResult | null> {
    setBusy(true);
    const here = sayFrom();
    try {
      const res = await call();
      here(res.ok ? res.message : res.error, !res.ok);
      if (res.ok) load();
      return res;
    } catch (e) {
      failed(e);
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function selectProblem(p: ProblemView) {
    const here = sayFrom();
    try {
      const res = await server.selectCell({ id: p.id, column: p.column, cell: p.cell });
      here(res.ok ? tr(lang, 'selected', { cell: p.cell ?? p.id ?? '' }) : res.error, !res.ok);
    } catch (e) {
      failed(e);
    }
  }

  async function openActive() {
    if (!state || !active.id) return;
    const mine = state.mine.find((k) => k.id.toLowerCase() === active.id?.toLowerCase());
    if (mine) return go({ tab: 'mine', form: 'checkIn', kr: mine });
    try {
      const res = await server.getKeyResult({ id: active.id });
      if (!res.ok) return say(res.error, true);
      go({ tab: 'mine', form: 'checkIn', kr: res.item });
    } catch (e) {
      failed(e);
    }
  }

  // Everyone in Team has Settings (their own weekly email); a manager has My team next to Mine.
  const tabs: Tab[] = [
    'mine',
    ...(state?.reports ? (['team'] as const) : []),
    ...(state?.can.manage ? (['assign', 'add'] as const) : []),
    'problems',
    ...(state?.can.manage || state?.me.inTeam ? (['settings'] as const) : []),
    ...(state?.can.manage ? (['cycles', 'import'] as const) : []),
  ];
  const activeIndex = state
    ? state.table.id.findIndex((x) => x.toLowerCase() === active.id?.toLowerCase())
    : -1;
  const activeIsKr = activeIndex >= 0 && state?.table.type[activeIndex] === 'k';

  function body() {
    if (!state) return <p class="view">{tr(lang, 'loading')}</p>;
    if ('agreement' in view) {
      return (
        <Agreement
          key={view.agreement.id + view.agreement.version}
          agreement={view.agreement}
          lang={lang}
          busy={busy}
          timeZone={state.timeZone}
          onRespond={(req) => act(() => server.respondAgreement(req), backToMine)}
          onCancel={backToMine}
        />
      );
    }
    if ('ask' in view) {
      return (
        <Retrospective
          key={view.ask.cycle + view.ask.id}
          ask={view.ask}
          lang={lang}
          busy={busy}
          onCancel={backToMine}
          onSave={(req) => act(() => server.saveRetrospective(req), backToMine)}
        />
      );
    }
    if ('kr' in view) {
      // Keyed by the row's version: a changed row opens a fresh form.
      const key = view.kr.id + view.kr.version;
      const form = { kr: view.kr, lang, busy, onCancel: backToMine };
      const fromSource = (id: string) => act(() => server.updateFromSource({ id }), backToMine);
      if (view.form === 'history') {
        return (
          <History
            key={key}
            {...form}
            timeZone={state.timeZone}
            onBack={backToMine}
            onUpdateFromSource={fromSource}
          />
        );
      }
      return view.form === 'checkIn' ? (
        <CheckIn
          key={key}
          {...form}
          state={state}
          onSave={(req) => act(() => server.checkIn(req), backToMine)}
          onUpdateFromSource={fromSource}
        />
      ) : (
        <Ownership
          key={key}
          {...form}
          timeZone={state.timeZone}
          agreement={state.agreements?.mine.find((a) => a.id === view.kr.id)}
          onAccept={(req) => act(() => server.acceptOwnership(req), backToMine)}
          onDecline={(req) => act(() => server.declineOwnership(req), backToMine)}
          onPropose={(req) => act(() => server.proposeAgreement(req), backToMine)}
          onAgree={(req) => act(() => server.respondAgreement(req), backToMine)}
        />
      );
    }
    // Assign and Add work on the table, and Problems would read as "no problems": they wait for it.
    const waitsForTable = !['mine', 'settings', 'import', 'team', 'cycles'].includes(view.tab);
    if (!state.complete && waitsForTable) {
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
            cycle={cycle}
            onCycle={setCycle}
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
        return (
          <Settings
            lang={lang}
            onStatus={sayFrom()}
            onLanguageChanged={() => load()}
            cycles={state.cycles}
            currentCycle={state.currentCycle}
          />
        );
      case 'import':
        return <Import lang={lang} busy={busy} onStatus={sayFrom()} onConfirm={confirmImport} />;
      case 'team':
        return <MyTeam lang={lang} onStatus={sayFrom()} />;
      case 'cycles':
        return <Cycles lang={lang} timeZone={state.timeZone} onStatus={sayFrom()} onChanged={() => load()} />;
      default:
        return (
          <Mine
            state={state}
            lang={lang}
            activeId={activeIsKr ? active.id : null}
            cycle={cycle}
            onCycle={setCycle}
            onCheckIn={(kr) => go({ tab: 'mine', form: 'checkIn', kr })}
            onOwnership={(kr) => go({ tab: 'mine', form: 'ownership', kr })}
            onHistory={(kr) => go({ tab: 'mine', form: 'history', kr })}
            onAgreement={(agreement) => {
              const kr = state.mine.find((k) => k.id === agreement.id);
              go(
                agreement.waitsFor === 'me-owner' && kr
                  ? { tab: 'mine', form: 'ownership', kr }
                  : { tab: 'mine', form: 'agreement', agreement },
              );
            }}
            onRetrospective={(ask) => go({ tab: 'mine', form: 'retrospective', ask })}
          />
        );
    }
  }

  function onTabKey(e: KeyboardEvent, i: number) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (i + step + tabs.length) % tabs.length;
    go({ tab: tabs[next] });
    (document.getElementById(`tab-${tabs[next]}`) as HTMLElement | null)?.focus();
  }

  // data-quick marks a quick state on screen (the whole sheet not read yet), for tests to wait on.
  return (
    <div class="app" data-quick={state && !state.complete ? '' : undefined}>
      <header>
        <h1 class="sr">{tr(lang, 'appTitle')}</h1>
        <nav aria-label={tr(lang, 'navLabel')}>
          {tabs.map((t, i) => (
            <button
              type="button"
              key={t}
              id={`tab-${t}`}
              class={view.tab === t ? 'tab current' : 'tab'}
              aria-current={view.tab === t ? 'page' : undefined}
              onClick={() => go({ tab: t })}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {tr(lang, TAB_WORD[t])}
              {t === 'problems' && state?.complete && state.problems.errors > 0 && (
                <span class="badge">{state.problems.errors}</span>
              )}
            </button>
          ))}
        </nav>
        <button
          type="button"
          class="icon"
          title={tr(lang, 'refresh')}
          onClick={() => {
            follow.resume();
            load(true);
          }}
        >
          <span aria-hidden="true">⟳</span>
          <span class="sr">{tr(lang, 'refresh')}</span>
        </button>
      </header>
      {activeIsKr && state && !('kr' in view && view.form === 'checkIn') && (
        <aside class="follow">
          <span>{tr(lang, 'selectedInSheet', { id: state.table.id[activeIndex] })}</span>{' '}
          <span class="title-text">{state.table.title[activeIndex]}</span>{' '}
          {mayActOn(state, state.table.id[activeIndex]) && (
            <button type="button" class="link" onClick={openActive}>
              {tr(lang, 'checkIn')}
            </button>
          )}
        </aside>
      )}
      <main>{body()}</main>
      <div
        class={status.error ? 'status error' : 'status'}
        role="status"
        aria-live="polite"
        aria-label={tr(lang, 'statusLabel')}
      >
        {status.text}
      </div>
      {/* Apart from the status line: a change of the sheet never hides the message of the user's act. */}
      <span class="updated muted small" aria-live="polite">
        {updated}
      </span>
    </div>
  );
}
