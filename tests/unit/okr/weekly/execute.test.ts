import fc from 'fast-check';
import { SETTINGS_KEY } from '../../../../src/okr/core/settings';
import {
  CHUNK_CAPACITY,
  emptyState,
  FAILED_DETAIL_CAP,
  gaveUpReason,
  INTERRUPTED_REASON,
  Ledger,
  MAX_SEND_ATTEMPTS,
  parseState,
  RUN_BUDGET_MS,
  recipientHash,
  retryDelay,
  STATE_KEY,
  serializeRun,
  serializeState,
  stateFromProperties,
  type WeeklyState,
  weeklyRunStatus,
} from '../../../../src/okr/weekly/weeklyRun';
import { runWeeklyTick, type TickOutcome } from '../../../../src/okr/weekly/weeklyRunExecute';
import { FakeWorld } from './fakePorts';
import { kr, objective, person } from './fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY_9_TOKYO = Date.UTC(2026, 10, 23, 0, 0);
const LEAD = 'lead@example.com';

function world(owners: number, opts: { leadership?: number } = {}): FakeWorld {
  const people = [person(LEAD, { role: 'lead' })];
  for (let i = 0; i < (opts.leadership ?? 1); i++)
    people.push(person(`boss${i}@example.com`, { role: 'leadership' }));
  const krs = [];
  for (let i = 0; i < owners; i++) {
    const email = `owner${i}@example.com`;
    people.push(person(email));
    krs.push(kr(`O1.${i + 1}`, 'O1', email, { row: i + 3 }));
  }
  const w = new FakeWorld({
    objectives: [objective('O1', 'owner0@example.com')],
    keyResults: krs,
    people,
    checkIns: [],
  });
  const state: WeeklyState = {
    ...emptyState(),
    enabled: true,
    enabledBy: LEAD,
    enabledAt: MONDAY_9_TOKYO - 3 * DAY,
    triggerId: 't1',
    timeZone: 'Asia/Tokyo',
  };
  w.props[STATE_KEY] = serializeState(state);
  w.props[SETTINGS_KEY] = JSON.stringify({ weeklyEmails: true, weeklyDay: 1, weeklyHour: 9 });
  return w;
}

function tick(
  w: FakeWorld,
  at: number,
  stopAtCall: number | null = null,
  uid = 't1',
): TickOutcome | 'stopped' | 'failed' {
  w.clock = Math.max(w.clock, at);
  w.begin(stopAtCall);
  try {
    return runWeeklyTick(w.ports(), uid);
  } catch (e) {
    if (/Exceeded maximum execution time/.test(String((e as Error).message))) return 'stopped';
    // The execution failed on a service error before it could record anything (the claim's write).
    if (/server error/.test(String((e as Error).message))) return 'failed';
    throw e;
  }
}

function state(w: FakeWorld): WeeklyState {
  return stateFromProperties(w.props);
}

