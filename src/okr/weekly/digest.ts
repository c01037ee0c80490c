// What the weekly emails say, as data: who receives one, what needs each owner, everything they own
// grouped by objective, and the leadership numbers. Rendering (HTML, text, language) is email.ts.
import { hasMissingValues, needsHelp, ownerNeeds, staleForRuns } from '../core/attention';
import { CALENDAR_YEAR, type CycleCalendar, openCycleFilter, type Pace, pacer } from '../core/cycle';
import { DAY_MS, daysSince, WEEK_MS } from '../core/days';
import { nameOrEmail } from '../core/displayName';
import { isEmail } from '../core/emailAddress';
import { chooseLanguage } from '../core/language';
import type { CheckIn, Confidence, EmailChoice, KeyResult, Lang, Objective, Person } from '../core/model';
import { meanProgress, objectiveProgress, progressOf } from '../core/progress';
import {
  type KeyResultLog,
  keyResultChange,
  keyResultLogs,
  lastCheckIn as latestCheckIn,
  objectiveChange,
} from '../core/weeklyChange';
import { reportsByManager } from '../ownership/managers';
import { wantsEmail } from './emailChoice';
import type { EmailKind } from './weeklyRun';

const DUE_SOON_DAYS = 14;
const MOVERS_CAP = 5;

export interface DigestInput {
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
  people: readonly Person[];
  checkIns: readonly CheckIn[];
  now: number;
  staleDays: number;
  /** Weekly runs a key result stays stale before its owner's manager is asked (default 2). */
  conversationRuns?: number;
  /** How cycle names are dated (the fiscal-year setting, the spreadsheet's time zone); default the calendar year, UTC. */
  calendar?: CycleCalendar;
  /** Cycles a Lead has closed: no email asks about them. Default none. */
  closed?: ReadonlySet<string>;
  /** The pace-margin setting; default DEFAULT_PACE_MARGIN. */
  paceMargin?: number;
}

export type NeedReason = 'pending' | 'off-track' | 'at-risk' | 'stale' | 'missing-values' | 'due-soon';
const NEED_ORDER: NeedReason[] = ['pending', 'off-track', 'at-risk', 'stale', 'missing-values', 'due-soon'];

export interface KeyResultLine {
  id: string;
  title: string;
  row: number;
  owner: string | null;
  progress: number | null;
  confidence: Confidence | null;
  lastCheckIn: number | null;
  daysSinceCheckIn: number | null;
  /** The last logged progress at or before a week ago (weeklyChange.ts); null when none. */
  baseline: number | null;
  /** Progress points gained (or lost) since a week ago, from the Check-ins log; null without a baseline. */
  change: number | null;
  checkInsThisWeek: number;
  current: number | null;
  target: number | null;
  unit: string;
  due: number | null;
  needs: NeedReason[];
  /**
   * Stale for `conversationRuns` weekly runs (attention.ts staleForRuns): the owner's manager is
   * asked to talk it through with them.
   */
  conversation: boolean;
  /** Expected progress today and whether progress trails it by more than the margin (cycle.ts paceOf). */
  pace: Pace | null;
}

export interface ObjectiveLine {
  id: string;
  title: string;
  row: number;
  ownerEmail: string | null;
  ownerText: string;
  progress: number | null;
  keyResults: number;
  atRisk: number;
  change: number | null;
  pending: boolean;
}

export interface OwnerGroup {
  /** null: key results whose objective is missing from the sheet. */
  objective: ObjectiveLine | null;
  /** The recipient owns the objective itself (they are accountable for all of it). */
  ownsObjective: boolean;
  keyResults: KeyResultLine[];
}

export interface NeedItem {
  id: string;
  title: string;
  row: number;
  type: 'objective' | 'key-result';
  needs: NeedReason[];
  due: number | null;
  daysSinceCheckIn: number | null;
}

export interface OwnerReport {
  email: string;
  name: string;
  needs: NeedItem[];
  groups: OwnerGroup[];
  counts: Record<NeedReason, number> & { keyResults: number; objectives: number };
}

export interface LeadershipReport {
  headline: {
    objectives: number;
    objectivesOnTrack: number;
    keyResults: number;
    averageProgress: number | null;
    atRisk: number;
    offTrack: number;
    stale: number;
    pending: number;
    ownershipGaps: number;
    /** Key results whose progress trails the expected figure by more than the margin (cycle.ts paceOf). */
    behindPace: number;
  };
  /** Every live objective, in sheet order (as the Summary tab lists them). */
  objectives: ObjectiveLine[];
  movers: Array<KeyResultLine & { ownerName: string }>;
  /** Key results off track or at risk: off track first, then the least progress. */
  attention: Array<KeyResultLine & { ownerName: string }>;
}

