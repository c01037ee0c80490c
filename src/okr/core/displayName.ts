// How the add-on names a person: their Name in the Team tab, else their email (a blank Name, or
// someone not in Team). The weekly emails and the Summary call nameOrEmail; the sidebar's views (My
// team, the agreement views), its confirmations and the approver's notice email call displayNames,
// which also tells two people of one Name apart by their email (the Summary and the emails do not
// yet: the Summary's owners table shows the email in a column of its own). The sidebar's Assign list
// keeps its own copy: the layer rules let the sidebar import only the client contract and a few
// shared modules.
import type { Person } from './model';

/** A person on screen: their Name in Team, else their email (a blank Name, or not in Team: undefined). */
export function nameOrEmail(person: Pick<Person, 'name'> | undefined, email: string): string {
  return person?.name || email;
}

/**
 * A lookup of display names over Team's people (built once, then asked per email). Two people of one
 * Name are told apart by their email beside it ("Ana (ana@example.com)"): a name says who to talk to.
 */
export function displayNames(people: readonly Pick<Person, 'name' | 'email'>[]): (email: string) => string {
  const named = new Map<string, number>();
  for (const p of people) if (p.name) named.set(p.name, (named.get(p.name) ?? 0) + 1);
  const names = new Map(
    people.map((p) => [
      p.email,
      p.name && (named.get(p.name) ?? 0) > 1 ? `${p.name} (${p.email})` : nameOrEmail(p, p.email),
    ]),
  );
  return (email) => names.get(email) ?? email;
}
