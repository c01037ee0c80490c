// The context every endpoint works in, built the same way for all of them: the caller's email (as
// Google reports it: '' when hidden), the settings, the caller's language (src/gas/language.ts) and
// the time; then, once Team is read (inside the document lock for a write, so it is fresh), the
// caller's Team person and roles (src/okr/ownership/roles.ts). Nothing here trusts the client.
import { loadClosedCycleNames } from '../gas/closedCycles';
import { callerLanguage } from '../gas/language';
import { activeUserEmail, now } from '../gas/session';
import { loadSettings } from '../gas/settings';
import type { Lang, Roster, Settings } from '../okr/core/model';
import { type Caller, callerFrom } from './permissions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Context {
  /** Lower-cased; '' when Google hides who is calling. */
  email: string;
  settings: Settings;
  lang: Lang;
  now: number;
  /** The cycles a Lead has closed (src/okr/cycle/closedCycles.ts): their rows are read-only. */
  closed?: ReadonlySet<string>;
}

export interface TeamContext extends Context {
  team: Roster;
  caller: Caller;
}

/** What an endpoint knows before reading any tab (service calls: properties and session only). */
export function context(): Context {
  const settings = loadSettings();
  return {
    email: activeUserEmail(),
    settings,
    lang: callerLanguage(settings),
    now: now(),
    closed: loadClosedCycleNames(),
  };
}

/** The context completed with Team, read by the endpoint where it needs it (src/gas/team.ts). */
export function withTeam(ctx: Context, team: Roster): TeamContext {
  return { ...ctx, team, caller: callerFrom(ctx.email, team) };
}

/** The active spreadsheet and its time zone (dates are read and written in it). */
export function activeSpreadsheet(): { ss: Spreadsheet; timeZone: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return { ss, timeZone: ss.getSpreadsheetTimeZone() || 'Etc/GMT' };
}
