// The Team tab, read the same way by every path (the sidebar, set-up, import, settings, the weekly
// switches, onEdit and the whole-sheet reads): found by the add-on's name with one getSheetByName
// (else the scan of findTabs, for a renamed tab), one getValues, parsed by parseRoster. A role check
// reads only this tab, never the OKRs.
import type { Lang, Roster } from '../okr/core/model';
import { parseRoster } from '../okr/core/parse';
import { TAB } from '../okr/core/tabs';
import { findTabsByName } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TeamReadOptions {
  lang: Lang;
  /** People carry no dates; only a caller that shows Team's problems needs the real zone. */
  timeZone?: string;
  /** The tab's name for problem cells; default the add-on's own name (saves asking the tab). */
  sheetName?: string;
}

/** The Team tab, or null when the spreadsheet has none. */
export function teamTab(ss: Spreadsheet): Sheet | null {
  return findTabsByName(ss, ['team']).team;
}

/** Team parsed from one getValues of `tab`; nobody (and no problem) without a tab. */
export function readTeamTab(tab: Sheet | null, opts: TeamReadOptions): Roster {
  const sheetName = opts.sheetName ?? TAB.team;
  if (!tab) return { columns: {}, people: [], problems: [], sheetName };
  return parseRoster(tab.getDataRange().getValues(), {
    sheetName,
    timeZone: opts.timeZone ?? 'Etc/GMT',
    lang: opts.lang,
  });
}

/** The spreadsheet's Team: what a role check reads (and nothing else). */
export function readTeam(ss: Spreadsheet, opts: TeamReadOptions): Roster {
  return readTeamTab(teamTab(ss), opts);
}
