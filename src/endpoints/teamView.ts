// My team (getTeamView): a manager's reports' key results, grouped by what needs a conversation.
// Who may: the manager themselves (Team's Manager column names them, src/okr/ownership/managers.ts)
// or a Lead (src/okr/ownership/roles.ts), for anyone's team; anybody else is refused before the
// OKRs tab is read. Read-only, so no lock: Team in one getValues, then the OKRs tab's header, Owner
// column and the reports' rows in a bounded number of runs (src/gas/ownedRows.ts), as the sidebar's
// quick open reads the caller's own, and the Agreements log once: the same few Sheets calls at any size.
import type { TeamViewResult } from '../api';
import { readAgreementLog } from '../gas/agreementLog';
import { readRowsOwnedBy } from '../gas/ownedRows';
import { findTabsByName } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import { t } from '../okr/core/i18n';
import { parseOkrSheet } from '../okr/core/parse';
import { TAB } from '../okr/core/tabs';
import { agreementState, entriesById, entriesOf, waitingOn } from '../okr/ownership/agreementState';
import { reportsOf } from '../okr/ownership/managers';
import { activeSpreadsheet, context, withTeam } from './context';
import { localize, parseTeamViewRequest, RequestError } from './sidebar/requests';
import { buildTeamView } from './sidebar/teamView';
import { TEAM_MESSAGES } from './teamMessages';

export function getTeamView(raw?: unknown): TeamViewResult {
  const ctx = context();
  const parsed = parseTeamViewRequest(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  if (!ctx.email) return { ok: false, ...localize(new RequestError('no-identity'), ctx.lang) };
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team']);
  const roster = readTeamTab(tabs.team, { timeZone, lang: ctx.lang });
  const { caller } = withTeam(ctx, roster);
  const managerEmail = parsed.value.manager ?? caller.email;
  const refuse = (key: 'not-a-manager' | 'not-your-team' | 'manager-unknown') => ({
    ok: false as const,
    error: t(TEAM_MESSAGES, ctx.lang, key, { email: caller.email, manager: managerEmail }),
    ...(key === 'not-a-manager' ? {} : { field: 'manager' }),
  });
  if (managerEmail !== caller.email && !caller.isLead) return refuse('not-your-team');
  const manager = roster.people.find((p) => p.email === managerEmail);
  if (!manager) return managerEmail === caller.email ? refuse('not-a-manager') : refuse('manager-unknown');
  const people = reportsOf(managerEmail, roster.people);
  if (!people.length && !caller.isLead) return refuse('not-a-manager');
  if (!tabs.okrs) return { ok: false, ...localize(new RequestError('not-set-up'), ctx.lang) };
  const emails = new Set(people.map((p) => p.email));
  const owned = readRowsOwnedBy(tabs.okrs, emails);
  const okrs = parseOkrSheet(owned.grid, { sheetName: TAB.okrs, timeZone, lang: ctx.lang });
  // Proposals, counters and refusals on the table: the Agreements log (one read, when the tab exists
  // and there is a key result to look up in it: the log is the longest read here, 1.7 s at 10,000).
  // (The grid's top rows, read for the header, can hold other people's rows: they do not count.)
  const log = okrs.keyResults.some((kr) => kr.owner !== null && emails.has(kr.owner))
    ? readAgreementLog(ss)
    : null;
  const byId = log ? entriesById(log.entries) : null;
  const negotiating = new Set(
    byId
      ? okrs.keyResults
          .filter((kr) => waitingOn(agreementState(entriesOf(byId, kr.id), kr.owner)) !== null)
          .map((kr) => kr.id)
      : [],
  );
  const view = buildTeamView({
    negotiating,
    okrs,
    people,
    now: ctx.now,
    staleDays: ctx.settings.staleDays,
    conversationRuns: ctx.settings.conversationRuns,
  });
  return {
    ok: true,
    lang: ctx.lang,
    timeZone,
    now: ctx.now,
    manager: { email: manager.email, name: manager.name },
    ...view,
    unread: owned.unread,
    staleDays: ctx.settings.staleDays,
    conversationRuns: ctx.settings.conversationRuns,
  };
}
