// A decline or a proposal reaches the approver by email within the hour, through the weekly run's
// hourly tick in the local runtime: one email per approver per tick, Team addresses only, exactly
// once even when a tick runs twice, and never beyond the mail quota (the rest waits for the next).
import { Runtime, Workbook } from '../../local/runtime';
import { ANA, agreementTabs, BEN, LEE, LEO, MIA, NOW } from '../fixtures/okr/agreements';
import { ensureBuilt } from '../helpers/build';

const HOUR = 3_600_000;

async function open(options: Record<string, unknown> = {}): Promise<Runtime> {
  const workbook = Workbook.fromRows(agreementTabs(), { timeZone: 'UTC', name: 'Team OKRs' });
  const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW, ...options } });
  expect(rt.run('enableWeeklyEmails', [], { as: LEE }).ok).toBe(true);
  return rt;
}

const tickId = (rt: Runtime) => (rt.triggers().find((t) => t.handler === 'onTick') as { id: string }).id;

function declineAndPropose(rt: Runtime): void {
  expect(
    rt.run('declineOwnership', [{ id: 'O1.1', reason: 'I move teams' }], { as: ANA }).result,
  ).toMatchObject({ ok: true });
  expect(
    rt.run('proposeAgreement', [{ id: 'O1.2', target: 30, reason: 'Too much' }], { as: BEN }).result,
  ).toMatchObject({
    ok: true,
  });
}

test('each approver gets one email for what waits for them, within the hour', async () => {
  const rt = await open();
  declineAndPropose(rt);
  const { emails } = rt.tick(NOW + HOUR + 60_000);
  // Ana's Manager hears of her decline; Ben has no Manager, so both Leads hear of his proposal.
  expect(emails.map((e) => e.to).sort()).toEqual([LEE, LEO, MIA].sort());
  const mia = emails.find((e) => e.to === MIA);
  expect(mia?.subject).toBe('OKR Owners: 1 key result waits for you');
  // People are named as the sidebar names them: their Name in Team.
  expect(mia?.body).toContain('O1.1 Key result O1.1: Declined · Ana declined it');
  expect(mia?.body).not.toContain(`${ANA} declined`);
  expect(mia?.body).toContain('I move teams');
  const leo = emails.find((e) => e.to === LEO);
  expect(leo?.body).toContain(
    'Ben proposes Target 30 · Start 10 · Due 2026-12-31 (now Target 50 · Start 10 · Due 2026-12-31)',
  );
  expect(leo?.htmlBody).toContain('Too much');
});

test('a tick run twice, and the ticks after, send no second copy', async () => {
  const rt = await open();
  declineAndPropose(rt);
  expect(rt.tick(NOW + HOUR + 60_000).emails).toHaveLength(3);
  const again = rt.run('onTick', [{ triggerUid: tickId(rt) }], { as: LEE });
  expect(again.ok).toBe(true);
  expect(again.emails).toHaveLength(0);
  expect(rt.tick(NOW + 5 * HOUR).emails).toHaveLength(0);
  expect(rt.outbox).toHaveLength(3);
});

test('a step answered before the tick needs nobody any more; nothing new costs no extra call', async () => {
  const rt = await open();
  rt.run('proposeAgreement', [{ id: 'O1.2', target: 30, reason: 'Too much' }], { as: BEN });
  rt.run('respondAgreement', [{ id: 'O1.2', answer: 'agree' }], { as: LEO });
  expect(rt.tick(NOW + HOUR + 60_000).emails).toHaveLength(0);
  const idle = rt.tick(NOW + 3 * HOUR);
  for (const e of idle.executions)
    expect(Object.values(e.calls).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
});

test('never beyond the mail quota: the rest goes out on a later tick', async () => {
  const rt = await open({ mailQuota: 2 });
  declineAndPropose(rt);
  expect(rt.tick(NOW + HOUR + 60_000).emails).toHaveLength(2);
  expect(rt.tick(NOW + 4 * HOUR).emails).toHaveLength(0);
  // Google's quota is a rolling 24 hours from the first email.
  const later = rt.tick(NOW + 28 * HOUR);
  expect(later.emails).toHaveLength(1);
  expect(rt.outbox.map((e) => e.to).sort()).toEqual([LEE, LEO, MIA].sort());
});
