// What each write endpoint decides from the re-read row: check-in, accept, decline, assign, add.
import {
  CONFIDENCE_LABEL,
  planAccept,
  planCheckIn,
  planDecline,
  resolvedProblems,
} from '../../../../src/endpoints/sidebar/checkIn';
import { localize, RequestError } from '../../../../src/endpoints/sidebar/requests';
import {
  type NewRowDefaults,
  newRowDefaults,
  planAddKeyResult,
  planAddObjective,
  planAssign,
} from '../../../../src/endpoints/sidebar/requestsPlans';
import { versionOf } from '../../../../src/endpoints/sidebar/sidebarState';
import type { Problem } from '../../../../src/okr/core/model';
import { keyResultProgress } from '../../../../src/okr/core/progress';
import { NOW, okrRows, okrSheet, roster } from './fixtures';

const okrs = okrSheet();
const kr = (id: string) => okrs.keyResults.find((k) => k.id === id)!;

function refusal(fn: () => unknown, lang: 'en' | 'ja' = 'en'): { key: string; error: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RequestError);
    return { key: (e as RequestError).key, error: localize(e as RequestError, lang).error };
  }
  throw new Error('expected a refusal');
}

describe('check-in', () => {
  test('updates Current, Progress, Confidence, Last check-in and Note, and logs it', () => {
    const nps = kr('O1.1');
    const plan = planCheckIn(
      nps,
      { id: 'O1.1', current: 35, confidence: 'at-risk', note: 'slower', version: versionOf(nps) },
      'ana@example.com',
      NOW,
      keyResultProgress,
    );
    expect(plan.patch).toEqual({
      current: 35,
      progress: 75,
      confidence: 'At risk',
      lastCheckIn: { time: NOW },
      note: 'slower',
    });
    expect(plan.log).toEqual({
      time: NOW,
      id: 'O1.1',
      by: 'ana@example.com',
      current: 35,
      progress: 75,
      confidence: 'at-risk',
      note: 'slower',
    });
  });

  test("a check-in without a note clears the previous one: the row's note belongs to its latest check-in", () => {
    const plan = planCheckIn(
      kr('O1.1'),
      { id: 'O1.1', current: 20, confidence: 'off-track' },
      'a',
      NOW,
      keyResultProgress,
    );
    expect(plan.patch.note).toBe('');
    expect(plan.log?.note).toBe('');
    expect(plan.patch.progress).toBe(0);
    expect(CONFIDENCE_LABEL['off-track']).toBe('Off track');
  });

  test('a stale version is refused as "changed"', () => {
    const nps = kr('O1.1');
    const version = versionOf(nps);
    const movedOn = { ...nps, current: 33, lastCheckIn: NOW - 1000 };
    const r = refusal(() =>
      planCheckIn(
        movedOn,
        { id: 'O1.1', current: 35, confidence: 'on-track', version },
        'a',
        NOW,
        keyResultProgress,
      ),
    );
    expect(r.key).toBe('changed');
    expect(r.error).toMatch(/changed since you opened it .* refreshed/);
    expect(refusal(() => planAccept(movedOn, 'zzz', NOW), 'ja').error).toContain('更新しました');
  });

  test('a milestone is done (target) or not done (start), nothing else', () => {
    const ship = kr('O1.3');
    expect(
      planCheckIn(ship, { id: 'O1.3', current: 1, confidence: 'on-track' }, 'b', NOW, keyResultProgress).patch
        .progress,
    ).toBe(100);
    expect(
      planCheckIn(ship, { id: 'O1.3', current: 0, confidence: 'on-track' }, 'b', NOW, keyResultProgress).patch
        .progress,
    ).toBe(0);
    expect(
      refusal(() =>
        planCheckIn(ship, { id: 'O1.3', current: 0.5, confidence: 'on-track' }, 'b', NOW, keyResultProgress),
      ).error,
    ).toBe('O1.3 is a milestone: its value is either done (1) or not done (0).');
  });
});

