// My team's view model: each report's key result once, in the group of its first need; those stale
// for several weekly runs first; nobody else's key results; capped groups say how many are left.
import { TEAM_GROUP_CAP } from '../../../../src/api';
import { buildTeamView, teamNeeds } from '../../../../src/endpoints/sidebar/teamView';
import { DAY, kr, NOW, objective, person } from '../../okr/weekly/fixtures';

const ANN = 'ann@example.com';
const BEN = 'ben@example.com';
const people = [person(ANN, { name: 'Ann', manager: 'mia@example.com' }), person(BEN, { name: 'Ben' })];

function view(
  keyResults = [
    kr('O1.1', 'O1', ANN, { row: 3, lastCheckIn: NOW - 16 * DAY }),
    kr('O1.2', 'O1', ANN, { row: 4, lastCheckIn: NOW - 40 * DAY, confidence: 'off-track' }),
    kr('O1.3', 'O1', ANN, { row: 5, accepted: null, lastCheckIn: null }),
    kr('O1.4', 'O1', ANN, { row: 6, confidence: 'at-risk' }),
    kr('O1.5', 'O1', ANN, { row: 7 }),
    kr('O1.6', 'O1', 'someone@example.com', { row: 8, confidence: 'off-track' }),
  ],
) {
  return buildTeamView({
    okrs: { objectives: [objective('O1', ANN, { title: 'Grow' })], keyResults },
    people: [people[0]],
    now: NOW,
    staleDays: 14,
    conversationRuns: 2,
  });
}

test('each key result once, in its first need’s group; the conversations first', () => {
  const v = view();
  expect(v.groups.map((g) => [g.need, g.items.map((i) => [i.id, i.conversation])])).toEqual([
    ['pending', [['O1.3', false]]],
    [
      'stale',
      [
        ['O1.2', true],
        ['O1.1', false],
      ],
    ],
    ['at-risk', [['O1.4', false]]],
  ]);
  expect(v.fine).toBe(1);
  expect(v.groups[1].items[0]).toMatchObject({
    ownerName: 'Ann',
    objectiveTitle: 'Grow',
    needs: ['stale', 'off-track'],
  });
  expect(v.people).toEqual([{ name: 'Ann', email: ANN, role: 'member' }]);
});

test('the proposed group waits for the agreement flow (the hook answers no)', () => {
  expect(teamNeeds(kr('K', 'O1', ANN, { accepted: null }), NOW, 14)).toEqual(['pending']);
});

test('a big team is capped per group, the rest counted', () => {
  const many = Array.from({ length: TEAM_GROUP_CAP + 7 }, (_, i) =>
    kr(`O1.${i}`, 'O1', ANN, { row: i + 3, confidence: 'off-track' }),
  );
  const g = view(many).groups[0];
  expect([g.need, g.items.length, g.more]).toEqual(['off-track', TEAM_GROUP_CAP, 7]);
});

test('a key result whose target is being agreed needs the manager first ("proposed")', () => {
  expect(teamNeeds(kr('K', 'O1', ANN, { accepted: null }), NOW, 14, true)).toEqual(['proposed', 'pending']);
});
