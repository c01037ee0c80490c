// What an Owner cell says about ownership. The product's rule is one individual per key result, and
// people break it in many ways: "a@x.com, b@x.com", "Ann and Bob", "Ann / Bob", "佐藤・鈴木",
// "佐藤と鈴木", two emails on separate lines or run together, "Team: Ann, Bob", or a team name
// ("Growth team", "eng@x.com"). This module reads the cell; the validator decides what it means
// against the Team tab.
import { isEmail } from '../core/emailAddress';
import type { Person } from '../core/model';
import { nfkc } from '../core/parseValues';
import { headerKey } from '../core/schema';

export type OwnerShape =
  | { kind: 'blank' }
  /** Exactly one email address (lower-cased), possibly written as "Ann <ann@x.com>". */
  | { kind: 'email'; email: string }
  /** Two or more people (or emails) in one cell. */
  | { kind: 'multiple'; parts: string[] }
  /** One piece of text that is not an email: a person's name or a team's. */
  | { kind: 'text'; text: string; teamPrefix: boolean };

const EMAIL =
  /[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/gi;

/** "Team: …", "Owners: …", "チーム：…" — a label that introduces a list or a team. */
const LABEL = /^(team|owners?|group|squad|dri|チーム|担当|担当者|グループ)\s*[:：]\s*/i;

/**
 * Separators between people. と (Japanese "and") only counts between name-like characters or
 * after an honorific, so names written in kana that contain と (e.g. "ことみ") stay whole.
 */
const SEPARATORS =
  /\s*(?:[,;/|\\、・，；／＆&+\n\r\t]|\s(?:and|or|with)\s|(?:および|及び|並びに)|(?<=[\p{sc=Han}\p{sc=Katakana}a-z.ー]|さん|様|氏|くん|君)と(?=[\p{sc=Han}\p{sc=Katakana}a-z]))\s*/iu;

const SHEETS_ERROR = /^#(N\/A|REF!|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!|ERROR!|SPILL!|CALC!|LOADING\.\.\.)$/i;

/** Read an Owner cell. */
export function readOwner(raw: unknown): OwnerShape {
  let text = nfkc(String(raw ?? '')).trim();
  if (!text) return { kind: 'blank' };
  // A formula that failed (e.g. a VLOOKUP of the owner) shows an error such as #N/A: one bad value, not two people.
  if (SHEETS_ERROR.test(text)) return { kind: 'text', text, teamPrefix: false };
  // Remove "mailto:" and annotations in parentheses that name nobody: "ann@x.com (DRI)".
  text = text
    .replace(/mailto:/gi, '')
    .replace(/\(([^()@]*)\)/g, ' ')
    .trim();
  let teamPrefix = false;
  if (LABEL.test(text)) {
    teamPrefix = /^(team|group|squad|チーム|グループ)/i.test(text);
    text = text.replace(LABEL, '').trim();
  }
  if (isEmail(text)) return { kind: 'email', email: text.toLowerCase() };
  const emails = text.match(EMAIL) ?? [];
  const ats = (text.match(/@/g) ?? []).length;
  // Emails may contain separator characters ("eve+okr@x.com", "o'neil/x"?), so they are set
  // aside before splitting and put back after.
  const split = (s: string) => {
    const held: string[] = [];
    const masked = s.replace(EMAIL, (m) => `\uE000${held.push(m) - 1}\uE000`);
    return masked
      .split(SEPARATORS)
      .map((p) => p.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => held[Number(i)]).trim())
      .filter((p) => p !== '');
  };
  if (ats >= 2) {
    // Two addresses, separated or run together ("a@x.comb@x.com"): always more than one person.
    const parts = split(text);
    return { kind: 'multiple', parts: parts.length >= 2 ? parts : emails };
  }
  // "Ann Lee <ann@x.com>" is one person.
  const angle = /^[^<>,;]*<\s*([^<>\s]+@[^<>\s]+)\s*>$/.exec(text);
  if (angle && isEmail(angle[1])) return { kind: 'email', email: angle[1].toLowerCase() };
  const parts = split(text);
  if (parts.length >= 2) return { kind: 'multiple', parts };
  const only = parts[0] ?? text;
  if (isEmail(only)) return { kind: 'email', email: only.toLowerCase() };
  return { kind: 'text', text: only, teamPrefix };
}

const ownerEmails = new Map<string, string | null>();
const OWNER_CACHE_LIMIT = 20_000;

