// The sidebar's endpoints, behind the thin wrappers in src/index.ts. Every write follows the same
// path: parse the request (types, sizes), take the document lock, re-read the tabs, find rows by ID,
// check the caller's right from Session + Team, plan (pure, src/okr/), write in blocks, and return
// the fresh state built from the values just written (no second read). The frequent ones read less:
// check-in, accept, decline (rowWrite) and getKeyResult find their rows by ID (TextFinder) instead
// of reading the whole OKRs tab; check-in and accept answer with what changed (CheckInOk in
// src/api.ts), decline with the quick state; getSidebarStart reads only the caller's rows.
import type {
  ActionResult,
  ActiveOkr,
  CheckInOk,
  CheckInResult,
  DigestStatusView,
  KeyResultResult,
  SelectCellResult,
  SettingsResult,
  SettingsView,
  SidebarState,
} from '../api';
import { callerLanguage } from '../gas/language';
import { BusyError, withDocumentLock } from '../gas/lock';
import { findTabs, findTabsByName, okrRowFinder, readOkrRowById, type Tabs } from '../gas/okrData';
import {
  appendCheckIns,
  checkInLog,
  insertOkrRow,
  newRowValues,
  planBlocks,
  sheetValue,
  writeBlocks,
} from '../gas/okrWrites';
import { readOwnedRows } from '../gas/ownedRows';
import { activeOkrRows, columnIndex, selectA1, selectOkrCell } from '../gas/selection';
import { activeUserEmail, now } from '../gas/session';
import { loadSettings, storeSettings } from '../gas/settings';
import { readDigestStatus } from '../gas/weeklyState';
import { t } from '../okr/core/i18n';
import type { KeyResult, Lang, OkrSheet, Roster, Settings } from '../okr/core/model';
import { missingTabSheet, parseOkrSheet, parseRoster } from '../okr/core/parse';
import { keyResultProgress } from '../okr/core/progress';
import { TAB } from '../okr/core/tabs';
import { validateOkrs } from '../okr/ownership/validate';
import type { DigestStatus } from '../okr/weekly/weeklyRun';
import {
  type Caller,
  callerFrom,
  canActOn,
  canManage,
  requireActOn,
  requireIdentity,
  requireManage,
} from './permissions';
import {
  CONFIDENCE_LABEL,
  planAccept,
  planCheckIn,
  planDecline,
  requireColumns,
  resolvedProblems,
  type WritePlan,
} from './sidebar/checkIn';
import {
  localize,
  type Parsed,
  parseAccept,
  parseAddKeyResult,
  parseAddObjective,
  parseAssign,
  parseCheckIn,
  parseDecline,
  parseKeyResultRequest,
  parseSaveSettings,
  parseSelectCell,
  RequestError,
} from './sidebar/requests';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';
import {
  findItem,
  findKeyResult,
  type NewRowPlan,
  planAddKeyResult,
  planAddObjective,
  planAssign,
} from './sidebar/requestsPlans';
import { buildSidebarState, keyResultView } from './sidebar/sidebarState';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tabs as read for one operation: raw OKR values kept so writes can be replayed in memory. */
interface Snapshot {
  ss: Spreadsheet;
  tabs: Tabs;
  /** The OKRs tab's name, asked once (problem cells and re-parses name it). */
  okrName: string;
  timeZone: string;
  okrValues: unknown[][] | null;
  okrs: OkrSheet;
  roster: Roster;
}

interface Context {
  email: string;
  settings: Settings;
  lang: Lang;
  now: number;
}

function context(): Context {
  const settings = loadSettings();
  return { email: activeUserEmail(), settings, lang: callerLanguage(settings), now: now() };
}

function parseOkrs(values: unknown[][] | null, sheetName: string, timeZone: string, lang: Lang): OkrSheet {
  return values ? parseOkrSheet(values, { sheetName, timeZone, lang }) : missingTabSheet(TAB.okrs, lang);
}

/** The active spreadsheet and its time zone (dates are read and written in it). */
function activeSpreadsheet(): { ss: Spreadsheet; timeZone: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return { ss, timeZone: ss.getSpreadsheetTimeZone() || 'Etc/GMT' };
}

