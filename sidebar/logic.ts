// The sidebar's pure helpers (no DOM): formatting, filtering the all-rows table, grouping, and
// reading what a person typed. Unit-tested directly.
import type {
  AgreementView,
  CheckInOk,
  KeyResultView,
  Kind,
  Lang,
  Need,
  OkrTable,
  Severity,
  SidebarState,
  TeamMember,
} from '../src/api';

export function formatNumber(value: number | null, unit: string, lang: Lang): string {
  if (value === null) return '—';
  const n = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 2 }).format(
    value,
  );
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** A time in the sheet's time zone; an unknown zone falls back to UTC's ISO text. */
function formatTime(time: number, timeZone: string, lang: Lang, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { timeZone, ...options }).format(time);
  } catch (_e) {
    return new Date(time).toISOString().slice(0, options.year ? 10 : 24);
  }
}

export function formatDate(time: number | null, timeZone: string, lang: Lang): string {
  return time === null
    ? '—'
    : formatTime(time, timeZone, lang, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(time: number, timeZone: string, lang: Lang): string {
  return formatTime(time, timeZone, lang, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** Progress clamped to a bar width. */
export function barPercent(progress: number | null): number {
  if (progress === null || !Number.isFinite(progress)) return 0;
  return Math.max(0, Math.min(100, Math.round(progress)));
}

/**
 * What a person typed in a number field: "1,200", " 45 ", "45%", "１２" (full-width) → a number;
 * anything else → null.
 */
export function parseTypedNumber(text: string): number | null {
  const halfWidth = text.replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const clean = halfWidth.replace(/[,\s%]/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean)) return null;
  const n = Number(clean);
  return Number.isFinite(n) ? n : null;
}

export type OwnerFilter = 'missing' | 'invalid' | 'pending' | 'all';

const FILTER_STATE: Record<Exclude<OwnerFilter, 'all'>, string> = {
  missing: 'm',
  invalid: 'i',
  pending: 'p',
};

export function countByFilter(table: OkrTable): Record<OwnerFilter, number> {
  const counts = { missing: 0, invalid: 0, pending: 0, all: table.id.length };
  for (let i = 0; i < table.state.length; i++) {
    const s = table.state[i];
    if (s === 'm') counts.missing++;
    else if (s === 'i') counts.invalid++;
    else if (s === 'p') counts.pending++;
  }
  return counts;
}

/** Indexes of the table's rows that pass the filter and contain every word of the query. */
export function filterRows(
  table: OkrTable,
  team: TeamMember[],
  filter: OwnerFilter,
  query: string,
): number[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < table.id.length; i++) {
    if (filter !== 'all' && table.state[i] !== FILTER_STATE[filter]) continue;
    if (words.length) {
      const owner = team[table.owner[i]];
      const hay =
        `${table.id[i]} ${table.title[i]} ${owner ? `${owner.name} ${owner.email}` : ''}`.toLowerCase();
      if (!words.every((w) => hay.includes(w))) continue;
    }
    out.push(i);
  }
  return out;
}

export function searchPeople(team: TeamMember[], query: string): TeamMember[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return team.filter((m) => {
    const hay = `${m.name} ${m.email}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export interface ObjectiveGroup {
  objectiveId: string | null;
  objectiveTitle: string;
  items: KeyResultView[];
}

/** Key results grouped under their objective, objectives in the order they first appear. */
export function groupByObjective(items: KeyResultView[]): ObjectiveGroup[] {
  const groups: ObjectiveGroup[] = [];
  const byId = new Map<string, ObjectiveGroup>();
  for (const kr of items) {
    const key = kr.objectiveId ?? '';
    let group = byId.get(key);
    if (!group) {
      group = { objectiveId: kr.objectiveId, objectiveTitle: kr.objectiveTitle, items: [] };
      byId.set(key, group);
      groups.push(group);
    }
    // A quick state leaves a title '' when its read did not reach the objective's row; any reached one will do.
    if (!group.objectiveTitle) group.objectiveTitle = kr.objectiveTitle;
    group.items.push(kr);
  }
  return groups;
}

/** The version of the table's row `i` as the server sent it ('' when the table has none). */
export function rowVersion(table: Pick<OkrTable, 'id' | 'version'>, i: number): string {
  const width = versionWidth(table);
  return i >= 0 && width > 0 ? table.version.slice(i * width, (i + 1) * width) : '';
}

/** Characters per row in OkrTable.version (VERSION_WIDTH; read off the table, this file imports types only). */
function versionWidth(table: Pick<OkrTable, 'id' | 'version'>): number {
  return table.id.length && table.version ? table.version.length / table.id.length : 0;
}

/** The state after a decline answered with the key result that left the caller's list (LeftOk). */
export function withoutKeyResult(state: SidebarState, id: string): SidebarState {
  const mine = state.mine.filter((k) => k.id !== id);
  // Its agreement goes too (a counter waiting for the owner would still offer Agree): the caller no
  // longer owns it, and the whole state that follows says who is asked now.
  const agreements = state.agreements && {
    waiting: state.agreements.waiting.filter((a) => a.id !== id),
    mine: state.agreements.mine.filter((a) => a.id !== id),
  };
  return {
    ...state,
    mine,
    mineTotal: Math.max(0, state.mineTotal - (state.mine.length - mine.length)),
    agreements,
  };
}

/**
 * The state after a check-in or an acceptance answered with what changed (CheckInOk): the key
 * result's fresh view in place of the old one (keeping its objective's title), its table row no
 * longer pending once accepted, and the problems it fixed dropped from the list and from the counts
 * (the counts also cover problems beyond the list's cap).
 */
export function applyCheckIn(
  state: SidebarState,
  done: Pick<CheckInOk, 'item' | 'resolved' | 'agreement'>,
): SidebarState {
  const { item, resolved } = done;
  const mine = state.mine.map((k) => (k.id === item.id ? { ...item, objectiveTitle: k.objectiveTitle } : k));
  const list = [...state.problems.list];
  // Same cell; else the same column (the row moved since the list was made: sorted, rows inserted).
  const column = (cell: string | null) => (cell ?? '').replace(/\d+$/, '');
  for (const r of resolved) {
    const mine = (p: (typeof list)[number]) => p.id === item.id && p.code === r.code;
    let i = list.findIndex((p) => mine(p) && p.cell === r.cell);
    if (i < 0) i = list.findIndex((p) => mine(p) && column(p.cell) === column(r.cell));
    if (i >= 0) list.splice(i, 1);
  }
  const fixed = (severity: Severity) => resolved.filter((r) => r.severity === severity).length;
  const row = state.table.id.indexOf(item.id);
  let table = state.table;
  if (row >= 0 && item.accepted !== null && table.state[row] === 'p') {
    table = { ...table, state: `${table.state.slice(0, row)}a${table.state.slice(row + 1)}` };
  }
  // The row's new version, so an assignment right after this write is not refused as "changed".
  const seen = rowVersion(table, row);
  if (seen && seen !== item.version) {
    const width = versionWidth(table);
    const at = row * width;
    table = {
      ...table,
      version: table.version.slice(0, at) + item.version + table.version.slice(at + width),
    };
  }
  return {
    ...state,
    mine,
    table,
    problems: {
      errors: Math.max(0, state.problems.errors - fixed('error')),
      warnings: Math.max(0, state.problems.warnings - fixed('warning')),
      list,
    },
    agreements: done.agreement && state.agreements ? applyAgreement(state, done.agreement) : state.agreements,
  };
}

/**
 * An agreement step's answer: the key result's agreement as the caller now sees it replaces the one
 * held; it waits in "Needs you" while it waits for the caller, and is among their own when theirs.
 */
function applyAgreement(state: SidebarState, view: AgreementView): SidebarState['agreements'] {
  const put = (list: AgreementView[], keep: boolean) => {
    const rest = list.filter((a) => a.id !== view.id);
    if (!keep) return rest;
    // New to the list: at its end for now; the whole state asked for after such an answer
    // (agreementArrives) puts the list in the server's order and within its cap.
    if (list.length === rest.length) return [...list, view];
    return list.map((a) => (a.id === view.id ? view : a));
  };
  const { waiting, mine } = state.agreements ?? { waiting: [], mine: [] };
  return {
    waiting: put(waiting, waitsForMe(view)),
    mine: put(mine, view.owner === state.me.email),
  };
}

const waitsForMe = (view: AgreementView) => view.waitsFor === 'me-approver' || view.waitsFor === 'me-owner';

/**
 * Whether an agreement step's answer puts the key result in a list that did not hold it ("Needs you"
 * or the caller's own): the sidebar then asks for the whole state, which has the lists in the
 * server's order and cap.
 */
export function agreementArrives(state: SidebarState, view: AgreementView | undefined): boolean {
  if (!view || !state.agreements) return false;
  const { waiting, mine } = state.agreements;
  const held = (list: AgreementView[]) => list.some((a) => a.id === view.id);
  return (waitsForMe(view) && !held(waiting)) || (view.owner === state.me.email && !held(mine));
}

/**
 * What to do with a state that arrived: show it, drop it, or ask for the whole state 'again'.
 * `asked` is the generation when it was requested, `generation` the current one (bumped each time a
 * write's result is shown and each time the sidebar loads again): an answer requested before either
 * may hold older values (or another language). A quick
 * state never replaces a complete one; a stale whole state is asked for again while only a quick one
 * is shown, so the sidebar does not stay without its table and problems.
 */
export function stateArrival(
  held: Pick<SidebarState, 'complete'> | null,
  next: Pick<SidebarState, 'complete'>,
  asked: number,
  generation: number,
): 'adopt' | 'drop' | 'again' {
  if (asked !== generation) return next.complete && !held?.complete ? 'again' : 'drop';
  return !next.complete && held?.complete ? 'drop' : 'adopt';
}

/**
 * Whether the caller may check in, accept or decline on the row with this ID, by the rule the server
 * applies on save (canActOn in src/endpoints/permissions.ts): a Lead on any row, anyone else on the
 * rows they own. Only to hide actions that would be refused; the server still decides.
 */
export function mayActOn(state: Pick<SidebarState, 'me' | 'mine' | 'table' | 'team'>, id: string): boolean {
  const { me, table } = state;
  if (!me.email) return false;
  if (me.role === 'lead') return true;
  // Their own key results; the table also knows the rows beyond the MINE_CAP sent in full.
  return (
    state.mine.some((k) => k.id === id) || state.team[table.owner[table.id.indexOf(id)]]?.email === me.email
  );
}

const ATTENTION_ORDER: Need[] = ['pending', 'at-risk', 'stale', 'missing-values'];

/** Pending first, then at risk, stale, missing values; within each, sheet order. */
export function needsAttention(items: KeyResultView[]): KeyResultView[] {
  const rank = (kr: KeyResultView) => {
    const r = ATTENTION_ORDER.findIndex((n) => kr.needs.includes(n));
    return r < 0 ? 9 : r;
  };
  return items
    .map((kr, i) => ({ kr, i, r: rank(kr) }))
    .filter((x) => x.r < 9)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.kr);
}

/** The two values of a milestone, as the server expects them (see src/okr/checkIn.ts). */
export function milestoneValues(kr: Pick<KeyResultView, 'start' | 'target'>): {
  notDone: number;
  done: number;
} {
  return { notDone: kr.start ?? 0, done: kr.target ?? 1 };
}

export function isPercent(kr: Pick<KeyResultView, 'unit'>): boolean {
  return kr.unit.trim() === '%';
}

export const KINDS: Kind[] = ['increase', 'decrease', 'at-least', 'at-most', 'milestone'];

/** Today's date as YYYY-MM-DD in the spreadsheet's time zone (for date inputs). */
export function isoDay(time: number, timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(time));
    return parts;
  } catch (_e) {
    return new Date(time).toISOString().slice(0, 10);
  }
}

/** While the sidebar is hidden, the sheet is asked once in this many ticks (it is not being looked at). */
export const HIDDEN_TICKS = 10;
/** After this many failed polls in a row the sidebar stops asking (⟳ starts it again). */
export const WATCH_FAILURES = 3;

/** Whether this tick of the poll asks the server. */
export function pollDue(tick: number, visible: boolean, failures: number): boolean {
  return failures < WATCH_FAILURES && (visible || tick % HIDDEN_TICKS === 0);
}

/** The sheet changed since the version held; the first version answered is only held. */
export function versionMoved(held: string | null, next: string): boolean {
  return held !== null && held !== next;
}

/** Two states that show the same thing (when each was built aside). */
export function sameState(a: SidebarState | null, b: SidebarState): boolean {
  return !!a && JSON.stringify({ ...a, now: 0 }) === JSON.stringify({ ...b, now: 0 });
}

/**
 * Which rows the view of cycle `shown` (an index into state.cycles; -1 = every cycle) shows: its own,
 * a blank Cycle's, and those of the cycles the server listed in its CycleView.shows (the longer
 * cycles spanning it; the rule is the server's, src/okr/core/cycle.ts inCycle).
 */
export function cycleView(
  state: Pick<SidebarState, 'cycles'>,
  shown: number,
): { kr(cycle: string): boolean; row(table: Pick<OkrTable, 'cycle'>, i: number): boolean } {
  const cycle = state.cycles[shown];
  const shows = new Set(cycle ? cycle.shows : []);
  const names = new Set(state.cycles.filter((_, i) => shows.has(i)).map((c) => c.name));
  return {
    kr: (name) => !cycle || name === '' || names.has(name),
    row: (table, i) => {
      if (!cycle || !table.cycle) return true;
      // OkrTable.cycle: a space for a blank Cycle, else the character 0x30 + index (skipping '\').
      const code = table.cycle.charCodeAt(i);
      if (!(code >= 0x30)) return true;
      return shows.has(code > 0x5c ? code - 0x31 : code - 0x30);
    },
  };
}
