// How the add-on names a person on screen: their Name in the Team tab, else their email (a blank
// Name, or someone not in Team). My team, the agreement views and the confirmations that name
// someone all go through here, so a person is called the same everywhere.
import type { Person } from './model';

/** A lookup of display names over Team's people (built once, then asked per email). */
export function displayNames(people: readonly Pick<Person, 'name' | 'email'>[]): (email: string) => string {
  const names = new Map(people.map((p) => [p.email, p.name || p.email]));
  return (email) => names.get(email) ?? email;
}
