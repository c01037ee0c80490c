// Hand-built OKR data for the summary model: each test states exactly the rows it needs.
import {
  type CheckIn,
  DEFAULT_SETTINGS,
  type KeyResult,
  type Objective,
  type OkrSheet,
  type Person,
  type Problem,
  type ProblemCode,
  type Roster,
} from '../../../../src/okr/core/model';
import { buildSummary, type SummaryInput, type SummaryModel } from '../../../../src/okr/summary/summary';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 26, 15);

let nextRow = 2;

export function objective(id: string, extra: Partial<Objective> = {}): Objective {
  return {
    type: 'objective',
    id,
    row: nextRow++,
    title: `Objective ${id}`,
    ownerText: '',
    owner: null,
    team: '',
    cycle: '2026-Q4',
    accepted: null,
    due: null,
    note: '',
    parentId: null,
    keyResultIds: [],
    ...extra,
  };
}

export function keyResult(id: string, objectiveId: string | null, extra: Partial<KeyResult> = {}): KeyResult {
  const owner = extra.owner ?? null;
  return {
    type: 'key-result',
    id,
    row: nextRow++,
    title: `Key result ${id}`,
    ownerText: owner ?? '',
    owner,
    team: '',
    cycle: '2026-Q4',
    accepted: NOW - 30 * DAY,
    due: null,
    note: '',
    objectiveId,
    kind: 'increase',
    start: 0,
    target: 100,
    current: null,
    unit: '',
    confidence: null,
    lastCheckIn: null,
    progress: null,
    ...extra,
  };
}

export function person(email: string, name: string, team = ''): Person {
  return { email, name, team, manager: '', role: 'member', language: null, row: nextRow++ };
}

export function sheet(items: Array<Objective | KeyResult>): OkrSheet {
  const objectives = items.filter((i): i is Objective => i.type === 'objective');
  const keyResults = items.filter((i): i is KeyResult => i.type === 'key-result');
  for (const o of objectives)
    o.keyResultIds = keyResults.filter((k) => k.objectiveId === o.id).map((k) => k.id);
  return { columns: {}, headers: [], objectives, keyResults, problems: [], sheetName: 'OKRs' };
}

export function roster(people: Person[]): Roster {
  return { columns: {}, people, problems: [], sheetName: 'Team' };
}

/** A problem as the validator reports it, pointing at an item's row. */
export function problemAt(
  code: ProblemCode,
  item: Objective | KeyResult,
  message = `${code} on ${item.id}`,
): Problem {
  return {
    code,
    severity: 'warning',
    id: item.id,
    row: item.row,
    column: 'Owner',
    cell: `OKRs!E${item.row}`,
    message,
    hint: '',
  };
}

export function checkIn(id: string, daysAgo: number, progress: number | null): CheckIn {
  return {
    time: NOW - daysAgo * DAY,
    id,
    by: '',
    current: null,
    progress,
    confidence: null,
    note: '',
    row: nextRow++,
  };
}

export function summarize(
  items: Array<Objective | KeyResult>,
  extra: Partial<Omit<SummaryInput, 'okrs'>> = {},
): SummaryModel {
  return buildSummary({
    okrs: sheet(items),
    roster: extra.roster ?? roster([]),
    checkIns: extra.checkIns ?? [],
    problems: extra.problems ?? [],
    now: extra.now ?? NOW,
    timeZone: extra.timeZone ?? 'America/New_York',
    settings: extra.settings ?? { ...DEFAULT_SETTINGS },
    lang: extra.lang ?? 'en',
  });
}
