// Plain domain objects for the weekly-email unit tests (no sheet, no runtime).
import type { CheckIn, KeyResult, Objective, Person } from '../../../../src/okr/core/model';

export const DAY = 86_400_000;
/** Monday 23 November 2026, 10:00 in Tokyo (01:00 UTC). */
export const NOW = Date.UTC(2026, 10, 23, 1, 0);

export function person(email: string, over: Partial<Person> = {}): Person {
  return {
    name: email.split('@')[0],
    email,
    team: 'Core',
    manager: '',
    role: 'member',
    language: null,
    row: 2,
    ...over,
  };
}

export function objective(id: string, owner: string | null, over: Partial<Objective> = {}): Objective {
  return {
    type: 'objective',
    id,
    row: 2,
    title: `Objective ${id}`,
    ownerText: owner ?? '',
    owner,
    team: 'Core',
    cycle: '2026-Q4',
    accepted: NOW - 30 * DAY,
    due: null,
    note: '',
    parentId: null,
    keyResultIds: [],
    ...over,
  };
}

export function kr(
  id: string,
  objectiveId: string | null,
  owner: string | null,
  over: Partial<KeyResult> = {},
): KeyResult {
  return {
    type: 'key-result',
    id,
    row: 3,
    title: `Key result ${id}`,
    ownerText: owner ?? '',
    owner,
    team: 'Core',
    cycle: '2026-Q4',
    accepted: NOW - 20 * DAY,
    due: null,
    note: '',
    objectiveId,
    kind: 'increase',
    start: 0,
    target: 100,
    current: 50,
    unit: '',
    confidence: 'on-track',
    lastCheckIn: NOW - 2 * DAY,
    progress: 50,
    ...over,
  };
}

export function checkIn(
  id: string,
  time: number,
  progress: number | null,
  over: Partial<CheckIn> = {},
): CheckIn {
  return { time, id, by: '', current: progress, progress, confidence: 'on-track', note: '', row: 2, ...over };
}