describe('accept and decline', () => {
  test('accept records the date; only when pending and owned', () => {
    expect(planAccept(kr('O2.3'), undefined, NOW).patch).toEqual({ accepted: { time: NOW } });
    expect(refusal(() => planAccept(kr('O1.1'), undefined, NOW)).key).toBe('already-accepted');
    expect(refusal(() => planAccept(kr('O2.2'), undefined, NOW)).key).toBe('no-owner');
  });

  test("a Lead accepting for the owner is logged (who accepted, for whom); the owner's own acceptance is not", () => {
    expect(planAccept(kr('O2.3'), undefined, NOW, 'ana@example.com').log).toBeNull();
    expect(planAccept(kr('O2.3'), undefined, NOW, 'lead@example.com').log).toEqual({
      time: NOW,
      id: 'O2.3',
      by: 'lead@example.com',
      current: null,
      progress: null,
      confidence: null,
      note: 'Accepted ownership on behalf of ana@example.com',
    });
    expect(planAccept(kr('O2.3'), undefined, NOW, 'lead@example.com', 'ja').log?.note).toBe(
      'ana@example.comに代わってオーナーを承諾',
    );
  });

  test('decline clears the owner and acceptance and logs the reason', () => {
    const plan = planDecline(kr('O2.3'), { id: 'O2.3', reason: 'not my area' }, 'ana@example.com', NOW, 'en');
    expect(plan.patch).toEqual({ owner: null, accepted: null });
    expect(plan.log).toMatchObject({
      id: 'O2.3',
      by: 'ana@example.com',
      current: null,
      note: 'Declined ownership (ana@example.com): not my area',
    });
    expect(planDecline(kr('O2.3'), { id: 'O2.3', reason: '担当外' }, 'a', NOW, 'ja').log?.note).toBe(
      'オーナーを辞退（ana@example.com）: 担当外',
    );
  });
});

describe('assign', () => {
  test('writes one email and resets acceptance on each row that changes owner', () => {
    const plans = planAssign(okrs, roster(), {
      ids: ['O2.1', 'O2.2', 'O2', 'O1.1'],
      email: 'ben@example.com',
    });
    expect(plans).toEqual(
      ['O2.1', 'O2.2', 'O2', 'O1.1'].map((id) => ({
        id,
        patch: { owner: 'ben@example.com', accepted: null },
        log: null,
      })),
    );
    // Re-assigning the same person keeps their acceptance.
    expect(planAssign(okrs, roster(), { ids: ['O1.1'], email: 'ana@example.com' })).toEqual([]);
  });

  test('refuses people outside Team and unknown IDs, before any write', () => {
    expect(refusal(() => planAssign(okrs, roster(), { ids: ['O2.1'], email: 'x@evil.com' })).error).toBe(
      'x@evil.com is not in the Team tab. Add the person to Team first, or choose someone listed there.',
    );
    expect(
      refusal(() => planAssign(okrs, roster(), { ids: ['O2.1', 'O9.9'], email: 'ana@example.com' })).key,
    ).toBe('id-unknown');
  });
});

describe('assign carries the versions the sidebar showed', () => {
  const item = (id: string) => [...okrs.keyResults, ...okrs.objectives].find((r) => r.id === id)!;
  const seen = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, versionOf(item(id))]));

  test('the versions as shown: assigned', () => {
    const ids = ['O2.1', 'O2'];
    expect(planAssign(okrs, roster(), { ids, email: 'ben@example.com', versions: seen(ids) })).toHaveLength(
      2,
    );
  });

  test('one row changed since: the whole assignment is refused as changed, no plan at all', () => {
    const ids = ['O2.1', 'O2.2', 'O2'];
    const versions = { ...seen(ids), 'O2.2': 'older' };
    expect(refusal(() => planAssign(okrs, roster(), { ids, email: 'ben@example.com', versions })).key).toBe(
      'changed',
    );
    // Also when that row would not change owner (its version is still checked).
    expect(
      refusal(() =>
        planAssign(okrs, roster(), { ids: ['O1.1'], email: 'ana@example.com', versions: { 'O1.1': 'x' } }),
      ).key,
    ).toBe('changed');
  });
});

