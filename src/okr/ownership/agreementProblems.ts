// What the Agreements log says about the OKRs rows: a Target changed since the owner and the
// approver agreed it (until they agree again), and an Accepted date no step of the log backs (typed
// by hand). The validator turns each finding into a problem of the catalogue (src/okr/core/problems.ts).
import type { KeyResult, OkrColumn, ProblemCode } from '../core/model';
import type { AgreementEntry } from './agreementLog';
import { agreementState, entriesById, entriesOf } from './agreementState';

export interface AgreementFinding {
  code: Extract<ProblemCode, 'target-changed-after-agreement' | 'accepted-not-agreed'>;
  kr: KeyResult;
  column: OkrColumn;
  params: Record<string, string | number>;
}

export function agreementFindings(
  keyResults: readonly KeyResult[],
  entries: readonly AgreementEntry[],
): AgreementFinding[] {
  const byId = entriesById(entries);
  const findings: AgreementFinding[] = [];
  for (const kr of keyResults) {
    if (!kr.id || !kr.owner) continue;
    const state = agreementState(entriesOf(byId, kr.id), kr.owner);
    const agreed = state.agreed;
    if (agreed && agreed.target !== null && kr.target !== agreed.target) {
      findings.push({
        code: 'target-changed-after-agreement',
        kr,
        column: 'target',
        params: { agreed: agreed.target, target: kr.target === null ? '—' : kr.target },
      });
    }
    if (kr.accepted !== null && !agreed) {
      findings.push({ code: 'accepted-not-agreed', kr, column: 'accepted', params: {} });
    }
  }
  return findings;
}
