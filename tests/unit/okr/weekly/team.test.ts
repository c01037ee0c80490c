// The manager's part of the weekly run: who gets mail (managers, each person's choice), what "Your
// team" lists, and how it is worded (support, not blame; English and Japanese).
import type { EmailChoice } from '../../../../src/okr/core/model';
import { digestModel, ownerReport, planRecipients, teamReport } from '../../../../src/okr/weekly/digest';
import { type EmailContext, renderOwnerEmail } from '../../../../src/okr/weekly/email';
import {
  EMAIL_CHOICE_PREFIX,
  emailChoicesFrom,
  parseEmailChoice,
  wantsEmail,
} from '../../../../src/okr/weekly/emailChoice';
import { EMAIL_HTML_BUDGET, fitEmail, utf8Bytes } from '../../../../src/okr/weekly/emailFit';
import { DAY, kr, NOW, objective, person } from './fixtures';

const MIA = 'mia@example.com';
const ANN = 'ann@example.com';
const BEN = 'ben@example.com';

function model(conversationRuns = 2) {
  return digestModel({
    now: NOW,
    staleDays: 14,
    conversationRuns,
    people: [
      person(MIA, { name: 'Mia' }),
      person(ANN, { name: 'Ann', manager: MIA }),
      person(BEN, { name: 'Ben', manager: MIA }),
    ],
    objectives: [objective('O1', ANN, { row: 2 })],
    keyResults: [
      kr('O1.1', 'O1', ANN, { row: 3, title: 'Quiet for weeks', lastCheckIn: NOW - 30 * DAY }),
      kr('O1.2', 'O1', ANN, { row: 4, title: 'Quiet for one run', lastCheckIn: NOW - 16 * DAY }),
      kr('O1.3', 'O1', BEN, { row: 5, title: 'Fine' }),
      kr('O1.4', 'O1', BEN, { row: 6, title: 'Worried', confidence: 'off-track' }),
    ],
    checkIns: [],
  });
}

function ctx(lang: 'en' | 'ja'): EmailContext {
  return {
    lang,
    timeZone: 'UTC',
    now: NOW,
    spreadsheetName: 'OKRs',
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
    okrsSheetId: 1,
    summarySheetId: null,
    enabledBy: '',
    conversationRuns: 2,
  };
}

test('a manager who owns nothing gets an owner email about their reports', () => {
  const plan = planRecipients(model());
  expect(plan.map((r) => [r.kind, r.email])).toEqual([
    ['owner', MIA],
    ['owner', ANN],
    ['owner', BEN],
  ]);
});

test('"Your team" lists what needs a conversation, stale for N runs first', () => {
  const team = teamReport(model(), MIA);
  expect(team.people).toBe(2);
  expect(team.lines.map((l) => [l.id, l.conversation])).toEqual([
    ['O1.1', true],
    ['O1.4', false],
    ['O1.2', false],
  ]);
  expect(team.conversations).toBe(1);
  expect(teamReport(model(1), MIA).conversations).toBe(2);
  expect(teamReport(model(), ANN)).toEqual({ people: 0, lines: [], conversations: 0 });
});

test.each(['en', 'ja'] as const)('the manager email names the conversation as support (%s)', (lang) => {
  const m = model();
  const email = fitEmail((limits) =>
    renderOwnerEmail(ownerReport(m, MIA), { ...ctx(lang), limits }, teamReport(m, MIA)),
  );
  const words =
    lang === 'en'
      ? {
          title: 'Your team',
          talk: 'a good moment to ask Ann how it is going and what would help',
          subject: "1 of your team's key results could use a conversation",
        }
      : {
          title: 'あなたのチーム',
          talk: 'Ann さんに状況と、力になれることを聞いてみませんか',
          subject: 'チームの主要な結果1件について話す時間をとりませんか',
        };
  expect(email.subject).toContain(words.subject);
  for (const body of [email.htmlBody, email.body]) {
    expect(body).toContain(words.title);
    expect(body).toContain(words.talk);
    expect(body).toContain('O1.1');
    expect(body).not.toContain('O1.3');
  }
  expect(email.body).not.toMatch(/fail|blame|behind|late|怠|遅延/i);
  expect(utf8Bytes(email.htmlBody)).toBeLessThan(EMAIL_HTML_BUDGET);
});

test('a huge team stays under the HTML budget, the rest counted', () => {
  const people = [person(MIA, { name: 'Mia' })];
  const krs = [];
  for (let i = 0; i < 400; i++) {
    const email = `p${i}@example.com`;
    people.push(person(email, { name: `Person ${i}`, manager: MIA }));
    for (let j = 0; j < 5; j++)
      krs.push(
        kr(`O1.${i * 5 + j}`, 'O1', email, {
          row: 3 + i * 5 + j,
          title: 'x'.repeat(180),
          lastCheckIn: NOW - 40 * DAY,
        }),
      );
  }
  const m = digestModel({
    now: NOW,
    staleDays: 14,
    people,
    objectives: [objective('O1', MIA)],
    keyResults: krs,
    checkIns: [],
  });
  const email = fitEmail((limits) =>
    renderOwnerEmail(ownerReport(m, MIA), { ...ctx('ja'), limits }, teamReport(m, MIA)),
  );
  expect(utf8Bytes(email.htmlBody)).toBeLessThan(EMAIL_HTML_BUDGET);
  expect(email.htmlBody).toContain('ほか');
});

test('each person’s choice: never gets nothing, needed only when something needs them', () => {
  const choices = (c: Record<string, EmailChoice>) => new Map(Object.entries(c));
  const emails = (c: Record<string, EmailChoice>) => planRecipients(model(), choices(c)).map((r) => r.email);
  expect(emails({ [ANN]: 'never' })).toEqual([MIA, BEN]);
  // Ben has an off-track key result (needs him); Mia has Ann's conversation.
  expect(emails({ [BEN]: 'needed', [MIA]: 'needed' })).toEqual([MIA, ANN, BEN]);
  const calm = digestModel({
    now: NOW,
    staleDays: 14,
    people: [person(ANN, { name: 'Ann' })],
    objectives: [objective('O1', ANN)],
    keyResults: [kr('O1.1', 'O1', ANN)],
    checkIns: [],
  });
  expect(planRecipients(calm, choices({ [ANN]: 'needed' }))).toEqual([]);
  expect(planRecipients(calm, choices({ [ANN]: 'always' })).length).toBe(1);
});

test('choices are read from document properties; anything unknown means every week', () => {
  expect(
    emailChoicesFrom({
      [`${EMAIL_CHOICE_PREFIX}ann@example.com`]: 'never',
      other: 'x',
      [`${EMAIL_CHOICE_PREFIX}b@x.com`]: 'bogus',
    }),
  ).toEqual(
    new Map([
      ['ann@example.com', 'never'],
      ['b@x.com', 'always'],
    ]),
  );
  expect(parseEmailChoice(undefined)).toBe('always');
  expect(wantsEmail('needed', 'leadership', () => false)).toBe(true);
  expect(wantsEmail('never', 'leadership', () => true)).toBe(false);
});
