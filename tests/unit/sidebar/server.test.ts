// The sidebar's google.script.run wrapper: exactly the endpoints of src/api.ts, typed, promise-based,
// at most 8 calls in flight. Compile-time checks (a typo does not compile) are in typeChecks.ts.
import type { Endpoints } from '../../../src/api';

type Handler = (v: unknown) => void;
const calls: Array<{ name: string; args: unknown[]; ok: Handler; fail: Handler }> = [];

function runner(ok: Handler = () => {}, fail: Handler = () => {}): Record<string, unknown> {
  const r: Record<string, unknown> = {
    withSuccessHandler: (f: Handler) => runner(f, fail),
    withFailureHandler: (f: Handler) => runner(ok, f),
  };
  return new Proxy(r, {
    get: (target, name: string) =>
      name in target ? target[name] : (...args: unknown[]) => calls.push({ name, args, ok, fail }),
  });
}

(globalThis as unknown as { window: unknown }).window = { google: { script: { run: runner() } } };

// Loaded after the fake google.script.run exists.
const { server } = require('../../../sidebar/server') as typeof import('../../../sidebar/server');

test('the wrapper has exactly the endpoints of src/api.ts', () => {
  const names: Array<keyof Endpoints> = [
    'getSidebarStart',
    'getSidebarState',
    'getKeyResult',
    'checkIn',
    'acceptOwnership',
    'declineOwnership',
    'assignOwner',
    'addObjective',
    'addKeyResult',
    'selectCell',
    'watchSheet',
    'getSettings',
    'saveSettings',
    'enableWeeklyEmails',
    'disableWeeklyEmails',
    'sendTestWeeklyEmail',
    'getTeamView',
    'saveMyWeeklyEmail',
    'updateFromSource',
    'getKeyResultHistory',
    'previewImport',
    'confirmImport',
    'proposeAgreement',
    'respondAgreement',
    'getCycles',
    'closeCycle',
    'rollOver',
    'saveRetrospective',
    'reopenCycle',
  ];
  expect(Object.keys(server).sort()).toEqual([...names].sort());
});

test('calls google.script.run by name and resolves or rejects with its handlers', async () => {
  calls.length = 0;
  const p = server.checkIn({ id: 'O1.1', current: 3, confidence: 'on-track' });
  expect(calls.map((c) => [c.name, c.args])).toEqual([
    ['checkIn', [{ id: 'O1.1', current: 3, confidence: 'on-track' }]],
  ]);
  calls[0].ok({ ok: true });
  await expect(p).resolves.toEqual({ ok: true });
  const q = server.getSidebarState();
  calls[1].fail(new Error('Exception: boom'));
  await expect(q).rejects.toThrow('boom');
});

test('no more than 8 calls are in flight; the rest wait their turn', async () => {
  calls.length = 0;
  const all = Array.from({ length: 12 }, () => server.watchSheet());
  expect(calls).toHaveLength(8);
  calls[0].ok({ id: null, selectedIds: [] });
  await all[0];
  expect(calls).toHaveLength(9);
  for (const c of calls.slice(1)) c.ok({ id: null, selectedIds: [] });
  await Promise.resolve();
  for (let i = 9; i < 12; i++) {
    await new Promise((r) => setTimeout(r, 0));
    calls[i]?.ok({ id: null, selectedIds: [] });
  }
  await expect(Promise.all(all)).resolves.toHaveLength(12);
});