/** The Team tab parsed from one getValues; an empty roster when there is no Team tab. */
function readRoster(team: Sheet | null, sheetName: string, timeZone: string, lang: Lang): Roster {
  return team
    ? parseRoster(team.getDataRange().getValues(), { sheetName, timeZone, lang })
    : { columns: {}, people: [], problems: [], sheetName: TAB.team };
}

/**
 * One getValues per tab (OKRs, Team). The Check-ins log is only looked up for the endpoints that
 * append to it (`withLog`), and never read: showing or changing a row does not need its history.
 */
function snapshot(ctx: Context, withLog = false): Snapshot {
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, withLog ? ['okrs', 'team', 'checkIns'] : ['okrs', 'team']);
  const okrValues = tabs.okrs ? tabs.okrs.getDataRange().getValues() : null;
  const okrName = tabs.okrs ? tabs.okrs.getName() : TAB.okrs;
  const okrs = parseOkrs(okrValues, okrName, timeZone, ctx.lang);
  const roster = readRoster(tabs.team, tabs.team ? tabs.team.getName() : TAB.team, timeZone, ctx.lang);
  return { ss, tabs, okrName, timeZone, okrValues, okrs, roster };
}

function stateOf(snap: Snapshot, ctx: Context): SidebarState {
  const present = snap.tabs.okrs !== null;
  const problems = present
    ? validateOkrs(
        { okrs: snap.okrs, roster: snap.roster },
        { now: ctx.now, settings: ctx.settings, lang: ctx.lang },
      )
    : [];
  return buildSidebarState({
    okrs: present ? snap.okrs : null,
    roster: snap.roster,
    problems,
    caller: callerFrom(ctx.email, snap.roster),
    now: ctx.now,
    lang: ctx.lang,
    timeZone: snap.timeZone,
    staleDays: ctx.settings.staleDays,
  });
}

/**
 * The sidebar's first answer: the caller's own key results from the header, the Owner column and
 * their rows (src/sheets/ownedRows.ts), plus the Team tab. No problems and no table: those need every
 * cell, and come from getSidebarState, which the sidebar asks for next. Tabs are found as snapshot()
 * finds them; their names are not asked (a quick state names no cells).
 */
export function getSidebarStart(): SidebarState {
  const ctx = context();
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team']);
  return startState(ctx, tabs, readRoster(tabs.team, TAB.team, timeZone, ctx.lang), timeZone);
}

/** getSidebarStart's state from tabs and a Team already read (a quick write answers with it too). */
function startState(ctx: Context, tabs: Tabs, roster: Roster, timeZone: string): SidebarState {
  const caller = callerFrom(ctx.email, roster);
  const base = { roster, caller, now: ctx.now, lang: ctx.lang, timeZone, staleDays: ctx.settings.staleDays };
  // Without an OKRs tab the whole state is this one: the sidebar offers set-up.
  if (!tabs.okrs) return buildSidebarState({ ...base, okrs: null, problems: [] });
  const owned = readOwnedRows(tabs.okrs, caller.email);
  const okrs = parseOkrSheet(owned.grid, { sheetName: TAB.okrs, timeZone, lang: ctx.lang });
  return buildSidebarState({ ...base, okrs, problems: [], quick: { minePending: owned.unread } });
}

export function getSidebarState(): SidebarState {
  const ctx = context();
  return stateOf(snapshot(ctx), ctx);
}

const makeDate = (ms: number): unknown => new Date(ms);

/** What a cell holds after we write `v`: Sheets keeps a leading apostrophe out of the value. */
const asStored = (v: unknown): unknown => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);

