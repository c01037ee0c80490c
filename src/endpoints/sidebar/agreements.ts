// Propose, and answer a proposal (agree, counter, refuse): the agreement steps of a key result,
// decided once (src/endpoints/sidebar/agreementStep.ts) for two paths. First the quick one under the
// document lock (src/endpoints/quickAgreementStep.ts: the row found by ID with the version the sidebar
// read, Team, the log's steps of that ID), answered with what changed; refusals, and sheets where the
// row or the steps cannot be read cheaply, take the full one through act (the whole OKRs tab and log
// re-read under the lock, answered with the fresh state). A refusal writes nothing. An agreement
// writes the agreed Target, Start and Due on the row with the Accepted date and the new Progress,
// after its log entry.
import type { CheckInResult } from '../../api';
import { entriesById, entriesOf } from '../../okr/ownership/agreementState';
import { markNoticeDue } from '../agreementNotices';
import type { Context } from '../context';
import { quickAgreementStep } from '../quickAgreementStep';
import { quickFirst } from '../rowWrites';
import { applyPatches, logAgreementEntries, type Snapshot } from '../snapshot';
import { agreementTarget, decideStep, proposeAction, respondAction, type StepAction } from './agreementStep';
import { requireColumns } from './checkIn';
import { planObjectiveProgress } from './objectiveProgress';
import { parsePropose, parseRespond, RequestError } from './requests';

/** The full path: the step on the snapshot read under the lock (the whole OKRs tab and log). */
function step(
  snap: Snapshot,
  ctx: Context,
  req: { id: string; version?: string },
  action: StepAction,
): string {
  const { caller, kr } = agreementTarget(snap.okrs, snap.roster, ctx, req);
  if (!snap.agreements) throw new RequestError('agreements-missing');
  const entries = entriesOf(entriesById(snap.agreements.entries), kr.id);
  const { entry, plan, message, notice } = decideStep(
    kr,
    caller,
    entries,
    snap.roster.people,
    snap.timeZone,
    ctx,
    action,
  );
  if (plan) requireColumns(plan, snap.okrs.columns, ctx.lang);
  // The log first: a failure writing the row afterwards loses no step (the problems then say so).
  logAgreementEntries(snap, [entry], ctx);
  if (notice) markNoticeDue(entry.time);
  if (plan) {
    const objective = planObjectiveProgress(snap.okrs, kr, plan);
    applyPatches(snap, objective ? [plan, objective.plan] : [plan], ctx);
  }
  return message;
}

/**
 * The owner proposes other figures (target, start, due) with a reason; the approver answers. Usually
 * on the quick path (the row and the log's steps of that ID), answered with what changed.
 */
export function proposeAgreement(raw: unknown): CheckInResult {
  return quickFirst(
    raw,
    parsePropose,
    (ports, req, ctx) => quickAgreementStep(ports, req, ctx, proposeAction(req)),
    (req, snap, ctx) => step(snap, ctx, req, proposeAction(req)),
  );
}

/** The approver agrees, counters or refuses a proposal; the owner agrees to a counter. */
export function respondAgreement(raw: unknown): CheckInResult {
  return quickFirst(
    raw,
    parseRespond,
    (ports, req, ctx) => quickAgreementStep(ports, req, ctx, respondAction(req)),
    (req, snap, ctx) => step(snap, ctx, req, respondAction(req)),
  );
}
