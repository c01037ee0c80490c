// Properties of A1 notation and of typed input, over many generated cases.
import fc from 'fast-check';
import {
  columnToLetters,
  displayValue,
  lettersToColumn,
  parseA1,
  parseTyped,
  rectA1,
} from '../../local/runtime/spreadsheet';
import { resolveA1 } from '../../local/runtime/spreadsheet/a1';

const rect = fc.record({
  row: fc.integer({ min: 1, max: 5000 }),
  col: fc.integer({ min: 1, max: 700 }),
  numRows: fc.integer({ min: 1, max: 300 }),
  numCols: fc.integer({ min: 1, max: 60 }),
});

describe('A1 notation', () => {
  test('column letters and numbers are inverse (A, Z, AA, ZZ, AAA …)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 18278 }), (n) => lettersToColumn(columnToLetters(n)) === n),
    );
    expect([1, 26, 27, 52, 702, 703].map(columnToLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });

  test('a rectangle printed in A1 parses back to itself, with or without a quoted sheet name', () => {
    fc.assert(
      fc.property(
        rect,
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('!')),
        (r, name) => {
          const a1 = rectA1(r);
          const quoted = `'${name.replace(/'/g, "''")}'!${a1}`;
          for (const text of [a1, quoted, a1.toLowerCase()]) {
            const p = parseA1(text);
            if (!p) return false;
            const back = resolveA1(p, 10_000, 1_000);
            if (
              back.row !== r.row ||
              back.col !== r.col ||
              back.numRows !== r.numRows ||
              back.numCols !== r.numCols
            )
              return false;
          }
          return parseA1(quoted)?.sheetName === name;
        },
      ),
    );
  });

  test('R1C1 ranges match their A1 twins; nonsense is not a range', () => {
    fc.assert(
      fc.property(rect, (r) => {
        const r1c1 = `R${r.row}C${r.col}:R${r.row + r.numRows - 1}C${r.col + r.numCols - 1}`;
        const a = parseA1(r1c1);
        const b = parseA1(rectA1(r));
        return (
          !!a && !!b && (['startRow', 'startCol', 'endRow', 'endCol'] as const).every((k) => a[k] === b[k])
        );
      }),
    );
    for (const bad of ['', 'A', '1', 'A0', 'A1:B2:C3', 'R0C1', '1A', 'A1:', ':B2', 'Sheet!'])
      expect(parseA1(bad)).toBeNull();
  });
});

describe('typed input', () => {
  const opts = { timeZone: 'America/New_York', locale: 'en_US' };
  test('integers typed with or without thousands separators read back as the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const grouped = displayValue(n, '#,##0', 'UTC');
        return parseTyped(String(n), opts).value === n && parseTyped(grouped, opts).value === n;
      }),
    );
  });

  test('dates shown as yyyy-mm-dd are typed back to the same day; percents to the same fraction', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const shown = displayValue(d, 'yyyy-mm-dd', opts.timeZone);
          const typed = parseTyped(shown, opts).value as Date;
          return displayValue(typed, 'yyyy-mm-dd', opts.timeZone) === shown;
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (p) => parseTyped(`${p}%`, opts).value === p / 100),
    );
  });

  test('text stays text; an apostrophe keeps anything as text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parseTyped(`'${s}`, opts);
        return p.value === s && p.formula === undefined;
      }),
    );
    expect(parseTyped('O1.2', opts).value).toBe('O1.2');
    expect(parseTyped('2026-Q4', opts).value).toBe('2026-Q4');
    expect(parseTyped('=SUM(A1:A3)', opts)).toEqual({ value: '', formula: '=SUM(A1:A3)' });
  });
});
