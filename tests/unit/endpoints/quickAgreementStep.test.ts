// Agreement steps on the quick path, through ports over plain rows: the step is logged before the
// row is written, an agreement writes the agreed figures and its objective's Progress, the answer
// says what changed (the item and its agreement); refusals write nothing, and steps that cannot be
// read cheaply leave the decision to the full path.
import type { CheckInOk } from '../../../src/api';
import { quickAgreementStep } from '../../../src/endpoints/quickAgreementStep';
import { proposeAction, respondAction } from '../../../src/endpoints/sidebar/agreementStep';
import type { AgreementEntry } from '../../../src/okr/ownership/agreementLog';
import { ctxOf, fakeRowPorts, refusal } from './fakeRowPorts';
import { okrRows, teamRows } from './sidebar/fixtures';

const ANA = 'ana@example.com';
const BEN = 'ben@example.com';
const LEAD = 'lead@example.com';

/** The fake ports with the log's steps of each key result (`log`), recording appends and notices. */
function portsWith(log: AgreementEntry[] = [], team = teamRows()) {
  const fake = fakeRowPorts(okrRows(), team);
  const appended: AgreementEntry[] = [];
  const notices: number[] = [];
  const order: string[] = [];
  fake.ports.agreementSteps = (id) => ({
    entries: log.filter((e) => e.id === id),
    append: (step) => {
      order.push('log');
      appended.push(step);
    },
  });
  fake.ports.noticeDue = (time) => {
    notices.push(time);
  };
  const writeRow = fake.ports.writeRow;
  fake.ports.writeRow = (sheet, row, patch) => {
    order.push('row');
    return writeRow(sheet, row, patch);
  };
  return { ...fake, appended, notices, order };
}

const proposal = (now: number): AgreementEntry => ({
  time: now - 1000,
  id: 'O1.1',
  step: 'proposed',
  by: ANA,
  owner: ANA,
  from: { target: 40, start: 20, due: null },
  to: { target: 35, start: 20, due: null },
  reason: 'Leave',
});

test('a proposal is logged (no row write), the notice is due, and the answer carries its agreement', () => {
  const { ports, appended, notices, order } = portsWith();
  const ctx = ctxOf(ANA);
  const req = { id: 'O1.1', target: 35, reason: 'Leave' };
  const answer = quickAgreementStep(ports, req, ctx, proposeAction(req)) as CheckInOk;
  expect(order).toEqual(['log']);
  expect(appended).toEqual([
    expect.objectContaining({ id: 'O1.1', step: 'proposed', by: ANA, reason: 'Leave' }),
  ]);
  expect(notices).toEqual([ctx.now]);
  expect(answer).toMatchObject({
    ok: true,
    // The approver by their name in Team (Lee Lead), the email kept in the agreement.
    message: 'Proposed for O1.1; Lee Lead will answer.',
    item: { id: 'O1.1', target: 40 },
    agreement: {
      id: 'O1.1',
      status: 'proposed',
      waitsFor: 'other',
      offer: { target: 35 },
      approver: LEAD,
      approverName: 'Lee Lead',
      offeredBy: ANA,
      offeredByName: 'Ana Owner',
    },
  });
});

test('the confirmations name the owner and the approver by their name in Team, by email when Team has none', () => {
  const now = ctxOf(ANA).now;
  const counter = respondAction({ id: 'O1.1', answer: 'counter', target: 30, reason: 'Less' });
  const named = quickAgreementStep(portsWith([proposal(now)]).ports, { id: 'O1.1' }, ctxOf(LEAD), counter);
  expect(named).toMatchObject({ message: 'Sent your counter for O1.1 back to Ana Owner.' });
  // Lee and Ana with a blank Name: their emails.
  const team = teamRows().map((r, i) => (i === 1 || i === 2 ? ['', ...r.slice(1)] : r));
  const req = { id: 'O1.1', target: 35, reason: 'Leave' };
  const proposed = quickAgreementStep(portsWith([], team).ports, req, ctxOf(ANA), proposeAction(req));
  expect(proposed).toMatchObject({ message: `Proposed for O1.1; ${LEAD} will answer.` });
  const countered = quickAgreementStep(
    portsWith([proposal(now)], team).ports,
    { id: 'O1.1' },
    ctxOf(LEAD),
    counter,
  );
  expect(countered).toMatchObject({ message: `Sent your counter for O1.1 back to ${ANA}.` });
  // A refusal names the approver the same way.
  const agree = respondAction({ id: 'O1.1', answer: 'agree' });
  const ports = portsWith([proposal(now)]).ports;
  expect(refusal(() => quickAgreementStep(ports, { id: 'O1.1' }, ctxOf(BEN), agree))).toMatch(
    /waits for Lee Lead/,
  );
});

