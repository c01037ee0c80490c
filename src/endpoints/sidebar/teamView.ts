// My team's view model: a manager's reports' key results grouped by what needs a conversation,
// built from the parsed rows with the one set of attention rules (src/okr/core/attention.ts) every
// other view uses, so My team, the owner's own list and the weekly emails never disagree.
import {
  TEAM_GROUP_CAP,
  TEAM_GROUPS,
  type TeamGroup,
  type TeamKeyResult,
  type TeamMember,
  type TeamNeed,
} from '../../api';
import { ownerNeeds, staleForRuns } from '../../okr/core/attention';
import { daysSince } from '../../okr/core/days';
import { displayNames } from '../../okr/core/displayName';
import type { KeyResult, OkrSheet, Person } from '../../okr/core/model';
import { progressOf } from '../../okr/core/progress';
import { capText, VIEW_NAME_CAP, VIEW_TITLE_CAP } from './sidebarState';

/**
 * What a report's key result needs from the manager's point of view, in TEAM_GROUPS order.
 * `negotiating`: its target is being agreed (a proposal, a counter or a refusal is on the table,
 * src/okr/ownership/agreementState.ts waitingOn).
 */
export function teamNeeds(kr: KeyResult, now: number, staleDays: number, negotiating = false): TeamNeed[] {
  const owner = ownerNeeds(kr, true, now, staleDays);
  const needs: TeamNeed[] = [];
  if (negotiating) needs.push('proposed');
  if (owner.pending) needs.push('pending');
  if (owner.stale) needs.push('stale');
  if (kr.confidence === 'at-risk') needs.push('at-risk');
  if (kr.confidence === 'off-track') needs.push('off-track');
  return needs;
}

export interface TeamViewInput {
  okrs: Pick<OkrSheet, 'objectives' | 'keyResults'>;
  /** The manager's reports (src/okr/ownership/managers.ts). */
  people: readonly Person[];
  now: number;
  staleDays: number;
  conversationRuns: number;
  /** IDs of the key results whose target is being agreed (the Agreements log); default none. */
  negotiating?: ReadonlySet<string>;
}

export interface TeamViewModel {
  people: TeamMember[];
  groups: TeamGroup[];
  fine: number;
}

export function buildTeamView(input: TeamViewInput): TeamViewModel {
  const { now, staleDays } = input;
  const reports = new Set(input.people.map((p) => p.email));
  const nameOf = displayNames(input.people);
  const objectiveTitles = new Map(input.okrs.objectives.map((o) => [o.id, o.title]));
  const byNeed = new Map<TeamNeed, TeamKeyResult[]>(TEAM_GROUPS.map((n) => [n, []]));
  let fine = 0;
  const seen = new Set<string>();
  const rows = [...input.okrs.keyResults].sort((a, b) => a.row - b.row);
  for (const kr of rows) {
    if (!kr.id || seen.has(kr.id) || !kr.owner || !reports.has(kr.owner)) continue;
    seen.add(kr.id);
    const needs = teamNeeds(kr, now, staleDays, input.negotiating?.has(kr.id) ?? false);
    if (!needs.length) {
      fine += 1;
      continue;
    }
    (byNeed.get(needs[0]) as TeamKeyResult[]).push({
      id: kr.id,
      title: capText(kr.title, VIEW_TITLE_CAP),
      objectiveTitle: capText(objectiveTitles.get(kr.objectiveId ?? '') ?? '', VIEW_TITLE_CAP),
      owner: kr.owner,
      ownerName: capText(nameOf(kr.owner), VIEW_NAME_CAP),
      progress: progressOf(kr),
      confidence: kr.confidence,
      lastCheckIn: kr.lastCheckIn,
      daysSinceCheckIn: daysSince(kr.lastCheckIn, now),
      needs,
      conversation: needs.includes('stale') && staleForRuns(kr, now, staleDays, input.conversationRuns),
    });
  }
  const groups: TeamGroup[] = [];
  for (const need of TEAM_GROUPS) {
    const items = byNeed.get(need) as TeamKeyResult[];
    // Those stale for several weekly runs first: the conversations to have.
    items.sort((a, b) => Number(b.conversation) - Number(a.conversation));
    if (items.length)
      groups.push({
        need,
        items: items.slice(0, TEAM_GROUP_CAP),
        more: Math.max(0, items.length - TEAM_GROUP_CAP),
      });
  }
  const people = input.people.map((p) => ({
    name: capText(p.name, VIEW_NAME_CAP),
    email: p.email,
    role: p.role,
  }));
  return { people, groups, fine };
}
