import type { Person } from '../../../../src/okr/core/model';
import { judgeOwner, namesGroup, readOwner } from '../../../../src/okr/ownership/owners';

const person = (name: string, email: string, team = 'Growth'): Person => ({
  name,
  email,
  team,
  manager: '',
  role: 'member',
  language: null,
  row: 2,
});
const roster = [
  person('Ann Lee', 'ann@acme.com'),
  person('Bob Stone', 'bob@acme.com', 'Platform'),
  person('佐藤 花子', 'sato@acme.com', '営業'),
  person('Lee, Kim', 'kim@acme.com'),
  person('ことみ', 'kotomi@acme.com'),
];

describe('readOwner recognises several people in every common form', () => {
  test.each([
    'ann@acme.com, bob@acme.com',
    'ann@acme.com; bob@acme.com',
    'ann@acme.com / bob@acme.com',
    'ann@acme.com\nbob@acme.com',
    'ann@acme.com bob@acme.com',
    'ann@acme.combob@acme.com',
    'Ann and Bob',
    'Ann & Bob',
    'Ann + Bob',
    '佐藤・鈴木',
    '佐藤、鈴木',
    '佐藤と鈴木',
    '佐藤さんと鈴木さん',
    'Team: Ann, Bob',
    'Ann | Bob',
    'ann@acme.com，bob@acme.com',
  ])('%p', (text) => {
    expect(readOwner(text).kind).toBe('multiple');
  });

  test('one email, in the forms people write it', () => {
    expect(readOwner(' Ann@Acme.com ')).toEqual({ kind: 'email', email: 'ann@acme.com' });
    expect(readOwner('Ann Lee <ann@acme.com>')).toEqual({ kind: 'email', email: 'ann@acme.com' });
    expect(readOwner('mailto:ann@acme.com')).toEqual({ kind: 'email', email: 'ann@acme.com' });
    expect(readOwner('ann@acme.com (DRI)')).toEqual({ kind: 'email', email: 'ann@acme.com' });
    expect(readOwner('ａｎｎ＠ａｃｍｅ．ｃｏｍ')).toEqual({ kind: 'email', email: 'ann@acme.com' });
  });

  test('names written in kana that contain と stay one name', () => {
    expect(readOwner('ことみ')).toEqual({ kind: 'text', text: 'ことみ', teamPrefix: false });
  });

  test('blank', () => {
    expect(readOwner('  ')).toEqual({ kind: 'blank' });
    expect(readOwner(null)).toEqual({ kind: 'blank' });
  });
});

describe('namesGroup', () => {
  test.each([
    'Growth',
    'growth team',
    'Platform team',
    'Everyone',
    'eng@acme.com',
    'growth-team@acme.com',
    '営業部',
    '開発チーム',
  ])('%p is a group', (text) => {
    expect(namesGroup(text, roster)).toBe(true);
  });
  test.each(['Ann Lee', 'ann@acme.com', '阿部', 'Carl', 'carl@acme.com'])('%p is not a group', (text) => {
    expect(namesGroup(text, roster)).toBe(false);
  });
});

describe('judgeOwner', () => {
  test('exactly one Team member', () => {
    const v = judgeOwner('ANN@acme.com', roster);
    expect(v).toMatchObject({ ok: true, email: 'ann@acme.com' });
  });
  test('blank', () => {
    expect(judgeOwner('', roster)).toEqual({ ok: false, code: 'owner-missing' });
  });
  test('two Team emails', () => {
    expect(judgeOwner('ann@acme.com, bob@acme.com', roster)).toMatchObject({
      ok: false,
      code: 'owner-multiple',
    });
  });
  test('a team name, a group mailbox, a "Team:" label', () => {
    expect(judgeOwner('Growth', roster)).toMatchObject({ code: 'owner-not-person', text: 'Growth' });
    expect(judgeOwner('eng@acme.com', roster)).toMatchObject({ code: 'owner-not-person' });
    expect(judgeOwner('Team: Platform', roster)).toMatchObject({ code: 'owner-not-person' });
  });
  test('a name of a Team member suggests their email', () => {
    const v = judgeOwner('Ann Lee', roster);
    expect(v).toMatchObject({ ok: false, code: 'owner-unknown' });
    expect(v.ok === false && v.code === 'owner-unknown' && v.suggestion?.email).toBe('ann@acme.com');
  });
  test('a Team name with a comma is one person, not two', () => {
    const v = judgeOwner('Lee, Kim', roster);
    expect(v).toMatchObject({ code: 'owner-unknown' });
    expect(v.ok === false && v.code === 'owner-unknown' && v.suggestion?.email).toBe('kim@acme.com');
  });
  test('an email not on the Team tab', () => {
    expect(judgeOwner('carl@acme.com', roster)).toMatchObject({ code: 'owner-unknown', suggestion: null });
  });
  test('the right person at another domain is suggested', () => {
    const v = judgeOwner('bob@acme.io', roster);
    expect(v.ok === false && v.code === 'owner-unknown' && v.suggestion?.email).toBe('bob@acme.com');
  });
});

test('a failed formula (#N/A, #REF!) is one bad value, not two people', () => {
  for (const error of ['#N/A', '#REF!', '#DIV/0!', '#NAME?']) {
    expect(readOwner(error)).toEqual({ kind: 'text', text: error, teamPrefix: false });
    expect(judgeOwner(error, roster)).toMatchObject({ ok: false, code: 'owner-unknown' });
  }
});

describe('the Team index behind judgeOwner', () => {
  test('a Team list that grows after it was judged against is looked up again', () => {
    const team = [person('Ann Lee', 'ann@acme.com')];
    expect(judgeOwner('dan@acme.com', team)).toMatchObject({ code: 'owner-unknown' });
    team.push(person('Dan Ito', 'dan@acme.com'));
    expect(judgeOwner('dan@acme.com', team)).toMatchObject({ ok: true, email: 'dan@acme.com' });
    expect(judgeOwner('Dan Ito', team)).toMatchObject({
      code: 'owner-unknown',
      suggestion: { email: 'dan@acme.com' },
    });
  });

  test('the first of two rows with the same email or name is the one found', () => {
    const first = { ...person('Ann Lee', 'ann@acme.com'), row: 2 };
    const second = { ...person('Ann Lee', 'ann@acme.com'), row: 9 };
    const v = judgeOwner('ann@acme.com', [first, second]);
    expect(v.ok && v.person.row).toBe(2);
    const named = judgeOwner('ann lee', [first, second]);
    expect(named.ok === false && named.code === 'owner-unknown' && named.suggestion?.row).toBe(2);
  });

  test('a first name matching two people suggests nobody; one person, them', () => {
    const team = [
      person('Ann Lee', 'ann@acme.com'),
      person('Ann Marsh', 'amarsh@acme.com'),
      person('Bob Stone', 'bob@acme.com'),
    ];
    expect(judgeOwner('Ann', team)).toMatchObject({ code: 'owner-unknown', suggestion: null });
    expect(judgeOwner('stone bob', team)).toMatchObject({ suggestion: { email: 'bob@acme.com' } });
  });

  test('full-width and ASCII owner cells are read the same', () => {
    expect(judgeOwner('ＡＮＮ＠ａｃｍｅ．ｃｏｍ', roster)).toMatchObject({ ok: true, email: 'ann@acme.com' });
  });
});
