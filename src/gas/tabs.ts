// Which sheet is which of the add-on's tabs. Every path (the sidebar, set-up, import, onEdit, the
// Summary and the weekly run) finds its tabs here, so they can never read one sheet and write another.
// Tabs are found by name: the add-on's names first, then the aliases people rename them to.
import { headerKey } from '../okr/core/schema';
import { TAB, TAB_ALIASES, type TabKey } from '../okr/core/tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type Tabs = Record<TabKey, Sheet | null>;

export type TabNames = Record<TabKey, string | null>;

/**
 * Match sheets to the add-on's tabs, one rule for every path. A sheet with the add-on's own name wins,
 * whatever its case ("okrs" is the OKRs tab: Sheets keeps names unique ignoring case, and
 * getSheetByName, which the sidebar's quick paths use, ignores case too). Otherwise one sheet with an
 * alias ("Objectives", "Members"…) serves; when two could, neither is taken and the tab is reported
 * as ambiguous, naming both, so nothing reads one and writes the other.
 */
export function findTabs(ss: Spreadsheet): Tabs {
  return findNamedTabs(ss).tabs;
}

/** findTabs, with the names it read on the way and the tabs two sheets could be. */
export function findNamedTabs(ss: Spreadsheet): {
  tabs: Tabs;
  names: TabNames;
  ambiguous: Partial<Record<TabKey, string[]>>;
} {
  const sheets = ss.getSheets();
  const named = sheets.map((sheet) => ({ sheet, name: sheet.getName() }));
  const tabs: Tabs = {
    okrs: null,
    team: null,
    checkIns: null,
    summary: null,
    agreements: null,
    results: null,
  };
  const names: TabNames = {
    okrs: null,
    team: null,
    checkIns: null,
    summary: null,
    agreements: null,
    results: null,
  };
  const ambiguous: Partial<Record<TabKey, string[]>> = {};
  const used = new Set<Sheet>();
  const keys = Object.keys(TAB) as TabKey[];
  const take = (key: TabKey, n: { sheet: Sheet; name: string }) => {
    tabs[key] = n.sheet;
    names[key] = n.name;
    used.add(n.sheet);
  };
  for (const key of keys) {
    const own = named.find((n) => n.name.toLowerCase() === TAB[key].toLowerCase());
    if (own) take(key, own);
  }
  for (const key of keys) {
    if (tabs[key]) continue;
    const aliases = new Set(TAB_ALIASES[key].map(headerKey));
    const matches = named.filter((n) => !used.has(n.sheet) && aliases.has(headerKey(n.name)));
    if (matches.length === 1) take(key, matches[0]);
    else if (matches.length > 1) ambiguous[key] = matches.map((n) => n.name);
  }
  return { tabs, names, ambiguous };
}

/**
 * Only the tabs an operation needs: one getSheetByName per tab when each has the add-on's own name
 * (Sheets names are unique ignoring case, so this is the sheet findTabs would pick), else the full
 * scan of findTabs. Cheaper than listing every sheet and asking each for its name.
 */
export function findTabsByName(ss: Spreadsheet, keys: readonly TabKey[]): Tabs {
  const tabs: Tabs = {
    okrs: null,
    team: null,
    checkIns: null,
    summary: null,
    agreements: null,
    results: null,
  };
  for (const key of keys) {
    const sheet = ss.getSheetByName(TAB[key]);
    if (!sheet) return findTabs(ss);
    tabs[key] = sheet;
  }
  return tabs;
}

/** The tab an edit happened in, by name, without listing every sheet. */
export function tabOfName(name: string): TabKey | null {
  const keys = Object.keys(TAB) as TabKey[];
  const exact = keys.find((k) => TAB[k] === name);
  if (exact) return exact;
  const key = headerKey(name);
  return keys.find((k) => TAB_ALIASES[k].some((a) => headerKey(a) === key)) ?? null;
}
