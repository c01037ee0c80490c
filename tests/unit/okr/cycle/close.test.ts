// The pure parts of closing a cycle and rolling over: closed cycles, scores, retrospectives asked,
// the next cycle's name and the roll-over plan.
import { CALENDAR_YEAR, isOpenCycle } from '../../../../src/okr/core/cycle';
import { closedNames, inClosedCycle, parseClosedCycles } from '../../../../src/okr/cycle/closedCycles';
import { nextCycleName } from '../../../../src/okr/cycle/nextCycle';
import {
  cycleResults,
  objectiveScore,
  parseResults,
  planClose,
  RESULT_HEADERS,
} from '../../../../src/okr/cycle/results';
import { retrospectivesDue } from '../../../../src/okr/cycle/retrospectives';
import { planRollOver } from '../../../../src/okr/cycle/rollOver';
import { modelBuilders } from '../../../fixtures/okr/build';

const NOW = Date.UTC(2026, 9, 5);
const b = modelBuilders({
  keyResult: { cycle: '2026-Q3', owner: 'ana@acme.com' },
  objective: { cycle: '2026-Q3' },
});

describe('closed cycles', () => {
  test('an unreadable stored value is "none closed"; names are trimmed', () => {
    expect(parseClosedCycles('not json')).toEqual([]);
    expect(parseClosedCycles('{"a":1}')).toEqual([]);
    const list = parseClosedCycles(
      JSON.stringify([{ name: ' 2026-Q3 ', closedAt: 1, closedBy: 'a@x' }, { name: 3 }]),
    );
    expect(list).toEqual([{ name: '2026-Q3', closedAt: 1, closedBy: 'a@x', announced: null }]);
    expect(inClosedCycle({ cycle: '2026-Q3 ' }, closedNames(list))).toBe(true);
    expect(inClosedCycle({ cycle: '2026-Q4' }, closedNames(list))).toBe(false);
  });

  test('isOpenCycle: closed by a Lead, or over after the grace days, is not open', () => {
    const closed = new Set(['2026-Q3']);
    expect(isOpenCycle('2026-Q3', NOW, CALENDAR_YEAR, closed)).toBe(false);
    expect(isOpenCycle('2026-Q4', NOW, CALENDAR_YEAR, closed)).toBe(true);
    expect(isOpenCycle('2026-Q2', NOW, CALENDAR_YEAR, new Set())).toBe(false);
    expect(isOpenCycle('Launch', NOW, CALENDAR_YEAR, new Set())).toBe(true);
  });
});

describe('scores', () => {
  test('closing scores every key result of the cycle once, with the one score rule (progress / 100 in tenths)', () => {
    const krs = [
      b.keyResult('O1.1', 'O1', { current: 38 }),
      b.keyResult('O1.2', 'O1', { kind: 'milestone', start: null, target: null, current: 1 }),
      b.keyResult('O1.3', 'O1', { current: null, start: null }),
      b.keyResult('O1.1', 'O1', { current: 90 }),
      b.keyResult('O2.1', 'O2', { cycle: '2026-Q4', current: 50 }),
    ];
    const plan = planClose(krs, '2026-Q3', 'lead@acme.com', NOW);
    expect(plan.map((r) => [r.id, r.score, r.computed])).toEqual([
      ['O1.1', 0.4, 0.4],
      ['O1.2', 1, 1],
      ['O1.3', null, null],
    ]);
    expect(objectiveScore(plan)).toBe(0.7);
  });

  test('the Results tab: the latest row of a cycle and ID wins, Japanese headers read too', () => {
    const rows = [
      [...RESULT_HEADERS.ja],
      [new Date(1), '2026-Q3', 'O1.1', 'lead@acme.com', 0.4, 0.4, '', '', ''],
      [
        new Date(2),
        '2026-Q3',
        'O1.1',
        'ana@acme.com',
        0.6,
        0.4,
        'Deal signed after the end',
        'We shipped',
        'Start earlier',
      ],
      [new Date(3), '', 'O1.2', 'x', 1, 1, '', '', ''],
    ];
    const results = parseResults(rows, 'UTC');
    expect([...results.values()]).toEqual([
      {
        cycle: '2026-Q3',
        id: 'O1.1',
        time: 2,
        by: 'ana@acme.com',
        score: 0.6,
        computed: 0.4,
        reason: 'Deal signed after the end',
        happened: 'We shipped',
        learned: 'Start earlier',
        at: { row: 3, column: 2 },
      },
    ]);
    const okrs = {
      objectives: [b.objective('O1')],
      keyResults: [b.keyResult('O1.1', 'O1', { current: 38 })],
    };
    expect(cycleResults(okrs, '2026-Q3', results)[0]).toMatchObject({ score: 0.6, objective: { id: 'O1' } });
  });

  test('retrospectives are asked of the owner for scored key results of closed cycles without one', () => {
    const krs = [b.keyResult('O1.1', 'O1'), b.keyResult('O1.2', 'O1'), b.keyResult('O1.3', 'O1')];
    const results = parseResults(
      [
        [...RESULT_HEADERS.en],
        [new Date(1), '2026-Q3', 'O1.1', 'lead', 0.4, 0.4, '', '', ''],
        [new Date(1), '2026-Q3', 'O1.2', 'lead', 0.4, 0.4, '', 'Done', ''],
      ],
      'UTC',
    );
    const closed = new Set(['2026-Q3']);
    expect(retrospectivesDue(krs, 'ana@acme.com', closed, results).map((d) => d.kr.id)).toEqual(['O1.1']);
    expect(retrospectivesDue(krs, 'bob@acme.com', closed, results)).toEqual([]);
    expect(retrospectivesDue(krs, 'ana@acme.com', new Set(), results)).toEqual([]);
  });
});

