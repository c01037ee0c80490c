// The Summary tab as data: what leadership reads in one minute. Built from the parsed OKRs, Team
// and Check-ins tabs plus the validator's problems, so "stale", "pending" and every ownership problem
// mean exactly what the validator and the sidebar say they mean. Rendering to cells is summaryGrid.ts.

import { daysSinceTouched } from '../core/attention';
import type {
  Confidence,
  KeyResult,
  Lang,
  Objective,
  OkrSheet,
  Problem,
  ProblemCode,
  Roster,
  Settings,
} from '../core/model';
import type { ProgressEntry } from '../core/parse';
import { meanProgress, objectiveProgress, progressOf, score as scoreOf } from '../core/progress';
import { type KeyResultLog, keyResultLogs, lastCheckIn, objectiveChange } from '../core/weeklyChange';
import { isLive } from '../weekly/digest';

/** Google's grading of a 0.0–1.0 score: 0.7 is a good result for a stretch goal. */
export type Band = 'red' | 'yellow' | 'green';

/** The band of a score as progress.ts rounds it (so 38% shows 0.4 and is yellow, not red). */
export function bandOf(score: number | null): Band | null {
  if (score === null || !Number.isFinite(score)) return null;
  if (score < 0.4) return 'red';
  if (score < 0.7) return 'yellow';
  return 'green';
}

/** Ownership problems (errors on key results, warnings on objectives) as the validator reports them. */
export const OWNERSHIP_CODES: readonly ProblemCode[] = [
  'owner-missing',
  'owner-multiple',
  'owner-not-person',
  'owner-unknown',
  'objective-owner-missing',
];

export interface SummaryInput {
  okrs: OkrSheet;
  roster: Roster;
  /** The log's progress history (parseProgressLog; full check-ins do as well). */
  checkIns: readonly ProgressEntry[];
  /** validateOkrs' output for the same okrs and roster. */
  problems: Problem[];
  now: number;
  timeZone: string;
  settings: Settings;
  lang: Lang;
}

export interface SummaryHeadline {
  objectives: number;
  keyResults: number;
  /** Mean of the objectives' progress (0–100); null when none can be computed. */
  averageProgress: number | null;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  /** Key results with no confidence given. */
  noConfidence: number;
  stale: number;
  pending: number;
  /** Key results whose Owner is not exactly one Team member (missing, several, a team, unknown). */
  ownershipGaps: number;
}

export interface SummaryObjective {
  id: string;
  title: string;
  row: number;
  /** Team name of the owner when known, else the Owner cell as typed. */
  owner: string;
  ownerEmail: string | null;
  /** 0–100 or null. */
  progress: number | null;
  /** 0.0–1.0 or null. */
  score: number | null;
  band: Band | null;
  keyResults: number;
  /** At risk or off track. */
  atRisk: number;
  /** Progress points gained since a week ago, from the Check-ins log; null without a baseline. */
  change: number | null;
}

export type AttentionReason =
  /** A sheet-wide error (a missing tab or column): the numbers below may be incomplete. */
  | 'sheet'
  | 'off-track'
  | 'at-risk'
  | 'stale'
  | 'pending'
  | 'owner-missing'
  | 'owner-multiple'
  | 'owner-not-person'
  | 'owner-unknown'
  | 'objective-owner-missing';

export const ATTENTION_ORDER: readonly AttentionReason[] = [
  'sheet',
  'off-track',
  'at-risk',
  'stale',
  'pending',
  'owner-missing',
  'owner-multiple',
  'owner-not-person',
  'owner-unknown',
  'objective-owner-missing',
];

export interface AttentionItem {
  reason: AttentionReason;
  id: string;
  title: string;
  type: 'objective' | 'key-result';
  /** Display name of the owner, or the Owner cell as typed. */
  owner: string;
  /** 1-based row on the OKRs tab; 0 for a sheet-wide problem. */
  row: number;
  /** The cell to fix (ownership problems), e.g. "OKRs!E7"; else null. */
  cell: string | null;
  progress: number | null;
  /** Days since the last check-in (or acceptance) for stale key results. */
  days: number | null;
  /** The validator's localized message for problems; '' for confidence. */
  detail: string;
}

