// Sheet rows for the weekly-email artifact and property tests: a Team with one Lead, some
// Leadership members and N owners, each owning one key result (objectives owned by the Lead).
import { okrHeaderRow, teamHeaderRow } from '../../../fixtures/okr/build';

export const LEAD = 'lead@example.com';

export interface WeeklyTabsOptions {
  owners: number;
  leadership?: number;
  /** Epoch ms: check-ins and acceptance dates are placed relative to it. */
  now: number;
  /** Every nth owner reads Japanese. */
  jaEvery?: number;
  /** Extra Team rows (e.g. people who own nothing). */
  extraPeople?: unknown[][];
  /** The Team has no Lead (the lead row is a Member). */
  noLead?: boolean;
}

const DAY = 86_400_000;

export function ownerEmail(i: number): string {
  return `owner${i}@example.com`;
}

export function leaderEmail(i: number): string {
  return `boss${i}@example.com`;
}

export function weeklyTabs(opts: WeeklyTabsOptions): Record<string, unknown[][]> {
  const team: unknown[][] = [
    teamHeaderRow(),
    ['Lea Lead', LEAD, 'Core', '', opts.noLead ? 'Member' : 'Lead', 'en'],
  ];
  for (let i = 0; i < (opts.leadership ?? 1); i++)
    team.push([`Boss ${i}`, leaderEmail(i), 'Exec', '', 'Leadership', '']);
  for (let i = 0; i < opts.owners; i++) {
    const ja = opts.jaEvery && i % opts.jaEvery === 0;
    team.push([`Owner ${i}`, ownerEmail(i), 'Core', LEAD, 'Member', ja ? 'ja' : '']);
  }
  for (const p of opts.extraPeople ?? []) team.push(p);
  const okrs: unknown[][] = [okrHeaderRow()];
  const checkIns: unknown[][] = [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']];
  const perObjective = 10;
  for (let o = 0; o * perObjective < Math.max(1, opts.owners); o++) {
    const oid = `O${o + 1}`;
    okrs.push([
      oid,
      'Objective',
      '',
      `Objective ${o + 1}`,
      LEAD,
      'Core',
      '2026-Q4',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      new Date(opts.now - 30 * DAY),
      '',
      '',
      '',
    ]);
    for (let i = o * perObjective; i < Math.min(opts.owners, (o + 1) * perObjective); i++) {
      const id = `${oid}.${i - o * perObjective + 1}`;
      const current = 10 + ((i * 7) % 80);
      okrs.push([
        id,
        'Key result',
        oid,
        `Key result of owner ${i}`,
        ownerEmail(i),
        'Core',
        '2026-Q4',
        'increase',
        0,
        100,
        current,
        '%',
        '',
        i % 3 === 0 ? 'At risk' : 'On track',
        i % 4 === 0 ? '' : new Date(opts.now - 20 * DAY),
        new Date(opts.now - (i % 5) * 4 * DAY),
        '',
        '',
      ]);
      checkIns.push([
        new Date(opts.now - 10 * DAY),
        id,
        ownerEmail(i),
        current - 5,
        current - 5,
        'On track',
        '',
      ]);
    }
  }
  return { OKRs: okrs, Team: team, 'Check-ins': checkIns };
}
