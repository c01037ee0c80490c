// A1 notation for the grid: the page addresses cells as A1 strings, the runtime takes "Sheet!A1".
// The notation itself is the runtime's (local/runtime/spreadsheet/a1.ts, as Sheets reads it); this
// file only shapes it for the page.
import { parseA1, quoteSheetName } from '../runtime/spreadsheet/a1';

/** "Sheet!A1", the sheet name quoted as Sheets quotes it ('My tab'!A1, 'A1'!B2). */
export function qualified(sheet: string, ref: string): string {
  return `${quoteSheetName(sheet)}!${ref}`;
}

export interface RangeRef {
  sheet?: string;
  startRow: number;
  startCol: number;
  /** undefined = open-ended (e.g. "B2:B"). */
  endRow?: number;
  endCol: number;
}

/** Parses "Team!$B$2:$B", "'My tab'!A1:C10", "B2:B" (rows-only ranges such as "2:5" are not grid ranges here). */
export function parseRange(text: string): RangeRef | undefined {
  const p = parseA1(text.trim());
  if (!p || p.startCol === undefined || p.endCol === undefined) return undefined;
  return {
    sheet: p.sheetName,
    startRow: p.startRow ?? 1,
    startCol: p.startCol,
    endRow: p.endRow,
    endCol: p.endCol,
  };
}