export interface SummaryOwner {
  email: string;
  name: string;
  team: string;
  inTeam: boolean;
  objectiveIds: string[];
  keyResultIds: string[];
  averageProgress: number | null;
  lastCheckIn: number | null;
  stale: number;
  pending: number;
  atRisk: number;
  overloaded: boolean;
}

export interface SummaryTeam {
  /** '' = no team given anywhere. */
  team: string;
  objectives: number;
  keyResults: number;
  owners: number;
  averageProgress: number | null;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  stale: number;
  pending: number;
  ownershipGaps: number;
}

export interface SummaryModel {
  lang: Lang;
  generatedAt: number;
  timeZone: string;
  /** From the settings, so the tab can say what "overloaded" and "stale" mean. */
  overloadLimit: number;
  staleDays: number;
  /** Distinct cycles in the sheet, sorted. */
  cycles: string[];
  /** No objective and no key result: the tab says to run Set up. */
  empty: boolean;
  headline: SummaryHeadline;
  objectives: SummaryObjective[];
  attention: AttentionItem[];
  owners: SummaryOwner[];
  teams: SummaryTeam[];
}

/**
 * Change of an objective over the week (weeklyChange.ts decides it for the Summary and the emails).
 */
function changeOf(krs: readonly KeyResult[], log: Map<string, KeyResultLog>): number | null {
  return objectiveChange(
    krs.map((kr) => ({ progress: progressOf(kr), baseline: log.get(kr.id)?.baseline ?? null })),
  );
}

function isConfidence(c: Confidence | null, want: Confidence): boolean {
  return c === want;
}

