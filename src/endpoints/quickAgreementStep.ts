// An agreement step (propose; agree, counter, refuse) on the quick path of a check-in (quickWrite in
// src/endpoints/quickRowWrite.ts): the row found by ID with the version the sidebar read, Team, and
// the Agreements log's steps of that ID only, instead of the whole OKRs tab and log. Decided by the
// same function as the full path (decideStep); answered with what changed: the key result's item
// and its agreement as the caller now sees it. Unit-tested with ports
// (tests/unit/endpoints/quickAgreementStep.test.ts).
import type { ActionOk, CheckInOk } from '../api';
import type { Context } from './context';
import { quickWrite, type RowWritePorts } from './quickRowWrite';
import { agreementTarget, decideStep, type StepAction } from './sidebar/agreementStep';
import { agreementView } from './sidebar/agreementView';
import { RequestError } from './sidebar/requests';

/**
 * Below this many rows on the OKRs tab the whole-sheet write is the quicker one: it reads each tab
 * in one round trip (about 122 ms on the calibrated model), where the quick path makes a dozen
 * (the row, Team, the log's steps, the objective's rows) whatever the size. At 100 key results the
 * whole sheet takes about 1.3 s, the quick path about 1.6 s (a proposal) to 1.9 s (an agreement);
 * at 1,000 the whole sheet takes about 1.8 s and the quick path about 1.6 to 2.0 s.
 */
const QUICK_FROM_ROWS = 500;

/**
 * Null when the OKRs tab is small (QUICK_FROM_ROWS), or when the row or the key result's steps
 * cannot be read cheaply: the full path then decides.
 * a refusal is thrown (RequestError) before anything is written, for the full path to answer it
 * with a fresh state, as a check-in's is.
 */
export function quickAgreementStep(
  ports: RowWritePorts,
  req: { id: string; version?: string },
  ctx: Context,
  action: StepAction,
): CheckInOk | ActionOk | null {
  if ((ports.okrRowCount?.() ?? QUICK_FROM_ROWS) < QUICK_FROM_ROWS) return null;
  return quickWrite(ports, req.id, ctx, (okrs, roster) => {
    const { caller, kr } = agreementTarget(okrs, roster, ctx, req);
    const steps = ports.agreementSteps ? ports.agreementSteps(kr.id) : 'missing';
    if (steps === 'missing') throw new RequestError('agreements-missing');
    if (!steps) return null;
    const timeZone = ports.timeZone ?? 'UTC';
    const { entry, plan, message, notice } = decideStep(
      kr,
      caller,
      steps.entries,
      roster.people,
      timeZone,
      ctx,
      action,
    );
    const after = [...steps.entries, entry];
    return {
      kr,
      plan,
      message,
      log: () => {
        steps.append([entry]);
        if (notice) ports.noticeDue?.(entry.time);
      },
      agreements: { before: steps.entries, after },
      agreement: (fresh) =>
        agreementView(fresh, after, {
          people: roster.people,
          caller: caller.email,
          timeZone,
          lang: ctx.lang,
        }),
    };
  });
}
