// Import adapter. readImport reads the source tab, the OKRs tab and (when the add-on's tabs must be
// set up first) the Check-ins tab once each, and decides everything: the rows (planImport), the
// people (importPeople), the team's tabs that carry an add-on name (tabCollisions) and a fingerprint
// of what was read. Nothing is written there: that is the preview. applyImport writes exactly that
// reading: the renames the user confirmed, set-up, the OKRs rows in one setValues below the tab's
// last row, the new Team rows in one setValues. The source tab is only read, never written.
import type { ImportOkrsResult as ImportOutcome } from '../api';
import { t } from '../okr/core/i18n';
import type { Lang, Person } from '../okr/core/model';
import { asGrid, headerConflicts, parseOkrSheet, parseRoster } from '../okr/core/parse';
import { isBlank } from '../okr/core/parseValues';
import { CHECK_IN_ALIASES, OKR_ALIASES, TEAM_ALIASES } from '../okr/core/schema';
import { okrRowValues, safeRow } from '../okr/core/sheetText';
import { TAB, type TabKey } from '../okr/core/tabs';
import { clearedEntry } from '../okr/ownership/agreementLog';
import { IMPORT_MESSAGES, type ImportPlan, planImport } from '../okr/setup/import';
import { valuesFingerprint } from '../okr/setup/import/fingerprint';
import { type ImportPeople, importPeople, teamRowsFor } from '../okr/setup/import/people';
import {
  collision,
  hasAddOnName,
  isTeamsOwnTab,
  type TabCollision,
  type TableTab,
} from '../okr/setup/import/tabCollisions';
import { planOkrsTab, planTeamTab, type TabPlan } from '../okr/setup/structure';
import { appendAgreementSteps, readAgreementLog } from './agreementLog';
import { now } from './session';
import { type SetUpOptions, setUpSheets } from './setUp';
import { findNamedTabs, type Tabs } from './tabs';
import { teamTab } from './team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type ImportOptions = { lang: Lang } & Omit<SetUpOptions, 'examples' | 'lang'>;

/** The Team tab read once: who may import, and who is on Team already. */
export interface TeamRead {
  tab: Sheet | null;
  values: unknown[][] | null;
  people: Person[];
}

export function readTeamOnce(ss: Spreadsheet, lang: Lang): TeamRead {
  const tab = teamTab(ss);
  const values = tab ? tab.getDataRange().getValues() : null;
  const people = values ? parseRoster(values, { sheetName: TAB.team, timeZone: 'Etc/GMT', lang }).people : [];
  return { tab, values, people };
}

export interface ImportReading {
  ok: true;
  sourceName: string;
  /** Of the source tab, and of the OKRs and Team tabs the rows are planned against. */
  fingerprint: string;
  plan: ImportPlan;
  people: ImportPeople;
  collisions: TabCollision[];
  /** The add-on's tabs must be set up (missing, incomplete, or a team's own under their name). */
  setUp: boolean;
  /** Private to applyImport. */
  at: {
    tabs: Tabs;
    sheets: Partial<Record<TableTab, Sheet>>;
    okrValues: unknown[][] | null;
    okrPlan: TabPlan<string>;
    teamValues: unknown[][] | null;
    teamPlan: TabPlan<string>;
    timeZone: string;
  };
}

type Refusal = { ok: false; error: string; field?: string };

const emptySheet = () => ({ columns: {}, headers: [], objectives: [], keyResults: [], problems: [] });

/** Where rows go below a tab's values: after its last non-blank row, never above the header. */
function firstFreeRow(values: unknown[][] | null, headerRow: number): number {
  const grid = values ? asGrid(values) : [];
  let last = grid.length;
  while (last > 0 && grid[last - 1].every(isBlank)) last--;
  return Math.max(last, headerRow) + 1;
}

/** Team's values once set-up has run (its missing headers and first member), for judging owners. */
function teamAfterSetUp(values: unknown[][] | null, plan: TabPlan<string>): unknown[][] {
  const grid = values ? asGrid(values).map((r) => [...r]) : [];
  const put = (row: number, col: number, cells: unknown[]) => {
    while (grid.length < row) grid.push([]);
    cells.forEach((v, i) => {
      grid[row - 1][col - 1 + i] = v;
    });
  };
  if (plan.addHeaders) put(plan.headerRow, plan.addHeaders.startColumn, plan.addHeaders.headers);
  const added = plan.addRows;
  if (added) {
    for (const [i, r] of added.rows.entries()) put(added.startRow + i, 1, r);
  }
  return grid.map((r) => Array.from(r, (v) => v ?? ''));
}

