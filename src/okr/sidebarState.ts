// The sidebar's whole state, built from the parsed sheet in one pass: the caller's key results in
// full, every row in a compact columnar table (so 5,000 rows stay well under 300 KB of JSON), the
// team for the person picker, and the validator's problems (capped, errors first).
import type * as Api from '../api';
import {
  type KeyResultView,
  type Need,
  type OkrTable,
  PROBLEM_CAP,
  type ProblemView,
  type SidebarState,
  type TeamMember,
  TITLE_CAP,
} from '../api';
import type {
  Confidence,
  KeyResult,
  Kind,
  Lang,
  Objective,
  OkrSheet,
  Problem,
  Role,
  Roster,
  Severity,
} from './model';
import { type Caller, canManage } from './permissions';

// api.ts restates these unions for the sidebar's project; fail the build if they ever drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const unionsAgree: [
  Same<Api.Kind, Kind>,
  Same<Api.Confidence, Confidence>,
  Same<Api.Lang, Lang>,
  Same<Api.Role, Role>,
  Same<Api.Severity, Severity>,
] = [true, true, true, true, true];
void unionsAgree;

export const DAY_MS = 86_400_000;
/** Full titles in KeyResultView are cut here: a 5,000-character title is a paste accident. */
export const VIEW_TITLE_CAP = 300;

export function capText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** FNV-1a over the fields a write depends on; any change (by anyone) changes the fingerprint. */
export function versionOf(item: KeyResult | Objective): string {
  const fields =
    item.type === 'key-result'
      ? [
          item.ownerText,
          item.accepted,
          item.current,
          item.lastCheckIn,
          item.confidence,
          item.kind,
          item.start,
          item.target,
        ]
      : [item.ownerText, item.accepted];
  const text = fields.map((f) => (f === null || f === undefined ? '' : String(f))).join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function needsOf(kr: KeyResult, now: number, staleDays: number): Need[] {
  const needs: Need[] = [];
  if (kr.owner && kr.accepted === null) needs.push('pending');
  const since = kr.lastCheckIn ?? kr.accepted;
  if (since !== null && now - since > staleDays * DAY_MS) needs.push('stale');
  if (kr.confidence === 'at-risk' || kr.confidence === 'off-track') needs.push('at-risk');
  const missing =
    kr.kind === null ||
    kr.target === null ||
    kr.current === null ||
    (kr.kind !== 'milestone' && kr.start === null);
  if (missing) needs.push('missing-values');
  return needs;
}

export function keyResultView(
  kr: KeyResult,
  objectiveTitle: string,
  now: number,
  staleDays: number,
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
    progress: kr.progress,
    confidence: kr.confidence,
    lastCheckIn: kr.lastCheckIn,
    accepted: kr.accepted,
    due: kr.due,
    note: capText(kr.note, 1000),
    daysSinceCheckIn:
      kr.lastCheckIn === null ? null : Math.max(0, Math.floor((now - kr.lastCheckIn) / DAY_MS)),
    needs: needsOf(kr, now, staleDays),
    version: versionOf(kr),
  };
}

export function teamOf(roster: Pick<Roster, 'people'>): TeamMember[] {
  const seen = new Set<string>();
  const team: TeamMember[] = [];
  for (const p of roster.people) {
    if (!p.email || seen.has(p.email)) continue;
    seen.add(p.email);
    team.push({ name: capText(p.name, 80), email: p.email, role: p.role });
  }
  return team;
}

type OwnerState = 'm' | 'i' | 'p' | 'a';

export function ownerState(item: Objective | KeyResult, teamIndex: Map<string, number>): OwnerState {
  if (!item.ownerText) return 'm';
  if (!item.owner || !teamIndex.has(item.owner)) return 'i';
  return item.accepted === null ? 'p' : 'a';
}

export function okrTable(okrs: Pick<OkrSheet, 'objectives' | 'keyResults'>, team: TeamMember[]): OkrTable {
  const teamIndex = new Map(team.map((m, i) => [m.email, i]));
  const rows = [...okrs.objectives, ...okrs.keyResults].filter((r) => r.id).sort((a, b) => a.row - b.row);
  const indexOfId = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!indexOfId.has(r.id)) indexOfId.set(r.id, i);
  });
  const table: OkrTable = { id: [], title: [], type: '', owner: [], state: '', parent: [] };
  for (const r of rows) {
    table.id.push(r.id);
    table.title.push(capText(r.title, TITLE_CAP));
    table.type += r.type === 'objective' ? 'o' : 'k';
    const state = ownerState(r, teamIndex);
    table.owner.push(!r.ownerText ? -1 : r.owner && teamIndex.has(r.owner) ? teamIndex.get(r.owner)! : -2);
    table.state += state;
    const parentId = r.type === 'objective' ? r.parentId : r.objectiveId;
    table.parent.push(parentId ? (indexOfId.get(parentId) ?? -1) : -1);
  }
  return table;
}

export function problemViews(problems: readonly Problem[]): Api.SidebarState['problems'] {
  const sorted = [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      a.code.localeCompare(b.code),
  );
  const list: ProblemView[] = sorted.slice(0, PROBLEM_CAP).map((p) => ({
    code: p.code,
    severity: p.severity,
    id: p.id,
    cell: p.cell,
    column: p.column,
    message: capText(p.message, 400),
    hint: capText(p.hint, 400),
  }));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors, list };
}

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
}

export function buildSidebarState(input: SidebarInput): SidebarState {
  const { okrs, caller, now, staleDays } = input;
  const team = teamOf(input.roster);
  const objectiveTitles = new Map((okrs?.objectives ?? []).map((o) => [o.id, o.title]));
  const mine = (okrs?.keyResults ?? [])
    .filter((kr) => kr.id && caller.email !== '' && kr.owner === caller.email)
    .sort((a, b) => a.row - b.row)
    .map((kr) => keyResultView(kr, objectiveTitles.get(kr.objectiveId ?? '') ?? '', now, staleDays));
  return {
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
    mine,
    table: okrs ? okrTable(okrs, team) : { id: [], title: [], type: '', owner: [], state: '', parent: [] },
    problems: problemViews(input.problems),
  };
}