/** The single owner's email when the cell is exactly one email address; else null. */
export function ownerEmail(raw: unknown): string | null {
  // The same few hundred owners fill thousands of rows: each distinct cell text is read once.
  const key = String(raw ?? '');
  const cached = ownerEmails.get(key);
  if (cached !== undefined) return cached;
  const shape = readOwner(key);
  const email = shape.kind === 'email' ? shape.email : null;
  if (ownerEmails.size >= OWNER_CACHE_LIMIT) ownerEmails.clear();
  ownerEmails.set(key, email);
  return email;
}

const GROUP_WORDS =
  /\b(team|teams|group|squad|department|dept|all|everyone|everybody|staff|committee|crew|guild|tribe|chapter|org|division|unit|office)\b/i;
const GROUP_WORDS_JA =
  /(チーム|グループ|全員|みんな|皆さん|部門|部署|委員会|事業部|本部|\p{sc=Han}{2,}(?:部|課|室|班)$)/u;
const GROUP_MAILBOX =
  /^(team|all|everyone|staff|group|eng|engineering|platform|infra|sre|qa|growth|sales|marketing|ops|operations|support|info|hello|admin|hr|dev|devs|product|design|leadership|managers|noreply|no-reply|contact|finance|legal|security|it|help|office)$|(^|[-_.])(team|group|all|list|dl)([-_.]|$)/i;

/**
 * Whether a name or an email address, by its words alone, is a team's or a group's rather than a
 * person's: a group word ("Platform Team", "All staff", "営業部") or a shared mailbox (platform@,
 * team@, all@, growth-team@). The one rule for "looks like a team": an Owner cell's text
 * (namesGroup) and a Team tab row (teamLikeMember) are both judged by it.
 */
export function looksLikeTeam(text: string): boolean {
  const value = nfkc(text).trim();
  if (!value) return false;
  if (isEmail(value)) return GROUP_MAILBOX.test(value.toLowerCase().split('@')[0]);
  return GROUP_WORDS.test(value) || GROUP_WORDS_JA.test(value);
}

/**
 * Whether a Team tab row is a team or a group listed as if it were a person (name "Platform Team",
 * email platform@…): it can be picked as an owner, but one person must be accountable.
 */
export function teamLikeMember(person: Pick<Person, 'name' | 'email'>): boolean {
  return looksLikeTeam(person.name) || looksLikeTeam(person.email);
}

/**
 * The Team tab looked up by what an Owner cell can say: email, name key, name words, mailbox local
 * part. Judging every row of a 10,000-row sheet against a 1,000-person Team by scanning the list
 * (and re-keying each name) was the validator's main cost; the index is built once per roster list.
 */
interface RosterIndex {
  size: number;
  /** First person per email (the Team tab reports duplicates itself). */
  byEmail: Map<string, Person>;
  /** headerKey of every non-blank Team name. */
  teamKeys: Set<string>;
  /** First person per headerKey of a non-blank name. */
  byNameKey: Map<string, Person>;
  /** People whose name has this word (NFKC, lower case), in roster order. */
  byNameWord: Map<string, Person[]>;
  nameWords: Map<Person, string[]>;
  /** People per mailbox local part, in roster order. */
  byLocal: Map<string, Person[]>;
}

const rosterIndexes = new WeakMap<readonly Person[], RosterIndex>();

