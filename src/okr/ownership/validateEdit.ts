// The live check behind onEdit, on the edited rows only: a bad owner (several people, a team, not on
// the Team tab) gets a note that says why and how to fix it, and Progress is recomputed where Start,
// Target, Current or Kind changed. Pure: the adapter hands in the header row and the edited rows.
import type { KeyResult, Lang, Objective, OkrColumn, Person, Problem } from '../core/model';
import { asGrid, parseOkrSheet, tableLayout } from '../core/parse';
import { cellA1, problem } from '../core/problems';
import { OKR_ALIASES } from '../core/schema';
import { progressCellValue } from '../setup/structure';
import { judgeOwner } from './owners';

export const NOTE_PREFIX = 'OKR Owners: ';

export interface EditedRows {
  /** The header row's values. */
  header: unknown[];
  /** The edited rows' values (whole rows), the first of them at sheet row `firstRow`. */
  rows: unknown[][];
  firstRow: number;
  /** Judge the Owner cells (the edit touched Owner); false = only recompute Progress. Default true. */
  checkOwners?: boolean;
  /** Team members; null when there is no Team tab (then only multiple owners and teams are flagged). */
  roster: readonly Person[] | null;
  sheetName: string;
  timeZone: string;
  lang: Lang;
}

export interface EditCheck {
  /** One note per edited row for the Owner column ('' clears the add-on's note); null = Owner not present. */
  ownerNotes: string[] | null;
  /** One Progress cell value per edited row (unchanged for rows that are not key results); null = no Progress column. */
  progress: unknown[] | null;
  /** The owner problems found, in row order. */
  problems: Problem[];
}

/** Which columns a block edit touched, from its first and last column (1-based, inclusive). */
export function touchedColumns(header: unknown[], fromColumn: number, toColumn: number): Set<OkrColumn> {
  const layout = tableLayout([header], OKR_ALIASES);
  const touched = new Set<OkrColumn>();
  for (const c of Object.keys(layout.columns) as OkrColumn[]) {
    const i = (layout.columns[c] as number) + 1;
    if (i >= fromColumn && i <= toColumn) touched.add(c);
  }
  return touched;
}

export function checkEditedRows(input: EditedRows): EditCheck {
  const { lang, sheetName } = input;
  const rows = asGrid(input.rows);
  // Parse the edited rows under their header, then map the parser's row numbers back to the sheet's.
  const parsed = parseOkrSheet([input.header, ...rows], { sheetName, timeZone: input.timeZone, lang });
  const toSheetRow = (parsedRow: number) => input.firstRow + parsedRow - 2;
  const items = new Map<number, Objective | KeyResult>();
  for (const item of [...parsed.objectives, ...parsed.keyResults]) items.set(toSheetRow(item.row), item);
  const ownerCol = parsed.columns.owner;
  const progressCol = parsed.columns.progress;
  const problems: Problem[] = [];
  const ownerNotes: string[] | null = ownerCol === undefined || input.checkOwners === false ? null : [];
  const progress: unknown[] | null = progressCol === undefined ? null : [];

  rows.forEach((cells, i) => {
    const row = input.firstRow + i;
    const item = items.get(row);
    if (ownerNotes && ownerCol !== undefined) {
      let note = '';
      if (item?.ownerText) {
        const verdict = judgeOwner(item.ownerText, input.roster ?? []);
        const flag =
          !verdict.ok &&
          verdict.code !== 'owner-missing' &&
          // Without a Team tab nobody is "known": flag only what is wrong in itself.
          (input.roster !== null || verdict.code !== 'owner-unknown');
        if (flag && !verdict.ok) {
          const base = {
            id: item.id,
            row,
            what: item.type,
            column: parsed.headers[ownerCol] || 'Owner',
            cell: cellA1(sheetName, row, ownerCol),
            severity: item.type === 'objective' ? ('warning' as const) : ('error' as const),
            params: { team: 'Team' },
          };
          const p =
            verdict.code === 'owner-unknown' && verdict.suggestion
              ? problem(
                  'owner-unknown',
                  {
                    ...base,
                    value: verdict.text,
                    variant: 'owner-unknown-suggest',
                    params: { team: 'Team', name: verdict.suggestion.name, email: verdict.suggestion.email },
                  },
                  lang,
                )
              : problem(
                  verdict.code,
                  { ...base, value: verdict.code === 'owner-multiple' ? item.ownerText : verdict.text },
                  lang,
                );
          problems.push(p);
          note = `${NOTE_PREFIX}${p.message}\n${p.hint}`;
        }
      }
      ownerNotes.push(note);
    }
    if (progress && progressCol !== undefined) {
      progress.push(
        item && item.type === 'key-result' ? progressCellValue(item.progress) : (cells[progressCol] ?? ''),
      );
    }
  });
  return { ownerNotes, progress, problems };
}
