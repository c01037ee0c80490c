// Plain domain objects for the weekly-email unit tests (no sheet, no runtime), from the one builder
// with this suite's defaults: everyone in team Core, objectives accepted 30 days ago, key results
// accepted 20 days ago, half done, on track, checked in two days ago.
import type { CheckIn, KeyResult, Objective, Person } from '../../../../src/okr/core/model';
import { DAY, modelBuilders } from '../../../fixtures/okr/build';

export { DAY };
/** Monday 23 November 2026, 10:00 in Tokyo (01:00 UTC). */
export const NOW = Date.UTC(2026, 10, 23, 1, 0);

const build = modelBuilders({
  person: { team: 'Core' },
  objective: { team: 'Core', accepted: NOW - 30 * DAY },
  keyResult: {
    team: 'Core',
    accepted: NOW - 20 * DAY,
    current: 50,
    confidence: 'on-track',
    lastCheckIn: NOW - 2 * DAY,
    progress: 50,
  },
  checkIn: { confidence: 'on-track' },
});

export function person(email: string, over: Partial<Person> = {}): Person {
  return build.person(email, over);
}

export function objective(id: string, owner: string | null, over: Partial<Objective> = {}): Objective {
  return build.objective(id, { owner, ...over });
}

export function kr(
  id: string,
  objectiveId: string | null,
  owner: string | null,
  over: Partial<KeyResult> = {},
): KeyResult {
  return build.keyResult(id, objectiveId, { owner, ...over });
}

/** A check-in whose progress is also its Current (the weekly tests use 0–100 key results). */
export function checkIn(
  id: string,
  time: number,
  progress: number | null,
  over: Partial<CheckIn> = {},
): CheckIn {
  return build.checkIn(id, time, progress, { current: progress, ...over });
}
