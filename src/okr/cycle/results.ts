// A closed cycle's results: each key result's final score (0.0–1.0) and its owner's retrospective.
// They live in the Results tab, a log like Check-ins: closing a cycle appends one row per key result
// (the computed score), and each time the owner adjusts the score or writes the retrospective
// another row is appended with the whole record as it now stands. The latest row of a cycle and ID
// is the truth; earlier rows are the history of what was said. The score is computed by the one
// progress rule (core/progress.ts score()), never by a second copy.
import type { KeyResult, Objective } from '../core/model';
import { asGrid, tableLayout } from '../core/parse';
import { cellText, nfkc, readDate, readNumber } from '../core/parseValues';
import { meanProgress, progressOf, score } from '../core/progress';
import type { AliasTable } from '../core/schema';

export type ResultColumn =
  | 'time'
  | 'cycle'
  | 'id'
  | 'by'
  | 'score'
  | 'computed'
  | 'reason'
  | 'happened'
  | 'learned';

export const RESULT_ALIASES: AliasTable<ResultColumn> = {
  time: ['Time', 'Timestamp', 'Date', '日時', '日付'],
  cycle: ['Cycle', 'Quarter', 'Period', 'サイクル', '期間'],
  id: ['ID', 'KR ID', 'Key result ID', '番号'],
  by: ['By', 'Who', 'Author', '記入者', '入力者'],
  score: ['Score', 'Final score', 'スコア', '最終スコア'],
  computed: ['Computed score', 'Computed', 'Score from progress', '計算スコア', '算出スコア'],
  reason: ['Reason', 'Adjustment reason', 'Why adjusted', '理由', '調整理由'],
  happened: ['What happened', 'Retrospective', 'Summary', '起きたこと', '振り返り'],
  learned: ['What we learned', 'Lessons', 'Learned', '学んだこと', '学び'],
};

export const RESULT_COLUMN_ORDER: readonly ResultColumn[] = [
  'time',
  'cycle',
  'id',
  'by',
  'score',
  'computed',
  'reason',
  'happened',
  'learned',
];

/** The headers a new Results tab gets, per language. */
export const RESULT_HEADERS: Record<'en' | 'ja', readonly string[]> = {
  en: RESULT_COLUMN_ORDER.map((c) => RESULT_ALIASES[c][0]),
  ja: ['日時', 'サイクル', 'ID', '記入者', 'スコア', '計算スコア', '調整理由', '起きたこと', '学んだこと'],
};

/** One key result's result as it now stands (the latest Results row of its cycle and ID). */
export interface KeyResultResult {
  cycle: string;
  id: string;
  time: number;
  by: string;
  /** The final score, 0.0–1.0 in tenths; null when progress could not be computed and nobody set one. */
  score: number | null;
  /** The score computed from progress when the cycle closed. */
  computed: number | null;
  reason: string;
  happened: string;
  learned: string;
  /** Where parseResults found it: the ID's cell on the Results tab (row 1-based, column 0-based). */
  at?: { row: number; column: number };
}

/** A result's key in maps: cycle and ID (an ID may be reused in another cycle's rows). */
export function resultKey(cycle: string, id: string): string {
  return `${cycle.trim()}\u0000${id.trim()}`;
}

function readScore(value: unknown): number | null {
  const n = readNumber(value);
  if (!n || n.value === null || !Number.isFinite(n.value)) return null;
  // "70%" reads as 0.7 too: a score is kept as 0.0–1.0.
  const v = n.value;
  return v >= 0 && v <= 1 ? Math.round(v * 10) / 10 : null;
}

/** The Results tab's latest row per cycle and ID (rows without a cycle or ID are skipped). */
export function parseResults(values: unknown, timeZone: string): Map<string, KeyResultResult> {
  const grid = asGrid(values);
  const { headerRow, columns } = tableLayout(grid, RESULT_ALIASES);
  const out = new Map<string, KeyResultResult>();
  if (columns.cycle === undefined || columns.id === undefined) return out;
  const get = (row: unknown[], c: ResultColumn) => {
    const i = columns[c];
    return i === undefined ? undefined : row[i];
  };
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    const cycle = nfkc(cellText(get(row, 'cycle'))).trim();
    const id = nfkc(cellText(get(row, 'id'))).trim();
    if (!cycle || !id) continue;
    const time = readDate(get(row, 'time'), timeZone);
    out.set(resultKey(cycle, id), {
      cycle,
      id,
      time: typeof time === 'number' ? time : 0,
      by: cellText(get(row, 'by')).toLowerCase(),
      score: readScore(get(row, 'score')),
      computed: readScore(get(row, 'computed')),
      reason: cellText(get(row, 'reason')),
      happened: cellText(get(row, 'happened')),
      learned: cellText(get(row, 'learned')),
      at: { row: r + 1, column: columns.id },
    });
  }
  return out;
}

