// Check-in, accept and decline: the writes to one key result, each decided once (a RowDecision)
// for two paths. The quick one finds the row by ID (TextFinder) instead of reading the whole OKRs
// tab and answers with what changed (CheckInOk in src/api.ts) or, for a decline, the quick state;
// the full one (act) re-reads the whole tab under the lock and answers with the fresh state.
import type { ActionResult, CheckInOk, CheckInResult } from '../api';
import { BusyError, withDocumentLock } from '../gas/lock';
import { findTabsByName, readOkrRowById } from '../gas/okrData';
import { planBlocks, sheetValue, writeBlocks } from '../gas/okrWrites';
import { readTeamTab } from '../gas/team';
import { t } from '../okr/core/i18n';
import type { KeyResult, Lang, OkrSheet, Roster } from '../okr/core/model';
import { parseOkrSheet } from '../okr/core/parse';
import { keyResultProgress } from '../okr/core/progress';
import { validateOkrs } from '../okr/ownership/validate';
import { act, busy } from './act';
import { activeSpreadsheet, type Context, context } from './context';
import { type Caller, callerFrom, requireActOn, requireIdentity } from './permissions';
import {
  planAccept,
  planCheckIn,
  planDecline,
  requireColumns,
  resolvedProblems,
  type WritePlan,
} from './sidebar/checkIn';
import { type Parsed, parseAccept, parseCheckIn, parseDecline, RequestError } from './sidebar/requests';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';
import { findItem, findKeyResult } from './sidebar/requestsPlans';
import { keyResultView } from './sidebar/sidebarState';
import { applyPatches, asStored, logCheckIns, makeDate, startState } from './snapshot';

/**
 * The key result `id` and the signed-in caller, who must be its owner or a Lead. Refused (thrown) in
 * this order: no identity, unknown ID, not theirs.
 */
function keyResultToActOn(okrs: OkrSheet, roster: Roster, ctx: Context, id: string) {
  const caller = callerFrom(ctx.email, roster);
  requireIdentity(caller);
  const kr = findKeyResult(okrs, id);
  requireActOn(caller, kr);
  return { caller, kr };
}

/**
 * A write to one key result that reads only what it needs: the header, the row found by ID
 * (TextFinder over the ID column), the Team tab and, for writes that log, the log's header, instead
 * of the whole OKRs tab. Null when that is not enough to decide (no single matching row): the caller
 * then takes the full path. A refusal is thrown (RequestError) before anything is written, for the
 * full path to answer with a fresh state. The problems before and after are those of a sheet holding
 * only this row: problems that depend on other rows show up in both and cancel out, so the
 * difference is exactly what the write fixed. A write that adds a problem is answered in full.
 */
function quickRowWrite(
  id: string,
  ctx: Context,
  decide: (kr: KeyResult, caller: Caller) => { plan: WritePlan; message: string },
): CheckInOk | ActionResult | null {
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team', 'checkIns']);
  if (!tabs.okrs) return null;
  const found = readOkrRowById(tabs.okrs, id);
  if (!found) return null;
  const sheetName = tabs.okrs.getName();
  const parse = () => parseOkrSheet(found.grid, { sheetName, timeZone, lang: ctx.lang });
  const okrs = parse();
  const roster = readTeamTab(tabs.team, { timeZone, lang: ctx.lang });
  const { caller, kr } = keyResultToActOn(okrs, roster, ctx, id);
  const { plan, message } = decide(kr, caller);
  requireColumns(plan, okrs.columns, ctx.lang);
  const problemsOf = (sheet: OkrSheet) =>
    validateOkrs({ okrs: sheet, roster }, { now: ctx.now, settings: ctx.settings, lang: ctx.lang });
  const before = problemsOf(okrs);
  // Log first, then the row (as the full path does).
  if (plan.log) logCheckIns({ tabs }, [plan]);
  const blocks = planBlocks(okrs.columns, [{ row: found.row, patch: plan.patch }], (c, v) =>
    sheetValue(c, v, timeZone, makeDate),
  );
  writeBlocks(tabs.okrs, blocks);
  const values = found.grid[found.row - 1];
  for (const b of blocks) {
    b.values[0].forEach((v, j) => {
      values[b.column - 1 + j] = asStored(v);
    });
  }
  const after = parse();
  const fresh = findItem(after, kr.id);
  const resolved = fresh?.type === 'key-result' ? resolvedProblems(before, problemsOf(after)) : null;
  if (fresh?.type !== 'key-result' || resolved === null || fresh.owner !== kr.owner) {
    // More changed than a CheckInOk can say (a new problem, the owner gone): the quick state, read
    // after the write; the sidebar then asks for the whole one, as when it opens.
    return { ok: true, message, state: startState(ctx, tabs, roster, timeZone) };
  }
  return { ok: true, message, item: keyResultView(fresh, '', ctx.now, ctx.settings.staleDays), resolved };
}

