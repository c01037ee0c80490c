// The Summary's people and teams sections: every single-email owner (Team member or not: an unknown
// one is also an ownership problem), and every team with its counts. Stale, pending and ownership
// gaps are the validator's verdicts (summaryScope.ts flags), never re-decided here.
import { needsHelp } from '../core/attention';
import { nameOrEmail } from '../core/displayName';
import type { KeyResult } from '../core/model';
import { meanProgress, progressOf } from '../core/progress';
import { lastCheckIn } from '../core/weeklyChange';
import type { SummaryOwner, SummaryTeam } from './summary';
import { compareText, type SummaryScope } from './summaryScope';

type OwnerTally = SummaryOwner & { progress: Array<number | null> };

function newOwner(scope: SummaryScope, email: string): OwnerTally {
  const person = scope.people.get(email);
  return {
    email,
    name: nameOrEmail(person, email),
    team: person?.team ?? '',
    inTeam: !!person,
    objectiveIds: [],
    keyResultIds: [],
    averageProgress: null,
    lastCheckIn: null,
    stale: 0,
    pending: 0,
    atRisk: 0,
    overloaded: scope.flags.overloadedOwners.has(email),
    progress: [],
  };
}

function countOwnedKeyResult(scope: SummaryScope, o: OwnerTally, kr: KeyResult): void {
  const { flags, log } = scope;
  o.keyResultIds.push(kr.id);
  o.progress.push(progressOf(kr));
  const last = lastCheckIn(kr.lastCheckIn, log.get(kr.id)?.last ?? null);
  if (last !== null && (o.lastCheckIn === null || last > o.lastCheckIn)) o.lastCheckIn = last;
  if (flags.staleRows.has(kr.row)) o.stale += 1;
  if (flags.pendingRows.has(kr.row)) o.pending += 1;
  if (needsHelp(kr.confidence)) o.atRisk += 1;
}

/** Owners by name, then email. */
export function ownerRows(scope: SummaryScope): SummaryOwner[] {
  const owners = new Map<string, OwnerTally>();
  const ownerOf = (email: string) => {
    let o = owners.get(email);
    if (!o) {
      o = newOwner(scope, email);
      owners.set(email, o);
    }
    return o;
  };
  for (const o of scope.objectives) if (o.owner) ownerOf(o.owner).objectiveIds.push(o.id);
  for (const kr of scope.keyResults) if (kr.owner) countOwnedKeyResult(scope, ownerOf(kr.owner), kr);
  return [...owners.values()]
    .map(({ progress, ...o }) => ({ ...o, averageProgress: meanProgress(progress) }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.email, b.email));
}

type TeamTally = SummaryTeam & { progress: Array<number | null>; ownerSet: Set<string> };

function newTeam(team: string): TeamTally {
  return {
    team,
    objectives: 0,
    keyResults: 0,
    owners: 0,
    averageProgress: null,
    onTrack: 0,
    atRisk: 0,
    offTrack: 0,
    stale: 0,
    pending: 0,
    ownershipGaps: 0,
    progress: [],
    ownerSet: new Set(),
  };
}

function countTeamKeyResult(scope: SummaryScope, t: TeamTally, kr: KeyResult): void {
  const { flags } = scope;
  t.keyResults += 1;
  t.progress.push(progressOf(kr));
  if (kr.owner) t.ownerSet.add(kr.owner);
  if (kr.confidence === 'on-track') t.onTrack += 1;
  if (kr.confidence === 'at-risk') t.atRisk += 1;
  if (kr.confidence === 'off-track') t.offTrack += 1;
  if (flags.staleRows.has(kr.row)) t.stale += 1;
  if (flags.pendingRows.has(kr.row)) t.pending += 1;
  if (flags.ownershipErrorRows.has(kr.row)) t.ownershipGaps += 1;
}

/** Teams: a key result's Team, else its objective's, else its owner's; named teams A–Z, "no team" last. */
export function teamRows(scope: SummaryScope): SummaryTeam[] {
  const teams = new Map<string, TeamTally>();
  const teamOf = (name: string) => {
    let t = teams.get(name);
    if (!t) {
      t = newTeam(name);
      teams.set(name, t);
    }
    return t;
  };
  const ownerTeam = (email: string | null) => (email && scope.people.get(email)?.team) || '';
  for (const o of scope.objectives) {
    const t = teamOf(o.team || ownerTeam(o.owner));
    t.objectives += 1;
    if (o.owner) t.ownerSet.add(o.owner);
  }
  for (const kr of scope.keyResults) {
    const parent = kr.objectiveId ? scope.objectiveById.get(kr.objectiveId) : undefined;
    countTeamKeyResult(scope, teamOf(kr.team || parent?.team || ownerTeam(kr.owner)), kr);
  }
  return [...teams.values()]
    .map(({ progress, ownerSet, ...t }) => ({
      ...t,
      owners: ownerSet.size,
      averageProgress: meanProgress(progress),
    }))
    .sort((a, b) => (a.team === '' ? 1 : 0) - (b.team === '' ? 1 : 0) || compareText(a.team, b.team));
}
