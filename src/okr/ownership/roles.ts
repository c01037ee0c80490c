// Who is a Lead and who may manage the sheet: decided here only, from the caller's email (as Google
// reports it) and the Team tab's people, never from anything the client says about itself. Every
// path that manages (set-up, import, assign and add, settings, weekly emails) and the sidebar's
// `can.manage` call these, so they cannot disagree.
import type { Person, Role } from '../core/model';

type RolePerson = Pick<Person, 'email' | 'role'>;

const LEAD: Role = 'lead';

/** The email as the Team tab stores it (trimmed, lower-cased); '' when Google hides the identity. */
function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The Team member with this email, if any. A hidden identity ('') is nobody. */
function personOf<P extends RolePerson>(email: string, people: readonly P[]): P | null {
  const clean = normalEmail(email);
  return clean ? (people.find((p) => p.email === clean) ?? null) : null;
}

/** The Team members with the Lead role, in Team order. */
export function leadsOf<P extends RolePerson>(people: readonly P[]): P[] {
  return people.filter((p) => p.role === LEAD);
}

/** Whether anybody in Team has the Lead role. */
export function leadsListed(people: readonly RolePerson[]): boolean {
  return leadsOf(people).length > 0;
}

/** Whether the signed-in caller has the Lead role in Team (a hidden identity never has). */
export function isLead(email: string, people: readonly RolePerson[]): boolean {
  return personOf(email, people)?.role === LEAD;
}

/**
 * Manage the sheet: set it up, import, assign owners, add objectives and key results, change
 * settings, switch weekly emails. A caller without an identity never may; while nobody in Team has
 * the Lead role, anyone signed in may (so a new team can start); after that, only Leads.
 */
export function canManage(email: string, people: readonly RolePerson[]): boolean {
  if (!normalEmail(email)) return false;
  return !leadsListed(people) || isLead(email, people);
}

/** The caller as every permission check sees them. */
export interface CallerRoles<P extends RolePerson = Person> {
  /** Trimmed, lower-cased; '' when Google hides the identity. */
  email: string;
  person: P | null;
  isLead: boolean;
  canManage: boolean;
}

export function callerRoles<P extends RolePerson>(email: string, people: readonly P[]): CallerRoles<P> {
  return {
    email: normalEmail(email),
    person: personOf(email, people),
    isLead: isLead(email, people),
    canManage: canManage(email, people),
  };
}

/** Check in, accept or decline on a row: its owner, or a Lead. A hidden identity never may. */
export function canActOn(caller: Pick<CallerRoles, 'email' | 'isLead'>, owner: string | null): boolean {
  if (!caller.email) return false;
  return caller.isLead || (owner !== null && owner === caller.email);
}
