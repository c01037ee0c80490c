// What Import's preview sends to the sidebar: the counts, and the first objectives, skipped rows and
// people only, so the answer stays small (a few tens of KB) however long the tab is. The confirm
// writes what planImport planned from the same values, so the counts here are what will be written.
import type { ImportPlan, PreviewObjective } from '../import';
import type { ImportPeople } from './people';
import type { TabCollision } from './tabCollisions';

/** At most this many key results (with their objectives) in the preview. */
export const PREVIEW_KEY_RESULTS = 60;
/** At most this many skipped rows and people of each kind. */
export const PREVIEW_LIST = 30;

export interface ImportPreview {
  ok: true;
  sheetName: string;
  fingerprint: string;
  shape: ImportPlan['shape'];
  /** The add-on's tabs are set up first (they are missing or incomplete). */
  setUp: boolean;
  counts: {
    objectives: number;
    keyResults: number;
    /** Objectives already in the OKRs tab that get new key results. */
    existingObjectives: number;
    skipped: number;
    newPeople: number;
    matched: number;
    unknownOwners: number;
    onTeam: number;
  };
  /** The first objectives, with at most PREVIEW_KEY_RESULTS key results in all. */
  objectives: PreviewObjective[];
  /** Key results shown (the rest are counted only). */
  shownKeyResults: number;
  skipped: Array<{ row: number; reason: string; code: string }>;
  doubts: Array<{ code: string; message: string }>;
  columns: ImportPlan['columns'];
  people: Pick<ImportPeople, 'matched' | 'newPeople' | 'unknown'>;
  collisions: TabCollision[];
}

const firstIds = <T extends { ids: string[] }>(xs: T[]) =>
  xs.slice(0, PREVIEW_LIST).map((x) => ({ ...x, ids: x.ids.slice(0, 5) }));

export function importPreview(
  plan: ImportPlan,
  people: ImportPeople,
  extra: { sheetName: string; fingerprint: string; setUp: boolean; collisions: TabCollision[] },
): ImportPreview {
  const objectives: PreviewObjective[] = [];
  let shown = 0;
  for (const o of plan.preview) {
    if (shown >= PREVIEW_KEY_RESULTS) break;
    const keyResults = o.keyResults.slice(0, PREVIEW_KEY_RESULTS - shown);
    shown += keyResults.length;
    objectives.push({ ...o, keyResults });
  }
  return {
    ok: true,
    sheetName: extra.sheetName,
    fingerprint: extra.fingerprint,
    shape: plan.shape,
    setUp: extra.setUp,
    counts: {
      objectives: plan.objectives,
      keyResults: plan.keyResults,
      existingObjectives: plan.preview.filter((o) => o.existing).length,
      skipped: plan.skippedRows.length,
      newPeople: people.newPeople.length,
      matched: people.matched.length,
      unknownOwners: people.unknown.length,
      onTeam: people.onTeam,
    },
    objectives,
    shownKeyResults: shown,
    skipped: plan.skippedRows.slice(0, PREVIEW_LIST),
    doubts: plan.doubts,
    columns: {
      mapped: plan.columns.mapped,
      ignored: plan.columns.ignored.slice(0, PREVIEW_LIST),
    },
    people: {
      matched: firstIds(people.matched),
      newPeople: firstIds(people.newPeople),
      unknown: firstIds(people.unknown),
    },
    collisions: extra.collisions,
  };
}
