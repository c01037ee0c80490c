// Check-in, accept and decline: the writes to one key result, each decided once (a RowDecision)
// for two paths. The quick one (src/endpoints/quickRowWrite.ts, on the ports below) finds the row
// by ID (TextFinder) instead of reading the whole OKRs tab and answers with what changed (CheckInOk in src/api.ts) or, for a decline, the key result that left the list (LeftOk);
// the full one (act) re-reads the whole tab under the lock and answers with the fresh state. The
// agreement steps (src/endpoints/sidebar/agreements.ts) take the same two paths (quickFirst).
import type { ActionOk, CheckInOk, CheckInResult, LeftOk } from '../api';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

import { agreementTab } from '../gas/agreementLog';
import { agreementStepsOf, appendAgreementStepAtEnd } from '../gas/agreementStepsOf';
import { NO_CELLS, type OkrRowFinder, okrRowFinder } from '../gas/okrData';
import { planBlocks, sheetValue, writeBlocks } from '../gas/okrWrites';
import { findTabsByName, type Tabs } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import { inSheetLanguage } from '../okr/core/choiceWords';
import { sheetLanguage } from '../okr/core/language';
import type { Lang, OkrSheet } from '../okr/core/model';
import { parseOkrSheet } from '../okr/core/parse';
import { rowStepEntry } from '../okr/ownership/agreementLog';
import { actQuickFirst } from './act';
import { markNoticeDue } from './agreementNotices';
import { activeSpreadsheet, type Context } from './context';
import {
  decideAccept,
  decideCheckIn,
  decideDecline,
  type FoundRow,
  keyResultToActOn,
  quickRowWrite,
  type RowDecision,
  type RowWritePorts,
} from './quickRowWrite';
import { type RowPatch, requireColumns } from './sidebar/checkIn';
import { planObjectiveProgress } from './sidebar/objectiveProgress';
import { type Parsed, parseAccept, parseCheckIn, parseDecline, RequestError } from './sidebar/requests';
import {
  applyPatches,
  asStored,
  logAgreementEntries,
  logCheckIns,
  makeDate,
  type Snapshot,
  startState,
} from './snapshot';

/**
 * Rows read above and below the key result on the quick path: an objective with up to this many key
 * results under it is read in the same getValues; a larger or scattered one takes the full path.
 */
const ROWS_AROUND = 30;

/** The quick path's ports on the active spreadsheet (found once per write, under the lock). */
function sheetPorts(ctx: Context): RowWritePorts | null {
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team', 'checkIns']);
  return tabs.okrs
    ? rowWritePorts(ctx, { ...tabs, okrs: tabs.okrs }, timeZone, () => agreementTab(ss))
    : null;
}

/**
 * The quick path's ports on given tabs: the sidebar's writes use the sheet's own; the self-check
 * (src/endpoints/selfCheck.ts) points the same ports at its scratch copies. `agreementSheet`: the
 * Agreements tab, where acceptances and declines are appended as agreement steps (found only when a
 * write takes one; without the tab nothing is logged; the self-check's scratch rows have none) and
 * whose steps of one key result an agreement step reads (without the tab such a step is refused).
 */
export function rowWritePorts(
  ctx: Context,
  tabs: Tabs & { okrs: Sheet },
  timeZone: string,
  agreementSheet: () => Sheet | null = () => null,
): RowWritePorts {
  const okrTab = tabs.okrs;
  let sheetName: string | null = null;
  let headers: readonly unknown[] = [];
  let finder: OkrRowFinder | null | undefined;
  const rows = () => {
    if (finder === undefined) finder = okrRowFinder(okrTab);
    return finder;
  };
  let found: FoundRow | null = null;
  const write = (sheet: OkrSheet, row: number, patch: RowPatch) => {
    const blocks = planBlocks(sheet.columns, [{ row, patch }], (c, v) =>
      sheetValue(c, v, timeZone, makeDate),
    );
    writeBlocks(okrTab, blocks);
    return blocks;
  };
  return {
    // The rows around it come in the same read: its objective's rows usually sit there.
    findRow: (id) => {
      found = rows()?.rowById(id, ROWS_AROUND) ?? null;
      return found;
    },
    parse: (grid) => {
      sheetName ??= okrTab.getName();
      const sheet = parseOkrSheet(grid, { sheetName, timeZone, lang: ctx.lang });
      headers = sheet.headers;
      return sheet;
    },
    readTeam: () => readTeamTab(tabs.team, { timeZone, lang: ctx.lang }),
    // The step goes after the log's last row, from its header rows alone: the log is not read.
    appendLog: (plan) => {
      const log = plan.agreement ? agreementSheet() : null;
      if (log && plan.agreement) {
        const entry = rowStepEntry(plan.id, plan.agreement, timeZone);
        const lang = sheetLanguage(headers, ctx.lang);
        if (!appendAgreementStepAtEnd(log, entry, lang)) throw new RequestError('agreements-missing');
        if (entry.step === 'declined') markNoticeDue(entry.time);
      }
      if (plan.log) logCheckIns({ tabs }, [plan]);
    },
    writeRow: (sheet, row, patch) =>
      write(sheet, row, inSheetLanguage(patch, sheetLanguage(sheet.headers, ctx.lang))).map((b) => ({
        column: b.column,
        values: b.values[0].map(asStored),
      })),
    quickState: (team) => startState(ctx, tabs, team, timeZone),
    timeZone,
    objectiveRows: (objectiveId, row) => {
      if (!found || found.row !== row) return null;
      // The rows around the key result were read with it (its objective's row is usually there).
      const known = { from: found.row - ROWS_AROUND, to: found.row + ROWS_AROUND };
      const children = rows()?.rowsWithParent(objectiveId, known);
      if (!children) return null;
      // Those rows and every other key-result row under the objective, each at its own index.
      const grid = [...found.grid];
      for (const run of children) {
        run.values.forEach((values, i) => {
          while (grid.length < run.from + i) grid.push(NO_CELLS);
          grid[run.from - 1 + i] = values;
        });
      }
      return { grid };
    },
    writeObjectiveProgress: (sheet, row, patch) => {
      write(sheet, row, patch);
    },
    // An agreement step reads the log's steps of its key result only (src/gas/agreementStepsOf.ts).
    agreementSteps: (id) => {
      const sheet = agreementSheet();
      if (!sheet) return 'missing';
      const steps = agreementStepsOf(sheet, id);
      return (
        steps && {
          entries: steps.entries,
          append: (entry) => steps.append(entry, sheetLanguage(headers, ctx.lang)),
        }
      );
    },
    noticeDue: markNoticeDue,
  };
}

