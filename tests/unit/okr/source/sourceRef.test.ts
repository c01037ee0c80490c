import type { KeyResult } from '../../../../src/okr/core/model';
import { readSources, type SourceGrid, sourceNeeds } from '../../../../src/okr/source/sourceRead';
import { a1Cell, isRangeName, parseSourceRef } from '../../../../src/okr/source/sourceRef';
import { modelBuilders } from '../../../fixtures/okr/build';

describe('parseSourceRef', () => {
  test.each([
    ["'Sales data'!B7", { kind: 'cell', tab: 'Sales data', row: 7, column: 2 }],
    ["='Sales data'!$B$7", { kind: 'cell', tab: 'Sales data', row: 7, column: 2 }],
    // Sheets eats the leading apostrophe of a typed 'Sales data'!B7.
    ["Sales data'!B7", { kind: 'cell', tab: 'Sales data', row: 7, column: 2 }],
    ['Sales!AA10', { kind: 'cell', tab: 'Sales', row: 10, column: 27 }],
    ['Sales data!B7', { kind: 'cell', tab: 'Sales data', row: 7, column: 2 }],
    ["'Bob''s tab'!C3", { kind: 'cell', tab: "Bob's tab", row: 3, column: 3 }],
    ['Sales!B7:B7', { kind: 'cell', tab: 'Sales', row: 7, column: 2 }],
    ['=Revenue_Q4', { kind: 'name', name: 'Revenue_Q4' }],
    ['Revenue_Q4', { kind: 'name', name: 'Revenue_Q4' }],
    [
      'Sales data[Revenue, 2026-Q4]',
      { kind: 'lookup', tab: 'Sales data', header: 'Revenue', rowKey: '2026-Q4' },
    ],
    ["'売上'[売上高, 2026年度 Q1]", { kind: 'lookup', tab: '売上', header: '売上高', rowKey: '2026年度 Q1' }],
    // Full-width characters fold (NFKC) as people type them in Japanese input.
    ['＝Ｒｅｖｅｎｕｅ＿Ｑ４', { kind: 'name', name: 'Revenue_Q4' }],
  ])('%s', (text, ref) => {
    expect(parseSourceRef(text)).toEqual({ ok: true, ref });
  });

  test.each([
    ['', 'syntax'],
    ['=', 'syntax'],
    ['=SUM(A1:A3)', 'syntax'],
    ['about 40', 'syntax'],
    ['Sales!B2:C9', 'range'],
    ['Sales!B:B', 'range'],
    ['B7', 'no-tab'],
    ['B2:B9', 'no-tab'],
    ['IMPORTRANGE("abc", "Sheet1!A1")', 'other-spreadsheet'],
    ['https://docs.google.com/spreadsheets/d/abc', 'other-spreadsheet'],
    ['TRUE', 'syntax'],
    ['1234', 'syntax'],
    ["'Sales!B7", 'syntax'],
  ])('%s → %s', (text, error) => {
    expect(parseSourceRef(text)).toEqual({ ok: false, error });
  });

  test('A1 cells and range names follow Google’s rules', () => {
    expect(a1Cell('$ZZZ$1')).toEqual({ row: 1, column: 18278 });
    expect(a1Cell('A0')).toBeNull();
    expect(isRangeName('Q4_revenue')).toBe(true);
    expect(isRangeName('A1')).toBe(false);
    expect(isRangeName('R1C1')).toBe(false);
    expect(isRangeName('4q')).toBe(false);
    expect(isRangeName('false')).toBe(false);
    expect(isRangeName('has space')).toBe(false);
  });
});

