// MailApp: the three call forms, the per-user daily recipient quota, invalid addresses, LIMITED auth.
import { simpleParser } from 'mailparser';
import { emailToEml } from '../../local/runtime/eml';
import { MESSAGES } from '../../local/runtime/errors';
import { openScript } from './harness';

const code = `
  function three(to) { MailApp.sendEmail(to, 'Subject', 'Body'); }
  function withOptions() { MailApp.sendEmail('a@example.com', 'S', 'B', { htmlBody: '<b>B</b>', cc: 'c@example.com', name: 'OKR Owners', replyTo: 'r@example.com' }); }
  function message() { MailApp.sendEmail({ to: 'a@example.com, b@example.com', subject: 'M', body: 'b', bcc: 'z@example.com' }); }
  function replyForm() { MailApp.sendEmail('a@example.com', 'r@example.com', 'S', 'B'); }
  function quota() { return MailApp.getRemainingDailyQuota(); }
  function many(n) { for (var i = 0; i < n; i++) MailApp.sendEmail('p' + i + '@example.com', 'S', 'B'); }
  function onOpen() { MailApp.sendEmail('a@example.com', 'S', 'B'); }
`;

describe('MailApp', () => {
  test('sendEmail(recipient, subject, body) records the email from the effective user', async () => {
    const rt = await openScript(code);
    const r = rt.run('three', ['a@example.com'], { as: 'lead@example.com' });
    expect(r.emails).toEqual([
      expect.objectContaining({
        to: 'a@example.com',
        subject: 'Subject',
        body: 'Body',
        from: 'lead@example.com',
      }),
    ]);
    expect(rt.outbox).toHaveLength(1);
    expect(r.calls['MailApp.sendEmail']).toBe(1);
  });

  test('options and message-object forms; every recipient counts against the quota', async () => {
    const rt = await openScript(code);
    const a = rt.run('withOptions');
    expect(a.emails[0]).toEqual(
      expect.objectContaining({
        htmlBody: '<b>B</b>',
        cc: 'c@example.com',
        name: 'OKR Owners',
        replyTo: 'r@example.com',
      }),
    );
    const b = rt.run('message');
    expect(b.emails[0]).toEqual(
      expect.objectContaining({ to: 'a@example.com, b@example.com', bcc: 'z@example.com' }),
    );
    expect(rt.run('replyForm').emails[0]).toEqual(
      expect.objectContaining({ replyTo: 'r@example.com', subject: 'S', body: 'B' }),
    );
    expect(rt.run('quota').result).toBe(100 - 2 - 3 - 1);
  });

  test('over the daily quota: Google’s message; a new day resets; quotas are per user', async () => {
    const rt = await openScript(code, { mailQuota: 5 });
    expect(rt.run('many', [5], { as: 'a@example.com' }).ok).toBe(true);
    const over = rt.run('three', ['x@example.com'], { as: 'a@example.com' });
    expect(over.error).toEqual({ name: 'Exception', message: MESSAGES.mailQuota });
    expect(rt.run('quota', [], { as: 'a@example.com' }).result).toBe(0);
    expect(rt.run('three', ['x@example.com'], { as: 'b@example.com' }).ok).toBe(true);
    rt.setTime(rt.now() + 24 * 3600_000);
    expect(rt.run('three', ['x@example.com'], { as: 'a@example.com' }).ok).toBe(true);
  });

  test('the quota resets 24 hours after the first send of its window, not at midnight', async () => {
    // https://developers.google.com/apps-script/guides/services/quotas: "Quotas are per user and
    // reset 24 hours after the first request."
    const rt = await openScript(code, { mailQuota: 5, now: '2026-11-30T23:00:00Z' });
    expect(rt.run('many', [3], { as: 'a@example.com' }).ok).toBe(true); // opens the window at ~23:00
    rt.setTime('2026-12-01T00:30:00Z'); // a new UTC day, same window
    expect(rt.run('many', [2], { as: 'a@example.com' }).ok).toBe(true);
    expect(rt.run('quota', [], { as: 'a@example.com' }).result).toBe(0);
    expect(rt.run('three', ['x@example.com'], { as: 'a@example.com' }).error?.message).toBe(
      MESSAGES.mailQuota,
    );
    rt.setTime('2026-12-01T22:59:00Z'); // still inside the 24 hours
    expect(rt.run('quota', [], { as: 'a@example.com' }).result).toBe(0);
    rt.setTime('2026-12-01T23:00:01Z');
    expect(rt.run('quota', [], { as: 'a@example.com' }).result).toBe(5);
    expect(rt.run('many', [5], { as: 'a@example.com' }).ok).toBe(true); // a new window opens here
    rt.setTime('2026-12-02T01:00:00Z');
    expect(rt.run('quota', [], { as: 'a@example.com' }).result).toBe(0);
  });

  test("quotaWindow 'utc-day' keeps the older, friendlier calendar-day model for old tests", async () => {
    const rt = await openScript(code, { mailQuota: 5, now: '2026-11-30T23:00:00Z', quotaWindow: 'utc-day' });
    expect(rt.run('many', [5], { as: 'a@example.com' }).ok).toBe(true);
    rt.setTime('2026-12-01T00:00:01Z');
    expect(rt.run('quota', [], { as: 'a@example.com' }).result).toBe(5);
  });

  test('consumer 100 and Workspace 1,500 recipients a day by default', async () => {
    expect((await openScript(code)).run('quota').result).toBe(100);
    expect((await openScript(code, { workspace: true })).run('quota').result).toBe(1500);
  });

  test('an invalid address throws "Invalid email: …" and sends nothing', async () => {
    const rt = await openScript(code);
    const r = rt.run('three', ['not an address']);
    expect(r.error?.message).toBe('Invalid email: not an address');
    expect(rt.outbox).toHaveLength(0);
  });

  test('simple triggers (LIMITED) may not send mail', async () => {
    const rt = await openScript(code);
    const r = rt.run('onOpen', [], { as: 'a@example.com' });
    expect(r.authMode).toBe('LIMITED');
    expect(r.error?.message).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });
});

