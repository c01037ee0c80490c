// The tabs as the sidebar's endpoints read them for one operation, and the states built from them:
// one getValues per tab (OKRs, Team; the Check-ins log only looked up, never read, by the endpoints
// that append to it), the raw OKR values kept so a write can be replayed in memory and the fresh
// state needs no second read.
import { type RetrospectiveAsk, type SidebarState, TITLE_CAP } from '../api';
import { type AgreementLog, appendAgreementSteps, readAgreementLog } from '../gas/agreementLog';
import { appendCheckIns, checkInLog, planBlocks, sheetValue, writeBlocks } from '../gas/okrWrites';
import { readOwnedRows } from '../gas/ownedRows';
import { readResultsValues } from '../gas/resultsTab';
import { findTabsByName, type Tabs } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import { inSheetLanguage } from '../okr/core/choiceWords';
import { sheetLanguage } from '../okr/core/language';
import type { Lang, OkrSheet, Roster } from '../okr/core/model';
import { missingTabSheet, parseOkrSheet } from '../okr/core/parse';
import { TAB } from '../okr/core/tabs';
import { type KeyResultResult, parseResults } from '../okr/cycle/results';
import { ownsClosedKeyResults, retrospectivesDue } from '../okr/cycle/retrospectives';
import type { AgreementEntry } from '../okr/ownership/agreementLog';
import { validateOkrs } from '../okr/ownership/validate';
import type { SourceReads } from '../okr/source/sourceRead';
import { activeSpreadsheet, type Context, withTeam } from './context';
import { calendarOf, cycleRulesFor } from './cycles';
import { readProblemInputs } from './problemReads';
import { agreementsState } from './sidebar/agreementView';

import { CONFIDENCE_LABEL, type WritePlan } from './sidebar/checkIn';
import { RequestError } from './sidebar/requests';
import { findItem } from './sidebar/requestsPlans';
import { buildSidebarState, capText } from './sidebar/sidebarState';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tabs as read for one operation: raw OKR values kept so writes can be replayed in memory. */
export interface Snapshot {
  ss: Spreadsheet;
  tabs: Tabs;
  /** The OKRs tab's name, asked once (problem cells and re-parses name it). */
  okrName: string;
  timeZone: string;
  okrValues: unknown[][] | null;
  okrs: OkrSheet;
  roster: Roster;
  /** The Agreements log as read (null without the tab): the truth about who agreed to what. */
  agreements: AgreementLog | null;
  /** Source cells read by this operation (an update from source), reused for its Problems list. */
  sourceReads?: SourceReads;
}

export function parseOkrs(
  values: unknown[][] | null,
  sheetName: string,
  timeZone: string,
  lang: Lang,
): OkrSheet {
  return values ? parseOkrSheet(values, { sheetName, timeZone, lang }) : missingTabSheet(TAB.okrs, lang);
}

/**
 * One getValues per tab (OKRs, Team). The Check-ins log is only looked up for the endpoints that
 * append to it (`withLog`), and never read: showing or changing a row does not need its history.
 */
export function snapshot(ctx: Context, withLog = false): Snapshot {
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, withLog ? ['okrs', 'team', 'checkIns'] : ['okrs', 'team']);
  const okrValues = tabs.okrs ? tabs.okrs.getDataRange().getValues() : null;
  const okrName = tabs.okrs ? tabs.okrs.getName() : TAB.okrs;
  const okrs = parseOkrs(okrValues, okrName, timeZone, ctx.lang);
  const roster = readTeamTab(tabs.team, {
    sheetName: tabs.team ? tabs.team.getName() : TAB.team,
    timeZone,
    lang: ctx.lang,
  });
  return { ss, tabs, okrName, timeZone, okrValues, okrs, roster, agreements: readAgreementLog(ss) };
}

/** The whole state: every row, every problem. */
export function stateOf(snap: Snapshot, ctx: Context): SidebarState {
  const present = snap.tabs.okrs !== null;
  const entries = snap.agreements?.entries ?? null;
  // The Results tab and the Sources' cells, as Check problems reads them: the sidebar's Problems list
  // and the menu's toast count the same problems. Sheets without a closed cycle or a Source column
  // read nothing more.
  const extra = present
    ? readProblemInputs(snap.ss, snap.okrs, {
        timeZone: snap.timeZone,
        now: ctx.now,
        closed: ctx.closed ?? new Set<string>(),
        settings: ctx.settings,
        okrTab: snap.tabs.okrs,
        known: snap.sourceReads,
      })
    : null;
  const problems = extra
    ? validateOkrs(
        {
          okrs: extra.okrs,
          roster: snap.roster,
          agreements: entries,
          results: extra.results,
          sources: extra.sources,
        },
        {
          now: ctx.now,
          settings: ctx.settings,
          lang: ctx.lang,
          timeZone: snap.timeZone,
          closed: ctx.closed,
        },
      )
    : [];
  const caller = withTeam(ctx, snap.roster).caller;
  const state = buildSidebarState({
    okrs: present ? snap.okrs : null,
    roster: snap.roster,
    problems,
    caller,
    closed: ctx.closed,
    retrospectives: present ? retrospectiveAsks(snap, caller.email, ctx.closed, extra?.results) : [],
    now: ctx.now,
    lang: ctx.lang,
    timeZone: snap.timeZone,
    staleDays: ctx.settings.staleDays,
    calendar: calendarOf(ctx, snap.timeZone),
    rules: cycleRulesFor(ctx, snap.timeZone),
  });
  if (present && entries) {
    state.agreements = agreementsState({
      okrs: snap.okrs,
      entries,
      people: snap.roster.people,
      caller: state.me.email,
      timeZone: snap.timeZone,
      lang: ctx.lang,
    });
  }
  return state;
}

