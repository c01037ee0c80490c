// The reminder when someone opens the spreadsheet: "2 key results need your check-in · 1 waits for
// your acceptance", as a toast that points to the sidebar; nothing when nothing needs them.
//
// What the platform allows (Google's authorization lifecycle for editor add-ons,
// https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle):
// - AuthMode.NONE (installed, not yet used in this document): only the menu may be built. Nothing
//   is read, no toast.
// - AuthMode.LIMITED (the usual simple onOpen): the document may be read, but
//   Session.getActiveUser().getEmail() is blank ("not available in any context that allows a script
//   to run without that user's authorization, like a simple onOpen(e)",
//   https://developers.google.com/apps-script/reference/base/user#getEmail()), except generally
//   when the user and the add-on's developer share a Google Workspace domain. With no identity the
//   add-on cannot know whose key results to count, so it says nothing: the sidebar's own start
//   shows the same sentence (My key results), for the person Google then names.
// - AuthMode.FULL (onOpen called from onInstall): the identity is known, the toast is shown.
// An installable open trigger does not help: it runs as the user who created it, for whoever opens
// the file (https://developers.google.com/apps-script/guides/triggers/installable#restrictions), so
// it can no more tell who opened the spreadsheet than the simple trigger can.
import { activeUserEmail } from '../gas/session';
import { findTabsByName } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import { t } from '../okr/core/i18n';
import { REMINDER_MESSAGES, reminderCounts, reminderText } from '../okr/core/reminder';
import { activeSpreadsheet, context } from './context';
import { inNoneMode } from './menu';
import { startState } from './snapshot';

export type OpenReminder =
  | { shown: string }
  | { skipped: 'none-mode' | 'no-identity' | 'nothing' | 'failed' };

/** The reminder never stands in the menu's way: a failure costs only the toast. */
export function remindOnOpen(e?: { authMode?: unknown }): OpenReminder {
  try {
    return remind(e);
  } catch (_err) {
    return { skipped: 'failed' };
  }
}

function remind(e?: { authMode?: unknown }): OpenReminder {
  if (inNoneMode(e)) return { skipped: 'none-mode' };
  // Asked first, before any sheet is read: without it there is nobody to remind.
  if (!activeUserEmail()) return { skipped: 'no-identity' };
  const ctx = context();
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team']);
  // The sidebar's quick read of the caller's own rows (src/gas/ownedRows.ts): quick at any size.
  const state = startState(ctx, tabs, readTeamTab(tabs.team, { timeZone, lang: ctx.lang }), timeZone);
  const text = reminderText(reminderCounts(state.mine), ctx.lang);
  if (!text) return { skipped: 'nothing' };
  const shown = t(REMINDER_MESSAGES, ctx.lang, 'toast', { text });
  ss.toast(shown, t(REMINDER_MESSAGES, ctx.lang, 'title'), 15);
  return { shown };
}
