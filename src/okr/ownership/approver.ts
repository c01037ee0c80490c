// Who answers an owner's proposal: decided here only. The owner's Manager on the Team tab, when that
// person may stand for the key result (a Lead, or someone of the key result's team); else any Lead.
// Nobody approves their own proposal. Who is a Lead is roles.ts's rule, never a copy of it.
import type { Person } from '../core/model';
import { isLead } from './roles';

type TeamPerson = Pick<Person, 'name' | 'email' | 'team' | 'manager' | 'role'>;

/** A named approver (the owner's Manager), or any Lead. */
export type Approver = { kind: 'manager'; email: string } | { kind: 'lead' };

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The Team member a Manager cell names: by email, else by name (people write either). */
function managerOf<P extends TeamPerson>(owner: P, people: readonly P[]): P | null {
  const cell = owner.manager.trim();
  if (!cell) return null;
  return people.find((p) => same(p.email, cell)) ?? people.find((p) => p.name && same(p.name, cell)) ?? null;
}

/**
 * The approver of `owner`'s key result of `team` (the OKRs Team cell; blank: the owner's own team).
 */
export function approverOf(owner: string, team: string, people: readonly TeamPerson[]): Approver {
  const person = people.find((p) => same(p.email, owner));
  const manager = person ? managerOf(person, people) : null;
  if (manager && !same(manager.email, owner)) {
    const krTeam = team.trim() || person?.team || '';
    if (isLead(manager.email, people) || (krTeam !== '' && same(manager.team, krTeam))) {
      return { kind: 'manager', email: manager.email.trim().toLowerCase() };
    }
  }
  return { kind: 'lead' };
}

/** Whether `email` may answer a proposal by `proposer` that waits for `approver`. */
export function mayApprove(
  email: string,
  approver: Approver,
  proposer: string,
  people: readonly Pick<Person, 'email' | 'role'>[],
): boolean {
  const me = email.trim().toLowerCase();
  if (!me || same(me, proposer)) return false;
  return approver.kind === 'manager' ? approver.email === me : isLead(me, people);
}
