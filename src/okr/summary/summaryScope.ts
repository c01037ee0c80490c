// What the Summary summarizes: the live objectives and key results (first row of each ID), who owns
// them, their check-in log, and the validator's verdicts (stale, pending, ownership, overloaded)
// matched to them by row. Every section of the Summary reads this, so they all count the same items.
import { isLive } from '../core/cycle';
import type { KeyResult, Objective, Person, ProblemCode } from '../core/model';
import { type KeyResultLog, keyResultLogs } from '../core/weeklyChange';
import { inClosedCycle } from '../cycle/closedCycles';
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
 * Past cycles are history: the tab shows what is live now, as the leadership email does (cycle.ts
 * isLive). A sheet holding only past cycles is still summarized whole, not shown empty. A sheet has a
 * handful of cycles and thousands of rows: each cycle is judged once.
 */
function shownFilter(input: SummaryInput): (item: Objective | KeyResult) => boolean {
  const { okrs, now } = input;
  const liveCycles = new Map<string, boolean>();
  const live = (cycle: string) => {
    let yes = liveCycles.get(cycle);
    if (yes === undefined) {
      // A closed cycle is history too: its results have their own section (summaryResults.ts).
      yes = isLive(cycle, now) && !inClosedCycle({ cycle }, input.closed);
      liveCycles.set(cycle, yes);
    }
    return yes;
  };
  const anyLive = okrs.objectives.some((i) => live(i.cycle)) || okrs.keyResults.some((i) => live(i.cycle));
  return (i) => !anyLive || live(i.cycle);
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
  const shown = shownFilter(input);
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
  return (item.owner && scope.people.get(item.owner)?.name) || item.owner || item.ownerText;
}

/** Deterministic, locale-independent ordering (the same on every run and machine). */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
