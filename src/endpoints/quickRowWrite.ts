// The quick write to one key result (check-in, accept, decline) against small ports, so its rules
// are unit-tested with plain data (tests/unit/endpoints/quickRowWrite.test.ts); src/endpoints/
// rowWrites.ts binds the ports to the sheet. It reads only what it needs: the header and the row
// found by ID, Team and, for writes that log, the log's header, instead of the whole OKRs tab.
import type {
  AcceptRequest,
  ActionOk,
  AgreementView,
  CheckInOk,
  CheckInRequest,
  DeclineRequest,
  LeftOk,
  SidebarState,
} from '../api';
import { t } from '../okr/core/i18n';
import { sameId } from '../okr/core/ids';
import type { KeyResult, OkrSheet, Roster } from '../okr/core/model';
import { keyResultProgress } from '../okr/core/progress';
import type { AgreementEntry } from '../okr/ownership/agreementLog';
import { validateOkrs } from '../okr/ownership/validate';
import type { Context } from './context';
import { cycleRulesFor } from './cycles';
import { type Caller, callerFrom, requireActOn, requireIdentity } from './permissions';
import {
  planAccept,
  planCheckIn,
  planDecline,
  type RowPatch,
  requireColumns,
  resolvedProblems,
  type WritePlan,
} from './sidebar/checkIn';
import { requireOpenRow } from './sidebar/closedRows';
import { planObjectiveProgress } from './sidebar/objectiveProgress';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';
import { findItem, findKeyResult } from './sidebar/requestsPlans';
import { keyResultView } from './sidebar/sidebarState';

/** One row found by ID: a grid shaped like the tab (the header rows and this row; the rest empty). */
export interface FoundRow {
  grid: unknown[][];
  /** 1-based row of the key result. */
  row: number;
}

export interface RowWritePorts {
  /** The row whose ID cell is `id`; null when not exactly one (or no OKRs tab): the full path decides. */
  findRow(id: string): FoundRow | null;
  /** Parses a grid of the OKRs tab in the caller's language. */
  parse(grid: unknown[][]): OkrSheet;
  readTeam(): Roster;
  /**
   * Appends the plan's log entry (and its agreement step, when the sheet has an Agreements tab);
   * refuses (RequestError 'not-set-up') when there is no Check-ins log for an entry.
   */
  appendLog(plan: WritePlan): void;
  /** Writes the patch on `row`; answers the cells as the sheet now holds them (1-based columns). */
  writeRow(sheet: OkrSheet, row: number, patch: RowPatch): Array<{ column: number; values: unknown[] }>;
  /** The quick state (getSidebarStart's), read after the write, for answers a CheckInOk cannot give. */
  quickState(team: Roster): SidebarState;
  /**
   * For the objective's Progress: a grid (shaped like the tab) holding the objective's row (usually
   * among the rows around the key result's `row`) and every row whose Parent is `objectiveId`; null
   * when that cannot be read cheaply (the full path decides).
   */
  objectiveRows(objectiveId: string, row: number): { grid: unknown[][] } | null;
  /** The spreadsheet's time zone (cycles are dated in it for the key result's pace); default UTC. */
  timeZone?: string;
  /** Writes the objective's Progress cell (its `row`), as writeRow does. */
  writeObjectiveProgress(sheet: OkrSheet, row: number, patch: RowPatch): void;
  /**
   * The Agreements log's steps of key result `id` and where new ones go: null when they cannot be
   * read cheaply (the full path decides), 'missing' without an Agreements tab (absent: no log).
   */
  agreementSteps?(id: string): AgreementSteps | null | 'missing';
  /** The agreement notices are due (a proposal): the next tick tells the approver. */
  noticeDue?(time: number): void;
}

/** One key result's steps in the Agreements log, in log order, and the log to append to. */
export interface AgreementSteps {
  entries: AgreementEntry[];
  /** Appends `step` under the log's last row, in the sheet's language. */
  append(step: AgreementEntry): void;
}

