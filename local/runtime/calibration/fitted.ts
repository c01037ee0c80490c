// The latency model's constants, fitted by `npm run calibrate` (scripts/calibrate.ts) to the
// published timings in published.json. Rewritten by that script; edit published.json, not this.
export interface FittedConstants {
  /** A read's round trip (getValues, getSheetValues…), ms. */
  readRoundTripMs: number;
  /** A read's transfer per cell, ms. */
  readPerCellMs: number;
  /** A read of sheet state without cells (getLastRow, getMaxRows…), ms. */
  metadataMs: number;
  /** Added to the execution's first read or write of the spreadsheet, ms. */
  firstDataCallMs: number;
  /** What a write call costs when made (it is queued), ms. */
  writeCallMs: number;
  /** The round trip of committing the queued writes, ms. */
  flushRoundTripMs: number;
  /** Per queued cell, at the commit, ms. */
  flushPerCellMs: number;
  /** Handles and range geometry, ms. */
  localCallMs: number;
  propertiesReadMs: number;
  propertiesWriteMs: number;
  /** PropertiesService.get…Properties(), CacheService.get…Cache(), ms. */
  serviceHandleMs: number;
  cacheGetMs: number;
  cachePutMs: number;
  cacheRemoveMs: number;
  /** Sending one email, before its size, ms. */
  mailSendMs: number;
  /** Sending, per KB of the message's text, ms. */
  mailPerKbMs: number;
}

export const FITTED: FittedConstants = {
  readRoundTripMs: 122,
  readPerCellMs: 0.02,
  metadataMs: 124,
  firstDataCallMs: 52.3,
  writeCallMs: 0.203,
  flushRoundTripMs: 28.3,
  flushPerCellMs: 0.132,
  localCallMs: 0.0847,
  propertiesReadMs: 29.3,
  propertiesWriteMs: 58.6,
  serviceHandleMs: 2,
  cacheGetMs: 5.84,
  cachePutMs: 71.4,
  cacheRemoveMs: 87.8,
  mailSendMs: 300,
  mailPerKbMs: 8.96,
};
