// Closing a cycle, rolling its unfinished key results over, and the owners' retrospectives. A Lead
// closes: each key result of the cycle gets its final score (src/okr/cycle/results.ts) in the Results
// tab and the cycle is recorded as closed (src/gas/closedCycles.ts); from then on its rows are
// read-only for the add-on. Each is one operation under the document lock, in a constant number of
// Sheets calls whatever the sheet's size: one getValues per tab, one block appended.
import type { ActionResult, CycleCloseView, CyclesResult, CyclesView, RollOverRequest } from '../api';
import { loadClosedCycles, storeClosedCycles } from '../gas/closedCycles';
import { BusyError, withDocumentLock } from '../gas/lock';
import { appendCheckIns, checkInLog, newRowValues, sheetValue } from '../gas/okrWrites';
import { appendResults, ensureResultsTab, readResultsValues, resultsWritable } from '../gas/resultsTab';
import { findTabsByName } from '../gas/tabs';
import { inSheetLanguage } from '../okr/core/choiceWords';
import { cycleCalendar, cycleSpan } from '../okr/core/cycle';
import { t } from '../okr/core/i18n';
import { kindAsWritten } from '../okr/core/kindAsWritten';
import { sheetLanguage } from '../okr/core/language';
import type { Lang } from '../okr/core/model';
import { keyResultProgress, progressOf } from '../okr/core/progress';
import { canonicalHeader, OKR_ALIASES, OKR_HEADERS_JA } from '../okr/core/schema';
import { asSheetText } from '../okr/core/sheetText';
import { type ClosedCycle, closedNames } from '../okr/cycle/closedCycles';
import { nextCycleName } from '../okr/cycle/nextCycle';
import { keyResultsOfCycle, parseResults, planClose, resultKey } from '../okr/cycle/results';
import { isUnfinished, planRollOver, type RollOverPlan } from '../okr/cycle/rollOver';
import { act, busy } from './act';
import { type Context, context, withTeam } from './context';
import { canManage, requireActOn, requireIdentity, requireManage } from './permissions';
import type { CheckInLogEntry, RowPatch } from './sidebar/checkIn';
import { parseCloseCycle, parseRetrospective, parseRollOver } from './sidebar/cycleRequests';
import { localize, type Parsed, RequestError } from './sidebar/requests';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';
import { findKeyResult, kindLabel, TYPE_LABEL } from './sidebar/requestsPlans';
import { asStored, makeDate, parseOkrs, type Snapshot, snapshot } from './snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The cycles of the sheet, date-like ones in time order, then the others by name. */
function cyclesView(snap: Snapshot, ctx: Context, closed: readonly ClosedCycle[]): CyclesView {
  // Dated like every other view: the fiscal-year setting, in the spreadsheet's time zone.
  const calendar = cycleCalendar(ctx.settings, snap.timeZone);
  const closedByName = new Map(closed.map((c) => [c.name, c] as const));
  const names = [...new Set(snap.okrs.keyResults.map((k) => k.cycle.trim()).filter(Boolean))];
  const previous = previousIds(snap);
  const carried = new Set(previous.values());
  const cycles: CycleCloseView[] = names.map((name) => {
    const span = cycleSpan(name, calendar);
    const krs = keyResultsOfCycle(snap.okrs.keyResults, name);
    const record = closedByName.get(name);
    const unfinished = record
      ? krs
          .filter((kr) => isUnfinished(kr) && !carried.has(kr.id))
          .map((kr) => ({
            id: kr.id,
            title: kr.title.slice(0, 120),
            progress: progressOf(kr),
            owner: kr.owner,
          }))
      : [];
    return {
      name,
      start: span?.start ?? null,
      end: span?.end ?? null,
      closed: !!record,
      closedAt: record?.closedAt ?? null,
      keyResults: krs.length,
      unfinished,
      next: nextCycleName(name, names, calendar),
    };
  });
  cycles.sort((a, b) => {
    if (a.start !== null && b.start !== null) return a.start - b.start || a.end! - b.end!;
    if (a.start !== null || b.start !== null) return a.start !== null ? -1 : 1;
    return a.name < b.name ? -1 : 1;
  });
  return { lang: ctx.lang, canClose: canManage(withTeam(ctx, snap.roster).caller), cycles };
}

