// The agreement's pure rules: the approver rule, the state derived from the log, and which step may
// come next by whom. Property: whatever sequence of actions people try, the state derived from the
// log of the steps allowed agrees with the steps taken, nobody ever answers their own proposal, and
// an agreement is always to figures someone proposed or countered.
import fc from 'fast-check';
import type { Person } from '../../../../src/okr/core/model';
import {
  type AgreementEntry,
  figuresText,
  parseAgreementLog,
  readFigures,
} from '../../../../src/okr/ownership/agreementLog';
import { agreementFindings } from '../../../../src/okr/ownership/agreementProblems';
import {
  type AgreementAction,
  agreementState,
  decideAgreementStep,
  type StepContext,
} from '../../../../src/okr/ownership/agreementState';
import { approverOf, mayApprove } from '../../../../src/okr/ownership/approver';
import { modelBuilders } from '../../../fixtures/okr/build';

const { person, keyResult } = modelBuilders();
const LEE = 'lee@example.com';
const LEO = 'leo@example.com';
const MIA = 'mia@example.com';
const ANA = 'ana@example.com';
const people: Person[] = [
  person(LEE, { role: 'lead', team: 'Core', name: 'Lee' }),
  person(LEO, { role: 'lead', team: 'Core', name: 'Leo' }),
  person(MIA, { team: 'Core', name: 'Mia' }),
  person(ANA, { team: 'Core', manager: 'Mia' }),
  person('sam@example.com', { team: 'Sales', manager: MIA }),
  person('tom@example.com', { team: 'Core', manager: 'nobody@example.com' }),
];

describe('approverOf', () => {
  test("the owner's Manager (named by email or name) when of the key result's team", () => {
    expect(approverOf(ANA, 'Core', people)).toEqual({ kind: 'manager', email: MIA });
    expect(approverOf(ANA, '', people)).toEqual({ kind: 'manager', email: MIA });
  });
  test('any Lead when the Manager is of another team and no Lead, or unknown, or missing', () => {
    expect(approverOf(ANA, 'Sales', people)).toEqual({ kind: 'lead' });
    expect(approverOf('tom@example.com', 'Core', people)).toEqual({ kind: 'lead' });
    expect(approverOf(MIA, 'Core', people)).toEqual({ kind: 'lead' });
  });
  test('a Manager who is a Lead approves whatever the team', () => {
    const withLead = [...people, person('zoe@example.com', { team: 'Ops', manager: LEE })];
    expect(approverOf('zoe@example.com', 'Ops', withLead)).toEqual({ kind: 'manager', email: LEE });
  });
  test('mayApprove: never the proposer; the named Manager only; else any Lead', () => {
    expect(mayApprove(MIA, { kind: 'manager', email: MIA }, ANA, people)).toBe(true);
    expect(mayApprove(LEE, { kind: 'manager', email: MIA }, ANA, people)).toBe(false);
    expect(mayApprove(LEE, { kind: 'lead' }, LEE, people)).toBe(false);
    expect(mayApprove(LEO, { kind: 'lead' }, LEE, people)).toBe(true);
    expect(mayApprove('', { kind: 'lead' }, ANA, people)).toBe(false);
  });
});

describe('the log as text', () => {
  test('figures read back in both languages', () => {
    const f = { target: 80, start: 0, due: '2026-12-31' };
    expect(readFigures(figuresText(f, 'en'))).toEqual(f);
    expect(readFigures(figuresText(f, 'ja'))).toEqual(f);
    expect(readFigures('Target 1,200')).toEqual({ target: 1200, start: null, due: null });
    expect(readFigures('nonsense')).toBeNull();
  });
  test('steps are read in either language; rows without an ID or a step are left out', () => {
    const log = parseAgreementLog([
      ['日時', 'ID', '操作', '実行者', '担当者', '変更前', '変更後', '理由'],
      [new Date(1), 'O1.1', '提案', ANA, ANA, '目標値 100', '目標値 80', '休暇'],
      [new Date(2), 'O1.1', 'Agreed', MIA, ANA, '', 'Target 80', ''],
      [new Date(3), '', 'Agreed', MIA, ANA, '', '', ''],
      [new Date(4), 'O1.1', 'maybe', MIA, ANA, '', '', ''],
    ]);
    expect(log.map((e) => [e.step, e.to?.target])).toEqual([
      ['proposed', 80],
      ['agreed', 80],
    ]);
  });
});

