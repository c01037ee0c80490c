// The self-check on the built add-on in the local runtime: hidden until a Lead switches it on, Lead
// only, every step passes on the demo workbook (scratch tabs, a check-in through the add-on's own
// write, a Summary refresh, an email to the caller), the real OKRs and Check-ins tabs are untouched
// and the scratch tabs are gone afterwards; a failing step is reported, the rest skipped, the
// scratch tabs still removed.
import { demoWorkbook } from '../../local/fixtures/demo';
import { openRuntime } from '../fixtures/okr/runtime';

// The demo workbook's Lead and one of its Members (local/fixtures/demo.ts).
const LEAD = 'priya.natarajan@example.com';
const MEMBER = 'lucas.meyer@example.com';
type Item = { caption: string; functionName: string } | { separator: true };
const functions = (menu: { items: Item[] }) =>
  menu.items.flatMap((i) => ('separator' in i ? [] : [i.functionName]));

interface Result {
  ok: boolean;
  steps: Array<{ step: string; ok: boolean; label: string; detail: string }>;
  message: string;
}

test('hidden in the menu until a Lead switches it on; a Member can neither switch it on nor run it', async () => {
  const rt = await openRuntime(demoWorkbook());
  expect(functions(rt.run('onOpen', [], { as: LEAD }).ui.menus[0])).not.toContain('runSelfCheck');
  const refused = rt.run('enableSelfCheck', [], { as: MEMBER });
  expect(refused.result).toEqual({ ok: false, message: expect.stringContaining('Only a Lead') });
  expect(functions(rt.run('onOpen', [], { as: LEAD }).ui.menus[0])).not.toContain('runSelfCheck');
  const memberRun = rt.run('runSelfCheck', [], { as: MEMBER });
  expect((memberRun.result as Result).ok).toBe(false);
  expect(memberRun.emails).toEqual([]);
  expect(rt.run('enableSelfCheck', [], { as: LEAD }).result).toMatchObject({ ok: true });
  expect(functions(rt.run('onOpen', [], { as: LEAD }).ui.menus[0]).at(-1)).toBe('runSelfCheck');
  rt.run('enableSelfCheck', [false], { as: LEAD });
  expect(functions(rt.run('onOpen', [], { as: LEAD }).ui.menus[0])).not.toContain('runSelfCheck');
});

test('every step passes; the real tabs are untouched; the scratch tabs are removed; one email to the caller', async () => {
  const rt = await openRuntime(demoWorkbook(), { now: '2026-11-23T15:00:00Z' });
  const before = rt.run('validateOkrs', [], { as: LEAD });
  const okrsBefore = JSON.stringify(rt.workbook.values('OKRs'));
  const logBefore = JSON.stringify(rt.workbook.values('Check-ins'));
  const r = rt.run('runSelfCheck', [], { as: LEAD });
  expect(r.error).toBeUndefined();
  const result = r.result as Result;
  expect(result.steps.map((s) => [s.step, s.ok])).toEqual([
    ['scratch', true],
    ['checkIn', true],
    ['summary', true],
    ['email', true],
    ['cleanUp', true],
  ]);
  expect(result.ok).toBe(true);
  expect(r.ui.alerts.join('\n')).toContain('PASS  A check-in');
  expect(r.emails.map((e) => e.to)).toEqual([LEAD]);
  expect(JSON.stringify(rt.workbook.values('OKRs'))).toBe(okrsBefore);
  expect(JSON.stringify(rt.workbook.values('Check-ins'))).toBe(logBefore);
  expect(rt.workbook.sheetNames()).not.toContain('OKR Owners self-check');
  expect(rt.run('validateOkrs', [], { as: LEAD }).result).toEqual(before.result);
});

test('in Japanese; a failing step is named, later steps are skipped, the scratch tabs still removed', async () => {
  const rt = await openRuntime(demoWorkbook(), {
    userLocales: { [LEAD]: 'ja' },
    // The second scratch tab (the log) cannot be made: the first one exists by then.
    faults: [{ method: 'Spreadsheet.insertSheet', nth: 2, message: 'Service Spreadsheets failed' }],
  });
  const r = rt.run('runSelfCheck', [], { as: LEAD });
  const result = r.result as Result;
  expect(result.ok).toBe(false);
  expect(result.steps.map((s) => [s.step, s.ok])).toEqual([
    ['scratch', false],
    ['checkIn', false],
    ['summary', false],
    ['email', false],
    ['cleanUp', true],
  ]);
  expect(result.steps[0]).toMatchObject({ label: '作業用タブの作成', detail: 'Service Spreadsheets failed' });
  expect(result.steps[2].detail).toBe('前の手順が失敗したため未実行');
  expect(result.message).toContain('不合格  作業用タブの作成');
  expect(r.emails).toEqual([]);
  expect(rt.workbook.sheetNames()).not.toContain('OKR Owners self-check');
});