describe('add', () => {
  /** As the fixtures' sheet spells kinds ("Increase", "Decrease", "Milestone", "At least", "At most"). */
  const defaults: NewRowDefaults = newRowDefaults(okrRows(), okrs, 'UTC', NOW);

  test('an objective gets the next ID and goes after the last row', () => {
    const plan = planAddObjective(
      okrs,
      roster(),
      {
        title: '=cmd|x',
        owner: 'lead@example.com',
        cycle: '2027-Q1',
        due: '2027-03-31',
      },
      defaults,
    );
    expect(plan).toEqual({
      id: 'O3',
      afterId: null,
      values: {
        id: 'O3',
        type: 'Objective',
        title: '=cmd|x',
        owner: 'lead@example.com',
        team: 'Core',
        cycle: '2027-Q1',
        due: { day: '2027-03-31' },
      },
    });
  });

  test("a new objective's Cycle defaults to today's (in the sheet's time zone), its Team to the owner's", () => {
    expect(defaults.cycle).toBe('2026-Q4');
    const owned = planAddObjective(okrs, roster(), { title: 'T', owner: 'boss@example.com' }, defaults);
    expect(owned.values).toMatchObject({ cycle: '2026-Q4', team: 'Board', owner: 'boss@example.com' });
    const nobody = planAddObjective(okrs, roster(), { title: 'T' }, defaults);
    expect(nobody.values).toMatchObject({ cycle: '2026-Q4', team: null, owner: null });
    // New Year's Eve in UTC is already next year's first quarter in Tokyo.
    const tokyo = newRowDefaults(okrRows(), okrs, 'Asia/Tokyo', Date.UTC(2026, 11, 31, 16));
    expect(planAddObjective(okrs, roster(), { title: 'T' }, tokyo).values.cycle).toBe('2027-Q1');
  });

  test('a sheet that names its cycles otherwise gets its own name for the cycle today is in', () => {
    const rows = okrRows();
    const cycle = (rows[0] as unknown[]).indexOf('Cycle');
    for (const r of rows.slice(1)) (r as unknown[])[cycle] = '2026 H2';
    expect(newRowDefaults(rows, okrs, 'UTC', NOW).cycle).toBe('2026 H2');
    // A cycle that has ended is not a new row's: today's quarter instead.
    for (const r of rows.slice(1)) (r as unknown[])[cycle] = '2026 H1';
    expect(newRowDefaults(rows, okrs, 'UTC', NOW).cycle).toBe('2026-Q4');
  });

  test("a new key result takes its objective's Cycle (else today's) and its owner's Team (else the objective's)", () => {
    const base = { title: 'T', kind: 'increase' as const, start: 0, target: 1 };
    // O2 is the Sales team's; Boss is on Board.
    const boss = planAddKeyResult(
      okrs,
      roster(),
      { ...base, objectiveId: 'O2', owner: 'boss@example.com' },
      keyResultProgress,
      defaults,
    );
    expect(boss.values).toMatchObject({ team: 'Board', cycle: '2026-Q4' });
    const unowned = planAddKeyResult(
      okrs,
      roster(),
      { ...base, objectiveId: 'O2' },
      keyResultProgress,
      defaults,
    );
    expect(unowned.values).toMatchObject({ team: 'Sales', owner: null });
    const noCycle = okrSheet(
      okrRows().map((r, i) => (i === 0 ? r : r.map((v) => (v === '2026-Q4' ? '' : v)))),
    );
    const later = { ...defaults, cycle: '2027-Q2' };
    expect(
      planAddKeyResult(noCycle, roster(), { ...base, objectiveId: 'O1' }, keyResultProgress, later).values
        .cycle,
    ).toBe('2027-Q2');
  });

  test('Kind is written as the sheet spells kinds', () => {
    const base = { title: 'T', objectiveId: 'O1', start: 0, target: 1 };
    const kindOf = (kind: 'increase' | 'at-least' | 'milestone', kindCells: unknown[]) =>
      planAddKeyResult(okrs, roster(), { ...base, kind }, keyResultProgress, { ...defaults, kindCells })
        .values.kind;
    // The demo's sheet: every kind in lower case.
    expect(kindOf('increase', ['increase', 'decrease', 'milestone'])).toBe('increase');
    expect(kindOf('at-least', ['increase', 'decrease'])).toBe('at least');
    // Set-up's dropdown words, as the fixtures' sheet has them.
    expect(kindOf('increase', defaults.kindCells as unknown[])).toBe('Increase');
    expect(kindOf('milestone', [])).toBe('Milestone');
    // A spelling the sheet already uses for that kind wins, Japanese included.
    expect(kindOf('increase', ['増加', 'Decrease', '増加'])).toBe('増加');
  });

  test('a key result is numbered under its objective and placed after its last key result', () => {
    const plan = planAddKeyResult(
      okrs,
      roster(),
      {
        objectiveId: 'O1',
        title: 'Faster support',
        owner: 'ben@example.com',
        kind: 'decrease',
        start: 48,
        target: 24,
        unit: 'h',
      },
      keyResultProgress,
      defaults,
    );
    expect(plan.id).toBe('O1.4');
    expect(plan.afterId).toBe('O1.3');
    expect(plan.values).toMatchObject({
      id: 'O1.4',
      type: 'Key result',
      parent: 'O1',
      owner: 'ben@example.com',
      cycle: '2026-Q4',
      kind: 'Decrease',
      start: 48,
      target: 24,
      current: 48,
      progress: 0,
      unit: 'h',
    });
  });

  test('refuses a parent that is not an objective and an owner outside Team', () => {
    const base = { title: 'T', kind: 'increase' as const, start: 0, target: 1 };
    expect(
      refusal(() =>
        planAddKeyResult(okrs, roster(), { ...base, objectiveId: 'O1.1' }, keyResultProgress, defaults),
      ).key,
    ).toBe('id-not-objective');
    expect(
      refusal(() =>
        planAddKeyResult(okrs, roster(), { ...base, objectiveId: 'O7' }, keyResultProgress, defaults),
      ).key,
    ).toBe('id-unknown');
    expect(
      refusal(() =>
        planAddKeyResult(
          okrs,
          roster(),
          { ...base, objectiveId: 'O1', owner: 'z@z.io' },
          keyResultProgress,
          defaults,
        ),
      ).key,
    ).toBe('owner-not-in-team');
  });
});

