// The agreement of one key result, derived from its Agreements log entries (the log is the truth;
// the OKRs row only shows the outcome), and the one rule for which step may come next, by whom.
//
//   open ──accept──▶ agreed            open/agreed/countered/refused ──propose (owner)──▶ proposed
//   proposed ──agree (approver)──▶ agreed       proposed ──counter (approver)──▶ countered
//   proposed ──refuse (approver)──▶ refused     countered ──agree (owner)──▶ agreed
//   refused ──accept (owner: the original)──▶ agreed     any ──decline / new owner──▶ open
import { sameId } from '../core/ids';
import type { Person } from '../core/model';
import { type AgreementEntry, type AgreementStep, type Figures, sameFigures } from './agreementLog';
import { type Approver, mayApprove } from './approver';

export type AgreementStatus = 'open' | 'proposed' | 'countered' | 'refused' | 'agreed';

export interface AgreementState {
  status: AgreementStatus;
  /** The owner the log's last step was about ('' when none). */
  owner: string;
  /** The figures on the table: the owner's proposal or the approver's counter. */
  offer: Figures | null;
  /** Who made the offer (or refused it). */
  offeredBy: string;
  reason: string;
  /** When the last step was taken; null when the log says nothing. */
  since: number | null;
  /** The figures the current owner last agreed (accepted as is, or agreed); null when none. */
  agreed: Figures | null;
}

const OPEN: AgreementState = {
  status: 'open',
  owner: '',
  offer: null,
  offeredBy: '',
  reason: '',
  since: null,
  agreed: null,
};

function applyStep(s: AgreementState, e: AgreementEntry): AgreementState {
  // A step about another owner than the log last knew: the owner changed without a "cleared" step
  // (a sheet edited before the log existed), so nothing agreed before carries over.
  const base = e.step !== 'cleared' && e.owner && e.owner !== s.owner ? { ...OPEN, owner: e.owner } : s;
  const at = { ...base, since: e.time };
  switch (e.step) {
    case 'accepted':
    case 'agreed':
      return { ...at, status: 'agreed', agreed: e.to, offer: null, offeredBy: '', reason: e.reason };
    case 'proposed':
    case 'countered':
      return { ...at, status: e.step, offer: e.to, offeredBy: e.by, reason: e.reason };
    case 'refused':
      return { ...at, status: 'refused', offer: null, offeredBy: e.by, reason: e.reason };
    case 'declined':
      return { ...OPEN, since: e.time, reason: e.reason };
    case 'cleared':
      return { ...OPEN, owner: e.owner, since: e.time, reason: e.reason };
  }
}

/**
 * The agreement of a key result now owned by `owner`, from its log entries in log order. An owner
 * the log does not know (changed in the sheet without a step) has agreed to nothing yet.
 */
export function agreementState(entries: readonly AgreementEntry[], owner: string | null): AgreementState {
  const s = entries.reduce(applyStep, OPEN);
  const now = (owner ?? '').toLowerCase();
  return s.owner === now ? s : { ...OPEN, owner: now, since: s.since };
}

/** The log entries of each key result ID, in log order. */
export function entriesById(entries: readonly AgreementEntry[]): Map<string, AgreementEntry[]> {
  const map = new Map<string, AgreementEntry[]>();
  for (const e of entries) {
    const key = e.id.trim();
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  }
  return map;
}

/** The entries of one key result (the one ID rule: src/okr/core/ids.ts). */
export function entriesOf(byId: Map<string, AgreementEntry[]>, id: string): AgreementEntry[] {
  return byId.get(id.trim()) ?? [...byId.entries()].filter(([k]) => sameId(k, id)).flatMap(([, v]) => v);
}

export type AgreementAction =
  | { kind: 'propose'; to: Figures; reason: string }
  | { kind: 'agree' }
  | { kind: 'counter'; to: Figures; reason: string }
  | { kind: 'refuse'; reason: string };

export type AgreementRefusal =
  | 'no-owner'
  | 'not-owner'
  | 'not-approver'
  | 'own-proposal'
  | 'nothing-to-answer'
  | 'waiting-for-approver'
  | 'same-figures';

export interface StepContext {
  id: string;
  /** The signed-in caller (lower-cased). */
  actor: string;
  /** The key result's owner now (lower-cased), null when none. */
  owner: string | null;
  /** The figures in the OKRs row now. */
  current: Figures;
  approver: Approver;
  people: readonly Pick<Person, 'email' | 'role'>[];
  now: number;
}

/** Who the agreement waits for: the approver (a proposal), the owner (a counter or a refusal), or nobody. */
export function waitingOn(state: AgreementState): 'approver' | 'owner' | null {
  if (state.status === 'proposed') return 'approver';
  return state.status === 'countered' || state.status === 'refused' ? 'owner' : null;
}

/** May `actor` answer the proposal on the table (agree, counter, refuse)? */
export function mayAnswer(
  state: AgreementState,
  actor: string,
  ctx: Pick<StepContext, 'approver' | 'people'>,
): boolean {
  return state.status === 'proposed' && mayApprove(actor, ctx.approver, state.offeredBy, ctx.people);
}

/**
 * The step `action` takes from `state`, as the log entry to append; or why it may not be taken
 * (nothing is written then). The owner proposes and agrees to a counter; the approver (never the
 * proposer) agrees to, counters or refuses a proposal.
 */
export function decideAgreementStep(
  state: AgreementState,
  action: AgreementAction,
  ctx: StepContext,
): { ok: true; entry: AgreementEntry } | { ok: false; refusal: AgreementRefusal } {
  const refuse = (refusal: AgreementRefusal) => ({ ok: false as const, refusal });
  if (!ctx.owner) return refuse('no-owner');
  const entry = (step: AgreementStep, from: Figures | null, to: Figures | null, reason = '') => ({
    ok: true as const,
    entry: { time: ctx.now, id: ctx.id, step, by: ctx.actor, owner: ctx.owner as string, from, to, reason },
  });
  const approverCheck = (): AgreementRefusal | null => {
    if (state.status !== 'proposed') return 'nothing-to-answer';
    if (ctx.actor === state.offeredBy) return 'own-proposal';
    return mayAnswer(state, ctx.actor, ctx) ? null : 'not-approver';
  };
  switch (action.kind) {
    case 'propose': {
      if (ctx.actor !== ctx.owner) return refuse('not-owner');
      if (state.status === 'proposed') return refuse('waiting-for-approver');
      // The figures as they are: accept them instead, unless they changed since the last agreement
      // (a Target edited in the sheet), which is exactly what the owner asks to agree again.
      const changedSinceAgreed = state.agreed !== null && !sameFigures(state.agreed, ctx.current);
      if (sameFigures(action.to, ctx.current) && !changedSinceAgreed) return refuse('same-figures');
      return entry('proposed', ctx.current, action.to, action.reason);
    }
    case 'agree': {
      if (state.status === 'countered') {
        if (ctx.actor !== ctx.owner) return refuse('not-owner');
        return entry('agreed', ctx.current, state.offer);
      }
      const no = approverCheck();
      return no ? refuse(no) : entry('agreed', ctx.current, state.offer);
    }
    case 'counter': {
      const no = approverCheck();
      if (no) return refuse(no);
      if (sameFigures(action.to, state.offer)) return refuse('same-figures');
      return entry('countered', state.offer, action.to, action.reason);
    }
    case 'refuse': {
      const no = approverCheck();
      return no ? refuse(no) : entry('refused', state.offer, null, action.reason);
    }
  }
}