/**
 * The quick state (getSidebarStart's): the caller's own key results from the header, the Owner
 * column and their rows (src/gas/ownedRows.ts), plus Team already read. No problems and no table:
 * those need every cell and come from getSidebarState, which the sidebar asks for next.
 */
export function startState(ctx: Context, tabs: Tabs, roster: Roster, timeZone: string): SidebarState {
  const caller = withTeam(ctx, roster).caller;
  const base = {
    roster,
    caller,
    now: ctx.now,
    lang: ctx.lang,
    timeZone,
    staleDays: ctx.settings.staleDays,
    calendar: calendarOf(ctx, timeZone),
    rules: cycleRulesFor(ctx, timeZone),
    closed: ctx.closed,
  };
  // Without an OKRs tab the whole state is this one: the sidebar offers set-up.
  if (!tabs.okrs) return buildSidebarState({ ...base, okrs: null, problems: [] });
  const owned = readOwnedRows(tabs.okrs, caller.email);
  const okrs = parseOkrSheet(owned.grid, { sheetName: TAB.okrs, timeZone, lang: ctx.lang });
  return buildSidebarState({ ...base, okrs, problems: [], quick: { minePending: owned.unread } });
}

export const makeDate = (ms: number): unknown => new Date(ms);

/** What a cell holds after we write `v`: Sheets keeps a leading apostrophe out of the value. */
export const asStored = (v: unknown): unknown =>
  typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;

/** Carry out row patches on the sheet and on the in-memory values, so the fresh state needs no re-read. */
export function applyPatches(snap: Snapshot, plans: readonly WritePlan[], ctx: Context): void {
  const sheet = snap.tabs.okrs;
  if (!sheet || !snap.okrValues || plans.length === 0) return;
  const rows = plans.map((p) => {
    const item = findItem(snap.okrs, p.id);
    if (!item) throw new RequestError('id-unknown', 'id', { id: p.id });
    // Type, Kind and Confidence in the sheet's language (planned in English).
    return { row: item.row, patch: inSheetLanguage(p.patch, sheetLanguage(snap.okrs.headers, ctx.lang)) };
  });
  const blocks = planBlocks(snap.okrs.columns, rows, (c, v) => sheetValue(c, v, snap.timeZone, makeDate));
  writeBlocks(sheet, blocks);
  for (const b of blocks) {
    b.values.forEach((cells, i) => {
      const row = snap.okrValues?.[b.row - 1 + i];
      if (!row) return;
      cells.forEach((v, j) => {
        row[b.column - 1 + j] = asStored(v);
      });
    });
  }
  snap.okrs = parseOkrs(snap.okrValues, snap.okrName, snap.timeZone, ctx.lang);
}

/**
 * Append the plans' log entries, BEFORE their rows are written: the log's header is checked first so
 * a missing log refuses with nothing written, and a failure writing a row afterwards loses no entry.
 */
export function logCheckIns(snap: Pick<Snapshot, 'tabs'>, plans: readonly WritePlan[]): void {
  const log = checkInLog(snap.tabs.checkIns);
  if (!log) throw new RequestError('not-set-up');
  const entries = plans.flatMap((p) => (p.log ? [p.log] : []));
  if (entries.length) appendCheckIns(log, entries, makeDate, (c) => CONFIDENCE_LABEL[c]);
}

/**
 * Append agreement steps to the log as read in `snap`, in the sheet's language. A sheet without the
 * tab (set up before it existed) keeps working: acceptances and declines are then not logged.
 */
export function logAgreementEntries(snap: Snapshot, entries: readonly AgreementEntry[], ctx: Context): void {
  if (!snap.agreements || entries.length === 0) return;
  if (!appendAgreementSteps(snap.agreements, entries, sheetLanguage(snap.okrs.headers, ctx.lang)))
    throw new RequestError('agreements-missing');
}

/**
 * The caller's retrospectives still to write. The Results tab is read (one getValues) only when the
 * caller owns a key result of a closed cycle: sheets without closed cycles pay nothing.
 */
function retrospectiveAsks(
  snap: Snapshot,
  email: string,
  closed: ReadonlySet<string> | undefined,
  graded?: ReadonlyMap<string, KeyResultResult> | null,
): RetrospectiveAsk[] {
  if (!closed || !ownsClosedKeyResults(snap.okrs.keyResults, email, closed)) return [];
  // The Results tab as the problems read it (null: the sheet has none), else read here: once either way.
  const results =
    graded === undefined
      ? parseResults(readResultsValues(findTabsByName(snap.ss, ['results']).results), snap.timeZone)
      : (graded ?? new Map<string, KeyResultResult>());
  return retrospectivesDue(snap.okrs.keyResults, email, closed, results).map(({ kr, result, progress }) => ({
    id: kr.id,
    title: capText(kr.title, TITLE_CAP),
    cycle: result.cycle,
    score: result.score,
    computed: result.computed,
    progress,
  }));
}