test('a name is text in a confirmation: placeholders and markup in it stay as typed; a long one is cut', () => {
  const now = ctxOf(ANA).now;
  const counter = respondAction({ id: 'O1.1', answer: 'counter', target: 30, reason: 'Less' });
  const odd = '<b>{figures}</b> {id}';
  const team = teamRows().map((r, i) => (i === 2 ? [odd, ...r.slice(1)] : r));
  const named = quickAgreementStep(
    portsWith([proposal(now)], team).ports,
    { id: 'O1.1' },
    ctxOf(LEAD),
    counter,
  );
  expect(named).toMatchObject({ message: `Sent your counter for O1.1 back to ${odd}.` });
  const long = teamRows().map((r, i) => (i === 2 ? ['A'.repeat(300), ...r.slice(1)] : r));
  const cut = quickAgreementStep(
    portsWith([proposal(now)], long).ports,
    { id: 'O1.1' },
    ctxOf(LEAD),
    counter,
  );
  const message = (cut as CheckInOk).message;
  expect(message.length).toBeLessThan(200);
  expect(message).toContain('A'.repeat(70));
});

test('two people of one Name are told apart by their email; in Japanese a Manager is さん, a Lead is not', () => {
  const req = { id: 'O1.1', target: 35, reason: 'Leave' };
  // Lee (Ana's Manager) and Ben share a Name: Lee is named with the email beside it.
  const same = teamRows().map((r, i) => (i === 1 || i === 3 ? ['Sam', ...r.slice(1)] : r));
  const proposed = quickAgreementStep(portsWith([], same).ports, req, ctxOf(ANA), proposeAction(req));
  expect(proposed).toMatchObject({ message: `Proposed for O1.1; Sam (${LEAD}) will answer.` });
  const ja = { ...ctxOf(ANA), lang: 'ja' as const };
  const inJa = quickAgreementStep(portsWith().ports, req, ja, proposeAction(req));
  expect(inJa).toMatchObject({ message: 'O1.1について提案しました。Lee Leadさんが回答します。' });
});

test("the approver's agreement logs first, then writes the figures, the acceptance and the objective's Progress", () => {
  const ctx = ctxOf(LEAD);
  const { ports, appended, order, events, objectiveWrites } = portsWith([proposal(ctx.now)]);
  const answer = quickAgreementStep(
    ports,
    { id: 'O1.1' },
    ctx,
    respondAction({ id: 'O1.1', answer: 'agree' }),
  ) as CheckInOk;
  expect(order).toEqual(['log', 'row']);
  expect(appended.map((e) => e.step)).toEqual(['agreed']);
  expect(events).toEqual([
    { row: 3, patch: expect.objectContaining({ target: 35, start: 20, accepted: { time: ctx.now } }) },
  ]);
  expect(objectiveWrites).toHaveLength(1);
  expect(answer.item).toMatchObject({ id: 'O1.1', target: 35, accepted: expect.any(Number) });
  expect(answer.agreement).toMatchObject({ status: 'agreed', waitsFor: null });
  expect(answer.agreement?.history.map((h) => h.step)).toEqual(['proposed', 'agreed']);
});

test('nobody approves their own proposal and a Member who is not the approver is refused; nothing written', () => {
  const now = ctxOf(ANA).now;
  for (const [as, pattern] of [
    [ANA, /own proposal/],
    [BEN, /waits for/],
  ] as const) {
    const { ports, appended, events } = portsWith([proposal(now)]);
    expect(
      refusal(() =>
        quickAgreementStep(ports, { id: 'O1.1' }, ctxOf(as), respondAction({ id: 'O1.1', answer: 'agree' })),
      ),
    ).toMatch(pattern);
    expect([appended, events]).toEqual([[], []]);
  }
});

test("a row changed since the sidebar read it is refused before the log's steps are read", () => {
  const { ports, appended } = portsWith();
  let read = 0;
  const steps = ports.agreementSteps;
  ports.agreementSteps = (id) => {
    read++;
    return steps?.(id) ?? null;
  };
  const req = { id: 'O1.1', version: 'zzzzzz', target: 35, reason: 'Leave' };
  expect(refusal(() => quickAgreementStep(ports, req, ctxOf(ANA), proposeAction(req)))).toMatch(/changed/i);
  expect([read, appended]).toEqual([0, []]);
});

test('steps that cannot be read cheaply leave it to the full path; a sheet without the log is refused', () => {
  const { ports, events } = portsWith();
  const req = { id: 'O1.1', target: 35, reason: 'Leave' };
  ports.agreementSteps = () => null;
  expect(quickAgreementStep(ports, req, ctxOf(ANA), proposeAction(req))).toBeNull();
  ports.agreementSteps = () => 'missing';
  expect(refusal(() => quickAgreementStep(ports, req, ctxOf(ANA), proposeAction(req)))).toMatch(/Agreements/);
  expect(events).toEqual([]);
});