export interface Recipient {
  kind: EmailKind;
  email: string;
  name: string;
  person: Person;
  /** The closed cycle a 'closing' email is about. */
  cycle?: string;
}

// ---- helpers --------------------------------------------------------------------------------

function checkInsById(checkIns: readonly CheckIn[]): Map<string, CheckIn[]> {
  const m = new Map<string, CheckIn[]>();
  for (const c of checkIns) {
    if (!c.id || !Number.isFinite(c.time)) continue;
    const list = m.get(c.id) ?? [];
    list.push(c);
    m.set(c.id, list);
  }
  return m;
}

function keyResultLine(
  kr: KeyResult,
  entries: readonly CheckIn[],
  logged: KeyResultLog | undefined,
  ownerInTeam: boolean,
  input: DigestInput,
  pace: Pace | null,
): KeyResultLine {
  const { now } = input;
  const weekAgo = now - WEEK_MS;
  const progress = progressOf(kr);
  const last = latestCheckIn(kr.lastCheckIn, logged?.last ?? null);
  const owner = ownerNeeds(kr, ownerInTeam, now, input.staleDays);
  const needs: NeedReason[] = [];
  if (owner.pending) needs.push('pending');
  if (kr.confidence === 'off-track') needs.push('off-track');
  if (kr.confidence === 'at-risk') needs.push('at-risk');
  if (owner.stale) needs.push('stale');
  if (hasMissingValues(kr)) needs.push('missing-values');
  if (
    kr.due !== null &&
    kr.due >= now - DAY_MS &&
    kr.due - now <= DUE_SOON_DAYS * DAY_MS &&
    (progress ?? 0) < 100
  ) {
    needs.push('due-soon');
  }
  return {
    id: kr.id,
    title: kr.title,
    row: kr.row,
    owner: kr.owner,
    progress,
    baseline: logged?.baseline ?? null,
    confidence: kr.confidence,
    lastCheckIn: last,
    daysSinceCheckIn: daysSince(last, now),
    change: keyResultChange(progress, logged?.baseline ?? null),
    checkInsThisWeek: entries.filter((c) => c.time > weekAgo && c.time <= now).length,
    current: kr.current,
    target: kr.target,
    unit: kr.unit,
    due: kr.due,
    needs,
    conversation: owner.stale && staleForRuns(kr, now, input.staleDays, input.conversationRuns ?? 2),
    pace,
  };
}

function objectiveLine(o: Objective, lines: KeyResultLine[]): ObjectiveLine {
  return {
    id: o.id,
    title: o.title,
    row: o.row,
    ownerEmail: o.owner,
    ownerText: o.ownerText,
    progress: objectiveProgress(lines),
    keyResults: lines.length,
    atRisk: lines.filter((l) => needsHelp(l.confidence)).length,
    change: objectiveChange(lines),
    pending: o.accepted === null,
  };
}

/** Everything the emails need, computed once per run. */
export interface DigestModel {
  input: DigestInput;
  /** Live key results by id, with their lines. */
  lines: Map<string, KeyResultLine>;
  objectives: Map<string, Objective>;
  /** Live key results per objective id, in sheet order. */
  byObjective: Map<string, KeyResultLine[]>;
  team: Map<string, Person>;
  /** Each manager's reports (Team's Manager column, src/okr/ownership/managers.ts), by email. */
  reports: Map<string, Person[]>;
}

export function digestModel(input: DigestInput): DigestModel {
  const entries = checkInsById(input.checkIns);
  const logs = keyResultLogs(input.checkIns, input.now);
  const team = new Map<string, Person>();
  for (const p of input.people) if (p.email && !team.has(p.email)) team.set(p.email, p);
  const lines = new Map<string, KeyResultLine>();
  const byObjective = new Map<string, KeyResultLine[]>();
  // Only open cycles are mailed about (cycle.ts isOpenCycle); each cycle name is judged once.
  const calendar = input.calendar ?? CALENDAR_YEAR;
  const open = openCycleFilter(input.now, calendar, input.closed);
  const pace = pacer(input.now, calendar, input.paceMargin);
  for (const kr of input.keyResults) {
    if (!kr.id || lines.has(kr.id) || !open(kr.cycle)) continue;
    const inTeam = kr.owner !== null && team.has(kr.owner);
    const line = keyResultLine(kr, entries.get(kr.id) ?? [], logs.get(kr.id), inTeam, input, pace(kr));
    lines.set(kr.id, line);
    const key = kr.objectiveId ?? '';
    byObjective.set(key, [...(byObjective.get(key) ?? []), line]);
  }
  const objectives = new Map<string, Objective>();
  for (const o of input.objectives)
    if (o.id && !objectives.has(o.id) && open(o.cycle)) objectives.set(o.id, o);
  return { input, lines, objectives, byObjective, team, reports: reportsByManager([...team.values()]) };
}

