// Who may do what, decided from the caller's email and the Team tab only (never from anything the
// client says about itself). Owners act on their own key results; Leads act on any and manage the
// sheet; when nobody has the Lead role yet, anyone signed in may manage, so a new team can start.
import type { OkrItem, Person, Roster } from '../okr/core/model';
import { RequestError } from './sidebar/requests';

export interface Caller {
  /** Lower-cased; '' when Google hides the identity. */
  email: string;
  person: Person | null;
  isLead: boolean;
  /** Whether any Team member has the Lead role. */
  leadsDefined: boolean;
}

export function callerFrom(email: string, roster: Pick<Roster, 'people'>): Caller {
  const clean = email.trim().toLowerCase();
  const person = clean ? (roster.people.find((p) => p.email === clean) ?? null) : null;
  return {
    email: clean,
    person,
    isLead: person?.role === 'lead',
    leadsDefined: roster.people.some((p) => p.role === 'lead'),
  };
}

/** Assign owners, add objectives and key results, change settings. */
export function canManage(caller: Caller): boolean {
  return caller.email !== '' && (caller.isLead || !caller.leadsDefined);
}

/** Check in, accept or decline on this row. */
export function canActOn(caller: Caller, item: Pick<OkrItem, 'owner'>): boolean {
  return caller.email !== '' && (caller.isLead || (item.owner !== null && item.owner === caller.email));
}

export function requireIdentity(caller: Caller): void {
  if (!caller.email) throw new RequestError('no-identity');
}

export function requireManage(caller: Caller): void {
  requireIdentity(caller);
  if (!canManage(caller)) throw new RequestError('not-lead');
}

export function requireActOn(caller: Caller, item: Pick<OkrItem, 'owner' | 'ownerText' | 'id'>): void {
  requireIdentity(caller);
  if (!canActOn(caller, item)) {
    // Declined or never assigned: nobody to name, and only a Lead can move it on.
    if (!item.ownerText.trim()) throw new RequestError('unowned', undefined, { id: item.id });
    throw new RequestError('not-owner', undefined, {
      id: item.id,
      owner: item.ownerText || '—',
      email: caller.email,
    });
  }
}
