// What a check-in, an acceptance or a decline writes, decided from the row as re-read under the
// lock. Pure: the adapter only carries the plan out. A version mismatch means the row changed since
// the sidebar showed it (someone else checked in, edited or the row was replaced): refuse rather
// than overwrite what the person did not see.
import type { CheckInRequest, DeclineRequest, ResolvedProblem } from '../../api';
import { t } from '../../okr/core/i18n';
import type {
  ColumnMap,
  Confidence,
  KeyResult,
  Lang,
  Objective,
  OkrColumn,
  Problem,
} from '../../okr/core/model';
import { CONFIDENCE_WORDS } from '../../okr/core/parseValues';
import { canonicalHeader, OKR_ALIASES, OKR_HEADERS_JA } from '../../okr/core/schema';
import type { RowStep } from '../../okr/ownership/agreementLog';
import { RequestError } from './requests';
import { versionOf } from './sidebarState';

/**
 * A cell to write: text, a number, a moment (epoch ms, written as a date-time), a calendar day
 * (YYYY-MM-DD, written as midnight in the spreadsheet's time zone) or null to clear it.
 */
export type CellValue = string | number | { time: number } | { day: string } | null;

export type RowPatch = Partial<Record<OkrColumn, CellValue>>;

export interface CheckInLogEntry {
  time: number;
  id: string;
  by: string;
  current: number | null;
  /** 0–100. */
  progress: number | null;
  confidence: Confidence | null;
  note: string;
}

export interface WritePlan {
  id: string;
  patch: RowPatch;
  log: CheckInLogEntry | null;
  /**
   * Columns without which the write means nothing (an acceptance with no Accepted column): refused
   * with a message, instead of answering "done" with nothing written. Other patch columns missing
   * from the sheet are skipped (a check-in's note is still in the log).
   */
  needs?: OkrColumn[];
  /** The agreement step the write takes (logged in the Agreements tab, when the sheet has it). */
  agreement?: RowStep;
}

/** Progress of a key result as if it had these values; injected so this file stays independent of how progress is computed. */
export type ProgressOf = (kr: KeyResult) => number | null;

/** Written as set-up's dropdown offers it (the first word of each choice). */
export const CONFIDENCE_LABEL = {
  'on-track': CONFIDENCE_WORDS['on-track'][0],
  'at-risk': CONFIDENCE_WORDS['at-risk'][0],
  'off-track': CONFIDENCE_WORDS['off-track'][0],
} as Record<Confidence, string>;

/** Refuse ('changed') when the row is no longer as the sidebar showed it; no version sent = no check. */
export function requireVersion(item: KeyResult | Objective, version: string | undefined): void {
  if (version !== undefined && version !== versionOf(item)) throw new RequestError('changed');
}

/** The two values a milestone can take: not done (start, default 0) and done (target, default 1). */
export function milestoneValues(kr: Pick<KeyResult, 'start' | 'target'>): { notDone: number; done: number } {
  return { notDone: kr.start ?? 0, done: kr.target ?? 1 };
}

export function planCheckIn(
  kr: KeyResult,
  req: CheckInRequest,
  by: string,
  now: number,
  progressOf: ProgressOf,
): WritePlan {
  requireVersion(kr, req.version);
  if (kr.kind === 'milestone') {
    const { notDone, done } = milestoneValues(kr);
    if (req.current !== notDone && req.current !== done) {
      throw new RequestError('milestone-value', 'current', { id: kr.id, done, notDone });
    }
  }
  const progress = progressOf({ ...kr, current: req.current });
  const note = req.note ?? '';
  const patch: RowPatch = {
    current: req.current,
    progress,
    confidence: CONFIDENCE_LABEL[req.confidence],
    lastCheckIn: { time: now },
    // The row's Note is its latest check-in's note: a check-in without one clears the last, which
    // would otherwise read as said this week. Earlier notes stay in the Check-ins log.
    note,
  };
  return {
    id: kr.id,
    patch,
    log: { time: now, id: kr.id, by, current: req.current, progress, confidence: req.confidence, note },
    needs: ['current', 'confidence', 'lastCheckIn'],
  };
}

