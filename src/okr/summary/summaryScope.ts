// What the Summary summarizes: the objectives and key results of one cycle (first row of each ID), who owns
// them, their check-in log, and the validator's verdicts (stale, pending, ownership, overloaded)
// matched to them by row. Every section of the Summary reads this, so they all count the same items.
import { type CycleCalendar, cycleCalendar, cycleFilter, type Pace, pacer, shownCycle } from '../core/cycle';
import { nameOrEmail } from '../core/displayName';
import type { KeyResult, Objective, Person, ProblemCode } from '../core/model';
import { type KeyResultLog, keyResultLogs } from '../core/weeklyChange';
import type { SummaryInput } from './summary';

/** Ownership problems (errors on key results, warnings on objectives) as the validator reports them. */
export const OWNERSHIP_CODES: readonly ProblemCode[] = [
  'owner-missing',
  'owner-multiple',
  'owner-not-person',
  'owner-unknown',
  'objective-owner-missing',
];

/** The validator's verdicts by sheet row (IDs may be blank or repeated; rows are unique). */
export interface ProblemFlags {
  staleRows: Set<number>;
  pendingRows: Set<number>;
  /** Key results whose Owner is not exactly one Team member. */
  ownershipErrorRows: Set<number>;
  overloadedOwners: Set<string>;
}

export interface SummaryScope {
  input: SummaryInput;
  /** The cycle shown (cycle.ts shownCycle); null = every cycle (no cycle name is a date). */
  cycle: string | null;
  calendar: CycleCalendar;
  /** Each key result's pace today, with the margin setting (cycle.ts pacer → paceOf). */
  pace: (kr: KeyResult) => Pace | null;
  /** Team members by email (the first row of an email). */
  people: Map<string, Person>;
  log: Map<string, KeyResultLog>;
  objectives: Objective[];
  keyResults: KeyResult[];
  objectiveById: Map<string, Objective>;
  /** Shown key results per shown objective ID, in sheet order. */
  krsOf: Map<string, KeyResult[]>;
  /** Every shown row, duplicates included (problems point at rows). */
  itemByRow: Map<number, Objective | KeyResult>;
  flags: ProblemFlags;
}

/**
 * One cycle at a time (cycle.ts): the one a Lead chose in Settings while the sheet has it, else the
 * current one; with the items of no cycle and of the longer cycles that span it. A sheet whose cycle
 * names are not dates is summarized whole. A sheet has a handful of cycles and thousands of rows:
 * each cycle is judged once.
 */
function shownCycleOf(input: SummaryInput, calendar: CycleCalendar): string | null {
  const { okrs, now } = input;
  const names = [...okrs.objectives, ...okrs.keyResults].map((i) => i.cycle);
  return shownCycle(names, input.settings.summaryCycle ?? '', now, calendar);
}

/** The first shown row of each ID (duplicate IDs are the validator's business); blank IDs all count. */
function firstOfEachId<T extends Objective | KeyResult>(items: readonly T[], shown: (i: T) => boolean): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    if (!shown(item) || (item.id && seen.has(item.id))) continue;
    if (item.id) seen.add(item.id);
    out.push(item);
  }
  return out;
}

function problemFlags(input: SummaryInput, itemByRow: Map<number, Objective | KeyResult>): ProblemFlags {
  const flags: ProblemFlags = {
    staleRows: new Set(),
    pendingRows: new Set(),
    ownershipErrorRows: new Set(),
    overloadedOwners: new Set(),
  };
  for (const p of input.problems) {
    if (p.row === null) continue;
    if (p.code === 'stale') flags.staleRows.add(p.row);
    else if (p.code === 'owner-pending') flags.pendingRows.add(p.row);
    else if (p.code === 'owner-overloaded') {
      const owner = itemByRow.get(p.row)?.owner;
      if (owner) flags.overloadedOwners.add(owner);
    } else if (OWNERSHIP_CODES.includes(p.code) && itemByRow.get(p.row)?.type === 'key-result') {
      flags.ownershipErrorRows.add(p.row);
    }
  }
  return flags;
}

export function summaryScope(input: SummaryInput): SummaryScope {
  const { okrs, roster, now } = input;
  const calendar = cycleCalendar(input.settings, input.timeZone);
  const cycle = shownCycleOf(input, calendar);
  const inView = cycleFilter(cycle, calendar);
  const shown = (item: Objective | KeyResult) => inView(item.cycle);
  const objectives = firstOfEachId(okrs.objectives, shown);
  const keyResults = firstOfEachId(okrs.keyResults, shown);
  const objectiveById = new Map<string, Objective>();
  for (const o of objectives) if (o.id) objectiveById.set(o.id, o);
  const krsOf = new Map<string, KeyResult[]>();
  for (const kr of keyResults) {
    if (!kr.objectiveId || !objectiveById.has(kr.objectiveId)) continue;
    const list = krsOf.get(kr.objectiveId) ?? [];
    list.push(kr);
    krsOf.set(kr.objectiveId, list);
  }
  const itemByRow = new Map<number, Objective | KeyResult>();
  for (const item of okrs.objectives) if (shown(item)) itemByRow.set(item.row, item);
  for (const item of okrs.keyResults) if (shown(item)) itemByRow.set(item.row, item);
  return {
    input,
    cycle,
    calendar,
    pace: pacer(now, calendar, input.settings.paceMargin),
    people: new Map(roster.people.filter((p) => p.email).map((p) => [p.email, p] as const)),
    log: keyResultLogs(input.checkIns, now),
    objectives,
    keyResults,
    objectiveById,
    krsOf,
    itemByRow,
    flags: problemFlags(input, itemByRow),
  };
}

/** Display name of an item's owner: the Team name, else the email, else the Owner cell as typed. */
export function ownerLabel(scope: SummaryScope, item: Objective | KeyResult): string {
  return item.owner ? nameOrEmail(scope.people.get(item.owner), item.owner) : item.ownerText;
}

/** Deterministic, locale-independent ordering (the same on every run and machine). */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
