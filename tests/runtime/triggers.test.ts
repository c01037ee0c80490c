// ScriptApp triggers: builders, add-on limits, LIMITED auth, and tick() firing them as their installer.
import { MESSAGES } from '../../local/runtime/errors';
import { openScript, T0 } from './harness';

const t0 = Date.parse(T0);
const HOUR = 3600_000;

const code = `
  function installHourly() { return ScriptApp.newTrigger('tock').timeBased().everyHours(1).create().getUniqueId(); }
  function installDaily(h, tz) { var b = ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(h); if (tz) b = b.inTimezone(tz); return b.create().getUniqueId(); }
  function installWeekly() { return ScriptApp.newTrigger('daily').timeBased().onWeekDay(ScriptApp.WeekDay.FRIDAY).atHour(9).create().getUniqueId(); }
  function installMinutes() { ScriptApp.newTrigger('tock').timeBased().everyMinutes(5).create(); }
  function installEdit() { var ss = SpreadsheetApp.getActiveSpreadsheet(); return ScriptApp.newTrigger('edited').forSpreadsheet(ss).onEdit().create().getEventType().toString(); }
  function list() { return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())]; }); }
  function userTriggers() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).length; }
  function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
  function tock(e) { Logger.log(Session.getEffectiveUser().getEmail() + '|' + Session.getActiveUser().getEmail() + '|' + e.triggerUid + '|' + String(e.authMode)); return Date.now(); }
  function daily(e) { Logger.log(new Date().toISOString()); }
  function failing() { throw new Error('trigger failed'); }
  function installFailing() { ScriptApp.newTrigger('failing').timeBased().everyHours(2).create(); }
  function onOpen() { ScriptApp.newTrigger('tock').timeBased().everyHours(1).create(); }
`;

