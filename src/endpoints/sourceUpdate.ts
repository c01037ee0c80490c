// Key results that update themselves: each Source (src/okr/source/) is read, and every figure it
// gives is recorded as an automatic check-in, marked "from source" (By = SOURCE_BY in the Check-ins
// log): Current and Progress of the row (and its objective's Progress) change; Confidence, the Note
// and Last check-in stay the owner's, who still checks in with their judgment. A Source that gives no
// figure (#REF!, text, empty, a missing tab or name) is a problem and records nothing.
// Two uses: the sidebar's "Update from source" button (one key result, the caller must be allowed
// to check in on it), and the weekly run and a Lead's updateAllFromSources (every key result of an
// open cycle, once per run). Each reads each referenced tab once and writes in a fixed number of
// calls (src/gas/columnSpans.ts).
import { type ActionResult, PROBLEM_CAP, type UpdateSourcesResult } from '../api';
import { loadClosedCycleNames } from '../gas/closedCycles';
import { writeColumnSpans } from '../gas/columnSpans';
import { BusyError, withDocumentLock } from '../gas/lock';
import { readOkrHeader } from '../gas/okrData';
import { sheetValue } from '../gas/okrWrites';
import { readSourceCells } from '../gas/sourceCells';
import { findTabsByName } from '../gas/tabs';
import { readTeam } from '../gas/team';
import { t } from '../okr/core/i18n';
import type { KeyResult, Lang, OkrColumn } from '../okr/core/model';
import { keyResultProgress } from '../okr/core/progress';
import { SOURCE_MESSAGES } from '../okr/source/sourceMessages';
import { readSources, type SourceProblem, sourceNeeds } from '../okr/source/sourceRead';
import { readsItsSource } from '../okr/source/sourceScope';
import { busy } from './act';
import { activeSpreadsheet, type Context, context, withTeam } from './context';
import { calendarOf } from './cycles';
import { requireManage } from './permissions';
import { withSourceFormulas } from './problemReads';
import { keyResultToActOn } from './quickRowWrite';
import type { WritePlan } from './sidebar/checkIn';
import { planObjectiveProgress } from './sidebar/objectiveProgress';
import { localize, parseKeyResultRequest, RequestError } from './sidebar/requests';
import { logCheckIns, makeDate, parseOkrs, type Snapshot, snapshot, stateOf } from './snapshot';

/** The Check-ins log's By for an automatic check-in: one word in every language, so a filter finds them. */
export const SOURCE_BY = 'source';

export interface SourceRun {
  /** Key results whose figure was recorded. */
  recorded: string[];
  problems: SourceProblem[];
}

/**
 * Read the Sources of `keyResults`, log a check-in for each figure and write the rows. `askedBy`
 * (the caller who pressed the button; '' for the weekly run) goes into the note.
 */
export function recordFromSources(
  snap: Snapshot,
  keyResults: readonly KeyResult[],
  opts: { now: number; lang: Lang; askedBy: string },
): SourceRun {
  const sourceColumn = snap.okrs.columns.source;
  if (sourceColumn === undefined || !snap.tabs.okrs || keyResults.length === 0) {
    return { recorded: [], problems: [] };
  }
  const withSource = withSourceFormulas(snap.tabs.okrs, keyResults, sourceColumn).filter((kr) => kr.source);
  if (withSource.length === 0) return { recorded: [], problems: [] };
  const reads = readSourceCells(snap.ss, sourceNeeds(withSource));
  snap.sourceReads = reads;
  const outcome = readSources(withSource, reads, { sheetName: snap.okrName, sourceColumn, lang: opts.lang });
  if (outcome.values.length === 0) return { recorded: [], problems: outcome.problems };

  // Plans with each key result at its new figure, then each touched objective's Progress from
  // them all (planObjectiveProgress, the one rule, over the updated rows).
  const updated = new Map<number, KeyResult>();
  const plans: WritePlan[] = outcome.values.map(({ kr, value, at }) => {
    const after = { ...kr, current: value };
    after.progress = keyResultProgress(after);
    updated.set(kr.row, after);
    const note = opts.askedBy
      ? t(SOURCE_MESSAGES, opts.lang, 'noteBy', { at, by: opts.askedBy })
      : t(SOURCE_MESSAGES, opts.lang, 'note', { at });
    return {
      id: kr.id,
      patch: { current: value, progress: after.progress },
      log: {
        time: opts.now,
        id: kr.id,
        by: SOURCE_BY,
        current: value,
        progress: after.progress,
        confidence: null,
        note,
      },
    };
  });
  // Each touched objective once, over its own key results only (a sheet of 10,000 must not scan
  // every row per update): planObjectiveProgress sees the objective and its rows, updated ones new.
  const children = new Map<string, KeyResult[]>();
  for (const k of snap.okrs.keyResults) {
    if (!k.objectiveId) continue;
    const list = children.get(k.objectiveId) ?? [];
    list.push(updated.get(k.row) ?? k);
    children.set(k.objectiveId, list);
  }
  // The first objective of an ID, as planObjectiveProgress finds it.
  const objectives = new Map<string, (typeof snap.okrs.objectives)[number]>();
  for (const o of snap.okrs.objectives) if (!objectives.has(o.id)) objectives.set(o.id, o);
  const objectiveRows = new Map<number, number | null>();
  const done = new Set<string>();
  plans.forEach((plan, i) => {
    const kr = updated.get(outcome.values[i].kr.row) as KeyResult;
    const objective = kr.objectiveId ? objectives.get(kr.objectiveId) : undefined;
    if (!objective || done.has(objective.id)) return;
    done.add(objective.id);
    const scope = { objectives: [objective], keyResults: children.get(objective.id) ?? [] };
    const planned = planObjectiveProgress(scope, kr, plan);
    if (planned) objectiveRows.set(planned.row, planned.plan.patch.progress as number | null);
  });

  // The log first: a missing log refuses before any row changes (logCheckIns).
  logCheckIns(snap, plans);
  const sheet = snap.tabs.okrs;
  if (!sheet || !snap.okrValues) return { recorded: [], problems: outcome.problems };
  const value = (column: OkrColumn, v: number | null) => sheetValue(column, v, snap.timeZone, makeDate);
  const spans = (['current', 'progress'] as const).flatMap((column) => {
    const index = snap.okrs.columns[column];
    if (index === undefined) return [];
    const cells = new Map<number, unknown>();
    for (const kr of updated.values())
      cells.set(kr.row, value(column, column === 'current' ? kr.current : kr.progress));
    if (column === 'progress') for (const [row, p] of objectiveRows) cells.set(row, value(column, p));
    return [{ column, index, cells }];
  });
  writeColumnSpans(sheet, snap.okrValues, spans, snap.timeZone);
  // The in-memory copy follows, so the state answered needs no second read.
  for (const span of spans) {
    for (const [row, v] of span.cells) {
      const cells = snap.okrValues[row - 1];
      if (cells) cells[span.index] = v;
    }
  }
  snap.okrs = parseOkrs(snap.okrValues, snap.okrName, snap.timeZone, opts.lang);
  return { recorded: plans.map((p) => p.id), problems: outcome.problems };
}

