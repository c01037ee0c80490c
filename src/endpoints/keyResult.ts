// The key result the check-in form shows: its row and its objective's row found by ID (quick), else
// the whole tab; with whether the caller may act on it (src/okr/ownership/roles.ts).
import type { KeyResultResult } from '../api';
import { okrRowFinder } from '../gas/okrData';
import { findTabsByName } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import { parseOkrSheet } from '../okr/core/parse';
import { TAB } from '../okr/core/tabs';
import { activeSpreadsheet, type Context, context, withTeam } from './context';
import { cycleRulesFor } from './cycles';
import { canActOn } from './permissions';
import { localize, parseKeyResultRequest, RequestError } from './sidebar/requests';
import { findItem, findKeyResult } from './sidebar/requestsPlans';
import { keyResultView } from './sidebar/sidebarState';
import { snapshot } from './snapshot';

/**
 * A key result for the check-in form, read like a quick row write (src/endpoints/quickRowWrite.ts):
 * its row and its objective's row found by ID, and Team. Null when a row is not found cheaply; the
 * full path then decides (and words the error).
 */
function quickKeyResult(id: string, ctx: Context): KeyResultResult | null {
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team']);
  const finder = tabs.okrs ? okrRowFinder(tabs.okrs) : null;
  const itemOf = (itemId: string) => {
    const found = finder?.rowById(itemId);
    return found
      ? findItem(parseOkrSheet(found.grid, { sheetName: TAB.okrs, timeZone, lang: ctx.lang }), itemId)
      : null;
  };
  const kr = itemOf(id);
  if (kr?.type !== 'key-result') return null;
  const objective = kr.objectiveId ? itemOf(kr.objectiveId) : null;
  if (kr.objectiveId && !objective) return null;
  const roster = readTeamTab(tabs.team, { timeZone, lang: ctx.lang });
  const rules = cycleRulesFor(ctx, timeZone);
  const item = keyResultView(kr, objective?.title ?? '', ctx.now, ctx.settings.staleDays, true, rules);
  return { ok: true, item, canAct: canActOn(withTeam(ctx, roster).caller, kr) };
}

export function getKeyResult(raw: unknown): KeyResultResult {
  const ctx = context();
  const parsed = parseKeyResultRequest(raw, ctx.lang);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const quick = quickKeyResult(parsed.value.id, ctx);
  if (quick) return quick;
  const snap = snapshot(ctx);
  try {
    if (!snap.tabs.okrs) throw new RequestError('not-set-up');
    const kr = findKeyResult(snap.okrs, parsed.value.id);
    const objective = kr.objectiveId ? findItem(snap.okrs, kr.objectiveId) : null;
    const rules = cycleRulesFor(ctx, snap.timeZone);
    const item = keyResultView(kr, objective?.title ?? '', ctx.now, ctx.settings.staleDays, true, rules);
    return { ok: true, item, canAct: canActOn(withTeam(ctx, snap.roster).caller, kr) };
  } catch (e) {
    if (e instanceof RequestError) return { ok: false, error: localize(e, ctx.lang).error };
    throw e;
  }
}
