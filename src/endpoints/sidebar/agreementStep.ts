// An agreement step (propose; agree, counter, refuse) decided once for both paths: the quick one
// (src/endpoints/quickAgreementStep.ts: the row found by ID, the log's steps of that ID) and the full
// one (src/endpoints/sidebar/agreements.ts: the whole OKRs tab and log). The caller's right is the
// approver rule's, the step the state machine's, from the key result's entries in log order.
import type { ProposeRequest, RespondRequest } from '../../api';
import { displayNames } from '../../okr/core/displayName';
import { t } from '../../okr/core/i18n';
import type { KeyResult, OkrSheet, Person, Roster } from '../../okr/core/model';
import { keyResultProgress } from '../../okr/core/progress';
import { type AgreementEntry, type Figures, figuresText } from '../../okr/ownership/agreementLog';
import {
  type AgreementAction,
  agreementState,
  decideAgreementStep,
} from '../../okr/ownership/agreementState';
import { type Approver, approverOf } from '../../okr/ownership/approver';
import type { Context } from '../context';
import { withTeam } from '../context';
import { type Caller, requireIdentity } from '../permissions';
import { figuresOf } from './agreementView';
import { requireVersion, type WritePlan } from './checkIn';
import { RequestError } from './requests';
import { REQUEST_MESSAGES } from './requestsMessages';
import { findKeyResult } from './requestsPlans';
import { capText, VIEW_NAME_CAP } from './sidebarState';

/** The approver in words: their name (src/okr/core/displayName.ts; さん after it in Japanese), or "a Lead". */
function approverName(approver: Approver, lang: Context['lang'], nameOf: (email: string) => string): string {
  if (approver.kind === 'manager')
    return lang === 'ja' ? `${nameOf(approver.email)}さん` : nameOf(approver.email);
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

/**
 * The key result a step is about and the signed-in caller, from the rows read: refused (thrown) in
 * this order: no identity, unknown ID, a row changed since the sidebar read it.
 */
export function agreementTarget(
  okrs: OkrSheet,
  roster: Roster,
  ctx: Context,
  req: { id: string; version?: string },
): { caller: Caller; kr: KeyResult } {
  const { caller } = withTeam(ctx, roster);
  requireIdentity(caller);
  const kr = findKeyResult(okrs, req.id);
  requireVersion(kr, req.version);
  return { caller, kr };
}

/** What a step asks for, from the row's figures now and the offer on the table. */
export type StepAction = (kr: KeyResult, current: Figures, offer: Figures | null) => AgreementAction;

/** A step decided: its log entry, the row's write (an agreement), the confirmation. */
export interface DecidedStep {
  entry: AgreementEntry;
  plan: WritePlan | null;
  message: string;
  /** The approver hears of it with the next tick's notices (a proposal). */
  notice: boolean;
}

/**
 * The step, decided once for the quick and the full path from the key result's entries in log order
 * (`entries`): the approver rule, then the state machine. A refusal is thrown (RequestError) before
 * anything is written.
 */
export function decideStep(
  kr: KeyResult,
  caller: Caller,
  entries: readonly AgreementEntry[],
  people: readonly Person[],
  timeZone: string,
  ctx: Context,
  action: StepAction,
): DecidedStep {
  const state = agreementState(entries, kr.owner);
  const current = figuresOf(kr, timeZone);
  const approver = approverOf(kr.owner ?? '', kr.team, people);
  const decided = decideAgreementStep(state, action(kr, current, state.offer), {
    id: kr.id,
    actor: caller.email,
    owner: kr.owner,
    current,
    approver,
    people,
    now: ctx.now,
  });
  // As the views cut a name (a 5,000-character Name cell is a paste accident).
  const names = displayNames(people);
  const nameOf = (email: string) => capText(names(email), VIEW_NAME_CAP);
  const params = {
    id: kr.id,
    owner: kr.owner ? nameOf(kr.owner) : kr.ownerText,
    approver: approverName(approver, ctx.lang, nameOf),
  };
  if (!decided.ok) throw new RequestError(`agreement-${decided.refusal}`, undefined, params);
  const entry = decided.entry;
  const figures = figuresText(entry.to, ctx.lang);
  return {
    entry,
    plan: entry.step === 'agreed' && entry.to ? agreedPlan(kr, entry.to, ctx.now) : null,
    message: t(REQUEST_MESSAGES, ctx.lang, `agreement-${entry.step}` as 'agreement-agreed', {
      ...params,
      figures,
    }),
    notice: entry.step === 'proposed',
  };
}

/** A proposal of other figures (a figure left out keeps the row's own). */
export function proposeAction(req: ProposeRequest): StepAction {
  return (_kr, current) => ({ kind: 'propose', to: requested(req, current), reason: req.reason });
}

/** An answer to the figures on the table (a counter's figures left out keep the offer's). */
export function respondAction(req: RespondRequest): StepAction {
  return (_kr, current, offer) => {
    if (req.answer === 'agree') return { kind: 'agree' };
    if (req.answer === 'refuse') return { kind: 'refuse', reason: req.reason ?? '' };
    return { kind: 'counter', to: requested(req, offer ?? current), reason: req.reason ?? '' };
  };
}