function counts(w: FakeWorld): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of w.outbox) {
    const key = `${s.email.subject.startsWith('OKR digest') ? 'leadership' : 'owner'}:${s.to}`;
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

describe('runWeeklyTick', () => {
  test('a tick with nothing due reads the properties once and nothing else', () => {
    const w = world(3);
    expect(tick(w, MONDAY_9_TOKYO - 60_000)).toEqual({ action: 'idle', reason: 'not-yet' });
    expect(w.log).toEqual(['readAll']);
    expect(w.outbox).toHaveLength(0);
  });

  test('the due run sends one email per owner and the digest, refreshes the Summary once, and a second tick sends nothing', () => {
    const w = world(5);
    const first = tick(w, MONDAY_9_TOKYO + 20 * 60_000);
    expect(first).toMatchObject({
      action: 'ran',
      period: '2026-W48',
      sentNow: 6,
      finished: true,
      failedCount: 0,
    });
    expect([...counts(w).values()].every((n) => n === 1)).toBe(true);
    expect(counts(w).size).toBe(6);
    expect(w.outbox[0].to).toBe('boss0@example.com');
    expect(w.summaryRefreshes).toBe(1);
    expect(tick(w, MONDAY_9_TOKYO + 20 * 60_000)).toEqual({ action: 'idle', reason: 'done' });
    expect(w.log).toEqual(['readAll']);
    expect(tick(w, MONDAY_9_TOKYO + 80 * 60_000)).toEqual({ action: 'idle', reason: 'done' });
    expect(w.outbox).toHaveLength(6);
    // Next week: a new period, everyone once more.
    expect(tick(w, MONDAY_9_TOKYO + 7 * DAY + 60_000)).toMatchObject({
      period: '2026-W49',
      sentNow: 6,
      finished: true,
    });
    expect(state(w).lastRun).toMatchObject({ period: '2026-W48', sent: 6 });
  });

  test('ledger is written before each send: writes alternate with sends', () => {
    const w = world(3);
    tick(w, MONDAY_9_TOKYO + 60_000);
    const seq = w.log.filter((c) => c === 'write' || c === 'send');
    // claim, then (write, send) per email, then the final write
    expect(seq).toEqual([
      'write',
      'write',
      'send',
      'write',
      'send',
      'write',
      'send',
      'write',
      'send',
      'write',
    ]);
  });

  test('150 owners with a quota of 100: the run stops at the quota and finishes on the next day', () => {
    const w = world(150, { leadership: 0 });
    w.quotaPerDay = 100;
    const first = tick(w, MONDAY_9_TOKYO + 60_000);
    expect(first).toMatchObject({ sentNow: 100, finished: false, waitingFor: 'quota', remaining: 50 });
    // Later ticks the same (UTC) day send nothing.
    for (let h = 2; h < 20; h++) expect(tick(w, MONDAY_9_TOKYO + h * HOUR)).toMatchObject({ sentNow: 0 });
    const next = tick(w, MONDAY_9_TOKYO + DAY);
    expect(next).toMatchObject({ sentNow: 50, finished: true, sent: 150 });
    expect(w.outbox).toHaveLength(150);
    expect(new Set(w.outbox.map((s) => s.to)).size).toBe(150);
  });

  test('a failing address is recorded with its reason and does not stop the others', () => {
    const w = world(4);
    w.failing.add('owner1@example.com');
    expect(tick(w, MONDAY_9_TOKYO + 60_000)).toMatchObject({ finished: true, sent: 4, failedCount: 1 });
    expect(state(w).run?.failed).toEqual([
      { email: 'owner1@example.com', reason: 'Invalid email: owner1@example.com' },
    ]);
    tick(w, MONDAY_9_TOKYO + 2 * HOUR);
    expect(w.outbox.filter((s) => s.to === 'owner1@example.com')).toHaveLength(0);
  });

  test('the time budget stops the run cleanly and the next tick resumes it', () => {
    const w = world(30);
    const ports = w.ports();
    const slowSend = ports.send;
    w.clock = MONDAY_9_TOKYO + 60_000;
    w.begin();
    const slow = {
      ...ports,
      send: (to: string, e: Parameters<typeof slowSend>[1]) => {
        w.clock += 20_000;
        slowSend(to, e);
      },
    };
    const start = w.clock;
    const out = runWeeklyTick(slow, 't1');
    expect(out).toMatchObject({ action: 'ran', finished: false, waitingFor: 'time' });
    expect(w.clock - start).toBeLessThan(RUN_BUDGET_MS);
    expect(state(w).run?.lease).toBeNull();
    expect(tick(w, MONDAY_9_TOKYO + 2 * HOUR)).toMatchObject({ finished: true, sent: 31 });
    expect(new Set(w.outbox.map((s) => s.to)).size).toBe(31);
    expect(w.outbox).toHaveLength(31);
  });

  test('stopped by Google right after a send: that email is filed as unconfirmed, never sent twice', () => {
    const w = world(3);
    // Calls: readAll, effectiveUser, lock, readAll, write(claim), quota, loadWorkbook, refreshSummary, write, send, [write ← stop]
    expect(tick(w, MONDAY_9_TOKYO + 60_000, 11)).toBe('stopped');
    expect(w.outbox.map((s) => s.to)).toEqual(['boss0@example.com']);
    // The claim's lease blocks a tick in the same hour; after it expires the run resumes.
    expect(tick(w, MONDAY_9_TOKYO + 2 * 60_000)).toEqual({ action: 'idle', reason: 'busy' });
    expect(tick(w, MONDAY_9_TOKYO + HOUR)).toMatchObject({ finished: true, sent: 3, failedCount: 1 });
    expect(state(w).run?.failed).toEqual([{ email: 'boss0@example.com', reason: INTERRUPTED_REASON }]);
    expect(w.outbox.filter((s) => s.to === 'boss0@example.com')).toHaveLength(1);
    expect(w.outbox).toHaveLength(4);
  });

  test('only the recorded trigger, running as the Lead who enabled it, sends mail', () => {
    const w = world(2);
    expect(tick(w, MONDAY_9_TOKYO + 60_000, null, '')).toEqual({ action: 'idle', reason: 'not-the-trigger' });
    w.user = 'someone@example.com';
    expect(tick(w, MONDAY_9_TOKYO + 60_000)).toEqual({ action: 'idle', reason: 'not-the-trigger' });
    expect(w.outbox).toHaveLength(0);
    expect(tick(w, MONDAY_9_TOKYO + 60_000, null, 'old-trigger')).toEqual({
      action: 'removed-trigger',
      reason: 'superseded',
    });
    expect(w.removedTriggers).toEqual(['old-trigger']);
  });

  test('a trigger left behind after weekly emails were disabled removes itself', () => {
    const w = world(2);
    w.props[STATE_KEY] = serializeState({ ...state(w), enabled: false, triggerId: '' });
    expect(tick(w, MONDAY_9_TOKYO + 60_000, null, 't1')).toEqual({
      action: 'removed-trigger',
      reason: 'disabled',
    });
    expect(w.outbox).toHaveLength(0);
  });

  test('a Lead disabling weekly emails while a run is sending is not undone by the run', () => {
    const w = world(3);
    const ports = w.ports();
    let disabled = false;
    const send = ports.send;
    const racing = {
      ...ports,
      send: (to: string, e: Parameters<typeof send>[1]) => {
        send(to, e);
        if (!disabled) {
          disabled = true;
          w.props[STATE_KEY] = serializeState({ ...state(w), enabled: false, triggerId: '' });
        }
      },
    };
    w.clock = MONDAY_9_TOKYO + 60_000;
    w.begin();
    runWeeklyTick(racing, 't1');
    expect(state(w)).toMatchObject({ enabled: false, triggerId: '' });
    expect(state(w).run?.sent).toBeGreaterThan(0);
  });

  test('a busy document lock means "try next tick", not an error', () => {
    const w = world(2);
    w.lockBusy = true;
    expect(tick(w, MONDAY_9_TOKYO + 60_000)).toEqual({ action: 'idle', reason: 'busy' });
    expect(w.outbox).toHaveLength(0);
  });

  test('two failed writes in a row stop the run before the next send; who was mailed stays on record, nobody gets two', () => {
    const w = world(3);
    // Writes: 1 claim, 2 before boss0's email, 3 before owner0's (fails), 4 its retry (fails) → the run
    // stops without sending to owner0; 5 the final write.
    w.failingWrites = new Set([3, 4]);
    const first = tick(w, MONDAY_9_TOKYO + 60_000);
    expect(first).toMatchObject({ action: 'ran', sentNow: 1, finished: false, waitingFor: 'error' });
    expect(w.outbox.map((s) => s.to)).toEqual(['boss0@example.com']);
    expect(state(w).run?.lastError).toMatch(/server error/);
    w.failingWrites = new Set();
    expect(tick(w, MONDAY_9_TOKYO + HOUR)).toMatchObject({ finished: true, sent: 4, failedCount: 0 });
    expect([...counts(w).values()]).toEqual([1, 1, 1, 1]);
    expect(w.outbox).toHaveLength(4);
  });

  test('the ledger is durable before every send: each send finds everyone mailed before it in the stored ledger', () => {
    const w = world(6);
    const ports = w.ports();
    const send = ports.send;
    const checked: number[] = [];
    const checking = {
      ...ports,
      send: (to: string, e: Parameters<typeof send>[1]) => {
        const s = state(w);
        const stored = Ledger.fromProperties(w.props, s.run?.chunks ?? 0);
        const before = w.outbox.map((x) =>
          recipientHash(x.email.subject.startsWith('OKR digest') ? 'leadership' : 'owner', x.to),
        );
        checked.push(before.filter((h) => stored.has(h)).length - before.length);
        send(to, e);
      },
    };
    w.failingWrites = new Set([4]);
    w.clock = MONDAY_9_TOKYO + 60_000;
    w.begin();
    runWeeklyTick(checking, 't1');
    expect(checked).toHaveLength(7);
    expect(checked.every((missing) => missing === 0)).toBe(true);
  });

  test.each([
    ["We're sorry, a server error occurred. Please wait a bit and try again."],
    ['Service invoked too many times in a short time: email. Try Utilities.sleep(1000) between calls.'],
    ['Service Mail timed out while sending the message.'],
  ])(
    'a transient MailApp error (%s) keeps the recipient for a later tick, never costs them the week',
    (message) => {
      const w = world(3);
      w.sendErrors.set(2, message); // boss0 first, then owner0 fails
      expect(tick(w, MONDAY_9_TOKYO + 60_000)).toMatchObject({
        sentNow: 1,
        failedCount: 0,
        finished: false,
        waitingFor: 'retry',
      });
      expect(state(w).run?.retries).toMatchObject([{ email: 'owner0@example.com', attempts: 1 }]);
      w.sendErrors.clear();
      // Half an hour later the others go out; owner0 waits for the retry (an hour after the failure).
      expect(tick(w, MONDAY_9_TOKYO + 31 * 60_000)).toMatchObject({ sentNow: 2, finished: false });
      expect(w.outbox.filter((s) => s.to === 'owner0@example.com')).toHaveLength(0);
      expect(tick(w, MONDAY_9_TOKYO + 40 * 60_000)).toEqual({ action: 'idle', reason: 'retry-later' });
      expect(tick(w, MONDAY_9_TOKYO + 2 * HOUR)).toMatchObject({
        sentNow: 1,
        finished: true,
        failedCount: 0,
      });
      expect(w.outbox.filter((s) => s.to === 'owner0@example.com')).toHaveLength(1);
      expect([...counts(w).values()].every((n) => n === 1)).toBe(true);
      expect(w.outbox).toHaveLength(4);
    },
  );

  test('transient errors back off (1, 2, 4 … hours) and count as a failure only after MAX_SEND_ATTEMPTS', () => {
    const w = world(1);
    w.failing.add('owner0@example.com');
    const ports = w.ports();
    // owner0 always meets a server error; boss0 is fine.
    const flaky = {
      ...ports,
      send: (to: string, e: Parameters<typeof ports.send>[1]) => {
        if (to === 'owner0@example.com') throw new Error("We're sorry, a server error occurred.");
        ports.send(to, e);
      },
    };
    // The hour of each attempt at owner0's email.
    const attempts: number[] = [];
    let tried = 0;
    for (let h = 0; h < 6 * 24; h++) {
      w.clock = Math.max(w.clock, MONDAY_9_TOKYO + 60_000 + h * HOUR);
      w.begin();
      const out = runWeeklyTick(flaky, 't1');
      const finished = out.action === 'ran' && out.finished;
      const n = finished ? MAX_SEND_ATTEMPTS : (state(w).run?.retries[0]?.attempts ?? 0);
      if (n > tried) attempts.push(h);
      tried = n;
      if (finished) break;
    }
    expect(attempts).toHaveLength(MAX_SEND_ATTEMPTS);
    const s = state(w).run;
    expect(s?.finishedAt).not.toBeNull();
    expect(s?.failed).toEqual([
      {
        email: 'owner0@example.com',
        reason: gaveUpReason(MAX_SEND_ATTEMPTS, "We're sorry, a server error occurred."),
      },
    ]);
    // Attempt n+1 comes retryDelay(n) after attempt n.
    const gaps = attempts.slice(1).map((h, i) => h - attempts[i]);
    expect(gaps).toEqual(Array.from({ length: MAX_SEND_ATTEMPTS - 1 }, (_, i) => retryDelay(i + 1) / HOUR));
    expect(w.outbox.map((x) => x.to)).toEqual(['boss0@example.com']);
  });

  test('an invalid address is final at once, not retried', () => {
    const w = world(2);
    w.sendErrors.set(2, 'Invalid email: owner0@example');
    expect(tick(w, MONDAY_9_TOKYO + 60_000)).toMatchObject({ finished: true, failedCount: 1, sent: 2 });
    expect(state(w).run?.retries).toEqual([]);
  });

  test.each([
    ['a missing tab', ['There is no Team tab.']],
    ['nobody to email', []],
  ])(
    '%s at the scheduled hour is an error the Lead is told about once, retried every tick, never "finished, 0 sent"',
    (_name, blockers) => {
      const w = world(blockers.length ? 3 : 0, { leadership: blockers.length ? 1 : 0 });
      w.blockers = blockers;
      for (let h = 0; h < 3; h++) {
        expect(tick(w, MONDAY_9_TOKYO + 60_000 + h * HOUR)).toMatchObject({
          action: 'ran',
          finished: false,
          sentNow: 0,
          waitingFor: 'error',
        });
        const status = weeklyRunStatus(
          state(w),
          { weeklyDay: 1, weeklyHour: 9, weeklyEmails: true },
          w.clock,
        );
        expect(status.lastError).toMatch(blockers.length ? /There is no Team tab\./ : /nobody to email/);
        expect(status.finishedAt).toBeNull();
      }
      // One email to the Lead who enabled weekly emails, saying what is wrong; not one per tick.
      expect(w.outbox.map((s) => s.to)).toEqual([LEAD]);
      expect(w.outbox[0].email.body).toContain(blockers.length ? 'There is no Team tab.' : 'nobody to email');
      // A sheet the run cannot read is never summarised: the Summary leadership last saw stays.
      expect(w.summaryRefreshes).toBe(0);
      if (!blockers.length) return;
      // Fixed: the next tick refreshes the Summary once and sends everyone their email.
      w.blockers = [];
      expect(tick(w, MONDAY_9_TOKYO + 5 * HOUR)).toMatchObject({ finished: true, sent: 4, waitingFor: null });
      expect(state(w).run?.lastError).toBeNull();
      expect(w.summaryRefreshes).toBe(1);
    },
  );

  test("the Lead's notice of an unreadable sheet is not marked sent when the write before it fails: the next tick sends it", () => {
    const w = world(2);
    w.blockers = ['There is no Team tab.'];
    // Write 1 claims the run; writes 2 and 3 (the mark before the notice, and its retry) fail.
    w.failingWrites = new Set([2, 3]);
    expect(tick(w, MONDAY_9_TOKYO + 60_000)).toMatchObject({ finished: false, waitingFor: 'error' });
    expect(w.outbox).toEqual([]);
    expect(state(w).run?.noticeSent).toBe(false);
    w.failingWrites = new Set();
    expect(tick(w, MONDAY_9_TOKYO + HOUR)).toMatchObject({ finished: false, waitingFor: 'error' });
    expect(w.outbox.map((s) => s.to)).toEqual([LEAD]);
    expect(w.outbox[0].email.body).toContain('There is no Team tab.');
    expect(tick(w, MONDAY_9_TOKYO + 2 * HOUR)).toMatchObject({ finished: false, waitingFor: 'error' });
    expect(w.outbox).toHaveLength(1);
  });

  test('an error reading the sheet (a Sheets server error) leaves the run open for the next tick', () => {
    const w = world(2);
    w.workbookError = 'Service Spreadsheets timed out while accessing document with id abc.';
    expect(tick(w, MONDAY_9_TOKYO + 60_000)).toMatchObject({ finished: false, waitingFor: 'error' });
    expect(state(w).run?.lastError).toMatch(/timed out/);
    w.workbookError = null;
    expect(tick(w, MONDAY_9_TOKYO + HOUR)).toMatchObject({ finished: true, sent: 3 });
  });

  test('property: random stops, failing addresses, failing writes, transient mail errors, small quotas and doubled ticks never send anyone two emails', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 4, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
        fc.array(
          fc.record({
            gapHours: fc.integer({ min: 1, max: 40 }),
            stopAt: fc.option(fc.integer({ min: 1, max: 40 })),
            twice: fc.boolean(),
            // From the nth properties write, `times` in a row fail; the nth send meets a server error.
            writeFails: fc.option(
              fc.record({ nth: fc.integer({ min: 1, max: 8 }), times: fc.integer({ min: 1, max: 3 }) }),
            ),
            serverErrorAt: fc.option(fc.integer({ min: 1, max: 6 })),
          }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (owners, quota, failing, schedule) => {
          const w = world(owners);
          w.quotaPerDay = quota;
          const failingEmails = new Set(
            failing.filter((i) => i < owners).map((i) => `owner${i}@example.com`),
          );
          for (const f of failingEmails) w.failing.add(f);
          let at = MONDAY_9_TOKYO + 60_000;
          for (const step of schedule) {
            const wf = step.writeFails;
            w.failingWrites = new Set(wf ? Array.from({ length: wf.times }, (_, i) => wf.nth + i) : []);
            w.sendErrors = new Map(
              step.serverErrorAt ? [[step.serverErrorAt, "We're sorry, a server error occurred."]] : [],
            );
            tick(w, at, step.stopAt);
            if (step.twice) tick(w, at);
            w.failingWrites = new Set();
            w.sendErrors = new Map();
            at += step.gapHours * HOUR;
            if (at > MONDAY_9_TOKYO + 3 * DAY) break;
          }
          // Then calm days (one tick each, no stops) before the week ends: enough quota to finish.
          for (let d = 4; d <= 6; d++) tick(w, MONDAY_9_TOKYO + d * DAY + HOUR);
          const s = state(w);
          const c = counts(w);
          for (const n of c.values()) expect(n).toBe(1);
          expect(s.run?.finishedAt).not.toBeNull();
          const failed = new Set((s.run?.failed ?? []).map((f) => f.email));
          for (let i = 0; i < owners; i++) {
            const email = `owner${i}@example.com`;
            const got = c.get(`owner:${email}`) ?? 0;
            if (failingEmails.has(email)) expect(got).toBe(0);
            expect(got === 1 || failed.has(email)).toBe(true);
          }
          expect(s.run?.failedCount).toBe(failed.size);
          // Emails cut off between send and ledger write count as unconfirmed failures, not as sent.
          expect(s.run?.sent).toBeLessThanOrEqual(w.outbox.length);
          expect(w.outbox.length).toBeLessThanOrEqual((s.run?.sent ?? 0) + (s.run?.failedCount ?? 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the ledger', () => {
  test('1,000 recipients fit in 9 KB property values and read back exactly', () => {
    const l = new Ledger();
    const emails = Array.from({ length: 1000 }, (_, i) => `person.with.a.longish.name${i}@example.co.jp`);
    for (const e of emails) l.add(recipientHash('owner', e));
    const dirty = l.takeDirty();
    expect(Object.keys(dirty)).toHaveLength(Math.ceil(1000 / CHUNK_CAPACITY));
    for (const v of Object.values(dirty)) expect(Buffer.byteLength(v)).toBeLessThanOrEqual(9 * 1024);
    const back = Ledger.fromProperties(dirty, Object.keys(dirty).length);
    expect(back.size).toBe(1000);
    for (const e of emails) expect(back.has(recipientHash('owner', e))).toBe(true);
    expect(back.has(recipientHash('leadership', emails[0]))).toBe(false);
    expect(new Set(emails.map((e) => recipientHash('owner', e))).size).toBe(1000);
  });

  test('the state value stays small with many long failures', () => {
    const s = parseState(serializeState(emptyState()));
    s.run = {
      ...(parseState('').run ?? ({} as never)),
      period: '2026-W48',
      scheduledAt: 0,
      startedAt: 0,
      finishedAt: null,
      sent: 0,
      failed: [],
      failedCount: 0,
      remaining: null,
      total: null,
      chunks: 0,
      sending: null,
      summaryRefreshed: false,
      summaryError: null,
      waitingFor: null,
      lastError: null,
      executions: 0,
      lease: null,
    };
    for (let i = 0; i < 200; i++) {
      const run = s.run;
      run.failedCount += 1;
      if (run.failed.length < FAILED_DETAIL_CAP)
        run.failed.push({ email: `a${i}@example.com`, reason: 'x'.repeat(160) });
    }
    expect(Buffer.byteLength(serializeRun(s))).toBeLessThan(9 * 1024);
  });
});
