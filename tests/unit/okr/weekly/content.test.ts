// The owner email and the leadership digest as a mail client sees them: rendered, turned into a
// MIME message, parsed back with mailparser, and the HTML parsed with htmlparser2 (a real parser).
import type { Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { simpleParser } from 'mailparser';
import { emailToEml } from '../../../../local/runtime/eml';
import type { Lang } from '../../../../src/okr/core/model';
import { digestModel, leadershipReport, ownerReport } from '../../../../src/okr/weekly/digest';
import {
  type EmailContext,
  type RenderedEmail,
  renderLeadershipDigest,
  renderOwnerEmail,
} from '../../../../src/okr/weekly/email';
import { checkIn, DAY, kr, NOW, objective, person } from './fixtures';

const URL = 'https://docs.google.com/spreadsheets/d/abc123/edit';
const XSS =
  '<img src=x onerror=alert(1)> & "quotes" <a href="https://evil.example">click</a>\r\nBcc: victim@example.com';

function ctx(lang: Lang, over: Partial<EmailContext> = {}): EmailContext {
  return {
    lang,
    timeZone: 'Asia/Tokyo',
    now: NOW,
    spreadsheetName: 'Team <b>OKRs</b>',
    spreadsheetUrl: URL,
    okrsSheetId: 7,
    summarySheetId: 42,
    enabledBy: 'lead@example.com',
    ...over,
  };
}

function model() {
  const ann = 'ann@example.com';
  return digestModel({
    now: NOW,
    staleDays: 14,
    people: [
      person(ann, { name: 'Ann Owner' }),
      person('ben@example.com', { name: 'Ben', language: 'ja' }),
      person('cto@example.com', { name: 'Chief', role: 'leadership' }),
    ],
    objectives: [
      objective('O1', ann, { row: 2, title: 'Grow revenue' }),
      objective('O2', 'ben@example.com', { row: 6, title: XSS }),
      objective('O9', ann, { row: 20, cycle: '2025-Q1', title: 'Old cycle' }),
    ],
    keyResults: [
      kr('O1.1', 'O1', ann, { row: 3, title: 'Pending KR', accepted: null, progress: 40 }),
      kr('O1.2', 'O1', ann, {
        row: 4,
        title: 'Stale KR',
        lastCheckIn: NOW - 30 * DAY,
        progress: 80,
        confidence: 'at-risk',
      }),
      kr('O1.3', 'O1', 'ben@example.com', { row: 5, title: 'Ben KR', progress: 10 }),
      kr('O2.1', 'O2', ann, {
        row: 7,
        title: XSS,
        current: null,
        progress: null,
        due: NOW + 5 * DAY,
        confidence: 'off-track',
      }),
      kr('O2.2', 'O2', 'ben@example.com', { row: 8, title: 'Ben second', progress: 100 }),
      kr('O9.1', 'O9', ann, { row: 21, cycle: '2025-Q1', title: 'Old KR' }),
    ],
    checkIns: [
      checkIn('O1.1', NOW - 9 * DAY, 20),
      checkIn('O1.1', NOW - 1 * DAY, 40),
      checkIn('O2.2', NOW - 10 * DAY, 70),
    ],
  });
}

async function parsed(email: RenderedEmail) {
  const eml = emailToEml({
    to: 'x@example.com',
    from: 'lead@example.com',
    subject: email.subject,
    body: email.body,
    htmlBody: email.htmlBody,
    at: NOW,
  });
  const mail = await simpleParser(eml);
  const doc = parseDocument(String(mail.html));
  return { mail, doc };
}

function elements(doc: Document | Element): Element[] {
  const out: Element[] = [];
  const walk = (n: { children?: unknown[] }) => {
    for (const c of (n.children ?? []) as Array<{ type: string; children?: unknown[] }>) {
      if (c.type === 'tag' || c.type === 'script' || c.type === 'style') out.push(c as unknown as Element);
      walk(c);
    }
  };
  walk(doc);
  return out;
}

function text(n: { children?: unknown[]; data?: string; type?: string }): string {
  if (n.type === 'text') return n.data ?? '';
  return ((n.children ?? []) as Array<{ children?: unknown[]; data?: string; type?: string }>)
    .map(text)
    .join('');
}

function expectSafeHtml(doc: Document) {
  const els = elements(doc);
  const names = new Set(els.map((e) => e.name));
  for (const banned of ['img', 'script', 'style', 'link', 'iframe', 'object', 'form', 'b'])
    expect(names.has(banned)).toBe(false);
  for (const e of els) {
    expect(Object.keys(e.attribs).filter((a) => /^on/i.test(a) || a === 'class' || a === 'src')).toEqual([]);
    if (e.name === 'a') expect(e.attribs.href.startsWith(URL)).toBe(true);
  }
  // The hostile title is shown as text.
  expect(text(doc)).toContain('<img src=x onerror=alert(1)>');
}

describe('owner email', () => {
  test('en: subject says what needs them; needs first; everything grouped by objective; links; footer', async () => {
    const m = model();
    const email = renderOwnerEmail(ownerReport(m, 'ann@example.com'), ctx('en'));
    const { mail, doc } = await parsed(email);
    expect(mail.subject).toBe(
      'OKRs: 2 key results need your check-in · 1 key result waits for your acceptance',
    );
    expect(mail.headers.has('bcc')).toBe(false);
    expectSafeHtml(doc);
    const body = mail.text ?? '';
    expect(body).toContain('Hi Ann Owner,');
    // Needs first: pending (O1.1, O1 objective is accepted), then off track (O2.1), then at risk/stale (O1.2).
    const needs = body.slice(body.indexOf('What needs you'), body.indexOf('Everything you own'));
    expect(needs.indexOf('O1.1')).toBeLessThan(needs.indexOf('O2.1'));
    expect(needs.indexOf('O2.1')).toBeLessThan(needs.indexOf('O1.2'));
    expect(needs).toContain('waiting for you to accept ownership');
    expect(needs).toContain('no check-in for 30 days');
    expect(needs).toContain('missing values');
    expect(needs).toContain('due 2026-11-28');
    // Everything they own, grouped: O1 with O1.1 and O1.2 (not Ben's O1.3), O2 with O2.1; the old cycle is left out.
    const all = body.slice(body.indexOf('Everything you own'));
    expect(all).toContain('O1 Grow revenue');
    expect(all).not.toContain('O1.3');
    expect(all).not.toContain('Old KR');
    expect(all).toContain('Since last week: +20 pts');
    expect(all).toContain('You own this objective · 3 key results, 1 at risk or off track');
    expect(body).toContain(`${URL}#gid=7&range=A3`);
    expect(body).toContain(`Open the spreadsheet: ${URL}`);
    expect(body).toContain('because you own objectives or key results in “Team <b>OKRs</b>”');
    expect(body).toContain('Weekly emails were turned on by lead@example.com.');
    expect(body).toContain('Extensions → OKR Owners');
    // HTML: a link per row, a progress bar per key result (a cell whose width is the progress).
    const hrefs = elements(doc)
      .filter((e) => e.name === 'a')
      .map((e) => e.attribs.href);
    expect(hrefs).toContain(`${URL}#gid=7&range=A4`);
    expect(hrefs).toContain(URL);
    const bars = elements(doc).filter((e) => e.name === 'td' && /^\d+%$/.test(e.attribs.width ?? ''));
    expect(bars.map((b) => b.attribs.width)).toEqual(expect.arrayContaining(['40%', '80%']));
    expect(elements(doc).filter((e) => e.name === 'html')[0].attribs.lang).toBe('en');
  });

  test('ja: the Team language picks Japanese, also in the subject (RFC 2047) and the text body', async () => {
    const m = model();
    const email = renderOwnerEmail(ownerReport(m, 'ben@example.com'), ctx('ja'));
    const { mail, doc } = await parsed(email);
    expect(mail.subject).toBe('OKR: 2件の主要な結果はすべて最新です');
    expect(mail.text).toContain('Ben さん');
    expect(mail.text).toContain('担当しているすべてのOKR');
    expect(mail.text).toContain('先週から: +30ポイント');
    expect(mail.text).toContain('停止するには');
    expectSafeHtml(doc);
    expect(elements(doc).filter((e) => e.name === 'html')[0].attribs.lang).toBe('ja');
  });

  test('an owner with nothing pending gets an "all up to date" subject', () => {
    const m = digestModel({
      now: NOW,
      staleDays: 14,
      people: [person('z@example.com')],
      objectives: [objective('O1', null)],
      keyResults: [kr('O1.1', 'O1', 'z@example.com')],
      checkIns: [],
    });
    expect(renderOwnerEmail(ownerReport(m, 'z@example.com'), ctx('en')).subject).toBe(
      'OKRs: your key result is up to date',
    );
    const objectiveOnly = digestModel({
      now: NOW,
      staleDays: 14,
      people: [person('o@example.com')],
      objectives: [objective('O1', 'o@example.com')],
      keyResults: [kr('O1.1', 'O1', 'z@example.com', { confidence: 'at-risk' })],
      checkIns: [],
    });
    const email = renderOwnerEmail(ownerReport(objectiveOnly, 'o@example.com'), ctx('en'));
    expect(email.subject).toBe('OKRs: this week on the objective you own');
    expect(email.body).toContain('You own this objective · 1 key result, 1 at risk or off track');
    expect(renderOwnerEmail(ownerReport(m, 'z@example.com'), ctx('en', { test: true })).subject).toMatch(
      /^\[Test\] /,
    );
  });

  test('no links when the URL is not Google https (never a javascript: href)', () => {
    const email = renderOwnerEmail(
      ownerReport(model(), 'ann@example.com'),
      ctx('en', { spreadsheetUrl: 'javascript:alert(1)' }),
    );
    expect(email.htmlBody).not.toContain('<a ');
    expect(email.htmlBody).not.toContain('javascript:');
  });
});

describe('leadership digest', () => {
  test('en: headline numbers, objectives table, movers and the Summary link', async () => {
    const m = model();
    const email = renderLeadershipDigest(leadershipReport(m), m, ctx('en'));
    const { mail, doc } = await parsed(email);
    expect(mail.subject).toBe('OKR digest: 0 of 2 objectives on track, average progress 72%');
    expectSafeHtml(doc);
    const body = mail.text ?? '';
    expect(body).toContain('Objectives on track: 0 / 2');
    expect(body).toContain('Key results at risk or off track: 2');
    expect(body).toContain('Stale key results: 1');
    expect(body).toContain('Ownership not yet accepted: 1');
    expect(body).toContain(`Open the Summary tab: ${URL}#gid=42`);
    expect(body).toContain('because you have the Leadership role');
    const movers = body.slice(body.indexOf('What moved most'));
    expect(movers.indexOf('O2.2')).toBeLessThan(movers.indexOf('O1.1'));
    const rows = elements(doc).filter((e) => {
      const cells = e.children.filter((c) => (c as Element).name === 'td') as Element[];
      return e.name === 'tr' && cells.length === 3 && text(cells[0]).startsWith('O1 Grow revenue');
    });
    expect(rows).toHaveLength(1);
    expect(text(rows[0])).toContain('Ann Owner');
    expect(text(rows[0])).toContain('At risk: 1');
  });

  test('ja: Japanese headings and subject', async () => {
    const m = model();
    const { mail } = await parsed(renderLeadershipDigest(leadershipReport(m), m, ctx('ja')));
    expect(mail.subject).toBe('OKRダイジェスト: 目標2件中0件が順調、平均進捗72%');
    expect(mail.text).toContain('先週から大きく動いたもの');
    expect(mail.text).toContain('Summaryタブを開く');
  });

  test("a huge sheet stays under Google's 200 KB body limit", () => {
    const people = [person('cto@example.com', { role: 'leadership' }), person('a@example.com')];
    const objectives = Array.from({ length: 1500 }, (_, i) =>
      objective(`O${i}`, 'a@example.com', { row: i + 2, title: 'x'.repeat(200) }),
    );
    const keyResults = objectives.map((o, i) =>
      kr(`${o.id}.1`, o.id, 'a@example.com', { row: 2000 + i, title: 'y'.repeat(200) }),
    );
    const m = digestModel({ now: NOW, staleDays: 14, people, objectives, keyResults, checkIns: [] });
    const digest = renderLeadershipDigest(leadershipReport(m), m, ctx('en'));
    const owner = renderOwnerEmail(ownerReport(m, 'a@example.com'), ctx('en'));
    for (const e of [digest, owner]) {
      expect(Buffer.byteLength(e.htmlBody) + Buffer.byteLength(e.body)).toBeLessThan(200 * 1024);
      expect(e.body).toContain('more in the spreadsheet');
    }
  });
});
