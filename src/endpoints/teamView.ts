// My team (getTeamView): a manager's reports' key results, grouped by what needs a conversation.
// Who may: the manager themselves (Team's Manager column names them, src/okr/ownership/managers.ts)
// or a Lead (src/okr/ownership/roles.ts), for anyone's team; anybody else is refused before the
// OKRs tab is read. Read-only, so no lock: Team in one getValues, then the OKRs tab's header, Owner
// column and the reports' rows in a bounded number of runs (src/gas/ownedRows.ts), as the sidebar's
// quick open reads the caller's own, and of the Agreements log only its ID and Step columns (and the
// Owner cells of a key result whose steps leave it waiting): the same few Sheets calls at any size.
import type { TeamViewResult } from '../api';
import { agreementRowsWhere, readAgreementColumns, readAgreementRows } from '../gas/agreementColumns';
import { readRowsOwnedBy } from '../gas/ownedRows';
import { findTabsByName } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import { t } from '../okr/core/i18n';
import type { KeyResult } from '../okr/core/model';
import { parseOkrSheet } from '../okr/core/parse';
import { cellText } from '../okr/core/parseValues';
import { TAB } from '../okr/core/tabs';
import { parseAgreementLog } from '../okr/ownership/agreementLog';
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
  // Proposals, counters and refusals on the table, from the Agreements log (when the tab exists and
  // there is a key result to look up in it). (The grid's top rows, read for the header, can hold other
  // people's rows: they do not count.)
  const theirs = okrs.keyResults.filter((kr) => kr.owner !== null && emails.has(kr.owner));
  const negotiating = theirs.length ? negotiatingIn(ss, theirs) : new Set<string>();
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

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The IDs of `keyResults` whose agreement waits for someone (a proposal, a counter or a refusal on the
 * table), reading of the log only what tells: its ID and Step columns, then the Owner cells of the
 * key results the steps leave waiting. The steps alone give an agreement's status but for one case: a
 * step about another owner than the key result's now (changed without a step) leaves it open. So a key
 * result the steps leave not waiting is not waiting; one they leave waiting is checked with its owners.
 * At 10,000 steps that is two of the log's eight columns (about 0.5 s instead of 1.7 s for the whole).
 */
function negotiatingIn(ss: Spreadsheet, keyResults: readonly KeyResult[]): Set<string> {
  const log = readAgreementColumns(ss, ['id', 'step']);
  if (!log) return new Set();
  const waits = (entries: ReturnType<typeof entriesById>, kr: KeyResult, owner: string | null) =>
    waitingOn(agreementState(entriesOf(entries, kr.id), owner)) !== null;
  // The state of the steps alone, whoever owns the key result now: every owner left out (the header
  // rows, read whole, can hold steps with theirs).
  const bySteps = entriesById(parseAgreementLog(log.grid).map((e) => ({ ...e, owner: '' })));
  const maybe = keyResults.filter((kr) => waits(bySteps, kr, null));
  if (!maybe.length) return new Set();
  // Their rows, by the one ID rule (sameId: the trimmed IDs equal), looked up in a set: a Lead's team
  // can have hundreds of key results waiting.
  const ids = new Set(maybe.map((kr) => kr.id.trim()));
  const rows = agreementRowsWhere(log, 'id', (cell) => ids.has(cellText(cell).trim()));
  readAgreementRows(log, ['owner'], rows);
  const byId = entriesById(parseAgreementLog(log.grid));
  return new Set(maybe.filter((kr) => waits(byId, kr, kr.owner)).map((kr) => kr.id));
}
