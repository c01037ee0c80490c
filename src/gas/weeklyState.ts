// The weekly run's state and ledger in document properties (shared by every user of this
// spreadsheet, so whoever's trigger runs sees the same ledger). Values are capped at 9 KB each and
// 500 KB per store, hence the compact state and the hashed, chunked ledger (see okr/weeklyRun.ts).
// https://developers.google.com/apps-script/guides/services/quotas#current_limitations
// https://developers.google.com/apps-script/reference/properties/properties#getProperties()
import {
  STATE_KEY,
  serializeState,
  stateFromProperties,
  type WeeklyRunStatus,
  type WeeklyState,
  weeklyRunStatus,
} from '../okr/weekly/weeklyRun';
import { settingsFromProperties, type WeeklyStore } from '../okr/weekly/weeklyRunExecute';
import { now } from './session';

/** One Properties handle per execution: every read is getProperties(), every write setProperties(). */
export function documentStore(): WeeklyStore {
  let props: GoogleAppsScript.Properties.Properties | null = null;
  const handle = () => {
    props ??= PropertiesService.getDocumentProperties();
    return props;
  };
  return {
    readAll: () => handle().getProperties(),
    write: (values) => {
      handle().setProperties(values);
    },
  };
}

export function readWeeklyState(store: WeeklyStore = documentStore()): WeeklyState {
  return stateFromProperties(store.readAll());
}

/** Enable/disable only: the run's half (RUN_KEY) belongs to the running execution. */
export function writeWeeklyState(state: WeeklyState, store: WeeklyStore = documentStore()): void {
  store.write({ [STATE_KEY]: serializeState(state) });
}

/** The run's state for the sidebar's settings and getWeeklyRunStatus(): one properties read. */
export function readDigestStatus(): WeeklyRunStatus {
  const all = documentStore().readAll();
  return weeklyRunStatus(stateFromProperties(all), settingsFromProperties(all), now());
}