export function readImport(
  ss: Spreadsheet,
  sourceName: string,
  team: TeamRead,
  opts: ImportOptions,
): ImportReading | Refusal {
  const { lang } = opts;
  const found = findNamedTabs(ss);
  const ambiguousOkrs = found.ambiguous.okrs;
  if (ambiguousOkrs) {
    return {
      ok: false,
      error: t(IMPORT_MESSAGES, lang, 'tabs-ambiguous', {
        tabs: ambiguousOkrs.map((n) => `"${n}"`).join(', '),
      }),
      field: 'sheetName',
    };
  }
  const source = ss.getSheetByName(sourceName);
  if (!source) {
    return {
      ok: false,
      field: 'sheetName',
      error:
        lang === 'ja'
          ? `「${sourceName}」というタブがありません。タブ名を確認してください。`
          : `There is no tab named "${sourceName}". Check the tab's name.`,
    };
  }
  const sourceValues = source.getDataRange().getValues();
  const isSource = (key: TabKey) => found.names[key]?.toLowerCase() === sourceName.toLowerCase();
  // The add-on's own tab is no source; a team's tab that only carries an add-on name is.
  const sameTab = () =>
    ({
      ok: false,
      error: t(IMPORT_MESSAGES, lang, 'same-tab', { tab: sourceName }),
      field: 'sheetName',
    }) as const;
  if (isSource('summary')) return sameTab();
  let sheetNames: string[] | null = null;
  const collisions: TabCollision[] = [];
  const sheets: Partial<Record<TableTab, Sheet>> = {};
  /** The tab's values if it is the add-on's; null when missing or the team's own (then left alone). */
  const adopt = (key: TableTab, values: unknown[][] | null): unknown[][] | null => {
    const sheet = found.tabs[key];
    if (!sheet || values === null) return null;
    if (!isTeamsOwnTab(key, values)) return values;
    const name = found.names[key] ?? TAB[key];
    if (hasAddOnName(key, name)) {
      sheetNames ??= ss.getSheets().map((s) => s.getName());
      const taken = [...sheetNames, ...collisions.map((c) => c.renameTo)];
      collisions.push(collision(key, name, values, taken, lang, 'import'));
      sheets[key] = sheet;
    }
    found.tabs[key] = null;
    return null;
  };

  const okrRaw = found.tabs.okrs
    ? isSource('okrs')
      ? sourceValues
      : found.tabs.okrs.getDataRange().getValues()
    : null;
  const okrValues = adopt('okrs', okrRaw);
  if (okrValues !== null && isSource('okrs')) return sameTab();
  const okrPlan = planOkrsTab(okrValues, { lang, userEmail: '', cycle: '', examples: false });
  // New people are added to Team: a team's own tab called Team is found now (it was read anyway).
  const teamValues = adopt('team', found.tabs.team ? (isSource('team') ? sourceValues : team.values) : null);
  const setUp = okrValues === null || okrPlan.addHeaders !== null || collisions.length > 0;
  // Set-up writes into Check-ins too: a team's own tab there is found now, before anything is written.
  let checkInValues: unknown[][] | null = null;
  if (setUp) {
    const log = found.tabs.checkIns;
    checkInValues = adopt(
      'checkIns',
      log ? (isSource('checkIns') ? sourceValues : log.getDataRange().getValues()) : null,
    );
  }
  if ((isSource('team') && teamValues !== null) || (isSource('checkIns') && checkInValues !== null))
    return sameTab();
  // A required column named twice: rows would land in neither; nothing is written.
  const conflict = [
    ...headerConflicts(okrValues, OKR_ALIASES, TAB.okrs, lang),
    ...(setUp ? headerConflicts(teamValues, TEAM_ALIASES, TAB.team, lang) : []),
    ...(setUp ? headerConflicts(checkInValues, CHECK_IN_ALIASES, TAB.checkIns, lang) : []),
  ][0];
  if (conflict) return { ok: false, error: `${conflict.message} ${conflict.hint}` };

  const timeZone = ss.getSpreadsheetTimeZone() || 'Etc/GMT';
  const okrName = found.names.okrs && okrValues ? found.names.okrs : TAB.okrs;
  const existing = okrValues
    ? parseOkrSheet(okrValues, { sheetName: okrName, timeZone, lang })
    : emptySheet();
  const plan = planImport(
    sourceValues,
    { existing, columns: okrPlan.columns, width: okrPlan.width },
    { lang, sourceName },
  );
  if (!plan.ok) return { ok: false, error: plan.error, field: 'sheetName' };

  const teamPlan = planTeamTab(teamValues, { lang, userEmail: setUp ? opts.userEmail : '' });
  const roster = setUp
    ? parseRoster(teamAfterSetUp(teamValues, teamPlan), { sheetName: TAB.team, timeZone, lang }).people
    : team.people;
  const mentions = plan.preview.flatMap((o) => [
    ...(o.existing ? [] : [{ value: o.owner, id: o.id }]),
    ...o.keyResults.map((k) => ({ value: k.owner, id: k.id })),
  ]);
  const people = importPeople(mentions, roster, lang);
  return {
    ok: true,
    sourceName,
    fingerprint: `${valuesFingerprint(sourceValues)}.${valuesFingerprint([
      ...(okrValues ?? []),
      ['\u0000'],
      ...(team.values ?? []),
    ])}`,
    plan,
    people,
    collisions,
    setUp,
    at: { tabs: found.tabs, sheets, okrValues, okrPlan, teamValues, teamPlan, timeZone },
  };
}