/** Each row's Previous ID ("Carried from") by its ID, from the values as read. */
function previousIds(snap: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  const col = snap.okrs.columns.previous;
  const idCol = snap.okrs.columns.id;
  if (col === undefined || idCol === undefined || !snap.okrValues) return out;
  for (let r = (snap.okrs.headerRow ?? 0) + 1; r < snap.okrValues.length; r++) {
    const id = String(snap.okrValues[r][idCol] ?? '').trim();
    const from = String(snap.okrValues[r][col] ?? '').trim();
    if (id && from) out.set(id, from);
  }
  return out;
}

/**
 * Parse → lock → re-read → perform → the Cycles view. A refusal (RequestError) answers with the
 * localized message (and the view, when it was read); a busy lock answers 'busy'.
 */
function cycleAct<T>(
  raw: unknown,
  parse: (raw: unknown, lang: Lang) => Parsed<T>,
  perform: (req: T, snap: Snapshot, ctx: Context, closed: ClosedCycle[]) => string,
): CyclesResult {
  const ctx = context();
  const parsed = parse(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  const held: { snap?: Snapshot; closed?: ClosedCycle[] } = {};
  try {
    const message = withDocumentLock(() => {
      const snap = snapshot(ctx, true);
      held.snap = snap;
      // Re-read under the lock: another Lead may have closed a cycle meanwhile.
      const closed = loadClosedCycles();
      held.closed = closed;
      if (!snap.tabs.okrs) throw new RequestError('not-set-up');
      const message = perform(parsed.value, snap, { ...ctx, closed: closedNames(closed) }, closed);
      held.closed = loadClosedCycles();
      return message;
    });
    return { ok: true, message, view: cyclesView(held.snap as Snapshot, ctx, held.closed ?? []) };
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: busy(ctx.lang) };
    if (!(e instanceof RequestError)) throw e;
    const view = held.snap ? cyclesView(held.snap, ctx, held.closed ?? []) : undefined;
    return { ok: false, ...localize(e, ctx.lang), ...(view ? { view } : {}) };
  }
}

/** The Cycles view (read-only, no lock). */
export function getCycles(): CyclesResult {
  const ctx = context();
  const snap = snapshot(ctx);
  return { ok: true, view: cyclesView(snap, ctx, loadClosedCycles()) };
}

/** A Lead closes a cycle: every key result scored in the Results tab, then the cycle recorded closed. */
export function closeCycle(raw: unknown): CyclesResult {
  return cycleAct(raw, parseCloseCycle, (req, snap, ctx, closed) => {
    const caller = withTeam(ctx, snap.roster).caller;
    requireManage(caller);
    const cycle = req.cycle;
    const tab = findTabsByName(snap.ss, ['results']).results;
    const values = tab ? readResultsValues(tab) : null;
    // Closed before and reopened: the latest rows carry the owners' retrospectives into the new ones.
    const previous = values ? parseResults(values, snap.timeZone) : undefined;
    const plan = planClose(snap.okrs.keyResults, cycle, caller.email, ctx.now, previous);
    if (plan.length === 0) throw new RequestError('cycle-unknown', 'cycle', { cycle });
    if (closed.some((c) => c.name === cycle))
      throw new RequestError('cycle-already-closed', 'cycle', { cycle });
    if (values && !resultsWritable(values)) throw new RequestError('results-tab-invalid');
    const { sheet, values: now } = ensureResultsTab(snap.ss, tab, ctx.lang, values);
    // The scores first, then the record: a failure between the two leaves the cycle open (closing
    // again appends the scores again; the latest row is the truth), never closed without scores.
    appendResults(sheet, now, plan, makeDate);
    storeClosedCycles([
      ...closed,
      { name: cycle, closedAt: ctx.now, closedBy: caller.email, announced: null },
    ]);
    return t(REQUEST_MESSAGES, ctx.lang, 'cycle-closed-done', { cycle, count: plan.length });
  });
}

/**
 * A Lead reopens a closed cycle: its rows can be changed again (the sidebar, the sheet). Its Results
 * rows stay as the history; closing it again appends new scores, and the latest row is the truth
 * (planClose keeps the owners' retrospectives). Dropping the record drops its announced flag too, so
 * leadership gets the closing email again after the next close, with the new scores.
 */
export function reopenCycle(raw: unknown): CyclesResult {
  return cycleAct(raw, parseCloseCycle, (req, snap, ctx, closed) => {
    requireManage(withTeam(ctx, snap.roster).caller);
    const cycle = req.cycle;
    if (!closed.some((c) => c.name === cycle))
      throw new RequestError('cycle-not-closed-reopen', 'cycle', { cycle });
    storeClosedCycles(closed.filter((c) => c.name !== cycle));
    return t(REQUEST_MESSAGES, ctx.lang, 'cycle-reopened', { cycle });
  });
}

