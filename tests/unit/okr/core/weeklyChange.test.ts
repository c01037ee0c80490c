// The weekly change of an objective, as the Summary tab and the weekly emails show it: one rule.
import { DEFAULT_SETTINGS } from '../../../../src/okr/core/model';
import { buildSummary } from '../../../../src/okr/summary/summary';
import { digestModel, leadershipReport, ownerReport } from '../../../../src/okr/weekly/digest';
import { checkIn, DAY, kr, NOW, objective, person } from '../weekly/fixtures';

describe('weekly change of an objective', () => {
  // O1.1 moved 40 → 50 since a week ago; O1.2 (30) has no check-in from before last week.
  const ann = 'ann@example.com';
  const objectives = [objective('O1', ann, { row: 2 })];
  const keyResults = [
    kr('O1.1', 'O1', ann, { row: 3, progress: 50, current: 50 }),
    kr('O1.2', 'O1', ann, { row: 4, progress: 30, current: 30 }),
  ];
  const checkIns = [checkIn('O1.1', NOW - 9 * DAY, 40), checkIn('O1.1', NOW - 1 * DAY, 50)];
  const people = [person(ann, { name: 'Ann' }), person('cto@example.com', { role: 'leadership' })];

  test('the Summary tab and the leadership and owner emails show the same change', () => {
    const summary = buildSummary({
      okrs: { columns: {}, headers: [], objectives, keyResults, problems: [], sheetName: 'OKRs' },
      roster: { columns: {}, people, problems: [] },
      checkIns,
      problems: [],
      now: NOW,
      timeZone: 'UTC',
      settings: { ...DEFAULT_SETTINGS },
      lang: 'en',
    });
    const model = digestModel({ objectives, keyResults, people, checkIns, now: NOW, staleDays: 14 });
    // The objective moved from (40 + 30) / 2 = 35 to (50 + 30) / 2 = 40: five points.
    expect(summary.objectives[0].change).toBe(5);
    expect(leadershipReport(model).objectives[0].change).toBe(5);
    expect(ownerReport(model, ann).groups[0].objective?.change).toBe(5);
  });

  test('rounded once, from exact figures (not the mean of rounded key-result changes)', () => {
    const krs = [
      kr('O1.1', 'O1', ann, { row: 3, progress: 10.06 }),
      kr('O1.2', 'O1', ann, { row: 4, progress: 20.06 }),
      kr('O1.3', 'O1', ann, { row: 5, progress: 30.02 }),
    ];
    const log = [
      checkIn('O1.1', NOW - 8 * DAY, 10),
      checkIn('O1.2', NOW - 8 * DAY, 20),
      checkIn('O1.3', NOW - 8 * DAY, 30),
    ];
    const summary = buildSummary({
      okrs: { columns: {}, headers: [], objectives, keyResults: krs, problems: [], sheetName: 'OKRs' },
      roster: { columns: {}, people, problems: [] },
      checkIns: log,
      problems: [],
      now: NOW,
      timeZone: 'UTC',
      settings: { ...DEFAULT_SETTINGS },
      lang: 'en',
    });
    const model = digestModel({
      objectives,
      keyResults: krs,
      people,
      checkIns: log,
      now: NOW,
      staleDays: 14,
    });
    // Moved 0.0467 points: 0.0 to a tenth (rounding each key result first made it 0.1).
    expect(summary.objectives[0].change).toBe(0);
    expect(leadershipReport(model).objectives[0].change).toBe(0);
  });
});
