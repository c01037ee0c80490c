// The cycle the sidebar shows in Mine and Assign: the current one (the server's currentCycle) by
// default; the switch picks another, remembered for this user in this browser (localStorage; where
// storage is blocked it is simply not remembered).
import { useState } from 'preact/hooks';
import type { SidebarState } from '../src/api';

const KEY = 'okrOwners.cycle';

function recall(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch (_e) {
    return '';
  }
}

function remember(name: string): void {
  try {
    localStorage.setItem(KEY, name);
  } catch (_e) {
    // Storage blocked (a third-party frame in some browsers): the choice lasts while the sidebar is open.
  }
}

/** The index into state.cycles shown (-1: every cycle, when the sheet has none), and the switch. */
export function useCycle(state: SidebarState | null): [number, (index: number) => void] {
  const [chosen, setChosen] = useState(recall);
  const cycles = state?.cycles ?? [];
  const find = (name: string | null) => (name ? cycles.findIndex((c) => c.name === name) : -1);
  const at = find(chosen);
  const shown = at >= 0 ? at : find(state?.currentCycle ?? null);
  return [
    shown,
    (index) => {
      // Choosing the current cycle is choosing "the current one": next quarter opens on the next one.
      const name = cycles[index]?.name ?? '';
      const kept = name === state?.currentCycle ? '' : name;
      setChosen(kept);
      remember(kept);
    },
  ];
}
