// The sidebar's whole state, built from the parsed sheet in one pass: the caller's key results in
// full, every row in a compact columnar table, the team for the person picker, and the validator's
// problems (capped, errors first). Whatever the sheet, the JSON stays under stateBudget(rows).
import {
  type KeyResultView,
  MINE_CAP,
  type Need,
  type OkrTable,
  PROBLEM_CAP,
  type ProblemView,
  type RetrospectiveAsk,
  type SidebarState,
  STATE_BUDGET,
  STATE_BUDGET_MAX,
  STATE_BUDGET_ROWS,
  type TeamMember,
  TITLE_CAP,
  VERSION_WIDTH,
} from '../../api';
import { hasMissingValues, needsHelp, ownerNeeds } from '../../okr/core/attention';
import {
  CALENDAR_YEAR,
  type CycleCalendar,
  currentCycle,
  cyclesOf,
  inCycle,
  openCycleFilter,
  type Pace,
  pacer,
} from '../../okr/core/cycle';
import { daysSince } from '../../okr/core/days';
import type { KeyResult, Lang, Objective, OkrSheet, Problem, Roster } from '../../okr/core/model';
import { progressOf } from '../../okr/core/progress';
import { inClosedCycle } from '../../okr/cycle/closedCycles';
import { reportsOf } from '../../okr/ownership/managers';
import { type Caller, canManage } from '../permissions';

/** Full titles in KeyResultView are cut here: a 5,000-character title is a paste accident. */
export const VIEW_TITLE_CAP = 200;
export const VIEW_NOTE_CAP = 280;
/** A person's name as the views show it (Team's Name, src/okr/core/displayName.ts). */
export const VIEW_NAME_CAP = 80;

