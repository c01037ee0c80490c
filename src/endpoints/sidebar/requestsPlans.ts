// What assigning owners and adding rows write, decided from the sheet as re-read under the lock.
// Pure: rows are addressed by ID (and, for a new row, by the ID of the row it goes after).
import type { AddKeyResultRequest, AddObjectiveRequest, AssignRequest } from '../../api';
import { CALENDAR_YEAR, currentCycle, cycleCalendar, todaysQuarter } from '../../okr/core/cycle';
import { nextKeyResultId, nextObjectiveId, sameId } from '../../okr/core/ids';
import { kindAsWritten } from '../../okr/core/kindAsWritten';
import type { KeyResult, Kind, Objective, OkrSheet, Roster } from '../../okr/core/model';
import { KIND_WORDS, TYPE_WORDS } from '../../okr/core/parseValues';
import { type CellValue, type ProgressOf, type RowPatch, requireVersion, type WritePlan } from './checkIn';
import { RequestError } from './requests';

/** Written as set-up's dropdowns offer them (the first word of each choice). */
export function kindLabel(kind: Kind): string {
  return KIND_WORDS[kind][0];
}

export const TYPE_LABEL = { objective: TYPE_WORDS.objective[0], 'key-result': TYPE_WORDS['key-result'][0] };

type Okrs = Pick<OkrSheet, 'objectives' | 'keyResults'>;

export function findItem(okrs: Okrs, id: string): Objective | KeyResult | null {
  return (
    okrs.keyResults.find((k) => sameId(k.id, id)) ?? okrs.objectives.find((o) => sameId(o.id, id)) ?? null
  );
}

export function findKeyResult(okrs: Okrs, id: string): KeyResult {
  const item = findItem(okrs, id);
  if (!item) throw new RequestError('id-unknown', 'id', { id });
  if (item.type !== 'key-result') throw new RequestError('id-not-key-result', 'id', { id });
  return item;
}

function requireTeamMember(roster: Pick<Roster, 'people'>, email: string, field: 'email' | 'owner'): void {
  if (email && !roster.people.some((p) => p.email === email)) {
    throw new RequestError('owner-not-in-team', field, { email });
  }
}

/** One plan per row whose owner actually changes; a new owner must accept again. */
export function planAssign(okrs: Okrs, roster: Pick<Roster, 'people'>, req: AssignRequest): WritePlan[] {
  requireTeamMember(roster, req.email, 'email');
  const plans: WritePlan[] = [];
  for (const id of req.ids) {
    const item = findItem(okrs, id);
    if (!item) throw new RequestError('id-unknown', 'ids', { id });
    // Every row first, before any plan: one changed row refuses the whole assignment.
    requireVersion(item, req.versions?.[id]);
  }
  for (const id of req.ids) {
    const item = findItem(okrs, id) as Objective | KeyResult;
    if (item.owner === req.email && item.ownerText.toLowerCase() === req.email) continue;
    plans.push({ id: item.id, patch: { owner: req.email, accepted: null }, log: null });
  }
  return plans;
}

export interface NewRowPlan {
  id: string;
  /** The new row goes right after the row with this ID; null = after the last row. */
  afterId: string | null;
  values: RowPatch;
}

/** What a new row gets when the request leaves it open, decided from the sheet as re-read. */
export interface NewRowDefaults {
  /** Today's cycle in the spreadsheet's time zone (core/cycle.ts). */
  cycle: string;
  /** The Kind cells already in the sheet, so a new row spells its kind as they do. */
  kindCells: readonly unknown[];
}

