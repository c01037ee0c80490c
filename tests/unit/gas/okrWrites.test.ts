// Writes go in contiguous blocks by the columns' header positions, text is written as text (a leading
// apostrophe, which Sheets neither shows nor returns), progress is a fraction, new rows are placed by
// header, and the log is appended in one call. The fake sheet stores what is written, apostrophe included.
import type { CellValue } from '../../../src/endpoints/sidebar/checkIn';
import {
  appendCheckIns,
  checkInLog,
  insertOkrRow,
  newRowValues,
  planBlocks,
  sheetValue,
} from '../../../src/gas/okrWrites';
import type { ColumnMap, OkrColumn } from '../../../src/okr/core/model';

const date = (ms: number) => ({ date: ms });
const toValue = (c: OkrColumn, v: CellValue) => sheetValue(c, v, 'Asia/Tokyo', date);

describe('sheetValue', () => {
  test('text is formula-safe, progress a fraction, times and days are dates in the sheet zone', () => {
    expect(sheetValue('title', '=IMPORTXML("x")', 'UTC', date)).toBe(`'=IMPORTXML("x")`);
    expect(sheetValue('note', '+1 more', 'UTC', date)).toBe(`'+1 more`);
    expect(sheetValue('progress', 45.5, 'UTC', date)).toBe(0.455);
    expect(sheetValue('current', 45.5, 'UTC', date)).toBe(45.5);
    expect(sheetValue('accepted', { time: 123 }, 'UTC', date)).toEqual({ date: 123 });
    expect(sheetValue('due', { day: '2026-12-31' }, 'Asia/Tokyo', date)).toEqual({
      date: Date.UTC(2026, 11, 30, 15),
    });
    expect(sheetValue('owner', null, 'UTC', date)).toBe('');
  });
});

describe('planBlocks', () => {
  // Columns in a custom order: current(K=10) unit progress confidence … note far right.
  const columns: ColumnMap<OkrColumn> = {
    id: 0,
    owner: 4,
    current: 10,
    progress: 12,
    confidence: 13,
    accepted: 14,
    lastCheckIn: 15,
    note: 17,
  };

  test('one check-in → one block per run of adjacent columns', () => {
    const blocks = planBlocks(
      columns,
      [
        {
          row: 7,
          patch: { current: 3, progress: 50, confidence: 'On track', lastCheckIn: { time: 1 }, note: 'n' },
        },
      ],
      toValue,
    );
    expect(blocks).toEqual([
      { row: 7, column: 11, values: [[3]] },
      { row: 7, column: 13, values: [[0.5, "'On track"]] },
      { row: 7, column: 16, values: [[{ date: 1 }]] },
      { row: 7, column: 18, values: [["'n"]] },
    ]);
  });

  test('the same columns on consecutive rows merge; gaps start a new block', () => {
    const patch = { owner: 'b@x.io', accepted: null };
    const blocks = planBlocks(
      columns,
      [5, 3, 4, 9].map((row) => ({ row, patch })),
      toValue,
    );
    expect(blocks).toEqual([
      { row: 3, column: 5, values: [["'b@x.io"], ["'b@x.io"], ["'b@x.io"]] },
      { row: 3, column: 15, values: [[''], [''], ['']] },
      { row: 9, column: 5, values: [["'b@x.io"]] },
      { row: 9, column: 15, values: [['']] },
    ]);
  });

  test('a column the sheet does not have is skipped, not invented', () => {
    expect(
      planBlocks({ id: 0, current: 1 }, [{ row: 2, patch: { current: 1, note: 'x' } }], toValue),
    ).toEqual([{ row: 2, column: 2, values: [[1]] }]);
  });
});

/** A fake sheet that records calls, to count them and see what was written where. */
function fakeSheet(values: unknown[][], spareRows = 0) {
  const calls: string[] = [];
  // Like Google's sheets: a fixed grid; a range past its last row throws.
  let maxRows = values.length + spareRows;
  const sheet = {
    getLastRow: () => values.length,
    getLastColumn: () => values[0]?.length ?? 0,
    // The tab's size in one call (tabSize): Google's data range is A1 on an empty tab.
    getDataRange: () => ({
      getLastRow: () => Math.max(1, values.length),
      getLastColumn: () => Math.max(1, values[0]?.length ?? 0),
    }),
    insertRowAfter: (row: number) => {
      calls.push(`insertRowAfter(${row})`);
      values.splice(row, 0, new Array(values[0].length).fill(''));
      maxRows += 1;
    },
    insertRowsAfter: (row: number, count: number) => {
      calls.push(`insertRowsAfter(${row},${count})`);
      if (row < values.length) values.splice(row, 0, ...Array.from({ length: count }, () => []));
      maxRows += count;
    },
    getRange: (row: number, column: number, rows = 1, cols = 1) => {
      if (row < 1 || row + rows - 1 > maxRows) {
        throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      }
      return rangeAt(row, column, rows, cols);
    },
  };
  const rangeAt = (row: number, column: number, rows: number, cols: number) => ({
    getValues: () => {
      calls.push(`getValues(${row},${column},${rows},${cols})`);
      return values.slice(row - 1, row - 1 + rows).map((r) => r.slice(column - 1, column - 1 + cols));
    },
    setValues: (v: unknown[][]) => {
      calls.push(`setValues(${row},${column},${rows},${cols})`);
      v.forEach((r, i) => {
        values[row - 1 + i] ??= [];
        r.forEach((x, j) => {
          values[row - 1 + i][column - 1 + j] = x;
        });
      });
    },
  });
  return { sheet: sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, calls, values };
}

