// Pending and stale are asked of a Team member: the validator (Problems, Summary), the sidebar and the
// weekly emails agree about a key result whose owner is nobody in Team.
import { buildSidebarState } from '../../../../src/endpoints/sidebar/sidebarState';
import { DEFAULT_SETTINGS } from '../../../../src/okr/core/model';
import { parseOkrSheet, parseRoster } from '../../../../src/okr/core/parse';
import { validateOkrs } from '../../../../src/okr/ownership/validate';
import { digestModel, leadershipReport } from '../../../../src/okr/weekly/digest';

const NOW = Date.UTC(2026, 10, 23, 9);
const opts = { sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' as const };
const okrs = parseOkrSheet(
  [
    [
      'ID',
      'Type',
      'Parent',
      'Title',
      'Owner',
      'Cycle',
      'Kind',
      'Start',
      'Target',
      'Current',
      'Accepted',
      'Last check-in',
    ],
    ['O1', 'Objective', '', 'Grow', 'ann@acme.com', '2026-Q4', '', '', '', '', '2026-10-01', ''],
    // Owned by someone not in Team, never accepted, no news for two months.
    ['O1.1', 'Key result', 'O1', 'Gone', 'zed@acme.com', '2026-Q4', 'increase', 0, 10, 2, '', '2026-09-20'],
    // Ann's: accepted, stale.
    [
      'O1.2',
      'Key result',
      'O1',
      'Stale',
      'ann@acme.com',
      '2026-Q4',
      'increase',
      0,
      10,
      2,
      '2026-09-01',
      '2026-09-20',
    ],
  ],
  opts,
);
const roster = parseRoster(
  [
    ['Name', 'Email', 'Role'],
    ['Ann', 'ann@acme.com', 'Member'],
    ['Cto', 'cto@acme.com', 'Leadership'],
  ],
  { ...opts, sheetName: 'Team' },
);

test('an owner who is not in Team is an ownership gap, never also pending or stale', () => {
  const problems = validateOkrs({ okrs, roster }, { now: NOW, settings: DEFAULT_SETTINGS, lang: 'en' });
  const at = (id: string) => problems.filter((p) => p.id === id).map((p) => p.code);
  expect(at('O1.1')).toEqual(['owner-unknown']);
  expect(at('O1.2')).toEqual(['stale']);

  const model = digestModel({ ...okrs, people: roster.people, checkIns: [], now: NOW, staleDays: 14 });
  expect(leadershipReport(model).headline).toMatchObject({ pending: 0, stale: 1, ownershipGaps: 1 });
  expect(model.lines.get('O1.1')?.needs).toEqual([]);

  const sidebar = buildSidebarState({
    okrs,
    roster,
    problems,
    caller: { email: 'zed@acme.com', person: null, isLead: false, canManage: false },
    now: NOW,
    lang: 'en',
    timeZone: 'UTC',
    staleDays: 14,
  });
  expect(sidebar.mine.map((k) => [k.id, k.needs])).toEqual([['O1.1', []]]);
});