const CARRIED_NOTE = {
  en: 'Carried from {id} ({cycle}); owner and target to be agreed again',
  ja: '{id}（{cycle}）から引き継ぎ。オーナーと目標値はあらためて合意します',
};

/** The new rows of a roll-over, in the order they are appended: each new objective, then the key results. */
function carriedRows(plan: RollOverPlan, to: string, snap: Snapshot): RowPatch[] {
  const kindCells =
    snap.okrs.columns.kind === undefined || !snap.okrValues
      ? []
      : snap.okrValues.slice((snap.okrs.headerRow ?? 0) + 1).map((r) => r[snap.okrs.columns.kind as number]);
  const rows: RowPatch[] = [];
  for (const o of plan.objectives) {
    rows.push({
      id: o.id,
      type: TYPE_LABEL.objective,
      parent: o.from.parentId,
      title: o.from.title,
      owner: o.from.ownerText || null,
      team: o.from.team || null,
      cycle: to,
      previous: o.from.id,
    });
    for (const k of plan.keyResults.filter((x) => x.objectiveId === o.id))
      rows.push(carriedKeyResult(k, to, kindCells));
  }
  const placed = new Set(plan.objectives.map((o) => o.id));
  for (const k of plan.keyResults)
    if (!placed.has(k.objectiveId ?? '')) rows.push(carriedKeyResult(k, to, kindCells));
  return rows;
}

/**
 * A carried key result: same title, owner, team, kind, target and unit; the baseline (Start and
 * Current) is the last value; nothing of the agreement or the check-ins (Accepted, Confidence, Last
 * check-in, Due, Note) is carried, so owner and target are agreed again.
 */
function carriedKeyResult(
  k: RollOverPlan['keyResults'][number],
  to: string,
  kindCells: readonly unknown[],
): RowPatch {
  const from = k.from;
  return {
    id: k.id,
    type: TYPE_LABEL['key-result'],
    parent: k.objectiveId,
    title: from.title,
    owner: from.ownerText || null,
    team: from.team || null,
    cycle: to,
    kind: from.kind ? kindAsWritten(from.kind, kindCells, kindLabel(from.kind)) : null,
    start: k.baseline,
    target: from.target,
    current: k.baseline,
    unit: from.unit || null,
    progress: keyResultProgress({ ...from, start: k.baseline, current: k.baseline }),
    previous: from.id,
  };
}

/** The Previous ID column, added after the last column when the sheet has none (its header in the sheet's language). */
function ensurePreviousColumn(sheet: Sheet, snap: Snapshot, lang: Lang): void {
  if (snap.okrs.columns.previous !== undefined || !snap.okrValues) return;
  const headerRow = (snap.okrs.headerRow ?? 0) + 1;
  const width = snap.okrValues[0]?.length ?? 0;
  // A range past the sheet's last column throws; the column is inserted first.
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertColumnsAfter(Integer,Integer)
  if (sheet.getMaxColumns() <= width) sheet.insertColumnsAfter(Math.max(1, sheet.getMaxColumns()), 1);
  const header =
    sheetLanguage(snap.okrs.headers, lang) === 'ja'
      ? OKR_HEADERS_JA.previous
      : canonicalHeader('previous', OKR_ALIASES);
  sheet.getRange(headerRow, width + 1).setValue(asSheetText(header));
  for (const row of snap.okrValues) row.push('');
  snap.okrValues[headerRow - 1][width] = header;
  snap.okrs = parseOkrs(snap.okrValues, snap.okrName, snap.timeZone, lang);
}