const figures = fc.record({
  target: fc.integer({ min: 0, max: 5 }),
  start: fc.constant(0),
  due: fc.constant(null),
});
const actor = fc.constantFrom(ANA, MIA, LEE, 'sam@example.com');
const action: fc.Arbitrary<AgreementAction> = fc.oneof(
  figures.map((to) => ({ kind: 'propose' as const, to, reason: 'r' })),
  fc.constant({ kind: 'agree' as const }),
  figures.map((to) => ({ kind: 'counter' as const, to, reason: 'r' })),
  fc.constant({ kind: 'refuse' as const, reason: 'r' }),
);

test('property: the log of allowed steps derives the state the steps describe; nobody answers their own proposal', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(actor, action), { maxLength: 25 }), (tries) => {
      const log: AgreementEntry[] = [];
      let current = { target: 3, start: 0, due: null as string | null };
      let time = 0;
      const offered: string[] = [];
      for (const [who, act] of tries) {
        const state = agreementState(log, ANA);
        const ctx: StepContext = {
          id: 'O1.1',
          actor: who,
          owner: ANA,
          current,
          approver: approverOf(ANA, 'Core', people),
          people,
          now: ++time,
        };
        const decided = decideAgreementStep(state, act, ctx);
        if (!decided.ok) continue;
        const e = decided.entry;
        if (e.step === 'proposed' || e.step === 'countered') offered.push(JSON.stringify(e.to));
        if (e.step === 'agreed') {
          // Agreed to figures someone put on the table, by the party asked (never the proposer).
          expect(offered).toContain(JSON.stringify(e.to));
          expect(e.by).not.toBe(state.offeredBy);
          if (state.status === 'proposed') expect(e.by).toBe(MIA);
          else expect(e.by).toBe(ANA);
          current = e.to as typeof current;
        }
        if (e.step === 'countered' || e.step === 'refused') expect(e.by).toBe(MIA);
        if (e.step === 'proposed') expect(e.by).toBe(ANA);
        log.push(e);
        const after = agreementState(log, ANA);
        const expected = {
          proposed: 'proposed',
          countered: 'countered',
          refused: 'refused',
          agreed: 'agreed',
        }[e.step as 'proposed'];
        expect(after.status).toBe(expected);
      }
      // An agreement is against the figures the row then shows: nothing flagged.
      const kr = keyResult('O1.1', 'O1', { owner: ANA, target: current.target, start: 0, accepted: 1 });
      const findings = agreementFindings([kr], log).map((f) => f.code);
      if (agreementState(log, ANA).agreed) expect(findings).toEqual([]);
      else expect(findings).toEqual(['accepted-not-agreed']);
    }),
  );
});

test('a new owner has agreed to nothing; a Target changed after agreement is found', () => {
  const accepted: AgreementEntry = {
    time: 1,
    id: 'O1.1',
    step: 'accepted',
    by: ANA,
    owner: ANA,
    from: null,
    to: { target: 100, start: 0, due: null },
    reason: '',
  };
  expect(agreementState([accepted], MIA)).toMatchObject({ status: 'open', agreed: null });
  const kr = keyResult('O1.1', 'O1', { owner: ANA, target: 120, accepted: 1 });
  expect(agreementFindings([kr], [accepted])).toEqual([
    expect.objectContaining({ code: 'target-changed-after-agreement', params: { agreed: 100, target: 120 } }),
  ]);
});