describe('rows and the log', () => {
  test('a new row is filled by header position and inserted below its objective', () => {
    const columns: ColumnMap<OkrColumn> = { title: 0, id: 2, type: 1 };
    const row = newRowValues(columns, 4, { id: 'O1.3', type: 'Key result', title: '@everyone' }, toValue);
    expect(row).toEqual(["'@everyone", "'Key result", "'O1.3", '']);
    const s = fakeSheet([
      ['Title', 'Type', 'ID', 'X'],
      ['a', 'Objective', 'O1', ''],
      ['b', 'Key result', 'O1.1', ''],
      ['c', 'Objective', 'O2', ''],
    ]);
    expect(insertOkrRow(s.sheet, 3, row)).toBe(4);
    expect(s.values[3]).toEqual(row);
    expect(s.values[4][2]).toBe('O2');
    expect(insertOkrRow(s.sheet, 0, ['z'])).toBe(6);
    // An empty tab: row 1 is there to write to, nothing to insert after.
    const empty = fakeSheet([], 1);
    expect(insertOkrRow(empty.sheet, 0, ['a'])).toBe(1);
    expect(empty.values).toEqual([['a']]);
    expect(empty.calls).toEqual(['setValues(1,1,1,1)']);
  });

  test('the log is found by its headers and appended in one setValues', () => {
    const s = fakeSheet([
      ['Note', 'ID', 'Time', 'By', 'Confidence', 'Progress', 'Current', 'Extra'],
      ['old', 'O1', 1, 'a', '', '', '', 'keep'],
    ]);
    const log = checkInLog(s.sheet);
    expect(log?.columns).toEqual({ note: 0, id: 1, time: 2, by: 3, confidence: 4, progress: 5, current: 6 });
    appendCheckIns(
      log!,
      [
        {
          time: 5,
          id: 'O1.1',
          by: 'ana@example.com',
          current: 35,
          progress: 75,
          confidence: 'at-risk',
          note: '=2+2',
        },
      ],
      date,
      () => 'At risk',
    );
    expect(s.values[2]).toEqual(["'=2+2", "'O1.1", { date: 5 }, "'ana@example.com", 'At risk', 0.75, 35, '']);
    // The log had no spare row: one row is inserted under the last entry, then one setValues.
    expect(s.calls.filter((c) => !c.startsWith('getValues'))).toEqual([
      'insertRowsAfter(2,1)',
      'setValues(3,1,1,8)',
    ]);
    expect(s.values[1][7]).toBe('keep');
  });

  const entry = (id: string) => ({
    time: 5,
    id,
    by: 'ana@example.com',
    current: 1,
    progress: 10,
    confidence: null,
    note: '',
  });

  test('several entries: one insert and one setValues, right under the last entry even with blank rows below', () => {
    const s = fakeSheet(
      [
        ['Time', 'ID', 'By'],
        [1, 'O1', 'a'],
      ],
      3,
    );
    const log = checkInLog(s.sheet)!;
    appendCheckIns(log, [entry('O1.1'), entry('O1.2')], date, () => '');
    appendCheckIns(log, [entry('O1.3')], date, () => '');
    expect(s.values.map((r) => r[1])).toEqual(['ID', 'O1', "'O1.1", "'O1.2", "'O1.3"]);
    expect(s.calls.filter((c) => !c.startsWith('getValues'))).toEqual([
      'insertRowsAfter(2,2)',
      'setValues(3,1,2,3)',
      'insertRowsAfter(4,1)',
      'setValues(5,1,1,3)',
    ]);
  });

  test('if the insert fails, nothing is written', () => {
    const s = fakeSheet([
      ['Time', 'ID', 'By'],
      [1, 'O1', 'a'],
    ]);
    const log = checkInLog(s.sheet)!;
    (s.sheet as unknown as { insertRowsAfter: () => void }).insertRowsAfter = () => {
      throw new Error('Service Spreadsheets failed');
    };
    expect(() => appendCheckIns(log, [entry('O1.1')], date, () => '')).toThrow('Service Spreadsheets failed');
    expect(s.values).toHaveLength(2);
    expect(s.calls.filter((c) => c.startsWith('setValues'))).toEqual([]);
  });

  test('a log without Time or ID columns is refused (null), so nothing is half-written', () => {
    expect(checkInLog(fakeSheet([['When?', 'What']]).sheet)).toBeNull();
    expect(checkInLog(null)).toBeNull();
  });
});
