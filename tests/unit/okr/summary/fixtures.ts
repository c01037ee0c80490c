// Hand-built OKR data for the summary model: each test states exactly the rows it needs.
import {
  type CheckIn,
  DEFAULT_SETTINGS,
  type KeyResult,
  type Objective,
  type Person,
} from '../../../../src/okr/core/model';
import { buildSummary, type SummaryInput, type SummaryModel } from '../../../../src/okr/summary/summary';

import { DAY, modelBuilders, problemAt, rosterOf, sheetOf } from '../../../fixtures/okr/build';

export { DAY };
export const NOW = Date.UTC(2026, 10, 26, 15);

// The suite's defaults: no team, no acceptance on objectives, key results accepted 30 days ago
// with no check-in yet, every object on its own row.
const build = modelBuilders({ keyResult: { accepted: NOW - 30 * DAY }, sequentialRows: true });

export function objective(id: string, extra: Partial<Objective> = {}): Objective {
  // An objective's owner text stays blank unless a test gives it (the Summary must not need it).
  return build.objective(id, { ownerText: '', ...extra });
}

export function keyResult(id: string, objectiveId: string | null, extra: Partial<KeyResult> = {}): KeyResult {
  return build.keyResult(id, objectiveId, extra);
}

export function person(email: string, name: string, team = ''): Person {
  return build.person(email, { name, team });
}

export const sheet = sheetOf;
export const roster = rosterOf;
export { problemAt };

export function checkIn(id: string, daysAgo: number, progress: number | null): CheckIn {
  return build.checkIn(id, NOW - daysAgo * DAY, progress);
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
