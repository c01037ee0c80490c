// Random OKR sheets: parsing and validation never throw, every problem points at a real row and
// cell, and any owner cell naming two Team emails is always owner-multiple.
import fc from 'fast-check';
import { DEFAULT_SETTINGS, type Person } from '../../src/okr/core/model';
import { parseOkrSheet, parseRoster } from '../../src/okr/core/parse';
import { columnLetter } from '../../src/okr/core/problems';
import { OKR_ALIASES } from '../../src/okr/core/schema';
import { judgeOwner } from '../../src/okr/ownership/owners';
import { validateOkrs } from '../../src/okr/ownership/validate';

const TEAM_EMAILS = [
  'ann@acme.com',
  'bob@acme.com',
  'chie@acme.co.jp',
  "d.o'neil@acme.com",
  'eve+okr@acme.com',
];
const team = [
  ['Name', 'Email', 'Team', 'Role'],
  ['Ann Lee', TEAM_EMAILS[0], 'Growth', 'Lead'],
  ['Bob Stone', TEAM_EMAILS[1], 'Platform', ''],
  ['佐藤 千恵', TEAM_EMAILS[2], '営業', ''],
  ["Dan O'Neil", TEAM_EMAILS[3], 'Growth', ''],
  ['Eve', TEAM_EMAILS[4], 'Growth', ''],
];
const roster = parseRoster(team, { sheetName: 'Team', timeZone: 'UTC', lang: 'en' });

const cellValue = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('O1', 'O1.1', 'O1.2', 'O2', 'KR', 'Objective', 'Key result', '主要な結果', 'Task', ''),
  fc.constantFrom(...TEAM_EMAILS, 'Ann and Bob', 'Growth team', 'carl@x.com', 'Ann Lee', '佐藤・鈴木', ''),
  fc.constantFrom('increase', 'decrease', 'at least', 'at most', 'milestone', 'sideways'),
  fc.constantFrom('On track', 'At risk', 'Off track', 'green', 'meh'),
  fc.constantFrom(
    '45%',
    '1,200',
    '¥3,000',
    '#REF!',
    '#N/A',
    '=cmd|/c calc',
    '<img src=x onerror=alert(1)>',
    'x'.repeat(5000),
  ),
  fc.double({ noNaN: false, min: -1e6, max: 1e6 }),
  fc.integer({ min: -10, max: 100000 }),
  fc.boolean(),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: false }),
  fc.constant(null),
);

const allAliases = Object.values(OKR_ALIASES).flat();
const headerRow = fc.shuffledSubarray([...allAliases, 'Budget', 'Notes 2', ''], {
  minLength: 0,
  maxLength: 24,
});
const sheet = fc.tuple(
  fc.array(fc.array(cellValue, { maxLength: 3 }), { maxLength: 3 }),
  headerRow,
  fc.array(fc.array(cellValue, { maxLength: 26 }), { maxLength: 40 }),
);

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

test('parse and validate never throw; every problem points at a real row and cell', () => {
  fc.assert(
    fc.property(sheet, fc.constantFrom('en', 'ja'), ([above, headers, rows], lang) => {
      const grid: unknown[][] = [...above, headers, ...rows];
      const okrs = parseOkrSheet(grid, { sheetName: 'OKRs', timeZone: 'Asia/Tokyo', lang });
      const typed = JSON.stringify(grid);
      const problems = validateOkrs(
        { okrs, roster },
        { now: Date.UTC(2026, 10, 25), settings: DEFAULT_SETTINGS, lang },
      );
      for (const p of problems) {
        expect(p.message.length).toBeGreaterThan(0);
        expect(p.hint.length).toBeGreaterThan(0);
        // No placeholder left unfilled (a "{x}" the user typed in a cell may of course be quoted).
        for (const placeholder of `${p.message} ${p.hint}`.match(/\{\w+\}/g) ?? []) {
          expect(typed.includes(placeholder)).toBe(true);
        }
        if (p.row === null) {
          expect(p.code).toBe('header-missing');
          continue;
        }
        // A data row below the header, inside the grid.
        expect(p.row).toBeGreaterThan((okrs.headerRow ?? 0) + 1);
        expect(p.row).toBeLessThanOrEqual(grid.length);
        if (p.cell === null) {
          // Only sheet-wide facts may lack a cell; row problems always have one when their column exists.
          expect(['id-duplicate', 'id-missing']).not.toContain(p.code);
          continue;
        }
        const m = /^OKRs!([A-Z]+)(\d+)$/.exec(p.cell);
        expect(m).not.toBeNull();
        expect(Number(m?.[2])).toBe(p.row);
        const index = letterIndex(m?.[1] ?? '');
        expect(columnLetter(index)).toBe(m?.[1]);
        // The column is one the header row names.
        expect(Object.values(okrs.columns)).toContain(index);
        expect(p.column).toBe(okrs.headers[index]);
      }
    }),
    { numRuns: 300 },
  );
});

const separators = fc.constantFrom(
  ', ',
  ',',
  '; ',
  ' / ',
  '/',
  ' and ',
  ' & ',
  ' + ',
  '・',
  '、',
  'と',
  '\n',
  '\r\n',
  ' ',
  '',
  ' | ',
  '，',
);
const decorate = fc.constantFrom(
  (e: string) => e,
  (e: string) => e.toUpperCase(),
  (e: string) => ` ${e} `,
  (e: string) => `<${e}>`,
  (e: string) => `mailto:${e}`,
);

test('an owner cell naming two Team emails is always owner-multiple', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.constantFrom(...TEAM_EMAILS), { minLength: 2, maxLength: 3 }),
      separators,
      decorate,
      fc.boolean(),
      (emails, sep, dress, labelled) => {
        const text = (labelled ? 'Team: ' : '') + emails.map(dress).join(sep);
        const verdict = judgeOwner(text, roster.people as Person[]);
        expect(verdict).toMatchObject({ ok: false, code: 'owner-multiple' });
      },
    ),
    { numRuns: 500 },
  );
});

test('an owner cell with exactly one Team email, however dressed, is that person', () => {
  fc.assert(
    fc.property(fc.constantFrom(...TEAM_EMAILS), decorate, (email, dress) => {
      const verdict = judgeOwner(dress(email), roster.people as Person[]);
      expect(verdict).toMatchObject({ ok: true, email });
    }),
    { numRuns: 200 },
  );
});
