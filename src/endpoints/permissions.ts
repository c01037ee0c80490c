// The permission checks of the endpoints, as refusals (RequestError, localized by the caller). Who
// is a Lead and who may manage is decided in src/okr/ownership/roles.ts only; this file turns
// those answers into the refusal to show.
import type { OkrItem, Roster } from '../okr/core/model';
import { type CallerRoles, callerRoles, canActOn as rolesCanActOn } from '../okr/ownership/roles';
import { RequestError } from './sidebar/requests';

export type Caller = CallerRoles;

export function callerFrom(email: string, roster: Pick<Roster, 'people'>): Caller {
  return callerRoles(email, roster.people);
}

/** Assign owners, add objectives and key results, change settings, set up, import, weekly emails. */
export function canManage(caller: Caller): boolean {
  return caller.canManage;
}

/** Check in, accept or decline on this row. */
export function canActOn(caller: Caller, item: Pick<OkrItem, 'owner'>): boolean {
  return rolesCanActOn(caller, item.owner);
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