/** A Lead carries a closed cycle's unfinished key results (some or all) into the next cycle. */
export function rollOver(raw: unknown): CyclesResult {
  return cycleAct(raw, parseRollOver, (req: RollOverRequest, snap, ctx, closed) => {
    const caller = withTeam(ctx, snap.roster).caller;
    requireManage(caller);
    if (!closed.some((c) => c.name === req.cycle))
      throw new RequestError('cycle-not-closed', 'cycle', { cycle: req.cycle });
    if (req.to === req.cycle || closed.some((c) => c.name === req.to))
      throw new RequestError(req.to === req.cycle ? 'cycle-same' : 'cycle-already-closed', 'to', {
        cycle: req.to,
      });
    const plan = planRollOver(snap.okrs, previousIds(snap), req.cycle, req.to, req.ids ?? null);
    if (plan.keyResults.length === 0) {
      const why = plan.skipped.map((s) => `${s.id} (${SKIP_WORDS[s.why][ctx.lang]})`).join(', ');
      throw new RequestError('nothing-to-roll-over', 'ids', { reason: why || SKIP_WORDS.none[ctx.lang] });
    }
    const sheet = snap.tabs.okrs as Sheet;
    const log = checkInLog(snap.tabs.checkIns);
    if (!log) throw new RequestError('not-set-up');
    ensurePreviousColumn(sheet, snap, ctx.lang);
    const values = snap.okrValues as unknown[][];
    const lang = sheetLanguage(snap.okrs.headers, ctx.lang);
    const rows = carriedRows(plan, req.to, snap).map((patch) =>
      newRowValues(snap.okrs.columns, values[0].length, inSheetLanguage(patch, lang), (c, v) =>
        sheetValue(c, v, snap.timeZone, makeDate),
      ),
    );
    // The log first (its header is checked above), then the rows in one block below the last row.
    const entries: CheckInLogEntry[] = plan.keyResults.map((k) => ({
      time: ctx.now,
      id: k.id,
      by: caller.email,
      current: k.baseline,
      progress: keyResultProgress({ ...k.from, start: k.baseline, current: k.baseline }),
      confidence: null,
      note: t({ note: CARRIED_NOTE }, ctx.lang, 'note', { id: k.from.id, cycle: req.cycle }),
    }));
    appendCheckIns(log, entries, makeDate, () => '');
    const last = sheet.getLastRow();
    sheet.insertRowsAfter(Math.max(1, last), rows.length);
    sheet.getRange(last + 1, 1, rows.length, values[0].length).setValues(rows);
    snap.okrValues = [...values.slice(0, last), ...rows.map((r) => r.map(asStored))];
    snap.okrs = parseOkrs(snap.okrValues, snap.okrName, snap.timeZone, ctx.lang);
    const ids = plan.keyResults.map((k) => `${k.from.id} → ${k.id}`).join(', ');
    return t(REQUEST_MESSAGES, ctx.lang, 'rolled-over', {
      count: plan.keyResults.length,
      cycle: req.to,
      ids,
    });
  });
}

const SKIP_WORDS = {
  finished: { en: 'finished', ja: '完了済み' },
  carried: { en: 'already carried over', ja: '引き継ぎ済み' },
  'not-in-cycle': { en: 'not in this cycle', ja: 'このサイクルにありません' },
  none: {
    en: 'every key result is finished or already carried over.',
    ja: 'すべての主要な結果が完了済みか引き継ぎ済みです。',
  },
} as const;

/**
 * The owner (or a Lead) writes the retrospective of a closed cycle's key result, and may adjust its
 * final score with a reason. Appended to the Results tab as the whole record as it now stands.
 */
export function saveRetrospective(raw: unknown): ActionResult {
  return act(raw, parseRetrospective, (req, snap, ctx) => {
    const caller = withTeam(ctx, snap.roster).caller;
    requireIdentity(caller);
    const kr = findKeyResult(snap.okrs, req.id);
    requireActOn(caller, kr);
    const closed = closedNames(loadClosedCycles());
    if (kr.cycle.trim() !== req.cycle || !closed.has(req.cycle))
      throw new RequestError('cycle-not-closed', 'cycle', { cycle: req.cycle });
    const tab = findTabsByName(snap.ss, ['results']).results;
    const values = readResultsValues(tab);
    const result = values ? parseResults(values, snap.timeZone).get(resultKey(req.cycle, kr.id)) : undefined;
    if (!tab || !values || !result)
      throw new RequestError('no-result', undefined, { id: kr.id, cycle: req.cycle });
    const score = req.score ?? result.score;
    const reason =
      req.score !== undefined && req.score !== result.computed ? (req.reason ?? '') : result.reason;
    if (score !== result.computed && !reason)
      throw new RequestError('score-reason-missing', 'reason', {
        id: kr.id,
        computed: String(result.computed ?? '—'),
      });
    appendResults(
      tab,
      values,
      [
        {
          ...result,
          time: ctx.now,
          by: caller.email,
          score,
          reason,
          happened: req.happened,
          learned: req.learned,
        },
      ],
      makeDate,
    );
    return t(REQUEST_MESSAGES, ctx.lang, 'retrospective-saved', { id: kr.id });
  });
}
