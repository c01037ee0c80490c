// The pure decisions behind a closed cycle's rows edited in the sheet: which edit is put back, which
// is flagged (src/okr/cycle/closedEdit.ts), and which rows no longer match the Results tab's record
// (src/okr/cycle/editedAfterClose.ts).
import { closedEdit, putBackValue } from '../../../../src/okr/cycle/closedEdit';
import { editedAfterClose, leftClosedCycle } from '../../../../src/okr/cycle/editedAfterClose';
import { type KeyResultResult, resultKey } from '../../../../src/okr/cycle/results';
import { modelBuilders } from '../../../fixtures/okr/build';

// Columns (0-based): ID 0, Cycle 1, Current 2, Note 3; column 5 is one the add-on does not know.
const columns = { id: 0, cycle: 1, current: 2, note: 3 };
const closed = new Set(['2026-Q3']);
const row = (cycle: string) => ['O1.1', cycle, 40, '', '', 'mine'];

describe('closedEdit', () => {
  const base = { columns, firstRow: 3, closed };

  test('a typed cell of a closed row is put back to oldValue; an empty old cell is emptied', () => {
    const typed = { ...base, rows: [row('2026-Q3')], fromColumn: 3, toColumn: 3 };
    expect(closedEdit({ ...typed, single: { oldValue: '38', value: '40' } })).toEqual({
      kind: 'revert',
      cycle: '2026-Q3',
      row: 3,
      column: 3,
      value: '38',
    });
    expect(closedEdit({ ...typed, single: { value: '40' } })).toMatchObject({ kind: 'revert', value: '' });
    // Cleared: no new value, the old one comes back.
    expect(closedEdit({ ...typed, single: { oldValue: '38' } })).toMatchObject({
      kind: 'revert',
      value: '38',
    });
  });

  test('a cell with neither value (a paste into one cell) and a block are flagged, cell by cell', () => {
    expect(closedEdit({ ...base, rows: [row('2026-Q3')], fromColumn: 3, toColumn: 3, single: {} })).toEqual({
      kind: 'flag',
      cycles: ['2026-Q3'],
      cells: [{ row: 3, column: 3 }],
    });
    expect(
      closedEdit({
        ...base,
        rows: [row('2026-Q3'), row('2026-Q4'), row('2026-Q3')],
        fromColumn: 2,
        toColumn: 6,
        single: null,
      }),
    ).toEqual({
      kind: 'flag',
      cycles: ['2026-Q3'],
      // Cycle and Current of rows 3 and 5; not Note, not the unknown column, not the open row.
      cells: [
        { row: 3, column: 2 },
        { row: 3, column: 3 },
        { row: 5, column: 2 },
        { row: 5, column: 3 },
      ],
    });
  });

  test('nothing on open rows, on free columns, or while no cycle is closed', () => {
    const single = { oldValue: '1', value: '2' };
    expect(closedEdit({ ...base, rows: [row('2026-Q4')], fromColumn: 3, toColumn: 3, single })).toEqual({
      kind: 'none',
    });
    for (const column of [4, 6])
      expect(
        closedEdit({ ...base, rows: [row('2026-Q3')], fromColumn: column, toColumn: column, single }),
      ).toEqual({ kind: 'none' });
    expect(
      closedEdit({ ...base, closed: new Set(), rows: [row('2026-Q3')], fromColumn: 3, toColumn: 3, single }),
    ).toEqual({ kind: 'none' });
  });

  test('typing a Cycle cell: moving a row into or out of a closed cycle is put back', () => {
    const cycleCell = { ...base, fromColumn: 2, toColumn: 2 };
    expect(
      closedEdit({ ...cycleCell, rows: [row('2026-Q4')], single: { oldValue: '2026-Q3', value: '2026-Q4' } }),
    ).toMatchObject({ kind: 'revert', cycle: '2026-Q3', value: '2026-Q3' });
    expect(
      closedEdit({ ...cycleCell, rows: [row('2026-Q3')], single: { oldValue: '2026-Q4', value: '2026-Q3' } }),
    ).toMatchObject({ kind: 'revert', cycle: '2026-Q3', value: '2026-Q4' });
  });
});

