// Pace and open cycles in the weekly emails: expected progress and "behind pace" beside the owner's
// confidence (en, ja), counted in the digest; a cycle that is over or closed is not mailed about;
// with an April fiscal year the cycles are dated from April.
import { CALENDAR_YEAR } from '../../../../src/okr/core/cycle';
import type { Lang } from '../../../../src/okr/core/model';
import {
  type DigestInput,
  digestModel,
  leadershipReport,
  ownerReport,
} from '../../../../src/okr/weekly/digest';
import {
  type EmailContext,
  renderLeadershipDigest,
  renderOwnerEmail,
} from '../../../../src/okr/weekly/email';
import { kr, NOW, objective, person } from './fixtures';

const ANN = 'ann@example.com';
const BOSS = 'boss@example.com';

function ctx(lang: Lang): EmailContext {
  return {
    lang,
    timeZone: 'UTC',
    now: NOW,
    spreadsheetName: 'Team OKRs',
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc123/edit',
    okrsSheetId: 7,
    summarySheetId: 42,
    enabledBy: '',
  };
}

// Monday 23 November 2026 01:00 UTC: 53 of 2026-Q4's 92 days are gone, 58% expected.
function input(over: Partial<DigestInput> = {}): DigestInput {
  return {
    now: NOW,
    staleDays: 14,
    people: [person(ANN, { name: 'Ann' }), person(BOSS, { name: 'Boss', role: 'leadership' })],
    objectives: [objective('O1', ANN), objective('O2', ANN, { cycle: '2026-Q3' })],
    keyResults: [
      kr('O1.1', 'O1', ANN, { current: 20, progress: 20, confidence: 'at-risk' }),
      kr('O1.2', 'O1', ANN, { current: 50, progress: 50 }),
      kr('O2.1', 'O2', ANN, { cycle: '2026-Q3', lastCheckIn: NOW - 60 * 86_400_000 }),
    ],
    checkIns: [],
    calendar: CALENDAR_YEAR,
    closed: new Set(),
    ...over,
  };
}

test.each([
  ['en', 'Confidence: At risk · Expected 58% · behind pace', 'Confidence: On track · Expected 58% ·'],
  ['ja', '自信度: 要注意 · 想定 58% · ペース遅れ', '自信度: 順調 · 想定 58% ·'],
] as const)('the owner email (%s) shows pace next to confidence', (lang, behind, onPace) => {
  const model = digestModel(input());
  const email = renderOwnerEmail(ownerReport(model, ANN), ctx(lang));
  expect(email.body).toContain(behind);
  expect(email.body).toContain(onPace);
  expect(email.body).not.toMatch(/O1\.2[^\n]*\n[^\n]*ペース遅れ|O1\.2[^\n]*\n[^\n]*behind pace/);
  expect(email.htmlBody).toContain(lang === 'en' ? 'behind pace' : 'ペース遅れ');
  // 2026-Q3 ended more than 14 days ago: its key result is not mailed about.
  expect(email.body).not.toContain('O2.1');
});

test.each([
  ['en', 'Key results behind pace: 1'],
  ['ja', 'ペースが遅れている主要な結果: 1'],
] as const)('the digest (%s) counts key results behind pace', (lang, line) => {
  const model = digestModel(input());
  const report = leadershipReport(model);
  expect(report.headline.behindPace).toBe(1);
  const digest = renderLeadershipDigest(report, model, ctx(lang));
  expect(digest.body).toContain(line);
});

test('a closed cycle is not mailed about; the margin is the setting', () => {
  expect(digestModel(input({ closed: new Set(['2026-Q4']) })).lines.size).toBe(0);
  const lenient = digestModel(input({ paceMargin: 40 }));
  expect(lenient.lines.get('O1.1')?.pace).toEqual({ expected: 58, behind: false });
});

test('with an April fiscal year, 2026-Q3 is October–December: open, and on its line', () => {
  const model = digestModel(input({ calendar: { fiscalYearStartMonth: 4, timeZone: 'UTC' } }));
  expect([...model.lines.keys()]).toContain('O2.1');
  // 2026-Q4 is January–March 2027 then: not started, nothing expected yet.
  expect(model.lines.get('O1.1')?.pace).toEqual({ expected: 0, behind: false });
});
