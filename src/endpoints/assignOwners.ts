// Assign owners and add objectives and key results: whole-sheet writes for those who may manage
// (src/okr/ownership/roles.ts), each through act (parse → lock → re-read → decide → write → state).
import type { ActionResult } from '../api';
import { insertOkrRow, newRowValues, sheetValue } from '../gas/okrWrites';
import { inSheetLanguage } from '../okr/core/choiceWords';
import { displayNames } from '../okr/core/displayName';
import { t } from '../okr/core/i18n';
import { sheetLanguage } from '../okr/core/language';
import { keyResultProgress } from '../okr/core/progress';
import { clearedEntry } from '../okr/ownership/agreementLog';
import { act } from './act';
import { type Context, withTeam } from './context';
import { requireManage } from './permissions';
import { requireOpenRow } from './sidebar/closedRows';
import { parseAddKeyResult, parseAddObjective, parseAssign, RequestError } from './sidebar/requests';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';
import {
  findItem,
  type NewRowPlan,
  newRowDefaults,
  planAddKeyResult,
  planAddObjective,
  planAssign,
} from './sidebar/requestsPlans';
import { capText, VIEW_NAME_CAP } from './sidebar/sidebarState';
import { applyPatches, asStored, logAgreementEntries, makeDate, parseOkrs, type Snapshot } from './snapshot';

export function assignOwner(raw: unknown): ActionResult {
  return act(raw, parseAssign, (req, snap, ctx) => {
    const { caller } = withTeam(ctx, snap.roster);
    requireManage(caller);
    for (const id of req.ids) {
      const item = findItem(snap.okrs, id);
      if (item) requireOpenRow(item, ctx.closed);
    }
    const plans = planAssign(snap.okrs, snap.roster, req);
    // A new owner is asked again: the old acceptance is cleared in the row and in the log.
    const lang = sheetLanguage(snap.okrs.headers, ctx.lang);
    const cleared = plans.filter((p) => findItem(snap.okrs, p.id)?.type === 'key-result');
    logAgreementEntries(
      snap,
      cleared.map((p) => clearedEntry(p.id, req.email, caller.email, ctx.now, 'assign', lang)),
      ctx,
    );
    applyPatches(snap, plans, ctx);
    const owner = capText(displayNames(snap.roster.people)(req.email), VIEW_NAME_CAP);
    return t(REQUEST_MESSAGES, ctx.lang, 'assigned', { count: req.ids.length, owner });
  });
}

function addRow(snap: Snapshot, plan: NewRowPlan, ctx: Context): void {
  const sheet = snap.tabs.okrs;
  if (!sheet || !snap.okrValues) throw new RequestError('not-set-up');
  const after = plan.afterId ? findItem(snap.okrs, plan.afterId) : null;
  const width = snap.okrValues[0]?.length ?? 1;
  const values = inSheetLanguage(plan.values, sheetLanguage(snap.okrs.headers, ctx.lang));
  const row = newRowValues(snap.okrs.columns, width, values, (c, v) =>
    sheetValue(c, v, snap.timeZone, makeDate),
  );
  const at = insertOkrRow(sheet, after ? after.row : 0, row);
  while (snap.okrValues.length < at - 1) snap.okrValues.push(new Array(width).fill(''));
  snap.okrValues.splice(at - 1, 0, row.map(asStored));
  snap.okrs = parseOkrs(snap.okrValues, snap.okrName, snap.timeZone, ctx.lang);
}

export function addObjective(raw: unknown): ActionResult {
  return act(raw, parseAddObjective, (req, snap, ctx) => {
    requireManage(withTeam(ctx, snap.roster).caller);
    const defaults = newRowDefaults(
      snap.okrValues,
      snap.okrs,
      snap.timeZone,
      ctx.now,
      ctx.settings.fiscalYearStartMonth,
    );
    const plan = planAddObjective(snap.okrs, snap.roster, req, defaults);
    addRow(snap, plan, ctx);
    return t(REQUEST_MESSAGES, ctx.lang, 'added-objective', { id: plan.id });
  });
}

export function addKeyResult(raw: unknown): ActionResult {
  return act(raw, parseAddKeyResult, (req, snap, ctx) => {
    requireManage(withTeam(ctx, snap.roster).caller);
    const defaults = newRowDefaults(
      snap.okrValues,
      snap.okrs,
      snap.timeZone,
      ctx.now,
      ctx.settings.fiscalYearStartMonth,
    );
    const plan = planAddKeyResult(snap.okrs, snap.roster, req, keyResultProgress, defaults);
    addRow(snap, plan, ctx);
    return t(REQUEST_MESSAGES, ctx.lang, 'added-key-result', { id: plan.id });
  });
}
