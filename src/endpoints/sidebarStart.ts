// Opening the sidebar: getSidebarStart answers with the caller's own key results, read without
// reading the whole sheet (the quick state); getSidebarState with every row and every problem,
// which the sidebar asks for next and which every whole-sheet write answers with.
import type { SidebarState } from '../api';
import { findTabsByName } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import { activeSpreadsheet, context } from './context';
import { snapshot, startState, stateOf } from './snapshot';

/**
 * The quick state. Tabs are found as snapshot() finds them; their names are not asked (a quick
 * state names no cells).
 */
export function getSidebarStart(): SidebarState {
  const ctx = context();
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team']);
  return startState(ctx, tabs, readTeamTab(tabs.team, { timeZone, lang: ctx.lang }), timeZone);
}

export function getSidebarState(): SidebarState {
  const ctx = context();
  return stateOf(snapshot(ctx), ctx);
}