describe('.eml files', () => {
  test('multipart/alternative UTF-8 messages that a mail parser reads back', async () => {
    const eml = emailToEml({
      to: 'taro@example.com',
      cc: 'hanako@example.com',
      subject: '今週のキーリザルト — 3 items',
      body: 'こんにちは\nline two',
      htmlBody: '<p>こんにちは</p>',
      from: 'lead@example.com',
      name: 'OKR Owners',
      replyTo: 'lead@example.com',
      at: Date.parse('2026-11-30T09:00:00Z'),
    });
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('今週のキーリザルト — 3 items');
    expect(parsed.text?.trim()).toBe('こんにちは\nline two');
    expect(parsed.html).toContain('<p>こんにちは</p>');
    expect(parsed.from?.value[0]).toEqual({ address: 'lead@example.com', name: 'OKR Owners' });
    expect(parsed.date?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(eml).toContain('Content-Type: multipart/alternative;');
    expect(eml.split('\r\n').every((l) => l.length <= 998)).toBe(true);
  });
});

test('at most 50 recipients per message and 200 KB of body', async () => {
  const rt = await openScript(`
    function wide(n) { var to = []; for (var i = 0; i < n; i++) to.push('p' + i + '@example.com'); MailApp.sendEmail(to.join(','), 's', 'b'); }
    function long(n) { MailApp.sendEmail('a@example.com', 's', new Array(n + 1).join('x')); }
  `);
  expect(rt.run('wide', [50]).ok).toBe(true);
  expect(rt.run('wide', [51]).error?.message).toBe('Limit Exceeded: Email Recipients Per Message.');
  expect(rt.run('long', [200 * 1024 + 1]).error?.message).toBe('Limit Exceeded: Email Body Size.');
});

test('writeOutbox names files by time and never overwrites an earlier email', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { writeOutbox } = await import('../../local/runtime/eml');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  const at = Date.parse('2026-11-30T09:00:00Z');
  const mk = (subject: string) => ({ to: 'a@example.com', subject, body: 'b', from: 'x@example.com', at });
  const first = writeOutbox([mk('one'), mk('two')], dir);
  const second = writeOutbox([mk('three')], dir);
  expect([...first, ...second].map((e) => path.basename(e.file as string))).toEqual([
    '20261130T090000Z-1.eml',
    '20261130T090000Z-2.eml',
    '20261130T090000Z-3.eml',
  ]);
  expect(fs.readFileSync(first[0].file as string, 'utf8')).toContain('Subject: one');
  expect(writeOutbox(first, dir)).toBe(first); // already written: untouched
  expect(fs.readdirSync(dir)).toHaveLength(3);
});
