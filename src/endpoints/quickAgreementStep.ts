// An agreement step (propose; agree, counter, refuse) on the quick path of a check-in (quickWrite in
// src/endpoints/quickRowWrite.ts): the row found by ID with the version the sidebar read, Team, and
// the Agreements log's steps of that ID only, instead of the whole OKRs tab and log. Decided by the
// same function as the full path (decideStep); answered with what changed: the key result's item
// and its agreement as the caller now sees it. Unit-tested with ports
// (tests/unit/endpoints/quickAgreementStep.test.ts).
import type { ActionOk, CheckInOk, LeftOk } from '../api';
import type { Context } from './context';
import { quickWrite, type RowWritePorts } from './quickRowWrite';
import { agreementTarget, decideStep, type StepAction } from './sidebar/agreementStep';
import { agreementView } from './sidebar/agreementView';
import { RequestError } from './sidebar/requests';

/**
 * Null when the row or the key result's steps cannot be read cheaply: the full path then decides;
 * a refusal is thrown (RequestError) before anything is written, for the full path to answer it
 * with a fresh state, as a check-in's is. The same Sheets calls on every size of sheet.
 */
export function quickAgreementStep(
  ports: RowWritePorts,
  req: { id: string; version?: string },
  ctx: Context,
  action: StepAction,
): CheckInOk | ActionOk | LeftOk | null {
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
        steps.append(entry);
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
