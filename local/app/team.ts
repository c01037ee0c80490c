// The people the user switcher offers: the Team tab, read host-side from the workbook (not metered).
// Headers are found by name like the add-on does, so a reordered or renamed Team tab still works.
import { TAB_ALIASES } from '../../src/okr/core/tabs';
import type { Workbook } from '../runtime';
import type { Person } from './protocol';

const norm = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .replace(/[\s\p{P}]/gu, '');

const EMAIL = ['email', 'emailaddress', 'mail', 'メール', 'メールアドレス'];
const NAME = ['name', 'fullname', '名前', '氏名'];
const ROLE = ['role', '役割', 'ロール'];
const LANGUAGE = ['language', 'lang', 'locale', '言語'];

export function teamSheetName(wb: Workbook): string | undefined {
  const names = wb.sheetNames();
  const aliases = TAB_ALIASES.team.map(norm);
  return names.find((n) => aliases.includes(norm(n)));
}

export function teamPeople(wb: Workbook): Person[] {
  const sheet = teamSheetName(wb);
  if (!sheet) return [];
  const rows = wb.values(sheet);
  if (rows.length === 0) return [];
  const header = rows[0].map(norm);
  const col = (aliases: string[]) => header.findIndex((h) => aliases.includes(h));
  const e = col(EMAIL);
  if (e < 0) return [];
  const n = col(NAME);
  const r = col(ROLE);
  const l = col(LANGUAGE);
  const people: Person[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(1)) {
    const email = String(row[e] ?? '').trim();
    if (!email.includes('@') || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    people.push({
      email,
      name: n >= 0 ? String(row[n] ?? '').trim() : '',
      role: r >= 0 ? String(row[r] ?? '').trim() : '',
      language: l >= 0 ? String(row[l] ?? '').trim() : '',
    });
  }
  return people;
}

/** Whom the sandbox acts as at start: a Lead if there is one (they set the sheet up), else the first person. */
export function defaultUser(people: Person[]): string {
  const lead = people.find((p) => norm(p.role) === 'lead');
  return (lead ?? people[0])?.email ?? 'you@example.com';
}

/**
 * The sandbox has no Google accounts: each person's account locale (Session.getActiveUserLocale)
 * is taken from the Team tab's Language column, so a "ja" member sees the add-on in Japanese.
 */
export function localesFromTeam(people: Person[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of people) if (p.language) out[p.email] = p.language;
  return out;
}