/**
 * A write to one key result (check-in, accept, decline), decided once by `decide` for both paths:
 * first the quick one (quickRowWrite, under the lock); refusals, and sheets where the row cannot be
 * found cheaply (a duplicate ID, an ID cell with stray spaces), take the full path, which re-reads
 * the whole tab under the lock and answers with the fresh state. `withLog`: the write appends to
 * the Check-ins log.
 */
function rowWrite<T extends { id: string }>(
  raw: unknown,
  parse: (raw: unknown, lang: Lang) => Parsed<T>,
  decide: RowDecision<T>,
  withLog: boolean,
): CheckInResult {
  return quickFirst(
    raw,
    parse,
    (ports, req, ctx) => quickRowWrite(ports, req.id, ctx, (kr, caller) => decide(req, kr, caller, ctx)),
    (full, snap, fullCtx) => {
      const { caller, kr } = keyResultToActOn(snap.okrs, snap.roster, fullCtx, full.id);
      const { plan, message } = decide(full, kr, caller, fullCtx);
      requireColumns(plan, snap.okrs.columns, fullCtx.lang);
      const objective = planObjectiveProgress(snap.okrs, kr, plan);
      if (plan.agreement) {
        logAgreementEntries(snap, [rowStepEntry(plan.id, plan.agreement, snap.timeZone)], fullCtx);
        if (plan.agreement.step === 'declined' && snap.agreements) markNoticeDue(plan.agreement.time);
      }
      if (plan.log) logCheckIns(snap, [plan]);
      applyPatches(snap, objective ? [plan, objective.plan] : [plan], fullCtx);
      return message;
    },
    withLog,
  );
}

/**
 * A write to one key result that tries the quick path first (`quick`, on the sheet's ports, under
 * the document lock: null when the row cannot be read cheaply) and else takes the full one through
 * act (`full`). A refusal on the quick path is answered by the full one, which refuses again on the
 * whole sheet and sends the fresh state (the sidebar's "changed" behaviour). `withLog`: the full
 * path reads the Check-ins log too.
 */
export function quickFirst<T>(
  raw: unknown,
  parse: (raw: unknown, lang: Lang) => Parsed<T>,
  quick: (ports: RowWritePorts, req: T, ctx: Context) => CheckInOk | ActionOk | LeftOk | null,
  full: (req: T, snap: Snapshot, ctx: Context) => string,
  withLog = false,
): CheckInResult {
  return actQuickFirst(
    raw,
    parse,
    (req, ctx) => {
      const ports = sheetPorts(ctx);
      return ports && quick(ports, req, ctx);
    },
    full,
    withLog,
  );
}

/** Check in on a key result; usually answered with what changed (CheckInOk). */
export function checkIn(raw: unknown): CheckInResult {
  return rowWrite(raw, parseCheckIn, decideCheckIn, true);
}

/** Accept ownership; usually answered with what changed, like a check-in. A Lead's acceptance for the owner is logged. */
export function acceptOwnership(raw: unknown): CheckInResult {
  return rowWrite(raw, parseAccept, decideAccept, true);
}

/** Decline ownership: usually answered with the key result that left the caller's list (LeftOk; see quickWrite). */
export function declineOwnership(raw: unknown): CheckInResult {
  return rowWrite(raw, parseDecline, decideDecline, true);
}
