// The cycle rules as the endpoints apply them: cycle names dated with the fiscal-year setting in the
// spreadsheet's time zone, and pace with the margin setting (src/okr/core/cycle.ts decides both).
import { type CycleCalendar, cycleCalendar, openCycleFilter, pacer } from '../okr/core/cycle';
import type { Context } from './context';
import type { CycleRules } from './sidebar/sidebarState';

export function calendarOf(ctx: Pick<Context, 'settings'>, timeZone: string): CycleCalendar {
  return cycleCalendar(ctx.settings, timeZone);
}

/**
 * Each key result's pace today and whether its cycle is still open (not over, not closed by a Lead),
 * for the views of one answer.
 */
export function cycleRulesFor(
  ctx: Pick<Context, 'settings' | 'now' | 'closed'>,
  timeZone: string,
): CycleRules {
  const calendar = calendarOf(ctx, timeZone);
  return {
    pace: pacer(ctx.now, calendar, ctx.settings.paceMargin),
    isOpen: openCycleFilter(ctx.now, calendar, ctx.closed),
  };
}