export function buildSummary(input: SummaryInput): SummaryModel {
  const { okrs, roster, problems, now, lang } = input;
  const people = new Map(roster.people.filter((p) => p.email).map((p) => [p.email, p] as const));
  const log = keyResultLogs(input.checkIns, now);

  // Past cycles are history: the tab shows what is live now, as the leadership email does
  // (digest.ts isLive). A sheet holding only past cycles is still summarized whole, not shown empty.
  // A sheet has a handful of cycles and thousands of rows: each cycle is judged once.
  const liveCycles = new Map<string, boolean>();
  const live = (cycle: string) => {
    let yes = liveCycles.get(cycle);
    if (yes === undefined) {
      yes = isLive(cycle, now);
      liveCycles.set(cycle, yes);
    }
    return yes;
  };
  const anyLive = okrs.objectives.some((i) => live(i.cycle)) || okrs.keyResults.some((i) => live(i.cycle));
  const shown = (i: Objective | KeyResult) => !anyLive || live(i.cycle);

  // Duplicate IDs are the validator's business; here the first row of an ID stands for it.
  const objectives: Objective[] = [];
  const objectiveById = new Map<string, Objective>();
  for (const o of okrs.objectives) {
    if (!shown(o) || (o.id && objectiveById.has(o.id))) continue;
    if (o.id) objectiveById.set(o.id, o);
    objectives.push(o);
  }
  const keyResults: KeyResult[] = [];
  const seenKr = new Set<string>();
  for (const kr of okrs.keyResults) {
    if (!shown(kr) || (kr.id && seenKr.has(kr.id))) continue;
    if (kr.id) seenKr.add(kr.id);
    keyResults.push(kr);
  }
  const krsOf = new Map<string, KeyResult[]>();
  for (const kr of keyResults) {
    if (!kr.objectiveId || !objectiveById.has(kr.objectiveId)) continue;
    const list = krsOf.get(kr.objectiveId) ?? [];
    list.push(kr);
    krsOf.set(kr.objectiveId, list);
  }

  // Problems are matched to items by sheet row (IDs may be blank or repeated; rows are unique).
  const itemByRow = new Map<number, Objective | KeyResult>();
  for (const item of okrs.objectives) if (shown(item)) itemByRow.set(item.row, item);
  for (const item of okrs.keyResults) if (shown(item)) itemByRow.set(item.row, item);
  const staleRows = new Set<number>();
  const pendingRows = new Set<number>();
  const ownershipErrorRows = new Set<number>();
  const overloadedOwners = new Set<string>();
  for (const p of problems) {
    if (p.row === null) continue;
    if (p.code === 'stale') staleRows.add(p.row);
    else if (p.code === 'owner-pending') pendingRows.add(p.row);
    else if (p.code === 'owner-overloaded') {
      const owner = itemByRow.get(p.row)?.owner;
      if (owner) overloadedOwners.add(owner);
    } else if (OWNERSHIP_CODES.includes(p.code) && itemByRow.get(p.row)?.type === 'key-result') {
      ownershipErrorRows.add(p.row);
    }
  }

  const ownerLabel = (item: Objective | KeyResult) =>
    (item.owner && people.get(item.owner)?.name) || item.owner || item.ownerText;
  const lastCheckInOf = (kr: KeyResult): number | null =>
    lastCheckIn(kr.lastCheckIn, log.get(kr.id)?.last ?? null);

  // ---- objectives table
  const objectiveRows: SummaryObjective[] = objectives.map((o) => {
    const krs = (o.id && krsOf.get(o.id)) || [];
    const progress = objectiveProgress(krs.map((kr) => ({ progress: progressOf(kr) })));
    const score = scoreOf(progress);
    return {
      id: o.id,
      title: o.title,
      row: o.row,
      owner: ownerLabel(o),
      ownerEmail: o.owner,
      progress,
      score,
      band: bandOf(score),
      keyResults: krs.length,
      atRisk: krs.filter((kr) => kr.confidence === 'at-risk' || kr.confidence === 'off-track').length,
      change: changeOf(krs, log),
    };
  });

  // ---- needs attention: one line per reason, so each problem keeps its own row and message
  const attention: AttentionItem[] = [];
  const line = (
    reason: AttentionReason,
    item: Objective | KeyResult,
    extra: Partial<Pick<AttentionItem, 'cell' | 'days' | 'detail'>> = {},
  ): AttentionItem => ({
    reason,
    id: item.id,
    title: item.title,
    type: item.type,
    owner: ownerLabel(item),
    row: item.row,
    cell: extra.cell ?? null,
    progress: item.type === 'key-result' ? progressOf(item) : null,
    days: extra.days ?? null,
    detail: extra.detail ?? '',
  });
  for (const kr of keyResults) {
    if (isConfidence(kr.confidence, 'off-track')) attention.push(line('off-track', kr));
    if (isConfidence(kr.confidence, 'at-risk')) attention.push(line('at-risk', kr));
  }
  for (const p of problems) {
    if (p.row === null) continue;
    const item = itemByRow.get(p.row);
    if (!item) continue;
    if (p.code === 'stale' && item.type === 'key-result') {
      attention.push(line('stale', item, { days: daysSinceTouched(item, now), detail: p.message }));
    } else if (p.code === 'owner-pending') {
      attention.push(line('pending', item, { detail: p.message }));
    } else if (OWNERSHIP_CODES.includes(p.code)) {
      attention.push(line(p.code as AttentionReason, item, { cell: p.cell, detail: p.message }));
    }
  }
  for (const p of problems) {
    if (p.row !== null || p.severity !== 'error') continue;
    attention.push({
      reason: 'sheet',
      id: '',
      title: '',
      type: 'objective',
      owner: '',
      row: 0,
      cell: p.cell,
      progress: null,
      days: null,
      detail: p.message,
    });
  }
  const ranks = new Map(ATTENTION_ORDER.map((r, i) => [r, i] as const));
  const rank = (r: AttentionReason) => ranks.get(r) ?? -1;
  attention.sort((a, b) => rank(a.reason) - rank(b.reason) || a.row - b.row);

  // ---- owners: every single-email owner, Team member or not (an unknown one is also a problem above)
  const owners = new Map<string, SummaryOwner & { progress: Array<number | null> }>();
  const ownerOf = (email: string) => {
    let o = owners.get(email);
    if (!o) {
      const person = people.get(email);
      o = {
        email,
        name: person?.name || email,
        team: person?.team ?? '',
        inTeam: !!person,
        objectiveIds: [],
        keyResultIds: [],
        averageProgress: null,
        lastCheckIn: null,
        stale: 0,
        pending: 0,
        atRisk: 0,
        overloaded: overloadedOwners.has(email),
        progress: [],
      };
      owners.set(email, o);
    }
    return o;
  };
  for (const o of objectives) if (o.owner) ownerOf(o.owner).objectiveIds.push(o.id);
  for (const kr of keyResults) {
    if (!kr.owner) continue;
    const o = ownerOf(kr.owner);
    o.keyResultIds.push(kr.id);
    o.progress.push(progressOf(kr));
    const last = lastCheckInOf(kr);
    if (last !== null && (o.lastCheckIn === null || last > o.lastCheckIn)) o.lastCheckIn = last;
    if (staleRows.has(kr.row)) o.stale += 1;
    if (pendingRows.has(kr.row)) o.pending += 1;
    if (kr.confidence === 'at-risk' || kr.confidence === 'off-track') o.atRisk += 1;
  }
  const ownerRows: SummaryOwner[] = [...owners.values()]
    .map(({ progress, ...o }) => ({ ...o, averageProgress: meanProgress(progress) }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.email, b.email));

  // ---- teams: a key result's Team, else its objective's, else its owner's
  const teams = new Map<string, SummaryTeam & { progress: Array<number | null>; ownerSet: Set<string> }>();
  const teamOf = (name: string) => {
    let t = teams.get(name);
    if (!t) {
      t = {
        team: name,
        objectives: 0,
        keyResults: 0,
        owners: 0,
        averageProgress: null,
        onTrack: 0,
        atRisk: 0,
        offTrack: 0,
        stale: 0,
        pending: 0,
        ownershipGaps: 0,
        progress: [],
        ownerSet: new Set(),
      };
      teams.set(name, t);
    }
    return t;
  };
  const ownerTeam = (email: string | null) => (email && people.get(email)?.team) || '';
  for (const o of objectives) {
    const t = teamOf(o.team || ownerTeam(o.owner));
    t.objectives += 1;
    if (o.owner) t.ownerSet.add(o.owner);
  }
  for (const kr of keyResults) {
    const parent = kr.objectiveId ? objectiveById.get(kr.objectiveId) : undefined;
    const t = teamOf(kr.team || parent?.team || ownerTeam(kr.owner));
    t.keyResults += 1;
    t.progress.push(progressOf(kr));
    if (kr.owner) t.ownerSet.add(kr.owner);
    if (kr.confidence === 'on-track') t.onTrack += 1;
    if (kr.confidence === 'at-risk') t.atRisk += 1;
    if (kr.confidence === 'off-track') t.offTrack += 1;
    if (staleRows.has(kr.row)) t.stale += 1;
    if (pendingRows.has(kr.row)) t.pending += 1;
    if (ownershipErrorRows.has(kr.row)) t.ownershipGaps += 1;
  }
  const teamRows: SummaryTeam[] = [...teams.values()]
    .map(({ progress, ownerSet, ...t }) => ({
      ...t,
      owners: ownerSet.size,
      averageProgress: meanProgress(progress),
    }))
    // Named teams alphabetically; "no team" last.
    .sort((a, b) => (a.team === '' ? 1 : 0) - (b.team === '' ? 1 : 0) || compareText(a.team, b.team));

  const headline: SummaryHeadline = {
    objectives: objectives.length,
    keyResults: keyResults.length,
    averageProgress: meanProgress(objectiveRows.map((o) => o.progress)),
    onTrack: 0,
    atRisk: 0,
    offTrack: 0,
    noConfidence: 0,
    stale: 0,
    pending: 0,
    ownershipGaps: 0,
  };
  for (const kr of keyResults) {
    if (kr.confidence === 'on-track') headline.onTrack += 1;
    else if (kr.confidence === 'at-risk') headline.atRisk += 1;
    else if (kr.confidence === 'off-track') headline.offTrack += 1;
    else if (kr.confidence === null) headline.noConfidence += 1;
    if (staleRows.has(kr.row)) headline.stale += 1;
    if (pendingRows.has(kr.row)) headline.pending += 1;
    if (ownershipErrorRows.has(kr.row)) headline.ownershipGaps += 1;
  }

  const cycles = [...new Set([...objectives, ...keyResults].map((i) => i.cycle.trim()).filter(Boolean))].sort(
    compareText,
  );

  return {
    lang,
    generatedAt: now,
    timeZone: input.timeZone,
    overloadLimit: input.settings.overloadLimit,
    staleDays: input.settings.staleDays,
    cycles,
    empty: objectives.length === 0 && keyResults.length === 0,
    headline,
    objectives: objectiveRows,
    attention,
    owners: ownerRows,
    teams: teamRows,
  };
}

/** Deterministic, locale-independent ordering (the same on every run and machine). */
function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