/** Carry out row patches on the sheet and on the in-memory values, so the fresh state needs no re-read. */
function applyPatches(snap: Snapshot, plans: readonly WritePlan[], ctx: Context): void {
  const sheet = snap.tabs.okrs;
  if (!sheet || !snap.okrValues || plans.length === 0) return;
  const rows = plans.map((p) => {
    const item = findItem(snap.okrs, p.id);
    if (!item) throw new RequestError('id-unknown', 'id', { id: p.id });
    return { row: item.row, patch: p.patch };
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
function logCheckIns(snap: Pick<Snapshot, 'tabs'>, plans: readonly WritePlan[]): void {
  const log = checkInLog(snap.tabs.checkIns);
  if (!log) throw new RequestError('not-set-up');
  const entries = plans.flatMap((p) => (p.log ? [p.log] : []));
  if (entries.length) appendCheckIns(log, entries, makeDate, (c) => CONFIDENCE_LABEL[c]);
}

/** The shared shape of every write endpoint: parse → lock → re-read → decide → write → fresh state. */
function act<T>(
  raw: unknown,
  parse: (raw: unknown, lang: Lang) => Parsed<T>,
  perform: (req: T, snap: Snapshot, ctx: Context) => string,
  withLog = false,
): ActionResult {
  const ctx = context();
  const parsed = parse(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  const held: { snap?: Snapshot } = {};
  try {
    const message = withDocumentLock(() => {
      const snap = snapshot(ctx, withLog);
      held.snap = snap;
      if (!snap.tabs.okrs) throw new RequestError('not-set-up');
      return perform(parsed.value, snap, ctx);
    });
    return { ok: true, message, state: stateOf(held.snap as Snapshot, ctx) };
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: t(REQUEST_MESSAGES, ctx.lang, 'busy') };
    if (!(e instanceof RequestError)) throw e;
    const refused = localize(e, ctx.lang);
    // The sidebar's picture was out of date: send the current one along with the refusal.
    const stale = e.key === 'changed' || e.key === 'id-unknown';
    const state = held.snap ? stateOf(held.snap, ctx) : undefined;
    return { ok: false, ...refused, ...(stale ? { changed: true } : {}), ...(state ? { state } : {}) };
  }
}

/**
 * The key result `id` and the signed-in caller, who must be its owner or a Lead. Refused (thrown) in
 * this order: no identity, unknown ID, not theirs.
 */
function keyResultToActOn(okrs: OkrSheet, roster: Roster, ctx: Context, id: string) {
  const caller = callerFrom(ctx.email, roster);
  requireIdentity(caller);
  const kr = findKeyResult(okrs, id);
  requireActOn(caller, kr);
  return { caller, kr };
}

/**
 * A write to one key result that reads only what it needs: the header, the row found by ID
 * (TextFinder over the ID column), the Team tab and, for writes that log, the log's header, instead
 * of the whole OKRs tab. Null when that is not enough to decide (no single matching row): the caller
 * then takes the full path. A refusal is thrown (RequestError) before anything is written, for the
 * full path to answer with a fresh state. The problems before and after are those of a sheet holding
 * only this row: problems that depend on other rows show up in both and cancel out, so the
 * difference is exactly what the write fixed. A write that adds a problem is answered in full.
 */
function quickRowWrite(
  id: string,
  ctx: Context,
  decide: (kr: KeyResult, caller: Caller) => { plan: WritePlan; message: string },
): CheckInOk | ActionResult | null {
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team', 'checkIns']);
  if (!tabs.okrs) return null;
  const found = readOkrRowById(tabs.okrs, id);
  if (!found) return null;
  const sheetName = tabs.okrs.getName();
  const parse = () => parseOkrSheet(found.grid, { sheetName, timeZone, lang: ctx.lang });
  const okrs = parse();
  const roster = readRoster(tabs.team, TAB.team, timeZone, ctx.lang);
  const { caller, kr } = keyResultToActOn(okrs, roster, ctx, id);
  const { plan, message } = decide(kr, caller);
  requireColumns(plan, okrs.columns, ctx.lang);
  const problemsOf = (sheet: OkrSheet) =>
    validateOkrs({ okrs: sheet, roster }, { now: ctx.now, settings: ctx.settings, lang: ctx.lang });
  const before = problemsOf(okrs);
  // Log first, then the row (as the full path does).
  if (plan.log) logCheckIns({ tabs }, [plan]);
  const blocks = planBlocks(okrs.columns, [{ row: found.row, patch: plan.patch }], (c, v) =>
    sheetValue(c, v, timeZone, makeDate),
  );
  writeBlocks(tabs.okrs, blocks);
  const values = found.grid[found.row - 1];
  for (const b of blocks) {
    b.values[0].forEach((v, j) => {
      values[b.column - 1 + j] = asStored(v);
    });
  }
  const after = parse();
  const fresh = findItem(after, kr.id);
  const resolved = fresh?.type === 'key-result' ? resolvedProblems(before, problemsOf(after)) : null;
  if (fresh?.type !== 'key-result' || resolved === null || fresh.owner !== kr.owner) {
    // More changed than a CheckInOk can say (a new problem, the owner gone): the quick state, read
    // after the write; the sidebar then asks for the whole one, as when it opens.
    return { ok: true, message, state: startState(ctx, tabs, roster, timeZone) };
  }
  return { ok: true, message, item: keyResultView(fresh, '', ctx.now, ctx.settings.staleDays), resolved };
}

/** What a write to one key result does, decided from its row and the caller: the plan and the confirmation. */
type RowDecision<T> = (
  req: T,
  kr: KeyResult,
  caller: Caller,
  ctx: Context,
) => { plan: WritePlan; message: string };

/**
 * A write to one key result (check-in, accept, decline), decided once by `decide` for both paths:
 * first the quick one (quickRowWrite, under the lock); refusals, and sheets where the row cannot be
 * found cheaply (a duplicate ID, an ID cell with stray spaces), take the full path, which re-reads
 * the whole tab under the lock and answers with the fresh state. `withLog`: the write appends to
 * the Check-ins log.
 */
function rowWrite<T extends { id: string }>(
  raw: unknown,
  parse: (raw: unknown, lang: Lang) => Parsed<T>,
  decide: RowDecision<T>,
  withLog: boolean,
): CheckInResult {
  const ctx = context();
  const parsed = parse(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  const req = parsed.value;
  try {
    const answer = withDocumentLock(() =>
      quickRowWrite(req.id, ctx, (kr, caller) => decide(req, kr, caller, ctx)),
    );
    if (answer) return answer;
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: t(REQUEST_MESSAGES, ctx.lang, 'busy') };
    if (!(e instanceof RequestError)) throw e;
  }
  return act(
    raw,
    parse,
    (full, snap, fullCtx) => {
      const { caller, kr } = keyResultToActOn(snap.okrs, snap.roster, fullCtx, full.id);
      const { plan, message } = decide(full, kr, caller, fullCtx);
      requireColumns(plan, snap.okrs.columns, fullCtx.lang);
      if (plan.log) logCheckIns(snap, [plan]);
      applyPatches(snap, [plan], fullCtx);
      return message;
    },
    withLog,
  );
}

/** Check in on a key result; usually answered with what changed (CheckInOk). */
export function checkIn(raw: unknown): CheckInResult {
  return rowWrite(
    raw,
    parseCheckIn,
    (req, kr, caller, ctx) => ({
      plan: planCheckIn(kr, req, caller.email, ctx.now, keyResultProgress),
      message: t(REQUEST_MESSAGES, ctx.lang, 'checked-in', { id: kr.id }),
    }),
    true,
  );
}

/** Accept ownership; usually answered with what changed, like a check-in. */
export function acceptOwnership(raw: unknown): CheckInResult {
  return rowWrite(
    raw,
    parseAccept,
    (req, kr, _caller, ctx) => ({
      plan: planAccept(kr, req.version, ctx.now),
      message: t(REQUEST_MESSAGES, ctx.lang, 'accepted', { id: kr.id }),
    }),
    false,
  );
}

/** Decline ownership: usually answered with the quick state (the owner is gone; see quickRowWrite). */
export function declineOwnership(raw: unknown): CheckInResult {
  return rowWrite(
    raw,
    parseDecline,
    (req, kr, caller, ctx) => ({
      plan: planDecline(kr, req, caller.email, ctx.now, ctx.lang),
      message: t(REQUEST_MESSAGES, ctx.lang, 'declined', { id: kr.id }),
    }),
    true,
  );
}

export function assignOwner(raw: unknown): ActionResult {
  return act(raw, parseAssign, (req, snap, ctx) => {
    requireManage(callerFrom(ctx.email, snap.roster));
    const plans = planAssign(snap.okrs, snap.roster, req);
    applyPatches(snap, plans, ctx);
    return t(REQUEST_MESSAGES, ctx.lang, 'assigned', { count: req.ids.length, email: req.email });
  });
}

function addRow(snap: Snapshot, plan: NewRowPlan, ctx: Context): void {
  const sheet = snap.tabs.okrs;
  if (!sheet || !snap.okrValues) throw new RequestError('not-set-up');
  const after = plan.afterId ? findItem(snap.okrs, plan.afterId) : null;
  const width = snap.okrValues[0]?.length ?? 1;
  const row = newRowValues(snap.okrs.columns, width, plan.values, (c, v) =>
    sheetValue(c, v, snap.timeZone, makeDate),
  );
  const at = insertOkrRow(sheet, after ? after.row : 0, row);
  while (snap.okrValues.length < at - 1) snap.okrValues.push(new Array(width).fill(''));
  snap.okrValues.splice(at - 1, 0, row.map(asStored));
  snap.okrs = parseOkrs(snap.okrValues, snap.okrName, snap.timeZone, ctx.lang);
}

export function addObjective(raw: unknown): ActionResult {
  return act(raw, parseAddObjective, (req, snap, ctx) => {
    requireManage(callerFrom(ctx.email, snap.roster));
    const plan = planAddObjective(snap.okrs, snap.roster, req);
    addRow(snap, plan, ctx);
    return t(REQUEST_MESSAGES, ctx.lang, 'added-objective', { id: plan.id });
  });
}

export function addKeyResult(raw: unknown): ActionResult {
  return act(raw, parseAddKeyResult, (req, snap, ctx) => {
    requireManage(callerFrom(ctx.email, snap.roster));
    const plan = planAddKeyResult(snap.okrs, snap.roster, req, keyResultProgress);
    addRow(snap, plan, ctx);
    return t(REQUEST_MESSAGES, ctx.lang, 'added-key-result', { id: plan.id });
  });
}

/**
 * A key result for the check-in form, read like quickCheckIn: its row and its objective's row found
 * by ID, and Team. Null when a row is not found cheaply; the full path then decides (and words the error).
 */
function quickKeyResult(id: string, ctx: Context): KeyResultResult | null {
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team']);
  const finder = tabs.okrs ? okrRowFinder(tabs.okrs) : null;
  const itemOf = (itemId: string) => {
    const found = finder?.rowById(itemId);
    return found
      ? findItem(parseOkrSheet(found.grid, { sheetName: TAB.okrs, timeZone, lang: ctx.lang }), itemId)
      : null;
  };
  const kr = itemOf(id);
  if (kr?.type !== 'key-result') return null;
  const objective = kr.objectiveId ? itemOf(kr.objectiveId) : null;
  if (kr.objectiveId && !objective) return null;
  const roster = readRoster(tabs.team, TAB.team, timeZone, ctx.lang);
  const item = keyResultView(kr, objective?.title ?? '', ctx.now, ctx.settings.staleDays);
  return { ok: true, item, canAct: canActOn(callerFrom(ctx.email, roster), kr) };
}

export function getKeyResult(raw: unknown): KeyResultResult {
  const ctx = context();
  const parsed = parseKeyResultRequest(raw, ctx.lang);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const quick = quickKeyResult(parsed.value.id, ctx);
  if (quick) return quick;
  const snap = snapshot(ctx);
  try {
    if (!snap.tabs.okrs) throw new RequestError('not-set-up');
    const kr = findKeyResult(snap.okrs, parsed.value.id);
    const objective = kr.objectiveId ? findItem(snap.okrs, kr.objectiveId) : null;
    const item = keyResultView(kr, objective?.title ?? '', ctx.now, ctx.settings.staleDays);
    return { ok: true, item, canAct: canActOn(callerFrom(ctx.email, snap.roster), kr) };
  } catch (e) {
    if (e instanceof RequestError) return { ok: false, error: localize(e, ctx.lang).error };
    throw e;
  }
}

export function selectCell(raw: unknown): SelectCellResult {
  const ctx = context();
  const parsed = parseSelectCell(raw, ctx.lang);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const req = parsed.value;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const invalid = () => ({
    ok: false as const,
    error: t(REQUEST_MESSAGES, ctx.lang, 'cell-invalid', { cell: req.cell ?? req.id ?? '' }),
  });
  if (req.id) {
    const snap = snapshot(ctx);
    const item = snap.tabs.okrs ? findItem(snap.okrs, req.id) : null;
    if (item && snap.tabs.okrs) {
      const column = columnIndex(snap.okrs, req.column ?? null);
      if (column === undefined) return invalid();
      selectOkrCell(ss, snap.okrName, item.row, column);
      return { ok: true };
    }
    if (!req.cell) {
      return { ok: false, error: t(REQUEST_MESSAGES, ctx.lang, 'id-unknown', { id: req.id }) };
    }
  }
  return req.cell && selectA1(ss, req.cell) ? { ok: true } : invalid();
}

export function getActiveOkrId(): ActiveOkr {
  return activeOkrRows(SpreadsheetApp.getActiveSpreadsheet());
}

// ---- settings ---------------------------------------------------------------------------------

const ms = (iso: string | null | undefined): number | null => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? t : null;
};

/** Issue 7's run status, as Settings shows it: the current run, else the last finished one. */
export function digestView(status: DigestStatus): DigestStatusView {
  const last = status.lastRun;
  const current = status.period !== null;
  return {
    enabled: status.enabled,
    period: status.period ?? last?.period ?? null,
    startedAt: current ? ms(status.startedAt) : null,
    finishedAt: current ? ms(status.finishedAt) : ms(last?.finishedAt),
    sent: current ? status.sent : (last?.sent ?? 0),
    failed: current ? status.failedCount : (last?.failedCount ?? 0),
    remaining: current ? (status.remaining ?? 0) : 0,
    failures: current ? status.failed.slice(0, 10).map((f) => ({ email: f.email, reason: f.reason })) : [],
    waitingFor: status.waitingFor,
    ...(current && status.lastError && status.finishedAt === null ? { problem: status.lastError } : {}),
    nextRunAt: ms(status.nextRunAt),
  };
}

function digestOrNull(): DigestStatusView | null {
  try {
    return digestView(readDigestStatus());
  } catch (_e) {
    // A damaged run state must not keep a Lead out of the other settings.
    return null;
  }
}

function teamOnly(ctx: Context): { roster: Roster; timeZone: string } {
  const { ss, timeZone } = activeSpreadsheet();
  const team = findTabs(ss).team;
  const roster = readRoster(team, team ? team.getName() : TAB.team, timeZone, ctx.lang);
  return { roster, timeZone };
}

function settingsView(ctx: Context, roster: Roster, timeZone: string): SettingsView {
  return {
    settings: { ...ctx.settings },
    timeZone,
    canEdit: canManage(callerFrom(ctx.email, roster)),
    lang: ctx.lang,
    digest: digestOrNull(),
  };
}

export function getSettings(): SettingsResult {
  const ctx = context();
  const { roster, timeZone } = teamOnly(ctx);
  return { ok: true, message: '', view: settingsView(ctx, roster, timeZone) };
}

export function saveSettings(raw: unknown): SettingsResult {
  let ctx = context();
  const { roster, timeZone } = teamOnly(ctx);
  try {
    // Who may comes before what: a non-Lead learns they cannot change settings, not which field is off.
    requireManage(callerFrom(ctx.email, roster));
  } catch (e) {
    if (!(e instanceof RequestError)) throw e;
    return { ok: false, ...localize(e, ctx.lang), view: settingsView(ctx, roster, timeZone) };
  }
  const parsed = parseSaveSettings(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  try {
    withDocumentLock(() => {
      // Re-read inside the lock: weekly on/off is owned by its own endpoints and must survive a save.
      const current = loadSettings();
      storeSettings({ ...current, ...parsed.value, weeklyEmails: current.weeklyEmails });
    });
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: t(REQUEST_MESSAGES, ctx.lang, 'busy') };
    if (!(e instanceof RequestError)) throw e;
    return { ok: false, ...localize(e, ctx.lang), view: settingsView(ctx, roster, timeZone) };
  }
  ctx = context();
  return {
    ok: true,
    message: t(REQUEST_MESSAGES, ctx.lang, 'settings-saved'),
    view: settingsView(ctx, roster, timeZone),
  };
}