/** The defaults from the OKRs tab's values (header row included) at `now`. */
export function newRowDefaults(
  values: readonly unknown[][] | null,
  okrs: Pick<OkrSheet, 'columns' | 'headerRow'>,
  timeZone: string,
  now: number,
  /** The fiscal-year setting: with April, 2026年度 Q3 is October–December. */
  fiscalYearStartMonth = CALENDAR_YEAR.fiscalYearStartMonth,
): NewRowDefaults {
  const kind = okrs.columns.kind;
  const cycleColumn = okrs.columns.cycle;
  const rows = values ? values.slice((okrs.headerRow ?? 0) + 1) : [];
  // The sheet's own cycle that today is in ("2026 H2", "FY2026"), named as the sheet names it;
  // else today's calendar quarter.
  const names = cycleColumn === undefined ? [] : rows.map((r) => String(r[cycleColumn] ?? ''));
  const current = currentCycle(names, now, cycleCalendar({ fiscalYearStartMonth }, timeZone));
  const live = current && current.start <= now && now < current.end;
  return {
    cycle: live ? current.name : todaysQuarter(timeZone, now),
    kindCells: kind === undefined ? [] : rows.map((r) => r[kind]),
  };
}

/** The owner's team on the Team tab ('' when none or no owner). */
function teamOf(roster: Pick<Roster, 'people'>, owner: string | undefined): string {
  return (owner && roster.people.find((p) => p.email === owner)?.team) || '';
}

function allIds(okrs: Okrs): string[] {
  return [...okrs.objectives, ...okrs.keyResults].map((r) => r.id).filter(Boolean);
}

function day(text: string | undefined): CellValue {
  return text ? { day: text } : null;
}

/** A new objective: its Cycle today's unless given, its Team the owner's. */
export function planAddObjective(
  okrs: Okrs,
  roster: Pick<Roster, 'people'>,
  req: AddObjectiveRequest,
  defaults: NewRowDefaults,
): NewRowPlan {
  requireTeamMember(roster, req.owner ?? '', 'owner');
  const id = nextObjectiveId(allIds(okrs));
  return {
    id,
    afterId: null,
    values: {
      id,
      type: TYPE_LABEL.objective,
      title: req.title,
      owner: req.owner || null,
      team: teamOf(roster, req.owner) || null,
      cycle: req.cycle || defaults.cycle,
      due: day(req.due),
    },
  };
}

/**
 * A new key result under its objective: the objective's Cycle (else today's), the owner's Team (else
 * the objective's), its Kind spelled as the sheet spells kinds.
 */
export function planAddKeyResult(
  okrs: Okrs,
  roster: Pick<Roster, 'people'>,
  req: AddKeyResultRequest,
  progressOf: ProgressOf,
  defaults: NewRowDefaults,
): NewRowPlan {
  const objective = findItem(okrs, req.objectiveId);
  if (!objective) throw new RequestError('id-unknown', 'objectiveId', { id: req.objectiveId });
  if (objective.type !== 'objective')
    throw new RequestError('id-not-objective', 'objectiveId', { id: objective.id });
  requireTeamMember(roster, req.owner ?? '', 'owner');
  const id = nextKeyResultId(objective.id, allIds(okrs));
  // Below the objective's last key result (or the objective itself when it has none).
  const siblings = okrs.keyResults.filter((k) => k.objectiveId === objective.id && k.id);
  const last = [objective, ...siblings].reduce((a, b) => (b.row > a.row ? b : a));
  const current = req.start;
  const team = teamOf(roster, req.owner) || objective.team;
  const cycle = objective.cycle || defaults.cycle;
  const draft: KeyResult = {
    type: 'key-result',
    id,
    row: 0,
    title: req.title,
    ownerText: req.owner ?? '',
    owner: req.owner || null,
    team,
    cycle,
    accepted: null,
    due: null,
    note: '',
    objectiveId: objective.id,
    kind: req.kind,
    start: req.start,
    target: req.target,
    current,
    unit: req.unit ?? '',
    confidence: null,
    lastCheckIn: null,
    progress: null,
  };
  return {
    id,
    afterId: last.id,
    values: {
      id,
      type: TYPE_LABEL['key-result'],
      parent: objective.id,
      title: req.title,
      owner: req.owner || null,
      team: team || null,
      cycle,
      kind: kindAsWritten(req.kind, defaults.kindCells, kindLabel(req.kind)),
      start: req.start,
      target: req.target,
      current,
      unit: req.unit || null,
      progress: progressOf(draft),
      due: day(req.due),
    },
  };
}