/**
 * Who gets mail this period: every Team member who owns a live key result or objective, or manages
 * someone who owns a live key result, gets an owner email (its "Your team" section for the latter);
 * Leadership members get the digest when there is anything to report. Each person's own choice
 * (`choices`, src/okr/weekly/emailChoice.ts) is honoured: 'never' gets nothing, 'needed' the owner
 * email only when something needs them. Addresses come from the Team tab only, so text typed in the
 * OKRs tab can never direct mail anywhere.
 */
export function planRecipients(
  model: DigestModel,
  choices: ReadonlyMap<string, EmailChoice> = new Map(),
): Recipient[] {
  const owners = new Set<string>();
  for (const l of model.lines.values()) if (l.owner) owners.add(l.owner);
  const managers = new Set<string>();
  for (const [manager, people] of model.reports)
    if (people.some((p) => owners.has(p.email))) managers.add(manager);
  for (const o of model.objectives.values()) if (o.owner) owners.add(o.owner);
  const anything = model.lines.size > 0 || model.objectives.size > 0;
  const out: Recipient[] = [];
  for (const p of model.team.values()) {
    if (!isEmail(p.email)) continue;
    if (anything && p.role === 'leadership' && wantsEmail(choices.get(p.email), 'leadership', () => true))
      out.push({ kind: 'leadership', email: p.email, name: p.name, person: p });
  }
  for (const p of model.team.values()) {
    if (!isEmail(p.email) || (!owners.has(p.email) && !managers.has(p.email))) continue;
    if (!wantsEmail(choices.get(p.email), 'owner', () => needsOwner(model, p.email))) continue;
    out.push({ kind: 'owner', email: p.email, name: p.name, person: p });
  }
  return out;
}

/** Something in this person's owner email asks them to act: their own needs, or a report to talk with. */
function needsOwner(model: DigestModel, email: string): boolean {
  return ownerReport(model, email).needs.length > 0 || teamReport(model, email).conversations > 0;
}

export interface TeamLine extends KeyResultLine {
  ownerName: string;
}

/** A manager's "Your team" section: their reports' key results that need a conversation. */
export interface TeamReport {
  /** How many people name the manager as theirs. */
  people: number;
  /** Reports' key results that need something, conversations first, then by need, then sheet order. */
  lines: TeamLine[];
  /** Of those, stale for the setting's number of weekly runs. */
  conversations: number;
}

const TEAM_ORDER: NeedReason[] = ['pending', 'off-track', 'at-risk', 'stale'];

/** What a manager's email says about their people; empty for someone who manages nobody. */
export function teamReport(model: DigestModel, managerEmail: string): TeamReport {
  const people = model.reports.get(managerEmail) ?? [];
  const names = new Map(people.map((p) => [p.email, nameOrEmail(p, p.email)]));
  const rank = (l: KeyResultLine) =>
    l.conversation ? -1 : Math.min(...l.needs.map((n) => TEAM_ORDER.indexOf(n)).filter((i) => i >= 0));
  const lines: TeamLine[] = [];
  for (const l of model.lines.values()) {
    if (!l.owner || !names.has(l.owner)) continue;
    if (!l.conversation && !l.needs.some((n) => TEAM_ORDER.includes(n))) continue;
    lines.push({ ...l, ownerName: names.get(l.owner) as string });
  }
  lines.sort((a, b) => rank(a) - rank(b) || a.row - b.row);
  return { people: people.length, lines, conversations: lines.filter((l) => l.conversation).length };
}

