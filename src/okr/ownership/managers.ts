// Who manages whom: the Team tab's Manager column, read one way by every consumer (the sidebar's
// My team, getTeamView's right check, the manager's weekly email). A person's Manager cell names
// their manager by email (the usual case) or by name, as people type it; both are matched without
// case. Managers are there to support their people: besides the Leads (src/okr/ownership/roles.ts)
// this is the only rule that lets someone see another person's key results gathered for them.
import type { Person } from '../core/model';

type ManagerPerson = Pick<Person, 'email' | 'name' | 'manager'>;

const clean = (text: string): string => text.trim().toLowerCase();

/**
 * Every manager's reports, keyed by the manager's email, each report once in Team order. A Manager
 * cell is matched to a Team member's email first, else to a name that only one member has (two
 * people of the same name cannot be told apart, so neither is anyone's manager by that name).
 * Nobody manages themselves.
 */
export function reportsByManager<P extends ManagerPerson>(people: readonly P[]): Map<string, P[]> {
  const byEmail = new Map<string, P>();
  const byName = new Map<string, P | null>();
  for (const p of people) {
    if (!p.email || byEmail.has(p.email)) continue;
    byEmail.set(p.email, p);
    const name = clean(p.name);
    if (name) byName.set(name, byName.has(name) ? null : p);
  }
  const out = new Map<string, P[]>();
  for (const p of byEmail.values()) {
    const named = clean(p.manager);
    if (!named) continue;
    const manager = byEmail.get(named) ?? byName.get(named) ?? null;
    if (!manager || manager.email === p.email) continue;
    const list = out.get(manager.email) ?? [];
    list.push(p);
    out.set(manager.email, list);
  }
  return out;
}

/** The Team members whose Manager is `managerEmail`, in Team order. */
export function reportsOf<P extends ManagerPerson>(managerEmail: string, people: readonly P[]): P[] {
  const email = clean(managerEmail);
  return email ? (reportsByManager(people).get(email) ?? []) : [];
}
