// The sidebar's state: the caller's key results in full with what needs them, every row in a compact
// table, problems capped; small enough for a 5,000-row sheet.
import { PROBLEM_CAP, TITLE_CAP } from '../../../../src/api';
import { callerFrom } from '../../../../src/endpoints/permissions';
import {
  buildSidebarState,
  needsOf,
  stateBudget,
  versionOf,
} from '../../../../src/endpoints/sidebar/sidebarState';
import type { Problem } from '../../../../src/okr/core/model';
import { DEFAULT_SETTINGS } from '../../../../src/okr/core/model';
import { parseOkrSheet, parseRoster } from '../../../../src/okr/core/parse';
import { validateOkrs } from '../../../../src/okr/ownership/validate';
import { bigSheet, DAY, NOW, okrRows, okrSheet, roster } from './fixtures';

function stateFor(email: string, okrs = okrSheet(), problems: Problem[] = []) {
  const team = roster();
  return buildSidebarState({
    okrs,
    roster: team,
    problems,
    caller: callerFrom(email, team),
    now: NOW,
    lang: 'en',
    timeZone: 'UTC',
    staleDays: 14,
  });
}

test('My key results: only what the caller owns, in sheet order, with what needs them', () => {
  const s = stateFor('ana@example.com');
  expect(s.me).toEqual({ email: 'ana@example.com', name: 'Ana Owner', role: 'member', inTeam: true });
  expect(s.can.manage).toBe(false);
  expect(s.mine.map((k) => k.id)).toEqual(['O1.1', 'O1.2', 'O2.3']);
  const [nps, churn, costs] = s.mine;
  expect(nps).toMatchObject({
    objectiveId: 'O1',
    objectiveTitle: 'Delight customers',
    current: 30,
    progress: 50,
    confidence: 'on-track',
    daysSinceCheckIn: 3,
    needs: [],
  });
  expect(churn.needs).toEqual(['stale', 'at-risk']);
  expect(churn.daysSinceCheckIn).toBe(30);
  // Never accepted, no values: pending and missing values.
  expect(costs.needs).toEqual(['pending', 'missing-values']);
  expect(costs.daysSinceCheckIn).toBeNull();
});

test('a Lead manages; someone outside Team sees the empty state facts', () => {
  expect(stateFor('lead@example.com').can.manage).toBe(true);
  const outsider = stateFor('who@example.com');
  expect(outsider.me.inTeam).toBe(false);
  expect(outsider.mine).toEqual([]);
  const anonymous = stateFor('');
  expect(anonymous.mine).toEqual([]);
  expect(anonymous.can.manage).toBe(false);
});

test('the table encodes every row: type, owner index, ownership state, parent', () => {
  const s = stateFor('lead@example.com');
  const t = s.table;
  expect(t.id).toEqual(['O1', 'O1.1', 'O1.2', 'O1.3', 'O2', 'O2.1', 'O2.2', 'O2.3']);
  expect(t.type).toBe('okkkokkk');
  expect(t.state).toBe('aaapmimp');
  const ana = s.team.findIndex((m) => m.email === 'ana@example.com');
  expect(t.owner).toEqual([0, ana, ana, 2, -1, -2, -1, ana]);
  expect(t.title[3]).toBe('Ship <b>v2</b>'); // text as typed; the sidebar renders it as text
});

test('versions change when anything a write depends on changes', () => {
  const kr = okrSheet().keyResults[0];
  const v = versionOf(kr);
  expect(versionOf({ ...kr })).toBe(v);
  for (const change of [
    { current: 31 },
    { lastCheckIn: NOW },
    { confidence: 'at-risk' as const },
    { ownerText: 'ben@example.com' },
    { accepted: null },
    { target: 41 },
  ]) {
    expect(versionOf({ ...kr, ...change })).not.toBe(v);
  }
});

test('stale counts from the last check-in, else from acceptance', () => {
  const kr = okrSheet().keyResults[0];
  expect(needsOf({ ...kr, lastCheckIn: NOW - 15 * DAY }, NOW, 14)).toContain('stale');
  expect(needsOf({ ...kr, lastCheckIn: NOW - 13 * DAY }, NOW, 14)).not.toContain('stale');
  expect(needsOf({ ...kr, lastCheckIn: null, accepted: NOW - 20 * DAY }, NOW, 14)).toContain('stale');
  expect(needsOf({ ...kr, lastCheckIn: null, accepted: NOW - 2 * DAY }, NOW, 14)).not.toContain('stale');
});

test('long titles are capped in the table and problems are capped, errors first', () => {
  const rows = okrRows();
  rows[1][3] = 'T'.repeat(5000);
  const problems: Problem[] = Array.from({ length: 300 }, (_, i) => ({
    code: i % 2 ? 'stale' : 'owner-missing',
    severity: i % 2 ? 'warning' : 'error',
    id: `O${i}`,
    row: 300 - i,
    column: 'Owner',
    cell: `OKRs!E${300 - i}`,
    message: 'm',
    hint: 'h',
  }));
  const s = stateFor('ana@example.com', okrSheet(rows), problems);
  expect(s.table.title[0]).toHaveLength(TITLE_CAP);
  expect(s.table.title[0].endsWith('…')).toBe(true);
  expect(s.problems.errors).toBe(150);
  expect(s.problems.warnings).toBe(150);
  expect(s.problems.list).toHaveLength(PROBLEM_CAP);
  expect(s.problems.list.slice(0, 150).every((p) => p.severity === 'error')).toBe(true);
  expect('row' in s.problems.list[0]).toBe(false); // rows never leave the server
});

