// RowWritePorts over plain rows (the sidebar fixtures' sheet and Team), recording what would be
// written: the row patches and the log entries, in order.
import type { SidebarState } from '../../../src/api';
import type { Context } from '../../../src/endpoints/context';
import type { RowWritePorts } from '../../../src/endpoints/quickRowWrite';
import type { RowPatch, WritePlan } from '../../../src/endpoints/sidebar/checkIn';
import { localize, RequestError } from '../../../src/endpoints/sidebar/requests';
import { sheetValue } from '../../../src/gas/okrWrites';
import type { OkrColumn } from '../../../src/okr/core/model';
import { parseOkrSheet, parseRoster } from '../../../src/okr/core/parse';
import { parseStoredSettings } from '../../../src/okr/core/settings';
import { NOW, okrRows, teamRows } from './sidebar/fixtures';

export const QUICK_STATE = { complete: false, quick: 'state' } as unknown as SidebarState;

export function ctxOf(email: string): Context {
  return { email, settings: parseStoredSettings(null), lang: 'en', now: NOW };
}

export function fakeRowPorts(rows: unknown[][] = okrRows(), team: unknown[][] = teamRows()) {
  const events: Array<{ log: WritePlan } | { row: number; patch: RowPatch }> = [];
  /** The objective Progress cells written (row, patch), apart from the key result's own writes. */
  const objectiveWrites: Array<{ row: number; patch: RowPatch }> = [];
  const opts = { sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' as const };
  const ports: RowWritePorts = {
    findRow: (id) => {
      const hits = rows.map((r, i) => (i > 0 && r[0] === id ? i : -1)).filter((i) => i > 0);
      if (hits.length !== 1) return null;
      const grid: unknown[][] = [rows[0]];
      while (grid.length < hits[0]) grid.push([]);
      grid.push([...rows[hits[0]]]);
      return { grid, row: hits[0] + 1 };
    },
    parse: (grid) => parseOkrSheet(grid, opts),
    readTeam: () => parseRoster(team, { ...opts, sheetName: 'Team' }),
    appendLog: (plan) => {
      events.push({ log: plan });
    },
    writeRow: (sheet, row, patch) => {
      events.push({ row, patch });
      return Object.entries(patch).flatMap(([column, value]) => {
        const index = sheet.columns[column as OkrColumn];
        if (index === undefined || value === undefined) return [];
        const cell = sheetValue(column, value, 'UTC', (ms) => new Date(ms));
        return [{ column: index + 1, values: [cell] }];
      });
    },
    quickState: () => QUICK_STATE,
    // The whole sheet holds the objective's rows here: it is small.
    objectiveRows: () => ({ grid: rows.map((r) => [...r]) }),
    writeObjectiveProgress: (_sheet, row, patch) => {
      objectiveWrites.push({ row, patch });
    },
  };
  return { ports, events, objectiveWrites };
}

/** The English message of the refusal `fn` throws (a RequestError); '' when it does not refuse. */
export function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RequestError) return localize(e, 'en').error;
    throw e;
  }
  return '';
}
