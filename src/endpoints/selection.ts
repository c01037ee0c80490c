// Selection: go to a row's cell (found again by ID, never by a row number the client sends), and
// which OKR IDs the user has selected (for "assign to the selected rows").
import type { ActiveOkr, SelectCellResult } from '../api';
import { activeOkrRows, columnIndex, selectA1, selectOkrCell } from '../gas/selection';
import { t } from '../okr/core/i18n';
import { context } from './context';
import { parseSelectCell } from './sidebar/requests';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';
import { findItem } from './sidebar/requestsPlans';
import { snapshot } from './snapshot';

export function selectCell(raw: unknown): SelectCellResult {
  const ctx = context();
  const parsed = parseSelectCell(raw, ctx.lang);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const req = parsed.value;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const invalid = () => ({
    ok: false as const,
    error: t(REQUEST_MESSAGES, ctx.lang, 'cell-invalid', { cell: req.cell ?? req.id ?? '' }),
  });
  if (req.id) {
    const snap = snapshot(ctx);
    const item = snap.tabs.okrs ? findItem(snap.okrs, req.id) : null;
    if (item && snap.tabs.okrs) {
      const column = columnIndex(snap.okrs, req.column ?? null);
      if (column === undefined) return invalid();
      selectOkrCell(ss, snap.okrName, item.row, column);
      return { ok: true };
    }
    if (!req.cell) {
      return { ok: false, error: t(REQUEST_MESSAGES, ctx.lang, 'id-unknown', { id: req.id }) };
    }
  }
  return req.cell && selectA1(ss, req.cell) ? { ok: true } : invalid();
}

export function getActiveOkrId(): ActiveOkr {
  return activeOkrRows(SpreadsheetApp.getActiveSpreadsheet());
}