test("at 5,000 rows the state JSON stays under 300 KB (with the validator's problems)", () => {
  const { okrRows: rows, teamRows: people } = bigSheet(5000, 150);
  const okrs = parseOkrSheet(rows, { sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' });
  expect(okrs.objectives.length + okrs.keyResults.length).toBe(5000);
  const team = parseRoster(people, { sheetName: 'Team', timeZone: 'UTC', lang: 'en' });
  const problems = validateOkrs({ okrs, roster: team }, { now: NOW, settings: DEFAULT_SETTINGS, lang: 'en' });
  // A typical owner, the lead, and someone who owns 1,000 rows (an import gone wrong).
  for (const email of ['p7@example.com', 'lead@example.com', 'hoarder@example.com']) {
    const s = buildSidebarState({
      okrs,
      roster: team,
      problems,
      caller: callerFrom(email, team),
      now: NOW,
      lang: 'en',
      timeZone: 'UTC',
      staleDays: 14,
    });
    const size = (x: unknown) => (Buffer.byteLength(JSON.stringify(x)) / 1024).toFixed(1);
    const bytes = Buffer.byteLength(JSON.stringify(s));
    console.log(
      `state for ${email} at 5,000 rows: ${size(s)} KB (table ${size(s.table)}, team ${size(s.team)}, ` +
        `mine ${s.mine.length}/${s.mineTotal} ${size(s.mine)}, problems ${problems.length} → ${size(s.problems)})`,
    );
    expect(bytes).toBeLessThan(300 * 1024);
    expect(s.table.id).toHaveLength(5000);
  }
});

test('5,000 rows of long Japanese titles and notes still fit: titles shrink, IDs and owners stay', () => {
  const { okrRows: rows, teamRows: people } = bigSheet(5000, 150);
  for (const r of rows.slice(1)) {
    r[3] = '地域ごとの週間アクティブチーム数を目標まで引き上げる取り組みを進める'.repeat(3);
    r[17] = 'メモ'.repeat(400);
  }
  const okrs = parseOkrSheet(rows, { sheetName: 'OKRs', timeZone: 'UTC', lang: 'ja' });
  const team = parseRoster(people, { sheetName: 'Team', timeZone: 'UTC', lang: 'ja' });
  const problems = validateOkrs({ okrs, roster: team }, { now: NOW, settings: DEFAULT_SETTINGS, lang: 'ja' });
  const s = buildSidebarState({
    okrs,
    roster: team,
    problems,
    caller: callerFrom('hoarder@example.com', team),
    now: NOW,
    lang: 'ja',
    timeZone: 'UTC',
    staleDays: 14,
  });
  expect(Buffer.byteLength(JSON.stringify(s))).toBeLessThan(300 * 1024);
  expect(s.table.id).toHaveLength(5000);
  expect(s.table.title[1].length).toBeGreaterThan(0);
  expect(s.table.owner.filter((o) => o >= 0).length).toBeGreaterThan(3000);
});

test('the budget grows with the sheet past 5,000 rows, up to 580 KB (the size budget: < 600 KB at 10,000 key results)', () => {
  expect(stateBudget(0)).toBe(290 * 1024);
  expect(stateBudget(5000)).toBe(290 * 1024);
  expect(stateBudget(7500)).toBe(Math.floor(7500 * ((290 * 1024) / 5000)));
  expect(stateBudget(10_000)).toBe(580 * 1024);
  expect(stateBudget(12_000)).toBe(580 * 1024);
});

test('12,000 rows (10,000 key results): under 600 KB, and the table still has readable titles', () => {
  const { okrRows: rows, teamRows: people } = bigSheet(12_000, 1000);
  const okrs = parseOkrSheet(rows, { sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' });
  const team = parseRoster(people, { sheetName: 'Team', timeZone: 'UTC', lang: 'en' });
  const problems = validateOkrs({ okrs, roster: team }, { now: NOW, settings: DEFAULT_SETTINGS, lang: 'en' });
  for (const email of ['p7@example.com', 'lead@example.com', 'hoarder@example.com']) {
    const s = buildSidebarState({
      okrs,
      roster: team,
      problems,
      caller: callerFrom(email, team),
      now: NOW,
      lang: 'en',
      timeZone: 'UTC',
      staleDays: 14,
    });
    const bytes = Buffer.byteLength(JSON.stringify(s));
    expect(bytes).toBeLessThanOrEqual(580 * 1024);
    // More than the 5,000-row budget was needed, and used for titles rather than cut to nothing.
    expect(bytes).toBeGreaterThan(290 * 1024);
    expect(s.table.id).toHaveLength(12_000);
    expect(s.table.title.every((t) => t.length >= 10)).toBe(true);
  }
});