/** What a write to one key result does, decided from its row and the caller: the plan and the confirmation. */
export type KeyResultDecision = (kr: KeyResult, caller: Caller) => { plan: WritePlan; message: string };

/** A KeyResultDecision for request T, decided once for the quick and the full path. */
export type RowDecision<T> = (
  req: T,
  kr: KeyResult,
  caller: Caller,
  ctx: Context,
) => { plan: WritePlan; message: string };

// A row of a closed cycle is refused first (requireOpenRow): its results are final.
export const decideCheckIn: RowDecision<CheckInRequest> = (req, kr, caller, ctx) => {
  requireOpenRow(kr, ctx.closed);
  return {
    plan: planCheckIn(kr, req, caller.email, ctx.now, keyResultProgress),
    message: t(REQUEST_MESSAGES, ctx.lang, 'checked-in', { id: kr.id }),
  };
};

export const decideAccept: RowDecision<AcceptRequest> = (req, kr, caller, ctx) => {
  requireOpenRow(kr, ctx.closed);
  return {
    plan: planAccept(kr, req.version, ctx.now, caller.email, ctx.lang),
    message: t(REQUEST_MESSAGES, ctx.lang, 'accepted', { id: kr.id }),
  };
};

export const decideDecline: RowDecision<DeclineRequest> = (req, kr, caller, ctx) => {
  requireOpenRow(kr, ctx.closed);
  return {
    plan: planDecline(kr, req, caller.email, ctx.now, ctx.lang),
    message: t(REQUEST_MESSAGES, ctx.lang, 'declined', { id: kr.id }),
  };
};

/**
 * The key result `id` and the signed-in caller, who must be its owner or a Lead. Refused (thrown) in
 * this order: no identity, unknown ID, not theirs.
 */
export function keyResultToActOn(okrs: OkrSheet, roster: Roster, ctx: Context, id: string) {
  // As withTeam (src/endpoints/context.ts) builds it; this file stays free of Apps Script calls.
  const caller = callerFrom(ctx.email, roster);
  requireIdentity(caller);
  const kr = findKeyResult(okrs, id);
  requireActOn(caller, kr);
  return { caller, kr };
}

/**
 * Null when the row is not found cheaply: the caller then takes the full path. A refusal is thrown
 * (RequestError) before anything is written, for the full path to answer with a fresh state. The
 * problems before and after are those of a sheet holding only this row: problems that depend on
 * other rows show up in both and cancel out, so the difference is exactly what the write fixed. A
 * write that loses the owner (a decline) is answered with the key result that left the caller's list;
 * one that adds a problem, with the quick state.
 */
export function quickRowWrite(
  ports: RowWritePorts,
  id: string,
  ctx: Context,
  decide: KeyResultDecision,
): CheckInOk | ActionOk | LeftOk | null {
  return quickWrite(ports, id, ctx, (okrs, roster) => {
    const { caller, kr } = keyResultToActOn(okrs, roster, ctx, id);
    const { plan, message } = decide(kr, caller);
    return {
      kr,
      plan,
      message,
      log: () => {
        if (plan.log || plan.agreement) ports.appendLog(plan);
      },
    };
  });
}

/** A write to one key result as quickWrite carries it out, decided from its row and Team. */
export interface QuickWrite {
  kr: KeyResult;
  /** The row's write; null when only a log entry is written (a proposal). */
  plan: WritePlan | null;
  message: string;
  /** Appends the write's log entries (called before the row is written). */
  log(): void;
  /**
   * The key result's Agreements-log entries before and after the write, when the write takes an
   * agreement step: the problems the log backs (a target changed since it was agreed) are then
   * compared too. The findings are each key result's own, so its entries alone say the same.
   */
  agreements?: { before: readonly AgreementEntry[]; after: readonly AgreementEntry[] };
  /** The key result's agreement as the caller now sees it, for the answer. */
  agreement?(fresh: KeyResult): AgreementView;
}

/**
 * The quick write of quickRowWrite for any write to one key result: `choose` decides it from the
 * rows read and Team (null: the full path decides; a refusal is thrown before anything is written).
 */
