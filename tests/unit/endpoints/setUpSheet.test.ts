// Set up OKR sheet through SetUpPorts over plain data: who may (the roles rule), what set-up is asked
// to do, what the user is told, and a busy lock.
import type { SetUpReport } from '../../../src/api';
import type { Context } from '../../../src/endpoints/context';
import { type SetUpPorts, setUpWith } from '../../../src/endpoints/setUpSheet';
import type { SetUpOptions } from '../../../src/gas/setUp';
import { todaysQuarter } from '../../../src/okr/core/cycle';
import { parseStoredSettings } from '../../../src/okr/core/settings';

const NOW = Date.UTC(2026, 10, 26, 12);
const LEADS = [
  { email: 'lead@x.com', role: 'lead' as const },
  { email: 'ana@x.com', role: 'member' as const },
];
const MEMBERS = [{ email: 'ana@x.com', role: 'member' as const }];

const REPORT: SetUpReport = {
  created: ['OKRs', 'Team'],
  headersAdded: [{ tab: 'OKRs', headers: ['ID', 'Type'] }],
  exampleRows: 4,
  teamMemberAdded: true,
  progressFilled: 0,
  protectionsAdded: [],
  rulesApplied: { validations: 1, formats: 1, conditionalFormats: 1 },
  changed: true,
};

function ctx(email: string, lang: 'en' | 'ja' = 'en'): Context {
  return { email, settings: parseStoredSettings(null), lang, now: NOW };
}

function fakePorts(people: SetUpPorts extends { readTeam(): infer P } ? P : never, busy = false) {
  const calls: { setUp: SetUpOptions[]; toasts: string[] } = { setUp: [], toasts: [] };
  const ports: SetUpPorts = {
    withLock: (fn) => (busy ? null : fn()),
    readTeam: () => people,
    timeZone: () => 'Asia/Tokyo',
    setUp: (opts) => {
      calls.setUp.push(opts);
      return REPORT;
    },
    toast: (m) => {
      calls.toasts.push(m);
    },
  };
  return { ports, calls };
}

test('a caller Google hides is refused even while no Lead is listed, and nothing is set up', () => {
  for (const people of [MEMBERS, []]) {
    const { ports, calls } = fakePorts(people);
    expect(setUpWith(ports, ctx(''))).toEqual({ ok: false, error: expect.stringMatching(/who you are/) });
    expect(calls).toEqual({ setUp: [], toasts: [] });
  }
});

test('a Member is refused once Leads are listed, told whom to ask', () => {
  const { ports, calls } = fakePorts(LEADS);
  expect(setUpWith(ports, ctx('ana@x.com'))).toEqual({
    ok: false,
    error: expect.stringContaining('lead@x.com'),
  });
  expect(calls.setUp).toEqual([]);
});

test('a Lead (or anyone signed in on a new team) sets up, with themselves and this cycle, and is told what changed', () => {
  for (const [people, email] of [
    [LEADS, 'lead@x.com'],
    [MEMBERS, 'ana@x.com'],
    [[], 'new@x.com'],
  ] as const) {
    const { ports, calls } = fakePorts(people);
    const answer = setUpWith(ports, ctx(email));
    expect(answer).toMatchObject({ ok: true, created: ['OKRs', 'Team'], exampleRows: 4 });
    expect(calls.setUp).toEqual([{ lang: 'en', userEmail: email, cycle: '2026-Q4', examples: true }]);
    expect(calls.toasts).toEqual([expect.stringContaining('Created: OKRs, Team')]);
  }
});

test('in Japanese, and busy', () => {
  const ja = fakePorts(LEADS);
  expect(setUpWith(ja.ports, ctx('lead@x.com', 'ja'))).toMatchObject({
    message: expect.stringContaining('作成'),
  });
  const busy = fakePorts(LEADS, true);
  expect(setUpWith(busy.ports, ctx('lead@x.com'))).toEqual({
    ok: false,
    error: expect.stringMatching(/Someone else/),
  });
  expect(busy.calls.setUp).toEqual([]);
});

test('the cycle is the quarter in the spreadsheet’s time zone', () => {
  const newYearTokyo = Date.UTC(2026, 11, 31, 16); // 01:00 on 1 January 2027 in Tokyo
  expect(todaysQuarter('Asia/Tokyo', newYearTokyo)).toBe('2027-Q1');
  expect(todaysQuarter('America/New_York', newYearTokyo)).toBe('2026-Q4');
});