describe('editedAfterClose', () => {
  const b = modelBuilders({ keyResult: { cycle: '2026-Q3', start: 0, target: 100, kind: 'increase' } });
  const result = (id: string, computed: number | null): [string, KeyResultResult] => [
    resultKey('2026-Q3', id),
    {
      cycle: '2026-Q3',
      id,
      time: 0,
      by: '',
      score: computed,
      computed,
      reason: '',
      happened: '',
      learned: '',
    },
  ];

  test('a row whose score moved from the record, and one the record does not have, are listed', () => {
    const krs = [
      b.keyResult('O1.1', 'O1', { row: 3, current: 40, progress: 40 }),
      b.keyResult('O1.2', 'O1', { row: 4, current: 90, progress: 90 }),
      b.keyResult('O1.3', 'O1', { row: 5, current: 10, progress: 10 }),
      b.keyResult('O2.1', 'O1', { row: 6, cycle: '2026-Q4', current: 10, progress: 10 }),
    ];
    const results = new Map([result('O1.1', 0.4), result('O1.2', 0.7)]);
    expect(editedAfterClose(krs, results, closed).map((f) => [f.kr.id, f.recorded, f.now])).toEqual([
      ['O1.2', 0.7, 0.9],
      ['O1.3', undefined, 0.1],
    ]);
  });

  test('nothing while the cycle is open again, or when the Results tab has no record of the cycle', () => {
    const krs = [b.keyResult('O1.1', 'O1', { row: 3, current: 90, progress: 90 })];
    expect(editedAfterClose(krs, new Map([result('O1.1', 0.4)]), new Set())).toEqual([]);
    expect(editedAfterClose(krs, new Map(), closed)).toEqual([]);
  });

  test('a record whose key result left the closed cycle: the row that has the ID now, else the record', () => {
    const krs = [
      b.keyResult('O1.1', 'O1', { row: 3, current: 40, progress: 40 }),
      b.keyResult('O1.2', 'O1', { row: 4, cycle: '2026-Q4', current: 70, progress: 70 }),
    ];
    const [gone, goneResult] = result('O1.3', 0.5);
    const results = new Map([
      result('O1.1', 0.4),
      result('O1.2', 0.7),
      [gone, { ...goneResult, at: { row: 9, column: 1 } }] as [string, KeyResultResult],
    ]);
    expect(
      leftClosedCycle(krs, results, closed).map((f) => [f.id, f.cycle, f.kr?.row ?? null, f.at]),
    ).toEqual([
      ['O1.2', '2026-Q3', 4, undefined],
      ['O1.3', '2026-Q3', null, { row: 9, column: 1 }],
    ]);
    expect(leftClosedCycle(krs, results, new Set())).toEqual([]);
  });
});

describe('putBackValue: the old value written by its column', () => {
  test('a number column gets the number (not "12.5", which a de_DE sheet would not read as one)', () => {
    expect(putBackValue('current', '12.5')).toBe(12.5);
  });
  test('a text column gets text that reads back as typed', () => {
    for (const old of ['007', '+1 NPS', '1,200', '@team', '=SUM(1)'])
      expect(putBackValue('title', old)).toBe(`'${old}`);
  });
  test('a date column gets its serial as a number (the cell keeps its date format); other text stays text', () => {
    expect(putBackValue('lastCheckIn', '46296.375')).toBe(46296.375);
    expect(putBackValue('due', 'TBD')).toBe("'TBD");
  });
  test('an empty cell stays empty', () => {
    expect(putBackValue('title', '')).toBe('');
    expect(putBackValue('due', '')).toBe('');
  });
});