/** Text on one line: runs of whitespace (line breaks, tabs) become one space. */
function flatText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cut one-line text to `max` characters, the last one an ellipsis. */
function cutFlat(flat: string, max: number): string {
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function capText(text: string, max: number): string {
  return cutFlat(flatText(text), max);
}

/** FNV-1a over the fields a write depends on; any change (by anyone) changes the fingerprint. */
export function versionOf(item: KeyResult | Objective): string {
  // Every column a write touches or the person sees on the card: a newer note, title, unit or due
  // date typed by a colleague must make "changed since you opened it", never be overwritten unseen.
  const seen = [
    item.id,
    item.title,
    item.ownerText,
    item.accepted,
    item.due,
    item.note,
    item.team,
    item.cycle,
  ];
  const fields =
    item.type === 'key-result'
      ? [
          ...seen,
          item.objectiveId,
          item.current,
          item.lastCheckIn,
          item.confidence,
          item.kind,
          item.start,
          item.target,
          item.unit,
        ]
      : [...seen, item.parentId];
  const text = fields.map((f) => (f === null || f === undefined ? '' : String(f))).join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Fixed width (32 bits in six characters that JSON leaves as they are), so the table can carry
  // every row's version in one string.
  let out = '';
  let n = h >>> 0;
  for (let i = 0; i < VERSION_WIDTH; i++) {
    out = VERSION_DIGITS[n % 64] + out;
    n = Math.floor(n / 64);
  }
  return out;
}

const VERSION_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/**
 * What the caller's key result needs (okr/core/attention.ts decides pending and stale for every
 * consumer). `ownerInTeam`: whether the owner is a Team member; the endpoints that answer a check-in or
 * an acceptance by that owner leave it at true.
 */
export function needsOf(
  kr: KeyResult,
  now: number,
  staleDays: number,
  ownerInTeam = true,
  openCycle = true,
): Need[] {
  const needs: Need[] = [];
  // A cycle that is over or closed asks nothing more of its owner (cycle.ts isOpenCycle), as in Problems.
  const owner = openCycle ? ownerNeeds(kr, ownerInTeam, now, staleDays) : { pending: false, stale: false };
  if (owner.pending) needs.push('pending');
  if (owner.stale) needs.push('stale');
  if (needsHelp(kr.confidence)) needs.push('at-risk');
  if (hasMissingValues(kr)) needs.push('missing-values');
  return needs;
}

/** The cycle rules a view applies to a key result (okr/core/cycle.ts): its pace, and whether its cycle is open. */
export interface CycleRules {
  pace: (kr: KeyResult) => Pace | null;
  isOpen: (cycle: string) => boolean;
}
const NO_CYCLE_RULES: CycleRules = { pace: () => null, isOpen: () => true };

export function keyResultView(
  kr: KeyResult,
  objectiveTitle: string,
  now: number,
  staleDays: number,
  ownerInTeam = true,
  rules: CycleRules = NO_CYCLE_RULES,
): KeyResultView {
  return {
    id: kr.id,
    title: capText(kr.title, VIEW_TITLE_CAP),
    objectiveId: kr.objectiveId,
    objectiveTitle: capText(objectiveTitle, VIEW_TITLE_CAP),
    owner: kr.owner,
    kind: kr.kind,
    start: kr.start,
    target: kr.target,
    current: kr.current,
    unit: capText(kr.unit, 20),
    progress: progressOf(kr),
    confidence: kr.confidence,
    lastCheckIn: kr.lastCheckIn,
    accepted: kr.accepted,
    due: kr.due,
    note: capText(kr.note, VIEW_NOTE_CAP),
    daysSinceCheckIn: daysSince(kr.lastCheckIn, now),
    needs: needsOf(kr, now, staleDays, ownerInTeam, rules.isOpen(kr.cycle)),
    version: versionOf(kr),
    cycle: capText(kr.cycle, 40),
    pace: rules.pace(kr),
    ...(kr.source ? { source: kr.source } : {}),
  };
}

export function teamOf(roster: Pick<Roster, 'people'>): TeamMember[] {
  const seen = new Set<string>();
  const team: TeamMember[] = [];
  for (const p of roster.people) {
    if (!p.email || seen.has(p.email)) continue;
    seen.add(p.email);
    team.push({ name: capText(p.name, VIEW_NAME_CAP), email: p.email, role: p.role });
  }
  return team;
}

/** The character of cycle `i` in OkrTable.cycle: from '0' upwards, skipping the backslash JSON would escape. */
function cycleChar(i: number): string {
  const code = 0x30 + i;
  return String.fromCharCode(code >= 0x5c ? code + 1 : code);
}

type OwnerState = 'm' | 'i' | 'p' | 'a';

export function ownerState(item: Objective | KeyResult, teamIndex: Map<string, number>): OwnerState {
  if (!item.ownerText) return 'm';
  if (!item.owner || !teamIndex.has(item.owner)) return 'i';
  return item.accepted === null ? 'p' : 'a';
}

/** The table without its titles, and the rows' titles on one line, in sheet order. */
function tableRows(
  okrs: Pick<OkrSheet, 'objectives' | 'keyResults'>,
  team: TeamMember[],
  cycles: ReadonlyArray<{ name: string }>,
): { table: Omit<OkrTable, 'title'>; titles: string[] } {
  const cycleIndex = new Map(cycles.map((c, i) => [c.name, i]));
  const teamIndex = new Map(team.map((m, i) => [m.email, i]));
  const rows = [...okrs.objectives, ...okrs.keyResults].filter((r) => r.id).sort((a, b) => a.row - b.row);
  const id: string[] = [];
  const owner: number[] = [];
  const titles: string[] = [];
  const type: string[] = [];
  const state: string[] = [];
  const version: string[] = [];
  const cycle: string[] = [];
  for (const r of rows) {
    id.push(r.id);
    titles.push(flatText(r.title));
    type.push(r.type === 'objective' ? 'o' : 'k');
    owner.push(!r.ownerText ? -1 : r.owner && teamIndex.has(r.owner) ? teamIndex.get(r.owner)! : -2);
    state.push(ownerState(r, teamIndex));
    version.push(versionOf(r));
    const at = cycleIndex.get(r.cycle.trim());
    cycle.push(at === undefined ? ' ' : cycleChar(at));
  }
  return {
    table: {
      id,
      type: type.join(''),
      owner,
      state: state.join(''),
      version: version.join(''),
      cycle: cycle.join(''),
    },
    titles,
  };
}

const titlesAt = (titles: readonly string[], cap: number): string[] =>
  cap > 0 ? titles.map((t) => cutFlat(t, cap)) : titles.map(() => '');

/** Problems errors first, then by row and code (the order the Problems view lists them in). */
function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

const problemView = (p: Problem): ProblemView => ({
  code: p.code,
  severity: p.severity,
  id: p.id,
  cell: p.cell,
  column: p.column,
  message: capText(p.message, 300),
  hint: capText(p.hint, 300),
});

export interface SidebarInput {
  /** null when the OKRs tab is missing. */
  okrs: Pick<OkrSheet, 'objectives' | 'keyResults'> | null;
  roster: Pick<Roster, 'people'>;
  problems: readonly Problem[];
  caller: Caller;
  now: number;
  lang: Lang;
  timeZone: string;
  staleDays: number;
  /** How cycle names are dated (fiscal year, time zone); default the calendar year in UTC. */
  calendar?: CycleCalendar;
  /** Each key result's pace and whether its cycle is open; default from `calendar`, the default margin, nothing closed. */
  rules?: CycleRules;
  /**
   * Set for getSidebarStart's quick state: only the caller's rows (and a few around them) were read,
   * so no table or problems are sent, and `minePending` of the caller's rows are still to come.
   */
  quick?: { minePending: number };
  /** Closed cycles: their key results ask nothing of the owner but the retrospective. */
  closed?: ReadonlySet<string>;
  /** The caller's retrospectives still to write (src/okr/cycle/retrospectives.ts). */
  retrospectives?: RetrospectiveAsk[];
}

/** UTF-8 length of a string, without Buffer or TextEncoder (neither exists in Apps Script). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Caller's key results: all when few; else those needing attention first, up to MINE_CAP, in sheet order. */
function pickMine(views: KeyResultView[]): KeyResultView[] {
  if (views.length <= MINE_CAP) return views;
  const keep = new Set([...views.filter((v) => v.needs.length > 0), ...views].slice(0, MINE_CAP));
  return views.filter((v) => keep.has(v));
}

/**
 * How much detail fits: full titles and problem lists for ordinary sheets; on a huge sheet (or one
 * full of long Japanese titles) the table's titles, the problem list and the texts of the caller's
 * key results shrink step by step until the JSON fits stateBudget(rows). IDs, owners, states and values
 * are never dropped.
 */
const SHRINK_STEPS: ReadonlyArray<{ titleCap: number; problemCap: number; mineTextCap: number }> = [
  { titleCap: TITLE_CAP, problemCap: PROBLEM_CAP, mineTextCap: VIEW_NOTE_CAP },
  { titleCap: 40, problemCap: 100, mineTextCap: 160 },
  { titleCap: 28, problemCap: 60, mineTextCap: 120 },
  { titleCap: 20, problemCap: 40, mineTextCap: 100 },
  { titleCap: 14, problemCap: 30, mineTextCap: 80 },
  { titleCap: 10, problemCap: 25, mineTextCap: 60 },
  { titleCap: 6, problemCap: 20, mineTextCap: 40 },
  // The caller's texts give way before the table's last readable titles do.
  { titleCap: 6, problemCap: 20, mineTextCap: 30 },
  { titleCap: 0, problemCap: 20, mineTextCap: 30 },
];

/** The caller's key results with their texts (title, objective, note) cut to `cap` characters. */
function trimMine(views: KeyResultView[], cap: number): KeyResultView[] {
  return views.map((v) => ({
    ...v,
    title: capText(v.title, cap),
    objectiveTitle: capText(v.objectiveTitle, cap),
    note: capText(v.note, cap),
  }));
}

/**
 * Bytes the state's JSON may take for a sheet of `rows` rows: STATE_BUDGET up to STATE_BUDGET_ROWS
 * rows, then as much per row, up to STATE_BUDGET_MAX.
 */
export function stateBudget(rows: number): number {
  const perRow = STATE_BUDGET / STATE_BUDGET_ROWS;
  return Math.min(STATE_BUDGET_MAX, Math.max(STATE_BUDGET, Math.floor(rows * perRow)));
}

/** UTF-8 bytes of a value's JSON. */
const jsonSize = (value: unknown): number => utf8Length(JSON.stringify(value));

export function buildSidebarState(input: SidebarInput): SidebarState {
  const { okrs, caller, now, staleDays } = input;
  const calendar = input.calendar ?? { ...CALENDAR_YEAR, timeZone: input.timeZone || 'UTC' };
  const rules = input.rules ?? {
    pace: pacer(now, calendar),
    isOpen: openCycleFilter(now, calendar, input.closed),
  };
  const team = teamOf(input.roster);
  // The sheet's cycles (on a quick state, those of the rows read), and the one shown by default.
  const names = [...(okrs?.objectives ?? []), ...(okrs?.keyResults ?? [])].map((r) => r.cycle);
  const found = cyclesOf(names, calendar);
  const cycles = found.map((c) => ({
    ...c,
    name: capText(c.name, 40),
    shows: found.flatMap((other, i) => (inCycle(other.name, c.name, calendar) ? [i] : [])),
  }));
  const current = currentCycle(names, now, calendar);
  const objectiveTitles = new Map((okrs?.objectives ?? []).map((o) => [o.id, o.title]));
  // The caller's key results are owned by the caller: they are the Team member asked to act, or nobody.
  const callerInTeam = team.some((m) => m.email === caller.email);
  const allMine = (okrs?.keyResults ?? [])
    .filter((kr) => kr.id && caller.email !== '' && kr.owner === caller.email)
    .sort((a, b) => a.row - b.row)
    .map((kr) => {
      const view = keyResultView(
        kr,
        objectiveTitles.get(kr.objectiveId ?? '') ?? '',
        now,
        staleDays,
        callerInTeam,
        rules,
      );
      // A closed cycle's results are final: no check-in, acceptance or values are asked of them.
      return inClosedCycle(kr, input.closed) ? { ...view, needs: [] } : view;
    });
  const mine = pickMine(allMine);
  const minePending = input.quick?.minePending ?? 0;
  const { table, titles } =
    okrs && !input.quick
      ? tableRows(okrs, team, found)
      : { table: { id: [], type: '', owner: [], state: '', version: '', cycle: '' }, titles: [] };
  const problems = input.quick ? [] : input.problems;
  const sortedProblems = sortProblems(problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const views: ProblemView[] = [];
  const problemsUpTo = (cap: number) => {
    while (views.length < Math.min(cap, sortedProblems.length))
      views.push(problemView(sortedProblems[views.length]));
    return views.slice(0, cap);
  };
  const stateAt = (step: (typeof SHRINK_STEPS)[number]): SidebarState => ({
    lang: input.lang,
    timeZone: input.timeZone,
    now,
    setUp: okrs !== null,
    me: {
      email: caller.email,
      name: caller.person?.name ?? '',
      role: caller.person?.role ?? null,
      inTeam: caller.person !== null,
    },
    can: { manage: canManage(caller) },
    staleDays,
    team,
    mine: trimMine(mine, step.mineTextCap),
    mineTotal: allMine.length,
    complete: !input.quick,
    minePending,
    table: {
      id: table.id,
      title: titlesAt(titles, step.titleCap),
      type: table.type,
      owner: table.owner,
      state: table.state,
      version: table.version,
      cycle: table.cycle,
    },
    problems: { errors, warnings: problems.length - errors, list: problemsUpTo(step.problemCap) },
    cycles,
    currentCycle: current ? capText(current.name, 40) : null,
    reports: reportsOf(caller.email, input.roster.people).length,
    ...(input.retrospectives?.length ? { retrospectives: input.retrospectives } : {}),
  });
  // Only the titles, the problem list and the caller's texts change from step to step: the JSON of
  // everything else is measured once (with those three empty), then each step adds their sizes
  // minus the "[]" they replace. Same bytes as measuring the whole state, without re-serialising
  // thousands of IDs at every step.
  const first = stateAt(SHRINK_STEPS[0]);
  const fixed = jsonSize({
    ...first,
    mine: [],
    table: { ...first.table, title: [] },
    problems: { ...first.problems, list: [] },
  });
  const budget = stateBudget(table.id.length);
  let state = first;
  for (const step of SHRINK_STEPS) {
    state = step === SHRINK_STEPS[0] ? first : stateAt(step);
    const size =
      fixed + jsonSize(state.mine) - 2 + jsonSize(state.table.title) - 2 + jsonSize(state.problems.list) - 2;
    if (size <= budget) break;
  }
  return state;
}