export function quickWrite(
  ports: RowWritePorts,
  id: string,
  ctx: Context,
  choose: (okrs: OkrSheet, roster: Roster) => QuickWrite | null,
): CheckInOk | ActionOk | LeftOk | null {
  const found = ports.findRow(id);
  if (!found) return null;
  const okrs = ports.parse(found.grid);
  // The grid may hold rows around it: a look-alike ID there (" O1.1") is the full path's to decide.
  if ([...okrs.keyResults, ...okrs.objectives].some((i) => sameId(i.id, id) && i.row !== found.row))
    return null;
  const roster = ports.readTeam();
  const chosen = choose(okrs, roster);
  if (!chosen) return null;
  const { kr, plan, message } = chosen;
  if (plan) requireColumns(plan, okrs.columns, ctx.lang);
  const objective = plan ? objectiveWrite(ports, okrs, kr, plan) : null;
  if (objective === 'full') return null;
  const problemsOf = (sheet: OkrSheet, agreements: readonly AgreementEntry[] | undefined) =>
    validateOkrs(
      { okrs: sheet, roster, agreements },
      {
        now: ctx.now,
        settings: ctx.settings,
        lang: ctx.lang,
        timeZone: ports.timeZone,
        closed: ctx.closed,
      },
    );
  const before = problemsOf(okrs, chosen.agreements?.before);
  // Log first, then the row (as the full path does): a failed row write loses no log entry.
  chosen.log();
  const written = plan ? ports.writeRow(okrs, found.row, plan.patch) : [];
  if (objective) ports.writeObjectiveProgress(okrs, objective.row, objective.plan.patch);
  const values = found.grid[found.row - 1];
  for (const w of written) {
    w.values.forEach((v, j) => {
      values[w.column - 1 + j] = v;
    });
  }
  const after = ports.parse(found.grid);
  const fresh = findItem(after, kr.id);
  // The owner gone (a decline): the key result leaves the caller's list, and the sidebar asks for the
  // whole state next (the problems the gap makes are the whole sheet's to say).
  if (fresh?.type === 'key-result' && kr.owner && !fresh.owner && !fresh.ownerText)
    return { ok: true, message, left: kr.id };
  const resolved =
    fresh?.type === 'key-result'
      ? resolvedProblems(before, problemsOf(after, chosen.agreements?.after))
      : null;
  if (fresh?.type !== 'key-result' || resolved === null || fresh.owner !== kr.owner) {
    // More changed than a CheckInOk can say (a new problem, the owner changed): the quick state, read
    // after the write; the sidebar then asks for the whole one, as when it opens.
    return { ok: true, message, state: ports.quickState(roster) };
  }
  const rules = cycleRulesFor(ctx, ports.timeZone ?? 'UTC');
  const item = keyResultView(fresh, '', ctx.now, ctx.settings.staleDays, true, rules);
  const agreement = chosen.agreement?.(fresh);
  return { ok: true, message, item, resolved, ...(agreement ? { agreement } : {}) };
}

/**
 * The objective's Progress to write with `plan` (planObjectiveProgress), from the objective's rows:
 * 'full' when they cannot be read cheaply or its row is not among them (the full path then reads the
 * whole tab), null when there is nothing to write (no progress change, no objective, no Progress column).
 */
function objectiveWrite(
  ports: RowWritePorts,
  okrs: OkrSheet,
  kr: KeyResult,
  plan: WritePlan,
): { plan: WritePlan; row: number } | null | 'full' {
  if (plan.patch.progress === undefined || !kr.objectiveId || okrs.columns.progress === undefined)
    return null;
  const around = ports.objectiveRows(kr.objectiveId, kr.row);
  if (!around) return 'full';
  const sheet = ports.parse(around.grid);
  // Every key result of the objective is among the rows read; the objective must be too.
  if (sheet.objectives.filter((o) => o.id === kr.objectiveId).length !== 1) return 'full';
  return planObjectiveProgress(sheet, kr, plan);
}