/** What a write to one key result does, decided from its row and the caller: the plan and the confirmation. */
type RowDecision<T> = (
  req: T,
  kr: KeyResult,
  caller: Caller,
  ctx: Context,
) => { plan: WritePlan; message: string };

/**
 * A write to one key result (check-in, accept, decline), decided once by `decide` for both paths:
 * first the quick one (quickRowWrite, under the lock); refusals, and sheets where the row cannot be
 * found cheaply (a duplicate ID, an ID cell with stray spaces), take the full path, which re-reads
 * the whole tab under the lock and answers with the fresh state. `withLog`: the write appends to
 * the Check-ins log.
 */
function rowWrite<T extends { id: string }>(
  raw: unknown,
  parse: (raw: unknown, lang: Lang) => Parsed<T>,
  decide: RowDecision<T>,
  withLog: boolean,
): CheckInResult {
  const ctx = context();
  const parsed = parse(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  const req = parsed.value;
  try {
    const answer = withDocumentLock(() =>
      quickRowWrite(req.id, ctx, (kr, caller) => decide(req, kr, caller, ctx)),
    );
    if (answer) return answer;
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: busy(ctx.lang) };
    if (!(e instanceof RequestError)) throw e;
  }
  return act(
    raw,
    parse,
    (full, snap, fullCtx) => {
      const { caller, kr } = keyResultToActOn(snap.okrs, snap.roster, fullCtx, full.id);
      const { plan, message } = decide(full, kr, caller, fullCtx);
      requireColumns(plan, snap.okrs.columns, fullCtx.lang);
      if (plan.log) logCheckIns(snap, [plan]);
      applyPatches(snap, [plan], fullCtx);
      return message;
    },
    withLog,
  );
}

/** Check in on a key result; usually answered with what changed (CheckInOk). */
export function checkIn(raw: unknown): CheckInResult {
  return rowWrite(
    raw,
    parseCheckIn,
    (req, kr, caller, ctx) => ({
      plan: planCheckIn(kr, req, caller.email, ctx.now, keyResultProgress),
      message: t(REQUEST_MESSAGES, ctx.lang, 'checked-in', { id: kr.id }),
    }),
    true,
  );
}

/** Accept ownership; usually answered with what changed, like a check-in. */
export function acceptOwnership(raw: unknown): CheckInResult {
  return rowWrite(
    raw,
    parseAccept,
    (req, kr, _caller, ctx) => ({
      plan: planAccept(kr, req.version, ctx.now),
      message: t(REQUEST_MESSAGES, ctx.lang, 'accepted', { id: kr.id }),
    }),
    false,
  );
}

/** Decline ownership: usually answered with the quick state (the owner is gone; see quickRowWrite). */
export function declineOwnership(raw: unknown): CheckInResult {
  return rowWrite(
    raw,
    parseDecline,
    (req, kr, caller, ctx) => ({
      plan: planDecline(kr, req, caller.email, ctx.now, ctx.lang),
      message: t(REQUEST_MESSAGES, ctx.lang, 'declined', { id: kr.id }),
    }),
    true,
  );
}