/** The key results of a cycle: the first row of each ID (duplicates are the validator's business). */
export function keyResultsOfCycle(krs: readonly KeyResult[], cycle: string): KeyResult[] {
  const seen = new Set<string>();
  const out: KeyResult[] = [];
  for (const kr of krs) {
    if (!kr.id || kr.cycle.trim() !== cycle.trim() || seen.has(kr.id)) continue;
    seen.add(kr.id);
    out.push(kr);
  }
  return out;
}

/**
 * What closing `cycle` appends to the Results tab: one record per key result, its final score the
 * score of its progress (computed = score), by the closing Lead.
 *
 * A cycle closed before (then reopened) has its latest rows in `previous`: what the owners wrote is
 * theirs, so closing again never wipes it. The retrospective (what happened, what we learned) is
 * always carried. An adjusted score and its reason are carried while the computed score is the one
 * they adjusted; when the rows changed and the computed score moved, the adjustment answered a
 * score that no longer stands, so the new computed score is the final score and the reason is left
 * out (a reason next to an unadjusted score would explain nothing); the earlier rows keep the old
 * adjustment as history. The model has no "adjustment to review" mark, and the sidebar asks only for
 * a missing retrospective (retrospectiveMissing), so the owner is not asked about it again.
 */
export function planClose(
  krs: readonly KeyResult[],
  cycle: string,
  by: string,
  now: number,
  previous: ReadonlyMap<string, KeyResultResult> = new Map(),
): KeyResultResult[] {
  return keyResultsOfCycle(krs, cycle).map((kr) => {
    const computed = score(progressOf(kr));
    const before = previous.get(resultKey(cycle, kr.id));
    const keepsAdjustment = !!before && before.computed === computed;
    return {
      cycle: cycle.trim(),
      id: kr.id,
      time: now,
      by,
      score: keepsAdjustment ? before.score : computed,
      computed,
      reason: keepsAdjustment ? before.reason : '',
      happened: before?.happened ?? '',
      learned: before?.learned ?? '',
    };
  });
}

/** An objective's score: the mean of its key results' final scores, as a score (score() of the mean). */
export function objectiveScore(results: ReadonlyArray<Pick<KeyResultResult, 'score'>>): number | null {
  return score(meanProgress(results.map((r) => (r.score === null ? null : r.score * 100))));
}

/** The objectives of a cycle with their key results' results, in sheet order, for the Summary and the email. */
export interface ObjectiveResult {
  objective: Pick<Objective, 'id' | 'title' | 'owner' | 'ownerText'> | null;
  score: number | null;
  keyResults: Array<{ kr: KeyResult; result: KeyResultResult | null }>;
}

export function cycleResults(
  okrs: { objectives: readonly Objective[]; keyResults: readonly KeyResult[] },
  cycle: string,
  results: ReadonlyMap<string, KeyResultResult>,
): ObjectiveResult[] {
  const krs = keyResultsOfCycle(okrs.keyResults, cycle);
  const objectiveById = new Map<string, Objective>();
  for (const o of okrs.objectives) if (o.id && !objectiveById.has(o.id)) objectiveById.set(o.id, o);
  const byObjective = new Map<string, ObjectiveResult>();
  const order: ObjectiveResult[] = [];
  for (const kr of krs) {
    const key = kr.objectiveId ?? '';
    let group = byObjective.get(key);
    if (!group) {
      const o = objectiveById.get(key) ?? null;
      group = { objective: o, score: null, keyResults: [] };
      byObjective.set(key, group);
      order.push(group);
    }
    group.keyResults.push({ kr, result: results.get(resultKey(cycle, kr.id)) ?? null });
  }
  for (const g of order)
    g.score = objectiveScore(g.keyResults.map((k) => ({ score: k.result?.score ?? null })));
  return order;
}

/** Whether the owner still owes the retrospective: nothing written about what happened or what was learned. */
export function retrospectiveMissing(
  result: Pick<KeyResultResult, 'happened' | 'learned'> | null | undefined,
): boolean {
  return !!result && !result.happened.trim() && !result.learned.trim();
}