describe('readSources', () => {
  const { keyResult } = modelBuilders();
  const kr = (id: string, source: string, over: Partial<KeyResult> = {}) =>
    keyResult(id, 'O1', { source, row: 5, unit: '', ...over });
  const sales: SourceGrid = {
    tab: 'Sales data',
    row: 1,
    column: 1,
    values: [
      ['Period', 'Revenue', 'Rate', 'Note'],
      ['2026-Q3', 21, 0.3, '#N/A'],
      ['2026-Q4', 33, 0.45, 'TBD'],
      [new Date(Date.UTC(2026, 11, 31)), 40, true, ''],
    ],
    formats: [
      ['', '', '', ''],
      ['', '#,##0', '0%', ''],
      ['', '#,##0', '0.0%', ''],
      ['', '', '', ''],
    ],
  };
  const reads = {
    tabs: new Map([
      ['Sales data', sales],
      ['Nope', null],
    ]),
    names: new Map<string, SourceGrid | null>([
      ['Revenue_Q4', { tab: 'Sales data', row: 3, column: 2, values: [[33]], formats: [['']] }],
    ]),
  };
  const opts = { sheetName: 'OKRs', sourceColumn: 18, lang: 'en' as const };

  test('numbers, percents by the key result’s unit, named ranges and lookups (dates as YYYY-MM-DD)', () => {
    const out = readSources(
      [
        kr('A', "'Sales data'!B3"),
        kr('B', "'Sales data'!C3", { unit: '%' }),
        kr('C', "'Sales data'!C3"),
        kr('D', '=Revenue_Q4'),
        kr('E', 'Sales data[revenue, 2026-12-31]'),
      ],
      reads,
      opts,
    );
    expect(out.problems).toEqual([]);
    expect(out.values.map((v) => [v.kr.id, v.value, v.at])).toEqual([
      ['A', 33, "'Sales data'!B3"],
      ['B', 45, "'Sales data'!C3"],
      ['C', 0.45, "'Sales data'!C3"],
      ['D', 33, "'Sales data'!B3"],
      ['E', 40, "'Sales data'!B4"],
    ]);
  });

  test('an error value, text, a checkbox, a date, an empty cell or a cell past the data: a problem each', () => {
    const out = readSources(
      [
        kr('A', "'Sales data'!D2"),
        kr('B', "'Sales data'!D3"),
        kr('C', "'Sales data'!C4"),
        kr('D', "'Sales data'!A4"),
        kr('E', "'Sales data'!D4"),
        kr('F', "'Sales data'!Z99"),
        kr('G', 'Nope!A1'),
      ],
      reads,
      opts,
    );
    expect(out.values).toEqual([]);
    expect(out.problems.map((p) => [p.id, p.code, p.cell])).toEqual([
      ['A', 'error', 'OKRs!S5'],
      ['B', 'text', 'OKRs!S5'],
      ['C', 'text', 'OKRs!S5'],
      ['D', 'text', 'OKRs!S5'],
      ['E', 'empty', 'OKRs!S5'],
      ['F', 'empty', 'OKRs!S5'],
      ['G', 'tab-missing', 'OKRs!S5'],
    ]);
    expect(out.problems[0].message).toBe(
      "A (row 5): the Source in OKRs!S5 reads 'Sales data'!D2, which shows the error #N/A. Fix the formula there; nothing was recorded.",
    );
    expect(out.problems[3].message).toContain('"2026-12-31"');
  });

  test('problems in Japanese name the row and the cell too', () => {
    const out = readSources([kr('A', 'Nope!A1')], reads, { ...opts, lang: 'ja' });
    expect(out.problems[0].message).toBe(
      'A（5行目）：OKRs!S5のデータ元が指すタブ「Nope」はこのスプレッドシートにありません。OKRs!S5のタブ名を直すか、タブの名前を変えてください。',
    );
  });

  test('sourceNeeds lists each tab and named range once', () => {
    expect(
      sourceNeeds([
        kr('A', 'Sales!B2'),
        kr('B', 'Sales[X, Y]'),
        kr('C', '=N1_'),
        kr('D', '=N1_'),
        kr('E', 'bad!'),
      ]),
    ).toEqual({ tabs: ['Sales'], names: ['N1_'] });
  });
});
