// The pure rules behind Import's preview: which tab is a team's own (never written into), the name
// offered for it, the fingerprint of what was read, and how owners are judged against Team.
import type { Person } from '../../../../../src/okr/core/model';
import { valuesFingerprint } from '../../../../../src/okr/setup/import/fingerprint';
import { importPeople, nameFromEmail } from '../../../../../src/okr/setup/import/people';
import { isTeamsOwnTab, renameFor } from '../../../../../src/okr/setup/import/tabCollisions';

const person = (name: string, email: string): Person => ({
  name,
  email,
  team: '',
  manager: '',
  role: 'member',
  language: null,
  row: 2,
});
const TEAM = [person('Ann Lee', 'ann@acme.com'), person('Bob Stone', 'bob@acme.com')];

test("a team's own tab lacks the columns that identify the add-on's; an empty one or a damaged one is the add-on's", () => {
  expect(
    isTeamsOwnTab('okrs', [
      ['Objective', 'Key result', 'Owner'],
      ['a', 'b', 'c'],
    ]),
  ).toBe(true);
  expect(isTeamsOwnTab('okrs', [['ID', 'Objective', 'Owner']])).toBe(true);
  // The add-on's OKRs tab that lost its Parent column is still the add-on's (set-up repairs it).
  expect(isTeamsOwnTab('okrs', [['ID', 'Type', 'Title', 'Owner']])).toBe(false);
  expect(isTeamsOwnTab('okrs', [])).toBe(false);
  expect(
    isTeamsOwnTab('okrs', [
      ['', ''],
      ['', ''],
    ]),
  ).toBe(false);
  expect(isTeamsOwnTab('okrs', null)).toBe(false);
  expect(isTeamsOwnTab('checkIns', [['Date', 'Who', 'Update']])).toBe(true);
  expect(isTeamsOwnTab('checkIns', [['Time', 'ID', 'By']])).toBe(false);
  expect(isTeamsOwnTab('team', [['Name', 'Role']])).toBe(true);
  expect(isTeamsOwnTab('team', [['名前', 'メール']])).toBe(false);
});

test('the name offered is free, ignoring case, in English and Japanese', () => {
  expect(renameFor('OKRs', ['OKRs', 'Team'], 'en')).toBe('OKRs (original)');
  expect(renameFor('OKRs', ['OKRs', 'okrs (ORIGINAL)'], 'en')).toBe('OKRs (original 2)');
  expect(renameFor('Check-ins', [], 'ja')).toBe('Check-ins（元の表）');
});

test('the fingerprint changes with any value, and is the same for the same values', () => {
  const a = [
    ['Objective', 'Key result'],
    ['Grow', 'ARR', new Date('2026-12-31T00:00:00Z')],
  ];
  expect(valuesFingerprint(a)).toBe(valuesFingerprint(JSON.parse(JSON.stringify(a))));
  expect(valuesFingerprint(a)).not.toBe(
    valuesFingerprint([
      ['Objective', 'Key result'],
      ['Grow', 'ARR!'],
    ]),
  );
  expect(valuesFingerprint([['a']])).not.toBe(valuesFingerprint(null));
  expect(valuesFingerprint([['a']])).toMatch(/^[a-z0-9]+$/);
});

test('owners: on Team, matched by name or handle, new emails, and the rest flagged, each with its IDs', () => {
  const people = importPeople(
    [
      { value: 'ann@acme.com', id: 'O1.1' },
      { value: 'Bob Stone', id: 'O1.2' },
      { value: '@ann', id: 'O1.3' },
      { value: 'olga.petrova@acme.com', id: 'O2.1' },
      { value: 'olga.petrova@acme.com', id: 'O2.2' },
      { value: 'Ann and Bob', id: 'O2.3' },
      { value: 'Dana', id: 'O2.4' },
      { value: '', id: 'O3' },
    ],
    TEAM,
    'en',
  );
  expect(people.onTeam).toBe(1);
  expect(people.matched).toEqual([
    { text: 'Bob Stone', email: 'bob@acme.com', by: 'name', ids: ['O1.2'] },
    { text: '@ann', email: 'ann@acme.com', by: 'handle', ids: ['O1.3'] },
  ]);
  expect(people.newPeople).toEqual([
    { email: 'olga.petrova@acme.com', name: 'Olga Petrova', ids: ['O2.1', 'O2.2'] },
  ]);
  expect(people.unknown.map((u) => [u.text, u.ids])).toEqual([
    ['Ann and Bob', ['O2.3']],
    ['Dana', ['O2.4']],
  ]);
  expect(people.unknown[1].message).toContain('is not on the Team tab and has no email');
  expect(nameFromEmail('chie_sato@acme.co.jp')).toBe('Chie Sato');
});
