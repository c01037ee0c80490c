// Following the sheet: every few seconds one call (watchSheet) answers which rows the cursor is on
// and the sheet's version stamp; when the stamp moved, `onChange` reloads the state (Apps Script
// cannot push to the sidebar, and a stamp costs a handful of calls where the state reads the sheet).
// Hidden, the sidebar asks rarely; after a few failures in a row it stops until `resume`.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActiveOkr } from '../src/api';
import { pollDue, versionMoved } from './logic';
import { server } from './server';

/** How often the sidebar asks while it is visible. */
export const FOLLOW_MS = 3000;

export function useFollow(onChange: () => Promise<void>): { active: ActiveOkr; resume(): void } {
  const [active, setActive] = useState<ActiveOkr>({ id: null, selectedIds: [] });
  const failures = useRef(0);
  const change = useRef(onChange);
  change.current = onChange;
  useEffect(() => {
    let polling = false;
    let tick = 0;
    let version: string | null = null;
    const poll = () => {
      if (polling || !pollDue(tick++, document.visibilityState === 'visible', failures.current)) return;
      polling = true;
      server
        .watchSheet()
        .then((w) => {
          failures.current = 0;
          const a = w.active;
          setActive((prev) =>
            prev.id === a.id && prev.selectedIds.join('\n') === a.selectedIds.join('\n') ? prev : a,
          );
          if (versionMoved(version, w.version)) {
            // A reload that fails is asked for again at the next tick.
            change.current().catch(() => {
              version = '';
            });
          }
          version = w.version;
        })
        .catch(() => failures.current++)
        .finally(() => {
          polling = false;
        });
    };
    // Asked at once, before the state is read: a change made meanwhile moves the stamp after it.
    // Shown again, the next tick asks (within FOLLOW_MS).
    poll();
    const timer = setInterval(poll, FOLLOW_MS);
    return () => clearInterval(timer);
  }, []);
  return {
    active,
    resume: () => {
      failures.current = 0;
    },
  };
}
