// A clean OKR sheet and Team (no problems at all), and helpers to break one thing at a time.
import { DEFAULT_SETTINGS, type Lang } from '../../../src/okr/core/model';
import { validateOkrs } from '../../../src/okr/ownership/validate';
import { OKR_HEADERS, parseOkrs, parseTeam, teamHeaderRow } from '../../fixtures/okr/build';

export const HEADERS = [...OKR_HEADERS];
export const COL = Object.fromEntries(HEADERS.map((h, i) => [h, i])) as Record<string, number>;

export const NOW = Date.UTC(2026, 10, 25, 12);
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function cleanOkrs(): unknown[][] {
  return [
    HEADERS,
    [
      'O1',
      'Objective',
      '',
      'Customers love onboarding',
      'ann@acme.com',
      'Growth',
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
      'O1.1',
      'Key result',
      'O1',
      'Activation 30→45%',
      'ann@acme.com',
      'Growth',
      '2026-Q4',
      'Increase',
      30,
      45,
      36,
      '%',
      0.4,
      'On track',
      d('2026-11-01'),
      d('2026-11-20'),
      d('2026-12-31'),
      '',
    ],
    [
      'O1.2',
      'Key result',
      'O1',
      'Time to value 14→7 days',
      'bob@acme.com',
      'Growth',
      '2026-Q4',
      'Decrease',
      14,
      7,
      10,
      'days',
      0.57,
      'At risk',
      d('2026-11-02'),
      d('2026-11-21'),
      d('2026-12-31'),
      '',
    ],
    [
      'O2',
      'Objective',
      '',
      'Reliable platform',
      'bob@acme.com',
      'Platform',
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
      'Uptime at least 99.9',
      'bob@acme.com',
      'Platform',
      '2026-Q4',
      'At least',
      '',
      99.9,
      99.95,
      '%',
      1,
      'On track',
      d('2026-11-02'),
      d('2026-11-22'),
      '',
      '',
    ],
  ];
}

export function cleanTeam(): unknown[][] {
  return [
    teamHeaderRow(),
    ['Ann Lee', 'ann@acme.com', 'Growth', '', 'Lead', 'en'],
    ['Bob Stone', 'bob@acme.com', 'Platform', 'ann@acme.com', 'Member', 'ja'],
  ];
}

export function check(
  okrs: unknown[][],
  team: unknown[][] = cleanTeam(),
  lang: Lang = 'en',
  settings = DEFAULT_SETTINGS,
) {
  return validateOkrs(
    { okrs: parseOkrs(okrs, lang), roster: parseTeam(team, lang) },
    { now: NOW, settings, lang },
  );
}

/** Set one cell of a row found by ID. */
export function set(rows: unknown[][], id: string, header: string, value: unknown): unknown[][] {
  const row = rows.find((r) => r[0] === id);
  if (!row) throw new Error(`no row ${id}`);
  row[COL[header]] = value;
  return rows;
}
