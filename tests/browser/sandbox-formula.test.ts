// The sandbox draws conditional formats like Sheets: custom formulas relative to the range's
// top-left cell, first matching rule wins. (Pure; no browser. Lives with the sandbox's tests.)
import { conditionalFormats, type Rule } from '../../local/app/conditional';
import { compileFormula, formulaHolds } from '../../local/app/formula';

const tabs: Record<string, unknown[][]> = {
  OKRs: [
    ['ID', 'Type', 'Parent', 'Title', 'Owner'],
    ['O1', 'Objective', '', 'Grow', 'ana@example.com'],
    ['O1.1', 'Key result', 'O1', 'Signups', ''],
    ['O1.2', 'KR', 'O1', 'Churn', 'nobody@example.com'],
    ['O1.3', 'key result', 'O1', 'NPS', 'bo@example.com'],
    ['O1.4', '', 'O1', 'Implied KR', ''],
  ],
  Team: [
    ['Name', 'Email'],
    ['Ana', 'ana@example.com'],
    ['Bo', 'Bo@Example.com'],
  ],
};
const host = {
  values: (s: string) => tabs[s],
  sheetNames: () => Object.keys(tabs),
  now: () => Date.UTC(2026, 10, 26),
};
const MARK = 'N("okr-owners")=0';
const isKr =
  'OR(REGEXMATCH(LOWER(TRIM($B2)),"^(kr|key ?results?|主要な結果|成果指標)$"),AND(LEN(TRIM($B2))=0,LEN(TRIM($C2))>0))';

const rules: Rule[] = [
  {
    rangesA1: ['E2:E1000'],
    condition: { type: 'CUSTOM_FORMULA', values: [`=AND(${isKr},LEN(TRIM($E2))=0,${MARK})`] },
    format: { background: '#fce8e6' },
  },
  {
    rangesA1: ['E2:E1000'],
    condition: {
      type: 'CUSTOM_FORMULA',
      values: [`=AND(LEN(TRIM($E2))>0,COUNTIF(INDIRECT("'Team'!B:B"),TRIM($E2))=0,${MARK})`],
    },
    format: { background: '#f4c7c3', fontColor: '#a50e0e' },
  },
  {
    rangesA1: ['A2:E1000'],
    condition: {
      type: 'CUSTOM_FORMULA',
      values: [`=AND(REGEXMATCH(LOWER(TRIM($B2)),"^(objective|o|目標)$"),${MARK})`],
    },
    format: { background: '#e8f0fe', bold: true },
  },
  {
    rangesA1: ['D2:D'],
    condition: { type: 'TEXT_CONTAINS', values: ['nps'] },
    format: { background: '#00ff00' },
  },
];

test("the add-on's owner and objective rules colour the cells Sheets would", () => {
  const f = conditionalFormats(rules, 'OKRs', host, 6, 5);
  const bg = (row: number, col: number) => f[row - 1][col - 1]?.background;
  expect(bg(3, 5)).toBe('#fce8e6'); // KR without owner
  expect(bg(6, 5)).toBe('#fce8e6'); // blank Type + Parent = KR without owner
  expect(bg(4, 5)).toBe('#f4c7c3'); // owner not in Team
  expect(bg(5, 5)).toBeUndefined(); // in Team (COUNTIF is case-insensitive)
  expect(bg(2, 5)).toBe('#e8f0fe'); // objective row, owner in Team
  expect(bg(2, 1)).toBe('#e8f0fe');
  expect(f[1][0]?.bold).toBe(true);
  expect(bg(3, 1)).toBeUndefined();
  expect(bg(5, 4)).toBe('#00ff00'); // TEXT_CONTAINS is case-insensitive
  expect(bg(1, 5)).toBeUndefined(); // the header is outside every range
});

test('formulas that err or use unknown functions do not apply', () => {
  const at = { sheet: 'OKRs', row: 2, col: 1, anchorRow: 2, anchorCol: 1 };
  expect(formulaHolds(compileFormula('=1/0>0'), host, at)).toBe(false);
  expect(formulaHolds(compileFormula('=VLOOKUP($A2,A:B,2)'), host, at)).toBe(false);
  expect(formulaHolds(compileFormula('=$A2&"x"="o1X"'), host, at)).toBe(true);
  expect(formulaHolds(compileFormula('=A3="O1.1"'), host, at)).toBe(true);
  expect(formulaHolds(compileFormula('=A3="O1.1"'), host, { ...at, row: 3 })).toBe(false); // relative row
  expect(() => compileFormula('=AND(1,')).toThrow();
});
