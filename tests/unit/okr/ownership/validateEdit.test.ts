import { parseRoster } from '../../../../src/okr/core/parse';
import { checkEditedRows, NOTE_PREFIX, touchedColumns } from '../../../../src/okr/ownership/validateEdit';
import { cleanOkrs, cleanTeam, HEADERS } from '../fixtures';

const roster = parseRoster(cleanTeam(), { sheetName: 'Team', timeZone: 'UTC', lang: 'en' }).people;
const base = { header: HEADERS, roster, sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' as const };

test('touchedColumns maps a block edit to the columns it covers', () => {
  expect([...touchedColumns(HEADERS, 5, 5)]).toEqual(['owner']);
  expect([...touchedColumns(HEADERS, 8, 11)].sort()).toEqual(['current', 'kind', 'start', 'target']);
});

test('a pasted block: bad owners get notes, good ones a cleared note, progress recomputed', () => {
  const rows = cleanOkrs()
    .slice(1, 4)
    .map((r) => [...r]);
  rows[1][4] = 'ann@acme.com, bob@acme.com';
  rows[1][10] = 45; // O1.1 reaches its target
  rows[2][4] = 'Growth';
  const check = checkEditedRows({ ...base, rows, firstRow: 2 });
  expect(check.ownerNotes?.map((n) => n.split('\n')[0])).toEqual([
    '',
    `${NOTE_PREFIX}Key result O1.1 (row 3) has more than one owner: "ann@acme.com, bob@acme.com".`,
    `${NOTE_PREFIX}Key result O1.2 (row 4) is owned by a team or group, "Growth", not by a person.`,
  ]);
  expect(check.problems.map((p) => [p.code, p.cell])).toEqual([
    ['owner-multiple', 'OKRs!E3'],
    ['owner-not-person', 'OKRs!E4'],
  ]);
  // Objective rows keep what their Progress cell had; key results get progress / 100.
  expect(check.progress).toEqual(['', 1, 0.571]);
});

test('without a Team tab only owners wrong in themselves are flagged', () => {
  const rows = [cleanOkrs()[2].map((v, i) => (i === 4 ? 'carl@acme.com' : v))];
  expect(checkEditedRows({ ...base, roster: null, rows, firstRow: 3 }).problems).toEqual([]);
  expect(checkEditedRows({ ...base, rows, firstRow: 3 }).problems.map((p) => p.code)).toEqual([
    'owner-unknown',
  ]);
});

test('Japanese notes', () => {
  const rows = [cleanOkrs()[2].map((v, i) => (i === 4 ? 'Ann Lee' : v))];
  const check = checkEditedRows({ ...base, lang: 'ja', rows, firstRow: 3 });
  expect(check.ownerNotes?.[0]).toContain('ann@acme.com に置き換えてください');
});