/** Writes what readImport read and planned (renames first, then set-up, OKRs rows, Team rows). */
export function applyImport(ss: Spreadsheet, reading: ImportReading, opts: ImportOptions): ImportOutcome {
  const { plan, people, at } = reading;
  for (const c of reading.collisions) at.sheets[c.key]?.setName(c.renameTo);
  const tabs = at.tabs;
  if (reading.setUp) setUpSheets(ss, { ...opts, examples: false }, tabs);
  const okrs = tabs.okrs as Sheet;
  if (plan.rows.length > 0) {
    const startRow = firstFreeRow(at.okrValues, at.okrPlan.headerRow);
    appendRows(
      okrs,
      startRow,
      plan.rows.map((row) => okrRowValues(at.okrPlan.columns, row, at.timeZone)),
    ); // The source's acceptances are not carried over: each such key result's owner is asked again.
    const log = plan.acceptanceCleared.length ? readAgreementLog(ss) : null;
    if (log) {
      const when = now();
      appendAgreementSteps(
        log,
        plan.acceptanceCleared.map((c) =>
          clearedEntry(c.id, c.owner, opts.userEmail, when, 'import', opts.lang),
        ),
        opts.lang,
      );
    }
  }
  let teamAdded = 0;
  if (people.newPeople.length > 0 && tabs.team) {
    // Without set-up, only the columns Team has get values (set-up would add the others).
    const present = reading.setUp
      ? at.teamPlan.width
      : (at.teamPlan.addHeaders?.startColumn ?? at.teamPlan.width + 1) - 1;
    const columns = Object.fromEntries(
      Object.entries(at.teamPlan.columns).filter(([, i]) => (i as number) < present),
    );
    const rows = teamRowsFor(people.newPeople, columns, present).map(safeRow);
    const after = reading.setUp ? teamAfterSetUp(at.teamValues, at.teamPlan) : at.teamValues;
    appendRows(tabs.team, firstFreeRow(after, at.teamPlan.headerRow), rows);
    teamAdded = rows.length;
  }
  return {
    ok: true,
    objectives: plan.objectives,
    keyResults: plan.keyResults,
    skippedRows: plan.skippedRows.map(({ row, reason }) => ({ row, reason })),
    columns: plan.columns,
    setUp: reading.setUp,
    shape: plan.shape,
    preview: plan.preview,
    doubts: plan.doubts,
    teamAdded,
    renamed: reading.collisions.map((c) => ({ from: c.tab, to: c.renameTo })),
  };
}

/** One setValues of `rows` from `startRow`, adding rows to the tab first when it is too short. */
function appendRows(sheet: Sheet, startRow: number, rows: unknown[][]): void {
  const maxRows = sheet.getMaxRows();
  const need = startRow + rows.length - 1;
  if (need > maxRows) sheet.insertRowsAfter(maxRows, need - maxRows);
  sheet.getRange(startRow, 1, rows.length, rows[0].length).setValues(rows);
}

/** The one-step import (read and write in one execution, as the preview would show it). */
export function importFromTab(
  ss: Spreadsheet,
  sourceName: string,
  team: TeamRead,
  opts: ImportOptions,
): ImportOutcome {
  const reading = readImport(ss, sourceName, team, opts);
  if (!reading.ok) return reading;
  if (reading.collisions.length > 0)
    return { ok: false, error: reading.collisions[0].message, field: 'sheetName' };
  return applyImport(ss, reading, opts);
}
