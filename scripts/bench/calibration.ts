// The latency model's calibration, for the bench: every published timing replayed in the local
// runtime (local/runtime/calibration/replay.ts) and priced with the fitted constants. Modeled time
// only, so it takes seconds and never depends on this machine's speed.
import {
  type CalibrationRow,
  calibrationRows,
  RECORDS,
  replayAll,
  summarize,
} from '../../local/runtime/calibration/replay';
import type { CalibrationFigures } from './budgets';

export interface Calibration {
  rows: CalibrationRow[];
  figures: CalibrationFigures;
}

const disagrees = (id: string): boolean => /disagrees/i.test(RECORDS.find((r) => r.id === id)?.note ?? '');

export async function measureCalibration(): Promise<Calibration> {
  const rows = calibrationRows(await replayAll());
  const s = summarize(rows);
  return {
    rows,
    figures: {
      medianFactor: s.medianFactor,
      maxFactor: s.maxFactor,
      pointFigures: s.pointFigures,
      unexplainedMisses: s.misses.filter((id) => !disagrees(id)),
      disagreements: s.misses.filter(disagrees),
    },
  };
}
