// Closing a cycle again after a Lead reopened it: the owners' retrospectives are kept, an adjusted
// score is kept while the computed score it adjusted still stands.
import { type KeyResultResult, planClose, resultKey } from '../../../../src/okr/cycle/results';
import { modelBuilders } from '../../../fixtures/okr/build';

const NOW = Date.UTC(2026, 9, 5);
const b = modelBuilders({
  keyResult: { cycle: '2026-Q3', owner: 'ana@acme.com' },
  objective: { cycle: '2026-Q3' },
});

function written(id: string, over: Partial<KeyResultResult>): [string, KeyResultResult] {
  const r: KeyResultResult = {
    cycle: '2026-Q3',
    id,
    time: 1,
    by: 'ana@acme.com',
    score: 0.4,
    computed: 0.4,
    reason: '',
    happened: '',
    learned: '',
    ...over,
  };
  return [resultKey(r.cycle, id), r];
}

describe('closing again after a reopen', () => {
  const krs = [
    b.keyResult('O1.1', 'O1', { current: 38 }),
    b.keyResult('O1.2', 'O1', { current: 90 }),
    b.keyResult('O1.3', 'O1', { current: 70 }),
  ];
  const previous = new Map([
    // Adjusted, computed unchanged (0.4): all kept.
    written('O1.1', {
      score: 0.6,
      reason: 'Signed after the end',
      happened: 'Late start',
      learned: 'Pilot first',
    }),
    // Adjusted against 0.5, now computed 0.9: the text is kept, the adjustment is not.
    written('O1.2', {
      score: 0.7,
      computed: 0.5,
      reason: 'Partly done',
      happened: 'Half shipped',
      learned: '',
    }),
    // Never written: as a first close.
    written('O1.3', { score: 0.7, computed: 0.7, by: 'lead@acme.com' }),
  ]);

  test('the retrospective is always kept; the adjustment only while its computed score stands', () => {
    const plan = planClose(krs, '2026-Q3', 'lead@acme.com', NOW, previous);
    expect(plan.map((r) => [r.id, r.score, r.computed, r.reason, r.happened, r.learned])).toEqual([
      ['O1.1', 0.6, 0.4, 'Signed after the end', 'Late start', 'Pilot first'],
      ['O1.2', 0.9, 0.9, '', 'Half shipped', ''],
      ['O1.3', 0.7, 0.7, '', '', ''],
    ]);
    expect(plan.every((r) => r.by === 'lead@acme.com' && r.time === NOW)).toBe(true);
  });

  test("another cycle's rows with the same ID are not carried", () => {
    const other = new Map([
      [
        resultKey('2026-Q2', 'O1.1'),
        { ...previous.get(resultKey('2026-Q3', 'O1.1'))!, cycle: '2026-Q2' } as KeyResultResult,
      ],
    ]);
    const plan = planClose(krs, '2026-Q3', 'lead@acme.com', NOW, other);
    expect(plan[0]).toMatchObject({ id: 'O1.1', score: 0.4, reason: '', happened: '', learned: '' });
  });
});
