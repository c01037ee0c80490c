// A key result's history for the sidebar: its check-ins from the Check-ins log (read once, one
// getValues), oldest first, and the expected-pace line to draw beside them (src/okr/core/cycle.ts
// decides where a key result should be; nothing here re-computes it). Anyone listed in Team may read
// it, as they may see the sheet; a caller Google hides, or who is not in Team, is refused.
import type { HistoryEntry, KeyResultHistoryResult } from '../api';
import { HISTORY_CAP } from '../api';
import { type CycleCalendar, cycleCalendar, cycleSpan, expectedProgress, paceSpan } from '../okr/core/cycle';
import { type MessageTable, t } from '../okr/core/i18n';
import type { CheckIn, KeyResult } from '../okr/core/model';
import { parseCheckIns } from '../okr/core/parse';
import { TAB } from '../okr/core/tabs';
import { context, withTeam } from './context';
import { localize, parseKeyResultRequest, RequestError } from './sidebar/requests';
import { findItem, findKeyResult } from './sidebar/requestsPlans';
import { keyResultView } from './sidebar/sidebarState';
import { snapshot } from './snapshot';
import { SOURCE_BY } from './sourceUpdate';

const HISTORY_MESSAGES: MessageTable<'notInTeam'> = {
  notInTeam: {
    en: 'Only people listed in the Team tab can see the history of {id}. Ask your OKR lead to add you ({email}).',
    ja: '{id}の履歴を見られるのはTeamタブにいる人だけです。OKRリードに追加を依頼してください（{email}）。',
  },
};

function entryOf(c: CheckIn): HistoryEntry {
  return {
    time: c.time,
    by: c.by,
    current: c.current,
    progress: c.progress,
    confidence: c.confidence,
    note: c.note,
    fromSource: c.by === SOURCE_BY,
  };
}

/**
 * The pace line's bends across the chart's span (first check-in or the line's start, to today or
 * Due, whichever is later): expectedProgress at each, so the chart draws exactly what pace means.
 */
function paceLine(kr: KeyResult, entries: readonly HistoryEntry[], now: number, calendar: CycleCalendar) {
  const { start: from, due: to } = paceSpan(kr, cycleSpan(kr.cycle, calendar));
  if (from === null || to === null || !(to > from)) return { points: [], today: null };
  const first = Math.min(from, entries[0]?.time ?? from);
  const last = Math.max(to, now, entries[entries.length - 1]?.time ?? to);
  const times = [...new Set([first, from, to, last])].sort((a, b) => a - b);
  return {
    points: times.map((time) => ({ time, expected: expectedProgress(from, to, time) as number })),
    today: expectedProgress(from, to, now),
  };
}

export function getKeyResultHistory(raw: unknown): KeyResultHistoryResult {
  const ctx = context();
  const parsed = parseKeyResultRequest(raw, ctx.lang);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    const snap = snapshot(ctx, true);
    if (!snap.tabs.okrs) throw new RequestError('not-set-up');
    const kr = findKeyResult(snap.okrs, parsed.value.id);
    const { caller } = withTeam(ctx, snap.roster);
    if (!caller.email) throw new RequestError('no-identity');
    if (!caller.person && !caller.canManage) {
      return {
        ok: false,
        error: t(HISTORY_MESSAGES, ctx.lang, 'notInTeam', { id: kr.id, email: caller.email }),
      };
    }
    const log = snap.tabs.checkIns;
    const all = log
      ? parseCheckIns(log.getDataRange().getValues(), {
          sheetName: log.getName() || TAB.checkIns,
          timeZone: snap.timeZone,
          lang: ctx.lang,
        })
      : [];
    // Oldest first; two at the same time in log order (the later row was written later).
    const mine = all
      .filter((c) => c.id === kr.id)
      .sort((a, b) => a.time - b.time || a.row - b.row)
      .map(entryOf);
    const entries = mine.slice(-HISTORY_CAP);
    const objective = kr.objectiveId ? findItem(snap.okrs, kr.objectiveId) : null;
    const pace = paceLine(kr, entries, ctx.now, cycleCalendar(ctx.settings, snap.timeZone));
    return {
      ok: true,
      item: keyResultView(kr, objective?.title ?? '', ctx.now, ctx.settings.staleDays),
      entries,
      pace: pace.points,
      now: ctx.now,
      expectedToday: pace.today,
      truncated: mine.length > entries.length,
    };
  } catch (e) {
    if (!(e instanceof RequestError)) throw e;
    return { ok: false, error: localize(e, ctx.lang).error };
  }
}
