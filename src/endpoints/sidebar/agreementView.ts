// The sidebar's picture of the agreements: what waits for the caller (proposals they answer as the
// approver, counters and refusals of their own key results) and their own key results' history.
// Built from the OKRs rows and the Agreements log as read; every rule is the state machine's
// (src/okr/ownership/agreementState.ts) and the approver rule's (approver.ts).
import {
  AGREEMENT_HISTORY_CAP,
  AGREEMENT_LIST_CAP,
  type AgreementFigures,
  type AgreementsState,
  type AgreementView,
} from '../../api';
import { displayNames } from '../../okr/core/displayName';
import type { KeyResult, Lang, OkrSheet, Person } from '../../okr/core/model';
import { type AgreementEntry, dayOf, type Figures, figuresText } from '../../okr/ownership/agreementLog';
import {
  agreementState,
  entriesById,
  entriesOf,
  mayAnswer,
  waitingOn,
} from '../../okr/ownership/agreementState';
import { approverOf } from '../../okr/ownership/approver';
import { capText, VIEW_NAME_CAP, versionOf } from './sidebarState';

/** The figures of a key result's row now. */
export function figuresOf(kr: Pick<KeyResult, 'target' | 'start' | 'due'>, timeZone: string): Figures {
  return { target: kr.target, start: kr.start, due: dayOf(kr.due, timeZone) };
}

function plain(f: Figures | null): AgreementFigures | null {
  return f ? { target: f.target, start: f.start, due: f.due } : null;
}

export interface AgreementViewInput {
  okrs: Pick<OkrSheet, 'keyResults'>;
  entries: readonly AgreementEntry[];
  people: readonly Person[];
  caller: string;
  timeZone: string;
  lang: Lang;
  /** displayNames(people), when the caller builds many views (built once instead of per view). */
  nameOf?: (email: string) => string;
}

/** One key result's agreement as the caller sees it. */
export function agreementView(
  kr: KeyResult,
  entries: readonly AgreementEntry[],
  input: Omit<AgreementViewInput, 'okrs' | 'entries'>,
): AgreementView {
  const state = agreementState(entries, kr.owner);
  const approver = approverOf(kr.owner ?? '', kr.team, input.people);
  const on = waitingOn(state);
  const me = input.caller;
  const nameOf = input.nameOf ?? displayNames(input.people);
  const named = (email: string) => (email ? capText(nameOf(email), VIEW_NAME_CAP) : '');
  const waitsFor =
    on === 'approver'
      ? mayAnswer(state, me, { approver, people: input.people })
        ? 'me-approver'
        : 'other'
      : on === 'owner'
        ? kr.owner === me
          ? 'me-owner'
          : 'other'
        : null;
  const approverEmail = approver.kind === 'manager' ? approver.email : '';
  return {
    id: kr.id,
    title: kr.title,
    owner: kr.owner ?? '',
    status: state.status,
    current: figuresOf(kr, input.timeZone),
    offer: plain(state.offer),
    offeredBy: state.offeredBy,
    reason: state.reason,
    waitsFor,
    approver: approverEmail,
    version: versionOf(kr),
    history: entries.slice(-AGREEMENT_HISTORY_CAP).map((e) => ({
      time: e.time,
      step: e.step,
      by: e.by,
      from: figuresText(e.from, input.lang),
      to: figuresText(e.to, input.lang),
      reason: e.reason,
      byName: named(e.by),
    })),
    ownerName: named(kr.owner ?? ''),
    offeredByName: named(state.offeredBy),
    approverName: named(approverEmail),
  };
}

/** What waits for the caller and their own key results with a history, each list capped. */
export function agreementsState(input: AgreementViewInput): AgreementsState {
  const byId = entriesById(input.entries);
  const waiting: AgreementView[] = [];
  const mine: AgreementView[] = [];
  if (!input.caller) return { waiting, mine };
  const each = { ...input, nameOf: input.nameOf ?? displayNames(input.people) };
  for (const kr of input.okrs.keyResults) {
    if (!kr.id || !kr.owner) continue;
    const entries = entriesOf(byId, kr.id);
    // Others' key results matter only when a step waits; the caller's own always (who approves them).
    if (entries.length === 0 && kr.owner !== input.caller) continue;
    const view = agreementView(kr, entries, each);
    if (
      (view.waitsFor === 'me-approver' || view.waitsFor === 'me-owner') &&
      waiting.length < AGREEMENT_LIST_CAP
    )
      waiting.push(view);
    if (kr.owner === input.caller && mine.length < AGREEMENT_LIST_CAP) mine.push(view);
  }
  return { waiting, mine };
}
