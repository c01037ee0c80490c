// Ownership details: two Team names joined by と are two owners (like "A and B"), not an unknown
// owner; a Team row that is a team ("Platform Team", platform@…) is accepted as an owner with a
// warning, decided by one rule (looksLikeTeam) for Owner cells and Team rows alike.
import type { Person } from '../../../../src/okr/core/model';
import { judgeOwner, looksLikeTeam, namesGroup, teamLikeMember } from '../../../../src/okr/ownership/owners';
import { check, cleanOkrs, cleanTeam, set } from '../fixtures';

const person = (name: string, email: string): Person => ({
  name,
  email,
  team: '',
  manager: '',
  role: 'member',
  language: null,
  row: 2,
});
const roster = [
  person('Ann Lee', 'ann@acme.com'),
  person('Bob Stone', 'bob@acme.com'),
  person('さくら', 'sakura@acme.com'),
  person('ことみ', 'kotomi@acme.com'),
  person('佐藤 花子', 'hanako@acme.com'),
  person('鈴木 一郎', 'ichiro@acme.com'),
];

describe('two Team names joined by と', () => {
  test.each([
    ['Ann Lee と Bob Stone', ['Ann Lee', 'Bob Stone']],
    ['Ann LeeとBob Stone', ['Ann Lee', 'Bob Stone']],
    ['さくら と ことみ', ['さくら', 'ことみ']],
    ['さくらとことみ', ['さくら', 'ことみ']],
    ['佐藤 花子 と 鈴木 一郎', ['佐藤 花子', '鈴木 一郎']],
    ['ann@acme.com と Bob Stone', ['ann@acme.com', 'Bob Stone']],
    ['Ann Lee と Bob Stone と さくら', ['Ann Lee', 'Bob Stone', 'さくら']],
  ])('"%s" is two (or more) owners', (text, parts) => {
    expect(judgeOwner(text, roster)).toEqual({ ok: false, code: 'owner-multiple', parts });
  });

  test('a name that contains と is one name; と with someone not on the Team is not split', () => {
    expect(judgeOwner('ことみ', roster)).toMatchObject({ ok: false, code: 'owner-unknown' });
    expect(judgeOwner('Ann Lee と Zed', roster)).toMatchObject({ ok: false, code: 'owner-unknown' });
  });

  test('the validator says "more than one owner", not "not on the Team tab"', () => {
    const problems = check(set(cleanOkrs(), 'O1.1', 'Owner', 'Ann Lee と Bob Stone'));
    expect(problems.map((p) => [p.code, p.id])).toEqual([['owner-multiple', 'O1.1']]);
  });
});

describe('a Team row that is a team', () => {
  test('looksLikeTeam: group words and shared mailboxes, never a person', () => {
    for (const t of [
      'Platform Team',
      'All staff',
      '営業部',
      'platform@acme.com',
      'team@acme.com',
      'all@acme.com',
      'growth-team@acme.com',
    ])
      expect(looksLikeTeam(t)).toBe(true);
    for (const t of ['Ann Lee', 'ann@acme.com', 'さくら', 'bob.stone@acme.com', ''])
      expect(looksLikeTeam(t)).toBe(false);
    expect(teamLikeMember({ name: 'Platform Team', email: 'ann@acme.com' })).toBe(true);
    expect(teamLikeMember({ name: 'Platform', email: 'platform@acme.com' })).toBe(true);
    expect(teamLikeMember({ name: 'Ann Lee', email: 'ann@acme.com' })).toBe(false);
    // The same rule judges an Owner cell's text (a Team member's own email is still never a group).
    expect(namesGroup('Growth team', roster)).toBe(true);
    expect(namesGroup('platform@acme.com', [person('Platform', 'platform@acme.com')])).toBe(false);
  });

  test.each([
    ['Platform Team', 'platform@acme.com'],
    ['Platform', 'platform@acme.com'],
    ['Everyone', 'all@acme.com'],
    ['Sales', 'team@acme.com'],
  ])('"%s" <%s> assigned as an owner: a warning naming the row', (name, email) => {
    const team = [...cleanTeam(), [name, email, 'Platform', '', 'Member', 'en']];
    const problems = check(set(cleanOkrs(), 'O1.2', 'Owner', email), team);
    const warnings = problems.filter((p) => p.id === 'O1.2' && p.code === 'owner-not-person');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', cell: 'OKRs!E4' });
    expect(warnings[0].message).toBe(
      `Key result O1.2 (row 4) is owned by ${email}, which the Team tab lists like a person but looks like a team or a group ("${name}").`,
    );
    const ja = check(set(cleanOkrs(), 'O1.2', 'Owner', email), team, 'ja').find(
      (p) => p.code === 'owner-not-person',
    );
    expect(ja?.message).toMatch(/チームまたはグループのようです/);
  });

  test('a person is not warned', () => {
    expect(check(cleanOkrs()).filter((p) => p.code === 'owner-not-person')).toEqual([]);
  });
});
