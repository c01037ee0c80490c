// A small OKR sheet as people type it, parsed by the real parser, for the sidebar's pure logic.
import type { OkrSheet, Roster } from '../../../../src/okr/core/model';
import { DAY, OKR_HEADERS, parseOkrs, parseTeam, teamHeaderRow, teamRow } from '../../../fixtures/okr/build';

export { DAY };
export const NOW = Date.UTC(2026, 10, 26, 12);

export const OKR_HEADER = [...OKR_HEADERS];

const d = (daysAgo: number) => new Date(NOW - daysAgo * DAY);

export function okrRows(): unknown[][] {
  return [
    OKR_HEADER,
    [
      'O1',
      'Objective',
      '',
      'Delight customers',
      'lead@example.com',
      'Core',
      '2026-Q4',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      d(30),
      '',
      '',
      '',
    ],
    [
      'O1.1',
      'Key result',
      'O1',
      'Raise NPS',
      'ana@example.com',
      'Core',
      '2026-Q4',
      'Increase',
      20,
      40,
      30,
      'pts',
      0.5,
      'On track',
      d(20),
      d(3),
      '',
      'fine',
    ],
    [
      'O1.2',
      'Key result',
      'O1',
      'Cut churn',
      'ana@example.com',
      'Core',
      '2026-Q4',
      'Decrease',
      10,
      5,
      9,
      '%',
      0.2,
      'At risk',
      d(20),
      d(30),
      '',
      '',
    ],
    [
      'O1.3',
      'Key result',
      'O1',
      'Ship <b>v2</b>',
      'ben@example.com',
      'Core',
      '2026-Q4',
      'Milestone',
      0,
      1,
      0,
      '',
      0,
      '',
      '',
      '',
      '',
      '',
    ],
    [
      'O2',
      'Objective',
      '',
      'Grow revenue',
      '',
      'Sales',
      '2026-Q4',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
    [
      'O2.1',
      'Key result',
      'O2',
      'New deals',
      'ana@example.com, ben@example.com',
      'Sales',
      '2026-Q4',
      'Increase',
      0,
      10,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
    [
      'O2.2',
      'Key result',
      'O2',
      'Pipeline',
      '',
      'Sales',
      '2026-Q4',
      'At least',
      '',
      100,
      120,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
    [
      'O2.3',
      'Key result',
      'O2',
      'Costs',
      'ana@example.com',
      'Sales',
      '2026-Q4',
      'At most',
      '',
      50,
      '',
      'k$',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
  ];
}

export function teamRows(withLead = true): unknown[][] {
  return [
    teamHeaderRow(),
    ['Lee Lead', 'lead@example.com', 'Core', '', withLead ? 'Lead' : 'Member', 'en'],
    ['Ana Owner', 'ana@example.com', 'Core', 'lead@example.com', 'Member', 'en'],
    ['Ben 「Builder」', 'ben@example.com', 'Core', 'lead@example.com', 'Member', 'ja'],
    ['Exec', 'boss@example.com', 'Board', '', 'Leadership', 'en'],
  ];
}

export function okrSheet(rows = okrRows()): OkrSheet {
  return parseOkrs(rows);
}

export function roster(withLead = true): Roster {
  return parseTeam(teamRows(withLead));
}

/**
 * A realistic big sheet: objectives with 4 key results each, titles of typical length, a team of
 * `teamSize` people (one Lead) sharing the key results, every 4th key result without an owner, and
 * one person who owns 1,000 rows.
 */
export function bigSheet(rows: number, teamSize: number): { okrRows: unknown[][]; teamRows: unknown[][] } {
  const people = Array.from({ length: teamSize }, (_, i) => `p${i}@example.com`);
  const teamRows: unknown[][] = [
    teamHeaderRow(),
    ['Lee Lead', 'lead@example.com', 'Core', '', 'Lead', 'en'],
    ['Hoarder', 'hoarder@example.com', 'Core', '', 'Member', 'en'],
    ...people.map((email, i) =>
      teamRow({
        Name: `Person Number ${i}`,
        Email: email,
        Team: `Team ${i % 12}`,
        Manager: 'lead@example.com',
        Role: 'Member',
        Language: i % 3 ? 'en' : 'ja',
      }),
    ),
  ];
  const out: unknown[][] = [OKR_HEADER];
  let o = 0;
  let k = 0;
  while (out.length <= rows) {
    o++;
    out.push([
      `O${o}`,
      'Objective',
      '',
      `Objective ${o}: make onboarding faster for new teams`,
      'lead@example.com',
      'Core',
      '2026-Q4',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      d(40),
      '',
      '',
      '',
    ]);
    for (let n = 1; n <= 4 && out.length <= rows; n++) {
      k++;
      const owner =
        n === 4 ? '' : k % 4 === 1 && k < 4000 ? 'hoarder@example.com' : people[k % people.length];
      out.push([
        `O${o}.${n}`,
        'Key result',
        `O${o}`,
        `Raise weekly active teams in region ${n} to target`,
        owner,
        'Core',
        '2026-Q4',
        'Increase',
        0,
        100,
        (o * n) % 100,
        '%',
        0.1,
        n === 3 ? 'At risk' : 'On track',
        n === 2 ? '' : d(30),
        d(n * 5),
        new Date(NOW + 30 * DAY),
        'Weekly note',
      ]);
    }
  }
  return { okrRows: out, teamRows };
}