describe('what a check-in fixed', () => {
  const p = (code: string, cell: string | null, severity: 'error' | 'warning' = 'warning') =>
    ({ code, cell, severity }) as unknown as Problem;

  test('problems before and not after are fixed; those in both (other rows, the header) cancel out', () => {
    const header = p('header-missing', null, 'error');
    const parent = p('parent-missing', 'OKRs!C9', 'error');
    const before = [header, parent, p('stale', 'OKRs!P9'), p('value-not-number', 'OKRs!K9', 'error')];
    expect(resolvedProblems(before, [header, parent])).toEqual([
      { code: 'stale', cell: 'OKRs!P9', severity: 'warning' },
      { code: 'value-not-number', cell: 'OKRs!K9', severity: 'error' },
    ]);
    expect(resolvedProblems(before, before)).toEqual([]);
  });

  test('the same problem twice is counted twice; a problem only after makes the answer null', () => {
    const twice = [p('stale', 'OKRs!P9'), p('stale', 'OKRs!P9')];
    expect(resolvedProblems(twice, [p('stale', 'OKRs!P9')])).toHaveLength(1);
    expect(resolvedProblems([], [p('stale', 'OKRs!P9')])).toBeNull();
    // Same code and cell but another severity is another problem.
    expect(resolvedProblems([p('stale', 'OKRs!P9')], [p('stale', 'OKRs!P9', 'error')])).toBeNull();
  });
});
