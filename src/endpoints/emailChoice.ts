// "Your weekly email" in the sidebar's Settings: every person chooses their own (every week, only when
// something needs them, never). The server writes only the caller's own choice, for the identity
// Google reports, and only for a Team member (the run mails Team members only): nobody can choose
// for someone else, whatever the request says.
import type { MyWeeklyEmailResult } from '../api';
import { writeEmailChoice } from '../gas/emailChoice';
import { readTeam } from '../gas/team';
import { t } from '../okr/core/i18n';
import { activeSpreadsheet, context, withTeam } from './context';
import { localize, parseMyWeeklyEmail, RequestError } from './sidebar/requests';
import { TEAM_MESSAGES } from './teamMessages';

export function saveMyWeeklyEmail(raw: unknown): MyWeeklyEmailResult {
  const ctx = context();
  if (!ctx.email) return { ok: false, ...localize(new RequestError('no-identity'), ctx.lang) };
  const parsed = parseMyWeeklyEmail(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  const { ss } = activeSpreadsheet();
  const { caller } = withTeam(ctx, readTeam(ss, { lang: ctx.lang }));
  if (!caller.person)
    return { ok: false, error: t(TEAM_MESSAGES, ctx.lang, 'not-in-team', { email: ctx.email }) };
  // One property, the caller's own key, in one atomic setProperty: no read-modify-write to lock, and
  // no sheet written (so the sidebars' sheet version stays as it is).
  writeEmailChoice(caller.email, parsed.value.choice);
  const { choice } = parsed.value;
  return { ok: true, choice, message: t(TEAM_MESSAGES, ctx.lang, `choice-${choice}`) };
}