/** The sidebar's "Update from source" on one key result the caller may check in on. */
export function updateFromSource(raw: unknown): ActionResult {
  const ctx = context();
  const parsed = parseKeyResultRequest(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  const held: { snap?: Snapshot } = {};
  try {
    const answer = withDocumentLock(() => {
      const snap = snapshot(ctx, true);
      held.snap = snap;
      if (!snap.tabs.okrs) throw new RequestError('not-set-up');
      const { caller, kr } = keyResultToActOn(snap.okrs, snap.roster, ctx, parsed.value.id);
      const run = recordFromSources(snap, [kr], { now: ctx.now, lang: ctx.lang, askedBy: caller.email });
      if (run.problems.length) return { ok: false as const, error: run.problems[0].message };
      if (run.recorded.length === 0) {
        return { ok: false as const, error: t(SOURCE_MESSAGES, ctx.lang, 'none', { id: kr.id }) };
      }
      const after = snap.okrs.keyResults.find((k) => k.row === kr.row);
      return {
        ok: true as const,
        message: t(SOURCE_MESSAGES, ctx.lang, 'updated', { id: kr.id, value: String(after?.current ?? '') }),
      };
    });
    const snap = held.snap as Snapshot;
    return answer.ok ? { ...answer, state: stateOf(snap, ctx) } : answer;
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: busy(ctx.lang) };
    if (!(e instanceof RequestError)) throw e;
    return { ok: false, ...localize(e, ctx.lang) };
  }
}

/**
 * The weekly run's update: every key result with a Source in an open cycle
 * (src/okr/source/sourceScope.ts), under the document lock, as the run's user. The closed cycles are
 * read here, under the lock, whatever the caller's context says: a cycle closed a moment ago is
 * never written to, and no caller can forget them. Answers what was recorded and the problems.
 */
export function updateAllSources(ctx: Omit<Context, 'closed'>): SourceRun {
  // Most sheets have no Source column: their header says so in one small read, and the run goes on.
  const okrTab = findTabsByName(activeSpreadsheet().ss, ['okrs']).okrs;
  if (!okrTab || readOkrHeader(okrTab)?.layout.columns.source === undefined)
    return { recorded: [], problems: [] };
  return withDocumentLock(() => {
    const closed = loadClosedCycleNames();
    const snap = snapshot({ ...ctx, closed }, true);
    if (!snap.tabs.okrs || snap.okrs.columns.source === undefined) return { recorded: [], problems: [] };
    // Every key result of an open cycle: a Source typed as a formula may show a blank value.
    const reads = readsItsSource(ctx.now, calendarOf(ctx, snap.timeZone), closed);
    const open = snap.okrs.keyResults.filter(reads);
    return recordFromSources(snap, open, { now: ctx.now, lang: ctx.lang, askedBy: '' });
  });
}

/** The weekly run's status line: counts, then the first problems (each says what to do). */
export function sourceReport(run: SourceRun, lang: Lang): string | null {
  if (run.recorded.length === 0 && run.problems.length === 0) return null;
  const head = t(SOURCE_MESSAGES, lang, 'report', { n: run.recorded.length, p: run.problems.length });
  return [head, ...run.problems.slice(0, 3).map((p) => p.message)].join(' ');
}

/**
 * A Lead's "update every key result from its Source" (what the weekly run does, on demand): every
 * key result of an open cycle with a Source, read and written in a fixed number of calls.
 */
export function updateAllFromSources(): UpdateSourcesResult {
  const ctx = context();
  try {
    const team = readTeam(activeSpreadsheet().ss, { lang: ctx.lang });
    const { caller } = withTeam(ctx, team);
    requireManage(caller);
    const run = updateAllSources(ctx);
    return {
      ok: true,
      recorded: run.recorded,
      problems: run.problems
        .slice(0, PROBLEM_CAP)
        .map((p) => ({ id: p.id, cell: p.cell, message: p.message })),
      message: t(SOURCE_MESSAGES, ctx.lang, 'report', { n: run.recorded.length, p: run.problems.length }),
    };
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: busy(ctx.lang) };
    if (!(e instanceof RequestError)) throw e;
    return { ok: false, ...localize(e, ctx.lang) };
  }
}