describe('ScriptApp triggers', () => {
  test('an hourly trigger fires every hour from its creation, as its installer, in FULL auth', async () => {
    const rt = await openScript(code);
    const id = rt.run('installHourly', [], { as: 'lead@example.com' }).result as string;
    const created = rt.triggerRecords()[0].createdAt;
    expect(created).toBeGreaterThan(t0); // created during the execution, on its virtual clock
    expect(rt.triggers()).toEqual([
      {
        id,
        handler: 'tock',
        type: 'CLOCK',
        everyHours: 1,
        owner: 'lead@example.com',
        nextAt: created + HOUR,
      },
    ]);
    const { executions } = rt.tick(t0 + 3.5 * HOUR);
    expect(executions.map((e) => e.startedAt)).toEqual([
      created + HOUR,
      created + 2 * HOUR,
      created + 3 * HOUR,
    ]);
    expect(executions[0].logs).toEqual([`lead@example.com|lead@example.com|${id}|FULL`]);
    expect(executions.every((e) => e.user === 'lead@example.com' && e.authMode === 'FULL')).toBe(true);
    expect(rt.now()).toBe(t0 + 3.5 * HOUR);
  });

  test('tick to a time in the past or now does nothing', async () => {
    const rt = await openScript(code);
    rt.run('installHourly');
    rt.tick(t0 + 2 * HOUR);
    const before = rt.now();
    expect(rt.tick(t0).executions).toEqual([]);
    expect(rt.tick(before).executions).toEqual([]);
    expect(rt.now()).toBe(before);
  });

  test('atHour fires on the hour in the script time zone (or inTimezone)', async () => {
    const rt = await openScript(code, { scriptTimeZone: 'Asia/Tokyo' });
    rt.run('installDaily', [9]);
    const { executions } = rt.tick('2026-12-03T00:30:00Z');
    // 09:00 JST is 00:00 UTC: Dec 1, 2 and 3.
    expect(executions.map((e) => new Date(e.startedAt).toISOString())).toEqual([
      '2026-12-01T00:00:00.000Z',
      '2026-12-02T00:00:00.000Z',
      '2026-12-03T00:00:00.000Z',
    ]);
    const ny = await openScript(code, { addon: false });
    ny.run('installDaily', [9, 'America/New_York']);
    expect(new Date(ny.tick('2026-12-01T15:00:00Z').executions[0].startedAt).toISOString()).toBe(
      '2026-11-30T14:00:00.000Z',
    );
  });

  test('onWeekDay fires weekly on that day', async () => {
    const rt = await openScript(code, { scriptTimeZone: 'UTC' });
    rt.run('installWeekly');
    const { executions } = rt.tick('2026-12-20T00:00:00Z');
    expect(executions.map((e) => new Date(e.startedAt).toISOString())).toEqual([
      '2026-12-04T09:00:00.000Z',
      '2026-12-11T09:00:00.000Z',
      '2026-12-18T09:00:00.000Z',
    ]);
  });

  test('add-ons: one trigger of each type per user per document', async () => {
    const rt = await openScript(code);
    expect(rt.run('installHourly', [], { as: 'a@example.com' }).ok).toBe(true);
    const second = rt.run('installDaily', [9], { as: 'a@example.com' });
    expect(second.error?.message).toBe(MESSAGES.addonTooManyTriggers('time-based'));
    expect(rt.run('installHourly', [], { as: 'b@example.com' }).ok).toBe(true);
    expect(rt.run('installEdit', [], { as: 'a@example.com' }).result).toBe('ON_EDIT');
    expect(rt.run('installEdit', [], { as: 'a@example.com' }).ok).toBe(false);
    expect(rt.run('list', [], { as: 'a@example.com' }).result).toEqual([
      ['tock', 'CLOCK', 'CLOCK'],
      ['edited', 'ON_EDIT', 'SPREADSHEETS'],
    ]);
    expect(rt.run('userTriggers', [], { as: 'a@example.com' }).result).toBe(2);
  });

  test('add-ons: time-driven triggers at most hourly', async () => {
    const rt = await openScript(code);
    expect(rt.run('installMinutes').error?.message).toMatch(/once per hour/);
    const plain = await openScript(code, { addon: false });
    expect(plain.run('installMinutes').ok).toBe(true);
  });

  test('deleteTrigger removes the user’s trigger', async () => {
    const rt = await openScript(code);
    rt.run('installHourly');
    expect(rt.run('removeAll').result).toBe(0);
    expect(rt.triggers()).toEqual([]);
  });

  test('simple triggers (LIMITED) cannot create triggers', async () => {
    const rt = await openScript(code);
    expect(rt.run('onOpen').error?.message).toBe(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });

  test('a failing trigger is recorded and keeps its schedule', async () => {
    const rt = await openScript(code);
    rt.run('installFailing', [], { as: 'a@example.com' });
    const { executions, emails } = rt.tick(t0 + 5 * HOUR);
    expect(executions).toHaveLength(2);
    expect(executions.every((e) => !e.ok && e.error?.message === 'trigger failed')).toBe(true);
    expect(emails).toEqual([]); // add-on triggers send no failure email
  });

  test('more than 20 triggers per user is refused', async () => {
    const rt = await openScript(
      'function add(i) { ScriptApp.newTrigger("tock").timeBased().everyHours(i + 1).create(); }',
      { addon: false },
    );
    for (let i = 0; i < 20; i++) expect(rt.run('add', [i]).ok).toBe(true);
    expect(rt.run('add', [21]).error?.message).toMatch(/^This script has too many triggers/);
  });
});

describe('trigger timing options and NONE auth', () => {
  test('triggerJitter: atHour triggers fire within their hour, deterministically', async () => {
    const runAt = async () => {
      const rt = await openScript(code, { scriptTimeZone: 'UTC', triggerJitter: true });
      rt.run('installDaily', [9]);
      return rt.tick('2026-12-04T00:00:00Z').executions.map((e) => e.startedAt);
    };
    const times = await runAt();
    expect(times).toHaveLength(3);
    for (const [i, at] of times.entries()) {
      const hour = Date.parse(`2026-12-0${i + 1}T09:00:00Z`);
      expect(at).toBeGreaterThanOrEqual(hour);
      expect(at).toBeLessThan(hour + HOUR);
    }
    expect(new Set(times.map((t) => t % HOUR)).size).toBeGreaterThan(1);
    expect(await runAt()).toEqual(times);
  });

  test('AuthMode.NONE: not even PropertiesService', async () => {
    const rt = await openScript(
      'function onOpen() { return PropertiesService.getDocumentProperties().getProperty("x"); }',
    );
    const r = rt.run('onOpen', [], { authMode: 'NONE' });
    const e = await openScript('function onOpen(e) { return String(e.authMode); }');
    expect(e.run('onOpen', [], { authMode: 'NONE' }).result).toBe('NONE');
    expect(r.error?.message).toBe(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(rt.run('onOpen').ok).toBe(true); // LIMITED may read properties
  });
});

test('triggers stop for the day once their owner used the daily trigger runtime', async () => {
  const rt = await openScript(
    `function install() { ScriptApp.newTrigger('work').timeBased().everyHours(1).create(); }
     function work() { for (var i = 0; i < 4; i++) Utilities.sleep(60000); }`,
    { triggerRuntimeQuotaMs: 10 * 60_000 },
  );
  rt.run('install', [], { as: 'a@example.com' });
  const { executions } = rt.tick('2026-11-30T14:00:00Z'); // 10:00 … 14:00 UTC, 4 minutes each
  expect(executions.map((e) => e.ok)).toEqual([true, true, true, false]);
  expect(executions[3].error?.message).toBe('Service using too much computer time for one day');
  // The runtime quota resets 24 hours after the window's first run (10:00), not at midnight UTC.
  const night = rt.tick('2026-12-01T09:30:00Z'); // a new UTC day, same window: still refused
  expect(night.executions.length).toBeGreaterThan(10);
  expect(night.executions.every((e) => !e.ok)).toBe(true);
  const next = rt.tick('2026-12-01T11:30:00Z'); // 10:00 and 11:00: a fresh window
  expect(next.executions.map((e) => e.ok)).toEqual([true, true]);
});
