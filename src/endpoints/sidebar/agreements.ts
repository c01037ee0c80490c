// Propose, and answer a proposal (agree, counter, refuse): the agreement steps of a key result,
// each a whole-sheet write through act (parse → lock → re-read → decide → write → the fresh state).
// The step is decided by the state machine from the Agreements log as re-read under the lock (the
// log is the truth); the caller's right by the approver rule; the row is found by ID with the
// version the sidebar read. A refusal writes nothing. An agreement writes the agreed Target, Start
// and Due on the row with the Accepted date and the new Progress, after its log entry.
import type { ActionResult, ProposeRequest, RespondRequest } from '../../api';
import { t } from '../../okr/core/i18n';
import type { KeyResult } from '../../okr/core/model';
import { keyResultProgress } from '../../okr/core/progress';
import { type Figures, figuresText } from '../../okr/ownership/agreementLog';
import {
  type AgreementAction,
  agreementState,
  decideAgreementStep,
  entriesById,
  entriesOf,
} from '../../okr/ownership/agreementState';
import { type Approver, approverOf } from '../../okr/ownership/approver';
import { act } from '../act';
import { markNoticeDue } from '../agreementNotices';
import type { Context } from '../context';
import { withTeam } from '../context';
import { requireIdentity } from '../permissions';
import { applyPatches, logAgreementEntries, type Snapshot } from '../snapshot';
import { figuresOf } from './agreementView';
import { requireColumns, requireVersion, type WritePlan } from './checkIn';
import { planObjectiveProgress } from './objectiveProgress';
import { parsePropose, parseRespond, RequestError } from './requests';
import { REQUEST_MESSAGES } from './requestsMessages';
import { findKeyResult } from './requestsPlans';

/** The approver in words: their email, or "a Lead". */
function approverName(approver: Approver, lang: Context['lang']): string {
  if (approver.kind === 'manager') return approver.email;
  return lang === 'ja' ? 'リード' : 'a Lead';
}

/** The request's figures over the row's: a figure left out keeps the row's own. */
function requested(req: Pick<ProposeRequest, 'target' | 'start' | 'due'>, base: Figures): Figures {
  return { target: req.target ?? base.target, start: req.start ?? base.start, due: req.due ?? base.due };
}

/** The row's cells for agreed figures, with the Progress they give and today's acceptance. */
function agreedPlan(kr: KeyResult, to: Figures, now: number): WritePlan {
  const progress = keyResultProgress({ ...kr, target: to.target, start: to.start });
  return {
    id: kr.id,
    patch: {
      target: to.target,
      start: to.start,
      due: to.due ? { day: to.due } : null,
      progress,
      accepted: { time: now },
    },
    log: null,
    needs: ['target', 'accepted'],
  };
}

function step(
  snap: Snapshot,
  ctx: Context,
  req: { id: string; version?: string },
  action: (kr: KeyResult, current: Figures, offer: Figures | null) => AgreementAction,
): string {
  const { caller } = withTeam(ctx, snap.roster);
  requireIdentity(caller);
  const kr = findKeyResult(snap.okrs, req.id);
  requireVersion(kr, req.version);
  if (!snap.agreements) throw new RequestError('agreements-missing');
  const state = agreementState(entriesOf(entriesById(snap.agreements.entries), kr.id), kr.owner);
  const current = figuresOf(kr, snap.timeZone);
  const approver = approverOf(kr.owner ?? '', kr.team, snap.roster.people);
  const decided = decideAgreementStep(state, action(kr, current, state.offer), {
    id: kr.id,
    actor: caller.email,
    owner: kr.owner,
    current,
    approver,
    people: snap.roster.people,
    now: ctx.now,
  });
  const params = { id: kr.id, owner: kr.owner ?? kr.ownerText, approver: approverName(approver, ctx.lang) };
  if (!decided.ok) throw new RequestError(`agreement-${decided.refusal}`, undefined, params);
  const entry = decided.entry;
  const plan = entry.step === 'agreed' && entry.to ? agreedPlan(kr, entry.to, ctx.now) : null;
  if (plan) requireColumns(plan, snap.okrs.columns, ctx.lang);
  // The log first: a failure writing the row afterwards loses no step (the problems then say so).
  logAgreementEntries(snap, [entry], ctx);
  if (entry.step === 'proposed') markNoticeDue(entry.time);
  if (plan) {
    const objective = planObjectiveProgress(snap.okrs, kr, plan);
    applyPatches(snap, objective ? [plan, objective.plan] : [plan], ctx);
  }
  const figures = figuresText(entry.to, ctx.lang);
  return t(REQUEST_MESSAGES, ctx.lang, `agreement-${entry.step}` as 'agreement-agreed', {
    ...params,
    figures,
  });
}

/** The owner proposes other figures (target, start, due) with a reason; the approver answers. */
export function proposeAgreement(raw: unknown): ActionResult {
  return act(raw, parsePropose, (req, snap, ctx) =>
    step(snap, ctx, req, (_kr, current) => ({
      kind: 'propose',
      to: requested(req, current),
      reason: req.reason,
    })),
  );
}

/** The approver agrees, counters or refuses a proposal; the owner agrees to a counter. */
export function respondAgreement(raw: unknown): ActionResult {
  return act(raw, parseRespond, (req: RespondRequest, snap, ctx) =>
    step(snap, ctx, req, (_kr, current, offer) => {
      if (req.answer === 'agree') return { kind: 'agree' };
      if (req.answer === 'refuse') return { kind: 'refuse', reason: req.reason ?? '' };
      return { kind: 'counter', to: requested(req, offer ?? current), reason: req.reason ?? '' };
    }),
  );
}