describe('roll-over', () => {
  test('the next cycle: the sheet’s own one that starts at the end, else the next name in the same spelling', () => {
    expect(nextCycleName('2026-Q3', ['2026-Q3'])).toBe('2026-Q4');
    expect(nextCycleName('2026-Q4', [])).toBe('2027-Q1');
    expect(nextCycleName('2026-Q4', ['Q1 2027'])).toBe('Q1 2027');
    expect(nextCycleName('FY2026-H2', [])).toBe('FY2027-H1');
    expect(nextCycleName('2026年度 上期', [])).toBe('2026年度 下期');
    expect(nextCycleName('2026年度 第4四半期', [], { fiscalYearStartMonth: 4, timeZone: 'Asia/Tokyo' })).toBe(
      '2027年度 第1四半期',
    );
    expect(nextCycleName('FY2026', [])).toBe('FY2027');
    expect(nextCycleName('Launch', [])).toBeNull();
  });

  const okrs = () => ({
    objectives: [
      b.objective('O1', { owner: 'lee@acme.com' }),
      b.objective('O2'),
      b.objective('O3', { cycle: '2026-Q4' }),
    ],
    keyResults: [
      b.keyResult('O1.1', 'O1', { current: 40, accepted: 1 }),
      b.keyResult('O1.2', 'O1', { current: 100 }),
      b.keyResult('O2.1', 'O2', { current: null, start: 5 }),
      b.keyResult('O3.1', 'O3', { cycle: '2026-Q4' }),
    ],
  });

  test('all at once: unfinished key results get new IDs under a carried objective, baseline = last value', () => {
    const plan = planRollOver(okrs(), new Map(), '2026-Q3', '2026-Q4', null);
    expect(plan.objectives.map((o) => [o.id, o.from.id])).toEqual([
      ['O4', 'O1'],
      ['O5', 'O2'],
    ]);
    expect(plan.keyResults.map((k) => [k.id, k.objectiveId, k.from.id, k.baseline])).toEqual([
      ['O4.1', 'O4', 'O1.1', 40],
      ['O5.1', 'O5', 'O2.1', 5],
    ]);
  });

  test('one at a time: a carried objective is reused, a carried or finished key result is not carried again', () => {
    const sheet = okrs();
    sheet.objectives.push(b.objective('O4', { cycle: '2026-Q4' }));
    sheet.keyResults.push(b.keyResult('O4.1', 'O4', { cycle: '2026-Q4' }));
    const previous = new Map([
      ['O4', 'O1'],
      ['O4.1', 'O1.1'],
    ]);
    expect(planRollOver(sheet, previous, '2026-Q3', '2026-Q4', ['O1.1', 'O1.2', 'O9']).skipped).toEqual([
      { id: 'O9', why: 'not-in-cycle' },
      { id: 'O1.1', why: 'carried' },
      { id: 'O1.2', why: 'finished' },
    ]);
    sheet.keyResults.push(b.keyResult('O1.3', 'O1', { current: 10 }));
    const plan = planRollOver(sheet, previous, '2026-Q3', '2026-Q4', ['O1.3']);
    expect(plan.objectives).toEqual([]);
    expect(plan.keyResults.map((k) => [k.id, k.objectiveId])).toEqual([['O4.2', 'O4']]);
  });
});
