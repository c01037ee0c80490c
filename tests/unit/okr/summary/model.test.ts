// The summary model: rollups, bands, week-over-week deltas, needs attention, owners, teams.
import { DEFAULT_SETTINGS } from '../../../../src/okr/core/model';
import { parseCheckIns, parseOkrSheet, parseRoster } from '../../../../src/okr/core/parse';
import { score as scoreOf } from '../../../../src/okr/core/progress';
import { validateOkrs } from '../../../../src/okr/ownership/validate';
import { bandOf, buildSummary } from '../../../../src/okr/summary/summary';
import {
  checkIn,
  DAY,
  keyResult,
  NOW,
  objective,
  person,
  problemAt,
  roster,
  sheet,
  summarize,
} from './fixtures';

const ana = 'ana@example.com';
const ben = 'ben@example.com';

describe('bands (Google grading of the 0.0–1.0 score)', () => {
  test.each([
    [0, 'red'],
    [0.39, 'red'],
    [0.4, 'yellow'],
    [0.69, 'yellow'],
    [0.7, 'green'],
    [1, 'green'],
  ])('%s → %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
  test('the score is in tenths and the band follows the score shown', () => {
    expect([scoreOf(34), scoreOf(38), scoreOf(64), scoreOf(65), scoreOf(100), scoreOf(null)]).toEqual([
      0.3,
      0.4,
      0.6,
      0.7,
      1,
      null,
    ]);
    const m = summarize([objective('O1'), keyResult('O1.1', 'O1', { progress: 38 })]);
    expect(m.objectives[0]).toMatchObject({ score: 0.4, band: 'yellow' });
  });
  test('no score → no band', () => {
    expect(bandOf(null)).toBeNull();
  });
});

describe('objectives table', () => {
  test('progress is the mean of its key results, with score, band and counts', () => {
    const o = objective('O1', { owner: ana, ownerText: ana });
    const m = summarize(
      [
        o,
        keyResult('O1.1', 'O1', { progress: 50, confidence: 'on-track' }),
        keyResult('O1.2', 'O1', { progress: 100, confidence: 'at-risk' }),
        keyResult('O1.3', 'O1', { progress: 30, confidence: 'off-track' }),
      ],
      { roster: roster([person(ana, 'Ana Alvarez')]) },
    );
    expect(m.objectives).toHaveLength(1);
    const row = m.objectives[0];
    expect(row).toMatchObject({ id: 'O1', owner: 'Ana Alvarez', ownerEmail: ana, keyResults: 3, atRisk: 2 });
    expect(row.progress).toBe(60);
    expect(row.score).toBe(0.6);
    expect(row.band).toBe('yellow');
  });

  test('progress not yet in the sheet is computed from Start/Target/Current', () => {
    const m = summarize([
      objective('O1'),
      keyResult('O1.1', 'O1', { start: 0, target: 200, current: 150, progress: null }),
    ]);
    expect(m.objectives[0].progress).toBe(75);
    expect(m.objectives[0].band).toBe('green');
  });

  test('an objective without key results has no progress, score or band', () => {
    const m = summarize([objective('O1')]);
    expect(m.objectives[0]).toMatchObject({
      progress: null,
      score: null,
      band: null,
      keyResults: 0,
      change: null,
    });
    expect(m.headline.averageProgress).toBeNull();
  });

  test('owner not in Team shows the Owner cell as typed', () => {
    const m = summarize([objective('O1', { ownerText: 'Growth team', owner: null })]);
    expect(m.objectives[0].owner).toBe('Growth team');
  });

  test('a duplicate objective ID is listed once (the validator reports the duplicate)', () => {
    const m = summarize([objective('O1'), objective('O1'), keyResult('O1.1', 'O1', { progress: 40 })]);
    expect(m.objectives.map((o) => o.id)).toEqual(['O1']);
    expect(m.objectives[0].progress).toBe(40);
  });
});

describe('change since last week (Check-ins log)', () => {
  test('progress now minus the last logged progress at or before a week ago', () => {
    const m = summarize([objective('O1'), keyResult('O1.1', 'O1', { progress: 60 })], {
      checkIns: [checkIn('O1.1', 20, 10), checkIn('O1.1', 8, 35), checkIn('O1.1', 2, 60)],
    });
    expect(m.objectives[0].change).toBe(25);
  });

  test('progress can go down', () => {
    const m = summarize([objective('O1'), keyResult('O1.1', 'O1', { progress: 20 })], {
      checkIns: [checkIn('O1.1', 7, 50)],
    });
    expect(m.objectives[0].change).toBe(-30);
  });

  test('no check-in before last week → unknown, not zero', () => {
    const m = summarize([objective('O1'), keyResult('O1.1', 'O1', { progress: 60 })], {
      checkIns: [checkIn('O1.1', 3, 60)],
    });
    expect(m.objectives[0].change).toBeNull();
  });

  test('a key result without a baseline counts as unchanged in its objective', () => {
    const m = summarize(
      [objective('O1'), keyResult('O1.1', 'O1', { progress: 80 }), keyResult('O1.2', 'O1', { progress: 50 })],
      { checkIns: [checkIn('O1.1', 10, 40)] },
    );
    // Objective moved from (40+50)/2 = 45 to (80+50)/2 = 65.
    expect(m.objectives[0].change).toBe(20);
  });

  test('of two check-ins at the same time the one further down the log is the baseline', () => {
    const a = checkIn('O1.1', 8, 10);
    const b = { ...checkIn('O1.1', 8, 25), time: a.time };
    const m = summarize([objective('O1'), keyResult('O1.1', 'O1', { progress: 30 })], { checkIns: [a, b] });
    expect(m.objectives[0].change).toBe(5);
    const swapped = summarize([objective('O1'), keyResult('O1.1', 'O1', { progress: 30 })], {
      checkIns: [b, a],
    });
    expect(swapped.objectives[0].change).toBe(20);
  });

  test('a check-in without progress is no baseline; an earlier one with progress is', () => {
    const m = summarize([objective('O1'), keyResult('O1.1', 'O1', { progress: 30 })], {
      checkIns: [checkIn('O1.1', 12, 10), checkIn('O1.1', 8, null), checkIn('O1.1', 8.5, Number.NaN)],
    });
    expect(m.objectives[0].change).toBe(20);
  });

  test("an owner's last check-in is the latest in the log, whatever the rows' order", () => {
    const ann = 'ann@example.com';
    const kr = keyResult('O1.1', 'O1', { owner: ann, ownerText: ann, lastCheckIn: null });
    const m = summarize([objective('O1'), kr], {
      checkIns: [checkIn('O1.1', 3, 40), checkIn('O1.1', 1, 50), checkIn('O1.1', 9, 20)],
    });
    expect(m.owners[0].lastCheckIn).toBe(checkIn('O1.1', 1, 50).time);
  });

  test('check-ins of other key results and in any order are handled', () => {
    const m = summarize([objective('O1'), keyResult('O1.1', 'O1', { progress: 30 })], {
      checkIns: [checkIn('O9.9', 30, 0), checkIn('O1.1', 9, 20), checkIn('O1.1', 30, 5)],
    });
    expect(m.objectives[0].change).toBe(10);
  });
});

describe('needs attention', () => {
  test('off track, at risk, stale, pending and every ownership problem, each with its row', () => {
    const o1 = objective('O1');
    const a = keyResult('O1.1', 'O1', { owner: ana, confidence: 'off-track', progress: 10 });
    const b = keyResult('O1.2', 'O1', { owner: ana, confidence: 'at-risk', lastCheckIn: NOW - 20 * DAY });
    const c = keyResult('O1.3', 'O1', { owner: ben, accepted: null });
    const d = keyResult('O1.4', 'O1', { ownerText: '' });
    const e = keyResult('O1.5', 'O1', { ownerText: 'ana@example.com, ben@example.com' });
    const f = keyResult('O1.6', 'O1', { ownerText: 'Growth team' });
    const g = keyResult('O1.7', 'O1', { ownerText: 'zed@example.com', owner: 'zed@example.com' });
    const m = summarize([o1, a, b, c, d, e, f, g], {
      roster: roster([person(ana, 'Ana'), person(ben, 'Ben')]),
      problems: [
        problemAt('objective-owner-missing', o1),
        problemAt('stale', b),
        problemAt('owner-pending', c),
        problemAt('owner-missing', d),
        problemAt('owner-multiple', e),
        problemAt('owner-not-person', f),
        problemAt('owner-unknown', g),
        problemAt('id-duplicate', g), // not an attention item
      ],
    });
    expect(m.attention.map((x) => [x.reason, x.id])).toEqual([
      ['off-track', 'O1.1'],
      ['at-risk', 'O1.2'],
      ['stale', 'O1.2'],
      ['pending', 'O1.3'],
      ['owner-missing', 'O1.4'],
      ['owner-multiple', 'O1.5'],
      ['owner-not-person', 'O1.6'],
      ['owner-unknown', 'O1.7'],
      ['objective-owner-missing', 'O1'],
    ]);
    const stale = m.attention.find((x) => x.reason === 'stale');
    expect(stale).toMatchObject({ owner: 'Ana', days: 20, row: b.row, detail: 'stale on O1.2' });
    const multiple = m.attention.find((x) => x.reason === 'owner-multiple');
    expect(multiple).toMatchObject({
      row: e.row,
      cell: `OKRs!E${e.row}`,
      owner: 'ana@example.com, ben@example.com',
    });
    expect(m.attention.find((x) => x.reason === 'off-track')?.progress).toBe(10);
  });

  test('sheet-wide errors (a missing tab or column) come first: the numbers may be incomplete', () => {
    const kr = keyResult('O1.1', 'O1', { confidence: 'at-risk' });
    const m = summarize([objective('O1'), kr], {
      problems: [
        {
          ...problemAt('header-missing', kr, 'The OKRs tab has no "Owner" column.'),
          row: null,
          id: null,
          cell: null,
          severity: 'error',
        },
        { ...problemAt('objective-without-krs', kr), row: null, severity: 'warning' },
      ],
    });
    expect(m.attention.map((a) => [a.reason, a.row, a.detail])).toEqual([
      ['sheet', 0, 'The OKRs tab has no "Owner" column.'],
      ['at-risk', kr.row, 'At risk with no check-in yet: set in the sheet.'],
    ]);
  });

  test('off track and at risk name their Confidence cell, the days since the check-in and what the owner noted', () => {
    const off = keyResult('O1.1', 'O1', {
      owner: ana,
      confidence: 'off-track',
      lastCheckIn: NOW - 3 * DAY,
      note: 'Vendor slipped',
    });
    const risk = keyResult('O1.2', 'O1', { owner: ana, confidence: 'at-risk', lastCheckIn: NOW - DAY });
    const items = [objective('O1'), off, risk];
    const input = (lang: 'en' | 'ja') => ({
      okrs: { ...sheet(items), columns: { confidence: 13 } },
      roster: roster([person(ana, 'Ana')]),
      checkIns: [],
      problems: [],
      now: NOW,
      timeZone: 'UTC',
      settings: { ...DEFAULT_SETTINGS },
      lang,
    });
    const en = buildSummary(input('en')).attention;
    expect(en.map((a) => [a.reason, a.cell, a.days, a.detail])).toEqual([
      [
        'off-track',
        `OKRs!N${off.row}`,
        3,
        'Off track since the last check-in, 3 days ago. Note: "Vendor slipped"',
      ],
      ['at-risk', `OKRs!N${risk.row}`, 1, 'At risk since the last check-in, 1 day ago.'],
    ]);
    // In Japanese with the glossary's words (遅れ, 要注意), as the sidebar and the emails say them.
    expect(buildSummary(input('ja')).attention.map((a) => a.detail)).toEqual([
      '最終チェックイン（3日前）から遅れ。メモ：「Vendor slipped」',
      '最終チェックイン（1日前）から要注意。',
    ]);
  });

  test('stale days fall back to the acceptance date when there was never a check-in', () => {
    const kr = keyResult('O1.1', 'O1', {
      owner: ana,
      lastCheckIn: null,
      accepted: NOW - 16 * DAY - 3600_000,
    });
    const m = summarize([objective('O1'), kr], { problems: [problemAt('stale', kr)] });
    expect(m.attention[0]).toMatchObject({ reason: 'stale', days: 16 });
  });
});

describe('owners', () => {
  test('what each person owns, average progress, last check-in, stale, pending, overload', () => {
    const o1 = objective('O1', { owner: ana, ownerText: ana });
    const k1 = keyResult('O1.1', 'O1', { owner: ana, progress: 20, lastCheckIn: NOW - 3 * DAY });
    const k2 = keyResult('O1.2', 'O1', {
      owner: ana,
      progress: 60,
      lastCheckIn: NOW - 30 * DAY,
      confidence: 'at-risk',
    });
    const k3 = keyResult('O1.3', 'O1', { owner: ben, progress: null, accepted: null });
    const k4 = keyResult('O1.4', 'O1', {
      owner: 'zed@example.com',
      ownerText: 'zed@example.com',
      progress: 100,
    });
    const m = summarize([o1, k1, k2, k3, k4], {
      roster: roster([person(ben, 'Ben Brown', 'Core'), person(ana, 'Ana Alvarez', 'Growth')]),
      checkIns: [checkIn('O1.1', 1, 25)],
      problems: [problemAt('stale', k2), problemAt('owner-pending', k3), problemAt('owner-overloaded', k2)],
    });
    expect(m.owners.map((o) => o.email)).toEqual([ana, ben, 'zed@example.com']);
    const [a, b, z] = m.owners;
    expect(a).toMatchObject({
      name: 'Ana Alvarez',
      team: 'Growth',
      inTeam: true,
      objectiveIds: ['O1'],
      keyResultIds: ['O1.1', 'O1.2'],
      averageProgress: 40,
      lastCheckIn: NOW - 1 * DAY,
      stale: 1,
      pending: 0,
      atRisk: 1,
      overloaded: true,
    });
    expect(b).toMatchObject({
      name: 'Ben Brown',
      keyResultIds: ['O1.3'],
      averageProgress: null,
      pending: 1,
      overloaded: false,
    });
    expect(b.lastCheckIn).toBeNull();
    expect(z).toMatchObject({ name: 'zed@example.com', inTeam: false, averageProgress: 100 });
  });
});

describe('teams', () => {
  test('averages exact progress: 12→16 of 20 (50%) and 45→30 of 10 (42.857%) make 46.43%, not 46.5%', () => {
    // The demo's Product team. Rounding each key result to a tenth first (42.9) gave 46.45 → 46.5,
    // which the Summary printed as 47%.
    const m = summarize(
      [
        objective('O1', { team: 'Product' }),
        keyResult('O1.1', 'O1', { progress: null, kind: 'increase', start: 12, target: 20, current: 16 }),
        keyResult('O1.2', 'O1', { progress: null, kind: 'decrease', start: 45, target: 10, current: 30 }),
      ],
      { problems: [] },
    );
    expect(m.teams[0].averageProgress).toBeCloseTo(46.428571, 5);
    expect(m.objectives[0].progress).toBeCloseTo(46.428571, 5);
    expect(m.headline.averageProgress).toBeCloseTo(46.428571, 5);
  });

  test("a key result's Team, else its objective's, else its owner's; no team last", () => {
    const o1 = objective('O1', { team: 'Core' });
    const o2 = objective('O2');
    const m = summarize(
      [
        o1,
        keyResult('O1.1', 'O1', { progress: 40, confidence: 'on-track', owner: ana }),
        keyResult('O1.2', 'O1', { team: 'Ads', progress: 80, confidence: 'off-track', owner: ben }),
        o2,
        keyResult('O2.1', 'O2', { owner: ben, progress: 10, confidence: 'at-risk' }),
        keyResult('O2.2', 'O2', { progress: 30, ownerText: '' }),
      ],
      {
        roster: roster([person(ana, 'Ana', 'Core'), person(ben, 'Ben', 'Ads')]),
        problems: [],
      },
    );
    expect(m.teams.map((t) => t.team)).toEqual(['Ads', 'Core', '']);
    const [ads, core, none] = m.teams;
    expect(ads).toMatchObject({
      objectives: 0,
      keyResults: 2,
      owners: 1,
      averageProgress: 45,
      offTrack: 1,
      atRisk: 1,
    });
    expect(core).toMatchObject({ objectives: 1, keyResults: 1, owners: 1, averageProgress: 40, onTrack: 1 });
    expect(none).toMatchObject({ objectives: 1, keyResults: 1, owners: 0, averageProgress: 30 });
  });

  test('ownership gaps count key results with an ownership problem, per team', () => {
    const kr = keyResult('O1.1', 'O1', { team: 'Core', ownerText: 'a, b' });
    const m = summarize([objective('O1', { team: 'Core' }), kr], {
      problems: [problemAt('owner-multiple', kr)],
    });
    expect(m.teams[0]).toMatchObject({ team: 'Core', ownershipGaps: 1 });
    expect(m.headline.ownershipGaps).toBe(1);
  });
});

describe('headline numbers', () => {
  test('counts and the mean of objective progress', () => {
    const krs = [
      keyResult('O1.1', 'O1', { progress: 100, confidence: 'on-track' }),
      keyResult('O1.2', 'O1', { progress: 0, confidence: 'on-track' }),
      keyResult('O2.1', 'O2', { progress: 20, confidence: 'at-risk', cycle: '2026-H2' }),
      keyResult('O2.2', 'O2', { progress: 20, confidence: 'off-track' }),
      keyResult('X.1', 'missing', { progress: 90 }),
    ];
    const m = summarize([objective('O1'), objective('O2'), ...krs], {
      problems: [
        problemAt('stale', krs[0]),
        problemAt('owner-pending', krs[1]),
        problemAt('owner-missing', krs[4]),
      ],
    });
    expect(m.headline).toEqual({
      objectives: 2,
      keyResults: 5,
      averageProgress: 35, // (50 + 20) / 2; X.1 has no objective on the sheet
      onTrack: 2,
      atRisk: 1,
      offTrack: 1,
      noConfidence: 1,
      stale: 1,
      pending: 1,
      ownershipGaps: 1,
    });
    expect(m.cycles).toEqual(['2026-H2', '2026-Q4']);
    expect(m.empty).toBe(false);
  });

  test('cycles that ended more than two weeks ago are left out, as in the leadership email', () => {
    const old = keyResult('Q2.1', 'Q2', { cycle: '2026-Q2', confidence: 'off-track', progress: 10 });
    const m = summarize(
      [
        objective('Q2', { cycle: '2026-Q2' }),
        old,
        objective('O1', { cycle: '2026-Q4' }),
        keyResult('O1.1', 'O1', { cycle: '2026-Q4', progress: 70 }),
        keyResult('O1.2', 'O1', { cycle: '', progress: 30 }),
      ],
      { problems: [problemAt('owner-missing', old)] },
    );
    expect(m.objectives.map((o) => o.id)).toEqual(['O1']);
    expect(m.headline).toMatchObject({ objectives: 1, keyResults: 2, offTrack: 0, ownershipGaps: 0 });
    expect(m.attention).toEqual([]);
    expect(m.cycles).toEqual(['2026-Q4']);
  });

  test('a sheet holding only past cycles is still summarized', () => {
    const m = summarize([
      objective('Q2', { cycle: '2026-Q2' }),
      keyResult('Q2.1', 'Q2', { cycle: '2026-Q2', progress: 50 }),
    ]);
    expect(m.empty).toBe(false);
    expect(m.objectives[0]).toMatchObject({ id: 'Q2', progress: 50 });
    expect(m.cycles).toEqual(['2026-Q2']);
  });

  test('empty sheet', () => {
    const m = summarize([]);
    expect(m.empty).toBe(true);
    expect(m.objectives).toEqual([]);
    expect(m.attention).toEqual([]);
    expect(m.owners).toEqual([]);
    expect(m.teams).toEqual([]);
    expect(m.headline.keyResults).toBe(0);
  });
});

describe('with the real parser and validator', () => {
  const header = [
    'ID',
    'Type',
    'Parent',
    'Title',
    'Owner',
    'Team',
    'Cycle',
    'Kind',
    'Start',
    'Target',
    'Current',
    'Confidence',
    'Accepted',
    'Last check-in',
  ];
  const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY);
  const opts = { sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' as const };

  test('stale, pending and ownership problems flow into the summary', () => {
    const okrs = parseOkrSheet(
      [
        header,
        ['O1', 'Objective', '', 'Grow', ana, 'Core', '2026-Q4', '', '', '', '', '', at(40), ''],
        [
          'O1.1',
          'Key result',
          'O1',
          'Signups',
          ana,
          '',
          '2026-Q4',
          'Increase',
          0,
          100,
          50,
          'On track',
          at(30),
          at(20),
        ],
        ['O1.2', 'Key result', 'O1', 'Churn', ben, '', '2026-Q4', 'Decrease', 10, 5, 10, 'At risk', '', ''],
        [
          'O1.3',
          'Key result',
          'O1',
          '=IMPORTXML("http://x","//a")',
          'ana and ben',
          '',
          '2026-Q4',
          'Increase',
          0,
          10,
          10,
          '',
          at(5),
          at(1),
        ],
      ],
      opts,
    );
    const team = parseRoster(
      [
        ['Name', 'Email', 'Team'],
        ['Ana', ana, 'Core'],
        ['Ben', ben, 'Core'],
      ],
      { ...opts, sheetName: 'Team' },
    );
    const log = parseCheckIns(
      [
        ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'],
        [at(10), 'O1.1', ana, 20, 0.2, 'On track', ''],
      ],
      { ...opts, sheetName: 'Check-ins' },
    );
    const settings = { ...DEFAULT_SETTINGS };
    const problems = validateOkrs({ okrs, roster: team }, { now: NOW, settings, lang: 'en' });
    const m = summarize([...okrs.objectives, ...okrs.keyResults], {
      roster: team,
      checkIns: log,
      problems,
    });
    expect(m.headline).toMatchObject({
      objectives: 1,
      keyResults: 3,
      stale: 1,
      pending: 1,
      ownershipGaps: 1,
      atRisk: 1,
      onTrack: 1,
    });
    expect(m.objectives[0]).toMatchObject({
      id: 'O1',
      owner: 'Ana',
      progress: 50,
      band: 'yellow',
      atRisk: 1,
    });
    // O1.1 moved 20 → 50 since last week; O1.2 (0) and O1.3 (100) have no baseline.
    expect(m.objectives[0].change).toBe(10);
    const reasons = m.attention.map((a) => `${a.reason}:${a.id}`);
    expect(reasons).toEqual(['at-risk:O1.2', 'stale:O1.1', 'pending:O1.2', 'owner-multiple:O1.3']);
    expect(m.attention.find((a) => a.reason === 'owner-multiple')?.cell).toBe('OKRs!E5');
    expect(m.attention.find((a) => a.reason === 'stale')?.days).toBe(20);
    expect(m.owners.map((o) => [o.email, o.keyResultIds.join(' ')])).toEqual([
      [ana, 'O1.1'],
      [ben, 'O1.2'],
    ]);
  });
});
