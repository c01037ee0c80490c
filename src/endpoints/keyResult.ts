// The key result the check-in form shows: its row found by ID with its objective's among the rows
// around it (quick), else the whole tab; with whether the caller may act on it
// (src/okr/ownership/roles.ts).
import type { KeyResultResult } from '../api';
import { okrRowFinder } from '../gas/okrData';
import { findTabsByName } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import { sameId } from '../okr/core/ids';
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
 * Rows read above and below the key result with it (one getValues): its objective usually sits there
 * (set-up writes an objective, then its key results), so its title needs no second search and read.
 */
const AROUND = 10;

/**
 * A key result for the check-in form, read like a quick row write (src/endpoints/quickRowWrite.ts):
 * its row found by ID with the rows around it, its objective's row among them (else found by ID too),
 * and Team. Null when a row is not found cheaply; the full path then decides (and words the error).
 */
function quickKeyResult(id: string, ctx: Context): KeyResultResult | null {
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team']);
  const finder = tabs.okrs ? okrRowFinder(tabs.okrs) : null;
  const parse = (grid: unknown[][]) => parseOkrSheet(grid, { sheetName: TAB.okrs, timeZone, lang: ctx.lang });
  const found = finder?.rowById(id, AROUND);
  if (!finder || !found) return null;
  const near = parse(found.grid);
  const named = (itemId: string) =>
    [...near.keyResults, ...near.objectives].filter((i) => sameId(i.id, itemId));
  // A look-alike ID among the rows around it (" O1.1") is the full path's to decide, as for a write.
  const same = named(id);
  const kr = same.length === 1 && same[0].row === found.row ? same[0] : null;
  if (kr?.type !== 'key-result') return null;
  let objective: ReturnType<typeof findItem> = null;
  if (kr.objectiveId) {
    const nearby = named(kr.objectiveId);
    if (nearby.length > 1) return null;
    const far = nearby.length ? null : finder.rowById(kr.objectiveId);
    objective = nearby[0] ?? (far ? findItem(parse(far.grid), kr.objectiveId) : null);
    if (!objective) return null;
  }
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