export function ownerReport(model: DigestModel, email: string): OwnerReport {
  const person = model.team.get(email);
  const groups: OwnerGroup[] = [];
  const needs: NeedItem[] = [];
  const seen = new Set<string>();
  const counts = {
    pending: 0,
    'off-track': 0,
    'at-risk': 0,
    stale: 0,
    'missing-values': 0,
    'due-soon': 0,
    keyResults: 0,
    objectives: 0,
  } as OwnerReport['counts'];
  const addKr = (l: KeyResultLine) => {
    counts.keyResults += 1;
    for (const n of l.needs) counts[n] += 1;
    if (l.needs.length) {
      needs.push({
        id: l.id,
        title: l.title,
        row: l.row,
        type: 'key-result',
        needs: l.needs,
        due: l.due,
        daysSinceCheckIn: l.daysSinceCheckIn,
      });
    }
  };
  for (const o of model.objectives.values()) {
    const all = model.byObjective.get(o.id) ?? [];
    const mine = all.filter((l) => l.owner === email);
    const ownsObjective = o.owner === email;
    if (!ownsObjective && mine.length === 0) continue;
    const line = objectiveLine(o, all);
    if (ownsObjective) {
      counts.objectives += 1;
      if (line.pending) {
        counts.pending += 1;
        needs.push({
          id: o.id,
          title: o.title,
          row: o.row,
          type: 'objective',
          needs: ['pending'],
          due: o.due,
          daysSinceCheckIn: null,
        });
      }
    }
    for (const l of mine) {
      addKr(l);
      seen.add(l.id);
    }
    groups.push({ objective: line, ownsObjective, keyResults: mine });
  }
  const orphans = [...model.lines.values()].filter((l) => l.owner === email && !seen.has(l.id));
  if (orphans.length) {
    for (const l of orphans) addKr(l);
    groups.push({ objective: null, ownsObjective: false, keyResults: orphans });
  }
  const rank = (n: NeedItem) => Math.min(...n.needs.map((r) => NEED_ORDER.indexOf(r)));
  needs.sort((a, b) => rank(a) - rank(b) || a.row - b.row);
  return { email, name: nameOrEmail(person, email), needs, groups, counts };
}

/**
 * The order the digest lists objectives in, so that a list cut short keeps what needs leadership:
 * the largest share of key results at risk or off track first, then the least progress, then
 * sheet order.
 */
export function objectivesNeedingFirst(a: ObjectiveLine, b: ObjectiveLine): number {
  const share = (o: ObjectiveLine) => (o.keyResults ? o.atRisk / o.keyResults : 0);
  return share(b) - share(a) || (a.progress ?? 0) - (b.progress ?? 0) || a.row - b.row;
}

function keyResultsNeedingFirst(a: KeyResultLine, b: KeyResultLine): number {
  const rank = (l: KeyResultLine) => (l.confidence === 'off-track' ? 0 : 1);
  return rank(a) - rank(b) || (a.progress ?? 0) - (b.progress ?? 0) || a.row - b.row;
}

export function leadershipReport(model: DigestModel): LeadershipReport {
  const lines = [...model.lines.values()];
  const teamEmails = new Set(model.team.keys());
  const objectives = [...model.objectives.values()].map((o) =>
    objectiveLine(o, model.byObjective.get(o.id) ?? []),
  );
  const onTrack = objectives.filter((o) => {
    const krs = model.byObjective.get(o.id) ?? [];
    return krs.length > 0 && krs.every((l) => l.confidence === 'on-track');
  }).length;
  const named = (l: KeyResultLine) => ({
    ...l,
    ownerName: ownerName(model, l.owner, ''),
  });
  const movers = lines
    .filter((l) => l.change !== null && l.change !== 0)
    .sort((a, b) => Math.abs(b.change as number) - Math.abs(a.change as number) || a.row - b.row)
    .slice(0, MOVERS_CAP)
    .map(named);
  const attention = lines
    .filter((l) => needsHelp(l.confidence))
    .sort(keyResultsNeedingFirst)
    .map(named);
  return {
    headline: {
      objectives: objectives.length,
      objectivesOnTrack: onTrack,
      keyResults: lines.length,
      averageProgress: meanProgress(objectives.map((o) => o.progress)),
      atRisk: lines.filter((l) => l.confidence === 'at-risk').length,
      offTrack: lines.filter((l) => l.confidence === 'off-track').length,
      stale: lines.filter((l) => l.needs.includes('stale')).length,
      pending: lines.filter((l) => l.needs.includes('pending')).length,
      ownershipGaps: lines.filter((l) => l.owner === null || !teamEmails.has(l.owner)).length,
      behindPace: lines.filter((l) => l.pace?.behind).length,
    },
    objectives,
    movers,
    attention,
  };
}

/** The language a recipient reads: Team's Language, else the spreadsheet's (src/okr/core/language.ts). */
export function languageOf(person: Pick<Person, 'language'> | undefined, fallback: Lang): Lang {
  return chooseLanguage({ person: person?.language, setting: fallback });
}

/** A Team member's display name for an owner email (or the raw cell text when not in Team). */
export function ownerName(model: DigestModel, email: string | null, text: string): string {
  return email ? nameOrEmail(model.team.get(email), email) : text;
}
