// The people an imported tab names as owners, judged against the Team tab with the validator's own
// rule (judgeOwner): already on Team; written as a Team member's name or handle (kept as typed, the
// Problems view then offers the member's email); an email that is not on Team yet (a Team row is
// added for it); or nobody the add-on can add (two people, a team, a name without an email): kept on
// its key results and flagged, never dropped. Pure.

import { type MessageTable, t } from '../../core/i18n';
import type { Lang, Person } from '../../core/model';
import { judgeOwner } from '../../ownership/owners';

export interface OwnerMention {
  /** The Owner cell as imported. */
  value: unknown;
  /** The objective's or key result's new ID. */
  id: string;
}

export interface ImportPeople {
  /** Distinct Team members named by their email. */
  onTeam: number;
  matched: Array<{ text: string; email: string; by: 'name' | 'handle'; ids: string[] }>;
  newPeople: Array<{ email: string; name: string; ids: string[] }>;
  unknown: Array<{ text: string; message: string; ids: string[] }>;
}

const HANDLE = /^@?[a-z0-9._+-]+$/i;

/** A readable name from an email's local part ("olga.petrova" → "Olga Petrova"). */
export function nameFromEmail(email: string): string {
  return email
    .split('@')[0]
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

export const PEOPLE_MESSAGES: MessageTable<'owner-multiple' | 'owner-not-person' | 'owner-unknown'> = {
  'owner-multiple': {
    en: '"{text}" names more than one person; a key result has one owner. Kept as typed: choose one owner after the import.',
    ja: '「{text}」は複数の人を指しています。主要な結果の担当者は1人です。そのまま取り込むので、取り込み後に1人を選んでください。',
  },
  'owner-not-person': {
    en: '"{text}" is a team or group, not a person. Kept as typed: choose one person after the import.',
    ja: '「{text}」はチームやグループで、個人ではありません。そのまま取り込むので、取り込み後に1人を選んでください。',
  },
  'owner-unknown': {
    en: '"{text}" is not on the Team tab and has no email to add. Kept as typed: add them to Team with their email, or choose another owner.',
    ja: '「{text}」はTeamタブになく、追加できるメールアドレスもありません。そのまま取り込むので、Teamにメールアドレス付きで加えるか、別の担当者を選んでください。',
  },
};

export function importPeople(
  mentions: readonly OwnerMention[],
  roster: readonly Person[],
  lang: Lang,
): ImportPeople {
  const onTeam = new Set<string>();
  const matched = new Map<string, ImportPeople['matched'][number]>();
  const newPeople = new Map<string, ImportPeople['newPeople'][number]>();
  const unknown = new Map<string, ImportPeople['unknown'][number]>();
  const byLocal = new Map<string, Person[]>();
  for (const p of roster) {
    const local = p.email.split('@')[0];
    byLocal.set(local, [...(byLocal.get(local) ?? []), p]);
  }
  for (const { value, id } of mentions) {
    const verdict = judgeOwner(value, roster);
    if (verdict.ok) {
      onTeam.add(verdict.email);
      continue;
    }
    if (verdict.code === 'owner-missing') continue;
    const text = String(value ?? '').trim();
    if (verdict.code === 'owner-unknown') {
      const handle =
        HANDLE.test(text) && !text.includes('@', 1)
          ? byLocal.get(text.replace(/^@/, '').toLowerCase())
          : undefined;
      const person = handle?.length === 1 ? handle[0] : verdict.suggestion;
      if (person) {
        const m = matched.get(text) ?? {
          text,
          email: person.email,
          by: handle?.length === 1 ? 'handle' : 'name',
          ids: [],
        };
        m.ids.push(id);
        matched.set(text, m);
        continue;
      }
      // An email not on Team yet (not a group's mailbox: judgeOwner calls those not-a-person).
      if (verdict.text.includes('@')) {
        const email = verdict.text;
        const p = newPeople.get(email) ?? { email, name: nameFromEmail(email), ids: [] };
        p.ids.push(id);
        newPeople.set(email, p);
        continue;
      }
    }
    const u = unknown.get(text) ?? {
      text,
      message: t(PEOPLE_MESSAGES, lang, verdict.code, { text }),
      ids: [],
    };
    u.ids.push(id);
    unknown.set(text, u);
  }
  return {
    onTeam: onTeam.size,
    matched: [...matched.values()],
    newPeople: [...newPeople.values()],
    unknown: [...unknown.values()],
  };
}

/** Team rows for the people the import adds: name from the email, role Member, in Team's columns. */
export function teamRowsFor(
  people: ReadonlyArray<{ email: string; name: string }>,
  columns: Partial<Record<'name' | 'email' | 'role', number>>,
  width: number,
): unknown[][] {
  return people.map((p) => {
    const row: unknown[] = new Array(width).fill('');
    if (columns.name !== undefined) row[columns.name] = p.name;
    if (columns.email !== undefined) row[columns.email] = p.email;
    if (columns.role !== undefined) row[columns.role] = 'Member';
    return row;
  });
}
