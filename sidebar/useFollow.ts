// Following the sheet: which row's cell is active and which rows are selected, asked every few
// seconds while the sidebar is visible (Apps Script cannot push to the sidebar).
import { useEffect, useState } from 'preact/hooks';
import type { ActiveOkr } from '../src/api';
import { server } from './server';

/** How often the sidebar asks which row is active; only while it is visible. */
export const FOLLOW_MS = 3000;

export function useFollow(): ActiveOkr {
  const [active, setActive] = useState<ActiveOkr>({ id: null, selectedIds: [] });
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
  return active;
}
