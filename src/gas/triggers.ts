// The weekly run's one time-driven trigger. An add-on may own one trigger of each type per user per
// document and time-driven ones run at most hourly, so there is a single hourly tick per user.
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
// https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)
import { TICK_HANDLER } from '../okr/weekly/weeklyRun';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Installs the hourly tick unless this user already has one here; extra copies are removed. Returns its id. */
export function ensureTickTrigger(ss: Spreadsheet): string {
  const mine = ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === TICK_HANDLER);
  for (const extra of mine.slice(1)) ScriptApp.deleteTrigger(extra);
  if (mine.length) return mine[0].getUniqueId();
  return ScriptApp.newTrigger(TICK_HANDLER).timeBased().everyHours(1).create().getUniqueId();
}

/** Removes this user's tick triggers for this document; returns how many were removed. */
export function removeTickTriggers(ss: Spreadsheet): number {
  const mine = ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === TICK_HANDLER);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  return mine.length;
}

/** Removes one of this user's triggers by id (a tick that finds itself superseded removes itself). */
export function removeTriggerById(ss: Spreadsheet, uid: string): boolean {
  const t = ScriptApp.getUserTriggers(ss).find((x) => x.getUniqueId() === uid);
  if (!t) return false;
  ScriptApp.deleteTrigger(t);
  return true;
}