function nameWordsOf(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function rosterIndex(roster: readonly Person[]): RosterIndex {
  const cached = rosterIndexes.get(roster);
  // A list that grew or shrank since it was indexed (a caller appending a person) is indexed again.
  if (cached && cached.size === roster.length) return cached;
  const index: RosterIndex = {
    size: roster.length,
    byEmail: new Map(),
    teamKeys: new Set(),
    byNameKey: new Map(),
    byNameWord: new Map(),
    nameWords: new Map(),
    byLocal: new Map(),
  };
  for (const p of roster) {
    if (!index.byEmail.has(p.email)) index.byEmail.set(p.email, p);
    if (p.team) index.teamKeys.add(headerKey(p.team));
    if (p.name) {
      const key = headerKey(p.name);
      if (!index.byNameKey.has(key)) index.byNameKey.set(key, p);
    }
    const words = nameWordsOf(p.name);
    index.nameWords.set(p, words);
    for (const w of new Set(words)) pushTo(index.byNameWord, w, p);
    pushTo(index.byLocal, p.email.split('@')[0], p);
  }
  rosterIndexes.set(roster, index);
  return index;
}

/**
 * Whether a text names a team or group rather than a person: a Team tab team name, a group word
 * ("Growth team", "営業部"), or a shared mailbox ("eng@x.com", "growth-team@x.com").
 * A Team member's own email is never a group.
 */
export function namesGroup(text: string, roster: readonly Person[]): boolean {
  const value = nfkc(text).trim();
  if (!value) return false;
  const index = rosterIndex(roster);
  const lower = value.toLowerCase();
  if (index.byEmail.has(lower)) return false;
  const key = headerKey(value);
  if (key && index.teamKeys.has(key)) return true;
  return looksLikeTeam(value);
}

/** The Team member whose name is this text (case, spacing and width ignored), for the hint. */
function personNamed(text: string, roster: readonly Person[]): Person | null {
  const key = headerKey(text);
  if (!key) return null;
  const index = rosterIndex(roster);
  const exact = index.byNameKey.get(key);
  if (exact) return exact;
  // "Ann" when the Team says "Ann Lee", or "Lee, Ann": the same words in any order.
  const words = nameWordsOf(text);
  const candidates = words.length > 0 ? (index.byNameWord.get(words[0]) ?? []) : [];
  const matches = candidates.filter((p) => {
    const nameWords = index.nameWords.get(p) ?? [];
    return words.every((w) => nameWords.includes(w));
  });
  if (matches.length === 1) return matches[0];
  // An email typo or the right mailbox at a different domain: same local part.
  if (text.includes('@')) {
    const local = text.toLowerCase().split('@')[0];
    const byLocal = index.byLocal.get(local) ?? [];
    if (byLocal.length === 1) return byLocal[0];
  }
  return null;
}

/**
 * The parts of "A と B (と C)" when each is a Team member's name or email; else null. Every と is
 * tried as the cut, so a name containing と ("ことみ") stays whole: "さくらとことみ" is さくら + ことみ.
 */
function namesJoinedByTo(text: string, roster: readonly Person[]): string[] | null {
  if (!text.includes('と')) return null;
  const index = rosterIndex(roster);
  const isMember = (part: string) =>
    part !== '' && (index.byNameKey.has(headerKey(part)) || index.byEmail.has(part.toLowerCase()));
  const cut = (rest: string, depth: number): string[] | null => {
    if (depth > 0 && isMember(rest)) return [rest];
    for (let i = rest.indexOf('と'); i >= 0; i = rest.indexOf('と', i + 1)) {
      const left = rest.slice(0, i).trim();
      if (!isMember(left)) continue;
      const right = cut(rest.slice(i + 1).trim(), depth + 1);
      if (right) return [left, ...right];
    }
    return null;
  };
  return cut(text, 0);
}

export type OwnerVerdict =
  | { ok: true; email: string; person: Person }
  | { ok: false; code: 'owner-missing' }
  | { ok: false; code: 'owner-multiple'; parts: string[] }
  | { ok: false; code: 'owner-not-person'; text: string }
  | { ok: false; code: 'owner-unknown'; text: string; suggestion: Person | null };

/** Judge an Owner cell against the Team tab: exactly one Team member's email, or why not. */
export function judgeOwner(raw: unknown, roster: readonly Person[]): OwnerVerdict {
  const text = nfkc(String(raw ?? '')).trim();
  const shape = readOwner(text);
  if (shape.kind === 'blank') return { ok: false, code: 'owner-missing' };
  if (shape.kind === 'email') {
    const person = rosterIndex(roster).byEmail.get(shape.email);
    if (person) return { ok: true, email: shape.email, person };
    if (namesGroup(shape.email, roster)) return { ok: false, code: 'owner-not-person', text: shape.email };
    return {
      ok: false,
      code: 'owner-unknown',
      text: shape.email,
      suggestion: personNamed(shape.email, roster),
    };
  }
  // A Team member's name that happens to contain a separator ("Lee, Ann") is one person, not two.
  const wholeName = rosterIndex(roster).byNameKey.get(headerKey(text));
  if (wholeName) return { ok: false, code: 'owner-unknown', text, suggestion: wholeName };
  if (shape.kind === 'multiple') return { ok: false, code: 'owner-multiple', parts: shape.parts };
  // "<name> と <name>": two Team names joined by と (Japanese "and"), whatever the script of the
  // names or the spacing. Split only when every part is someone on the Team, so a name that
  // contains と ("ことみ") is never cut in two.
  const joined = namesJoinedByTo(text, roster);
  if (joined) return { ok: false, code: 'owner-multiple', parts: joined };
  if (shape.teamPrefix || namesGroup(shape.text, roster)) {
    return { ok: false, code: 'owner-not-person', text: shape.text };
  }
  return { ok: false, code: 'owner-unknown', text: shape.text, suggestion: personNamed(shape.text, roster) };
}
