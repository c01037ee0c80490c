// Settings: anyone may read them; only those who may manage (src/okr/ownership/roles.ts) change
// them. Weekly emails on/off belong to their own endpoints (src/endpoints/weeklyEndpoints.ts).
import type { SettingsResult, SettingsView } from '../api';
import { readEmailChoice } from '../gas/emailChoice';
import { BusyError, withDocumentLock } from '../gas/lock';
import { loadSettings, storeSettings } from '../gas/settings';
import { readTeam } from '../gas/team';
import { t } from '../okr/core/i18n';
import type { Roster } from '../okr/core/model';
import { busy } from './act';
import { activeSpreadsheet, type Context, context, withTeam } from './context';
import { canManage, requireManage } from './permissions';
import { localize, parseSaveSettings, RequestError } from './sidebar/requests';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';
import { weeklyEmailStatusOrNull } from './weeklyEmailStatus';

/** Team only (one getSheetByName, one getValues): settings never read the OKRs. */
function teamOnly(ctx: Context): { roster: Roster; timeZone: string } {
  const { ss, timeZone } = activeSpreadsheet();
  return { roster: readTeam(ss, { timeZone, lang: ctx.lang }), timeZone };
}

function settingsView(ctx: Context, roster: Roster, timeZone: string): SettingsView {
  const { caller } = withTeam(ctx, roster);
  return {
    settings: { ...ctx.settings },
    timeZone,
    canEdit: canManage(caller),
    lang: ctx.lang,
    weeklyRun: weeklyEmailStatusOrNull(),
    // Each person's own choice (src/endpoints/emailChoice.ts); nobody's when Google hides the caller.
    myWeeklyEmail: caller.person ? readEmailChoice(caller.email) : null,
  };
}

export function getSettings(): SettingsResult {
  const ctx = context();
  const { roster, timeZone } = teamOnly(ctx);
  return { ok: true, message: '', view: settingsView(ctx, roster, timeZone) };
}

export function saveSettings(raw: unknown): SettingsResult {
  let ctx = context();
  const { roster, timeZone } = teamOnly(ctx);
  try {
    // Who may comes before what: a non-Lead learns they cannot change settings, not which field is off.
    requireManage(withTeam(ctx, roster).caller);
  } catch (e) {
    if (!(e instanceof RequestError)) throw e;
    return { ok: false, ...localize(e, ctx.lang), view: settingsView(ctx, roster, timeZone) };
  }
  const parsed = parseSaveSettings(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  try {
    withDocumentLock(() => {
      // Re-read inside the lock: weekly on/off is owned by its own endpoints and must survive a save.
      const current = loadSettings();
      storeSettings({ ...current, ...parsed.value, weeklyEmails: current.weeklyEmails });
    });
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: busy(ctx.lang) };
    if (!(e instanceof RequestError)) throw e;
    return { ok: false, ...localize(e, ctx.lang), view: settingsView(ctx, roster, timeZone) };
  }
  ctx = context();
  return {
    ok: true,
    message: t(REQUEST_MESSAGES, ctx.lang, 'settings-saved'),
    view: settingsView(ctx, roster, timeZone),
  };
}
