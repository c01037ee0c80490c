// The Summary tab as data: what leadership reads in one minute. Built from the parsed OKRs, Team
// and Check-ins tabs plus the validator's problems, so "stale", "pending" and every ownership problem
// mean exactly what the validator and the sidebar say they mean. Rendering to cells is summaryGrid.ts.
// The sections are built from one scope (summaryScope.ts): objectives and the headline here, the
// attention list in summaryAttention.ts, owners and teams in summaryOwners.ts.

import { needsHelp } from '../core/attention';
import { cyclesOf, type Pace } from '../core/cycle';
import type { KeyResult, Lang, OkrSheet, Problem, Roster, Settings } from '../core/model';
import type { ProgressEntry } from '../core/parse';
import { meanProgress, objectiveProgress, progressOf, score as scoreOf } from '../core/progress';
import { objectiveChange } from '../core/weeklyChange';
import type { KeyResultResult } from '../cycle/results';
import { attentionItems, cappedAttention } from './summaryAttention';
import { ownerRows, teamRows } from './summaryOwners';
import { type SummaryResults, summaryResults } from './summaryResults';
import { compareText, ownerLabel, type SummaryScope, summaryScope } from './summaryScope';
import { type SummaryWeekly, summaryWeekly } from './summaryWeekly';

/** Google's grading of a 0.0–1.0 score: 0.7 is a good result for a stretch goal. */
export type Band = 'red' | 'yellow' | 'green';

/** The band of a score as progress.ts rounds it (so 38% shows 0.4 and is yellow, not red). */
export function bandOf(score: number | null): Band | null {
  if (score === null || !Number.isFinite(score)) return null;
  if (score < 0.4) return 'red';
  if (score < 0.7) return 'yellow';
  return 'green';
}

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
  /** Closed cycles (src/okr/cycle/closedCycles.ts): their rows leave the live sections. */
  closed?: ReadonlySet<string>;
  /** The closed cycle whose Results section the tab shows, with the Results log as read. */
  closedCycle?: { name: string; closedAt: number; results: ReadonlyMap<string, KeyResultResult> } | null;
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
  /** Key results behind pace (cycle.ts paceOf). */
  behindPace: number;
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
  /** A key result's pace (cycle.ts paceOf), next to its confidence; null for objectives and without a pace line. */
  pace: Pace | null;
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
  /** Distinct cycles of the items shown, sorted. */
  cycles: string[];
  /**
   * The cycle shown (null: every cycle, none is a date), whether a Lead chose it in Settings (else it
   * is the current one), and the sheet's cycles left out, in time order.
   */
  cycle: { shown: string | null; chosen: boolean; others: string[] };
  /** Key results of the cycle behind pace (cycle.ts paceOf). */
  behindPace: number;
  /** No objective and no key result: the tab says to run Set up. */
  empty: boolean;
  headline: SummaryHeadline;
  objectives: SummaryObjective[];
  /** The most urgent attention lines, at most ATTENTION_CAP (summaryAttention.ts), in order. */
  attention: AttentionItem[];
  /** Attention lines past the cap, not listed (the "more" line says where they are); 0 when all are shown. */
  attentionMore: number;
  owners: SummaryOwner[];
  teams: SummaryTeam[];
  /** Progress per objective over the cycle's weeks (summaryWeekly.ts); absent without history. */
  weekly?: SummaryWeekly | null;
  /** A closed cycle's scores and retrospectives (summaryResults.ts); absent when none is closed. */
  results?: SummaryResults;
}

/** Change of an objective over the week (weeklyChange.ts decides it for the Summary and the emails). */
function changeOf(scope: SummaryScope, krs: readonly KeyResult[]): number | null {
  return objectiveChange(
    krs.map((kr) => ({ progress: progressOf(kr), baseline: scope.log.get(kr.id)?.baseline ?? null })),
  );
}

function objectiveRows(scope: SummaryScope): SummaryObjective[] {
  return scope.objectives.map((o) => {
    const krs = (o.id && scope.krsOf.get(o.id)) || [];
    const progress = objectiveProgress(krs.map((kr) => ({ progress: progressOf(kr) })));
    const score = scoreOf(progress);
    return {
      id: o.id,
      title: o.title,
      row: o.row,
      owner: ownerLabel(scope, o),
      ownerEmail: o.owner,
      progress,
      score,
      band: bandOf(score),
      keyResults: krs.length,
      atRisk: krs.filter((kr) => needsHelp(kr.confidence)).length,
      change: changeOf(scope, krs),
      behindPace: krs.filter((kr) => scope.pace(kr)?.behind).length,
    };
  });
}

function headlineOf(scope: SummaryScope, objectives: readonly SummaryObjective[]): SummaryHeadline {
  const { flags, keyResults } = scope;
  const headline: SummaryHeadline = {
    objectives: objectives.length,
    keyResults: keyResults.length,
    averageProgress: meanProgress(objectives.map((o) => o.progress)),
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
    if (flags.staleRows.has(kr.row)) headline.stale += 1;
    if (flags.pendingRows.has(kr.row)) headline.pending += 1;
    if (flags.ownershipErrorRows.has(kr.row)) headline.ownershipGaps += 1;
  }
  return headline;
}

export function buildSummary(input: SummaryInput): SummaryModel {
  const scope = summaryScope(input);
  const { objectives, keyResults } = scope;
  const objectiveTable = objectiveRows(scope);
  const cycles = [...new Set([...objectives, ...keyResults].map((i) => i.cycle.trim()).filter(Boolean))].sort(
    compareText,
  );
  const attention = cappedAttention(attentionItems(scope));
  const chosen = input.settings.summaryCycle?.trim() ?? '';
  const shownNames = new Set(cycles);
  const others = cyclesOf(
    [...input.okrs.objectives, ...input.okrs.keyResults].map((i) => i.cycle),
    scope.calendar,
  )
    .map((c) => c.name)
    .filter((name) => !shownNames.has(name));
  return {
    lang: input.lang,
    generatedAt: input.now,
    timeZone: input.timeZone,
    overloadLimit: input.settings.overloadLimit,
    staleDays: input.settings.staleDays,
    cycles,
    cycle: { shown: scope.cycle, chosen: chosen !== '' && chosen === scope.cycle, others },
    behindPace: keyResults.filter((kr) => scope.pace(kr)?.behind).length,
    empty: objectives.length === 0 && keyResults.length === 0,
    headline: headlineOf(scope, objectiveTable),
    objectives: objectiveTable,
    attention: attention.shown,
    attentionMore: attention.more,
    owners: ownerRows(scope),
    teams: teamRows(scope),
    weekly: summaryWeekly(scope, cycles),
    ...(input.closedCycle
      ? {
          results: summaryResults(input.okrs, input.closedCycle, input.closedCycle.results, (i) =>
            ownerLabel(scope, i),
          ),
        }
      : {}),
  };
}
