// My team (the sidebar) and Your team (the manager's weekly email) read the same rules: for random
// teams and key results (pending or accepted, fresh or stale for weeks, any confidence), both list
// the same key results of the manager's people, and mark the same ones as a conversation to have.
import fc from 'fast-check';
import { buildTeamView } from '../../src/endpoints/sidebar/teamView';
import type { Confidence } from '../../src/okr/core/model';
import { digestModel, teamReport } from '../../src/okr/weekly/digest';
import { DAY, kr, NOW, objective, person } from '../unit/okr/weekly/fixtures';

const MIA = 'mia@example.com';
const PEOPLE = ['ann@example.com', 'ben@example.com', 'cat@example.com'];

const keyResult = fc.record({
  owner: fc.constantFrom(...PEOPLE, 'outsider@example.com'),
  accepted: fc.boolean(),
  checkedDaysAgo: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  confidence: fc.constantFrom<Confidence | null>('on-track', 'at-risk', 'off-track', null),
  done: fc.boolean(),
});

test('My team and Your team agree on whose key results need what', () => {
  fc.assert(
    fc.property(
      fc.array(keyResult, { minLength: 1, maxLength: 12 }),
      fc.subarray(PEOPLE),
      fc.integer({ min: 1, max: 4 }),
      (specs, managed, runs) => {
        const people = [
          person(MIA, { name: 'Mia' }),
          ...PEOPLE.map((email) => person(email, { manager: managed.includes(email) ? MIA : '' })),
        ];
        const keyResults = specs.map((s, i) =>
          kr(`O1.${i + 1}`, 'O1', s.owner, {
            row: i + 3,
            accepted: s.accepted ? NOW - 90 * DAY : null,
            lastCheckIn: s.checkedDaysAgo === null ? null : NOW - s.checkedDaysAgo * DAY,
            confidence: s.confidence,
            current: s.done ? 100 : 50,
            progress: s.done ? 100 : 50,
          }),
        );
        const objectives = [objective('O1', MIA)];
        const sidebar = buildTeamView({
          okrs: { objectives, keyResults },
          people: people.filter((p) => managed.includes(p.email)),
          now: NOW,
          staleDays: 14,
          conversationRuns: runs,
        });
        const email = teamReport(
          digestModel({
            now: NOW,
            staleDays: 14,
            conversationRuns: runs,
            people,
            objectives,
            keyResults,
            checkIns: [],
          }),
          MIA,
        );
        const listed = sidebar.groups.flatMap((g) => g.items);
        expect(listed.map((i) => i.id).sort()).toEqual(email.lines.map((l) => l.id).sort());
        expect(
          listed
            .filter((i) => i.conversation)
            .map((i) => i.id)
            .sort(),
        ).toEqual(
          email.lines
            .filter((l) => l.conversation)
            .map((l) => l.id)
            .sort(),
        );
      },
    ),
    { numRuns: 300 },
  );
});