const ACCEPTED_FOR_NOTE = {
  en: 'Accepted ownership on behalf of {owner}',
  ja: '{owner}に代わってオーナーを承諾',
};

/**
 * Accept ownership. `by` (the caller) other than the owner is a Lead accepting on the owner's
 * behalf: logged (who accepted, for whom), as the owner did not say yes themselves.
 */
export function planAccept(
  kr: KeyResult,
  version: string | undefined,
  now: number,
  by = '',
  lang: Lang = 'en',
): WritePlan {
  requireVersion(kr, version);
  if (!kr.owner) throw new RequestError('no-owner', undefined, { id: kr.id });
  if (kr.accepted !== null) throw new RequestError('already-accepted', undefined, { id: kr.id });
  const onBehalf = by !== '' && by !== kr.owner;
  const note = onBehalf ? t({ note: ACCEPTED_FOR_NOTE }, lang, 'note', { owner: kr.owner }) : '';
  return {
    id: kr.id,
    patch: { accepted: { time: now } },
    log: onBehalf
      ? { time: now, id: kr.id, by, current: null, progress: null, confidence: null, note }
      : null,
    needs: ['accepted'],
    agreement: {
      step: 'accepted',
      time: now,
      by: by || kr.owner,
      owner: kr.owner,
      reason: note,
      figures: { target: kr.target, start: kr.start, due: kr.due },
    },
  };
}

const DECLINE_NOTE = {
  en: 'Declined ownership ({owner}): {reason}',
  ja: 'オーナーを辞退（{owner}）: {reason}',
};

export function planDecline(
  kr: KeyResult,
  req: DeclineRequest,
  by: string,
  now: number,
  lang: Lang,
): WritePlan {
  requireVersion(kr, req.version);
  if (!kr.ownerText) throw new RequestError('no-owner', undefined, { id: kr.id });
  const note = t({ note: DECLINE_NOTE }, lang, 'note', { owner: kr.ownerText, reason: req.reason });
  return {
    id: kr.id,
    patch: { owner: null, accepted: null },
    log: { time: now, id: kr.id, by, current: null, progress: null, confidence: null, note },
    agreement: {
      step: 'declined',
      time: now,
      by,
      owner: kr.owner ?? kr.ownerText.toLowerCase(),
      reason: req.reason,
      figures: { target: kr.target, start: kr.start, due: kr.due },
    },
  };
}

/**
 * The problems a check-in fixed: those of the row before it, less those after (as a multiset, by
 * code, cell and severity). Null when the check-in would add one, which the caller cannot express
 * as a removal (it then sends the whole state).
 */
export function resolvedProblems(
  before: readonly Problem[],
  after: readonly Problem[],
): ResolvedProblem[] | null {
  const key = (p: Problem) => `${p.code}\u0000${p.cell ?? ''}\u0000${p.severity}`;
  const left = new Map<string, Problem[]>();
  for (const p of before) left.set(key(p), [...(left.get(key(p)) ?? []), p]);
  for (const p of after) {
    const same = left.get(key(p));
    if (!same?.length) return null;
    same.pop();
  }
  return [...left.values()].flat().map((p) => ({ code: p.code, cell: p.cell, severity: p.severity }));
}

/** Refuse a plan when the sheet lacks a column it needs (WritePlan.needs), before anything is written. */
export function requireColumns(plan: WritePlan, columns: ColumnMap<OkrColumn>, lang: Lang): void {
  const missing = (plan.needs ?? []).find((c) => columns[c] === undefined);
  if (missing === undefined) return;
  const column = lang === 'ja' ? OKR_HEADERS_JA[missing] : canonicalHeader(missing, OKR_ALIASES);
  throw new RequestError('column-missing', undefined, { id: plan.id, column });
}
