// The Summary's Results section for a closed cycle: each objective's score (the mean of its key
// results' final scores), each key result's final score beside the computed one, the reason of an
// adjustment, and the owner's retrospective. Scores come from the Results log (src/okr/cycle/results.ts).
import type { KeyResult, Objective } from '../core/model';
import { progressOf } from '../core/progress';
import { cycleResults, type KeyResultResult } from '../cycle/results';
import type { Band } from './summary';
import {
  BAND_COLORS,
  BLANK,
  band,
  block,
  columns,
  type GridBlock,
  num,
  pct,
  type Row,
  SCORE,
  SECTION_BG,
  text,
} from './summaryCells';
import type { GridText } from './summarySections';

export interface SummaryResultRow {
  type: 'objective' | 'key-result';
  id: string;
  title: string;
  owner: string;
  progress: number | null;
  score: number | null;
  computed: number | null;
  reason: string;
  happened: string;
  learned: string;
}

export interface SummaryResults {
  cycle: string;
  closedAt: number;
  rows: SummaryResultRow[];
}

/** The Results section's rows: each objective, then its key results, in sheet order. */
export function summaryResults(
  okrs: { objectives: readonly Objective[]; keyResults: readonly KeyResult[] },
  cycle: { name: string; closedAt: number },
  results: ReadonlyMap<string, KeyResultResult>,
  ownerName: (item: Objective | KeyResult) => string,
): SummaryResults {
  const rows: SummaryResultRow[] = [];
  for (const group of cycleResults(okrs, cycle.name, results)) {
    const o = group.objective;
    if (o)
      rows.push({
        type: 'objective',
        id: o.id,
        title: o.title,
        owner: ownerName(o as Objective),
        progress: null,
        score: group.score,
        computed: null,
        reason: '',
        happened: '',
        learned: '',
      });
    for (const { kr, result } of group.keyResults)
      rows.push({
        type: 'key-result',
        id: kr.id,
        title: kr.title,
        owner: ownerName(kr),
        progress: progressOf(kr),
        score: result?.score ?? null,
        computed: result?.computed ?? null,
        reason: result?.reason ?? '',
        happened: result?.happened ?? '',
        learned: result?.learned ?? '',
      });
  }
  return { cycle: cycle.name, closedAt: cycle.closedAt, rows };
}

export function resultsBlock(
  results: SummaryResults,
  { m, bandLabel, timeZone: _zone }: GridText,
  bandOf: (score: number | null) => Band | null,
): Omit<GridBlock, 'startRow'> {
  const rows: Row[] = results.rows.map((r) => {
    const b = bandOf(r.score);
    const bold = r.type === 'objective';
    return [
      { ...text(r.id), bold },
      { ...text(r.title), bold },
      text(r.owner),
      pct(r.progress),
      { ...num(r.score, SCORE), bold },
      b ? { value: bandLabel(b), bg: BAND_COLORS[b] } : { value: '' },
      num(r.computed, SCORE),
      text(r.reason),
      text(r.happened),
      text(r.learned),
    ];
  });
  return block('results', [
    BLANK,
    band(m('results', { cycle: results.cycle }), SECTION_BG),
    columns([
      m('cId'),
      m('cTitle'),
      m('cOwner'),
      m('cProgress'),
      m('cScore'),
      m('cStatus'),
      m('cComputed'),
      m('cReason'),
      m('cHappened'),
      m('cLearned'),
    ]),
    ...(rows.length ? rows : [[{ value: m('noResults') }]]),
  ]);
}
