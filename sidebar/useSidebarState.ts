// The sidebar's state and how it arrives: the quick state (the caller's own key results) and the
// whole one asked for together, each shown only if still newer than what is held; writes whose answer
// is newer than any state asked for before them; reloads (refresh, a new language, the sheet changed).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionResult, CheckInResult, Lang, SidebarState } from '../src/api';
import { tr } from './i18n';
import { agreementArrives, applyCheckIn, sameState, stateArrival, withoutKeyResult } from './logic';
import { errorText, server } from './server';

function initialLang(): Lang {
  const l = document.documentElement.lang || navigator.language || '';
  return /^ja/i.test(l) ? 'ja' : 'en';
}

export interface SidebarStateHook {
  /** Null until the first state arrives. */
  state: SidebarState | null;
  lang: Lang;
  /** Reads the state again (quick first while only a quick one is held); `announce` says "Refreshed.". */
  load(announce?: boolean): Promise<void>;
  /** The sheet changed: the whole state again, shown and `onUpdated` called only if it differs; rejects on failure. */
  sync(): Promise<void>;
  /** Runs a write and shows the state it answers with; the caller says what happened. */
  write(call: () => Promise<ActionResult | CheckInResult>): Promise<ActionResult | CheckInResult>;
}

/** `say` puts a loading outcome on the status line; `onUpdated` hears of a change the sheet made. */
export function useSidebarState(
  say: (text: string, error?: boolean) => void,
  onUpdated: () => void,
): SidebarStateHook {
  const [state, setState] = useState<SidebarState | null>(null);
  const [lang, setLang] = useState<Lang>(initialLang);
  // The state as last shown, for answers that arrive later (a closure would see an old one).
  const held = useRef<SidebarState | null>(null);
  // Bumped whenever a write's result is shown and whenever the sidebar loads again (refresh, a new
  // language): a state asked for before either may be older than what is shown or coming.
  const generation = useRef(0);
  // The latest whole-state request: only it may be repeated when an older answer is dropped.
  const wholeAsked = useRef(0);

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

  /** `announce`: say "Refreshed."; 'sync': keep what is shown when nothing changed, else tell onUpdated. */
  async function loadWhole(announce: boolean | 'sync'): Promise<void> {
    const asked = generation.current;
    const request = ++wholeAsked.current;
    try {
      const next = await server.getSidebarState();
      const what = stateArrival(held.current, next, asked, generation.current);
      // Asked again only by the latest request: an older one's newer twin is already on its way.
      if (what === 'again') return request === wholeAsked.current ? loadWhole(announce) : undefined;
      if (what === 'drop') return; // a write's newer state is shown, with its own message
      if (announce === 'sync') {
        if (sameState(held.current, next)) return;
        onUpdated();
      }
      adopt(next);
      if (announce === true) say(tr(next.lang, 'refreshed'));
    } catch (e) {
      // The poll asks again (no status line: it would interrupt the user for a retry).
      if (announce === 'sync') throw e;
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

  async function write(call: () => Promise<ActionResult | CheckInResult>) {
    const res = await call();
    if (res.ok) {
      // A check-in usually answers with what it changed rather than the whole state.
      if ('item' in res) {
        const before = held.current;
        if (before) adoptWritten(applyCheckIn(before, res));
        if (before && agreementArrives(before, res.agreement)) void loadWhole(false);
      } else if ('left' in res) {
        // A decline: the key result leaves the list at once; the whole state follows.
        if (held.current) adoptWritten(withoutKeyResult(held.current, res.left));
        void loadWhole(false);
      } else {
        adoptWritten(res.state);
        // A quick write on a big sheet answers with the quick state: the whole one follows.
        if (!res.state.complete) void loadWhole(false);
      }
    } else if (res.state) adoptWritten(res.state);
    return res;
  }

  useEffect(() => {
    load();
  }, []);

  return { state, lang, load, write, sync: () => loadWhole('sync') };
}
