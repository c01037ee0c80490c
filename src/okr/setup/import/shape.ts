// The shape of an OKR tab, recognised before any value is mapped. Teams keep OKRs in a handful of
// shapes, and tool exports use the same few:
//   objective-column  an Objective column beside a Key result column (repeated, or written once and
//                     left blank below, as merged cells read);
//   objective-rows    one title column: an objective's row, then its key results' rows (the rows
//                     with numbers, or marked "KR1:", "•"); "Objective" typed over column A reads so;
//   headings          a heading row ("Objective 1: …", "目標1：…") above each objective's own table;
//   type-column       a Type column says which rows are objectives (goal) and key results (milestone);
//   parent-links      an ID column and a Parent column (or dotted numbering 1, 1.1) link the rows;
//   one-per-row       every row is an objective with its own metric (the objective is the key result).
// Pure: the grid in, objectives with their key results (and the rows left out, with why) out.
import { cellText, isBlank } from '../../core/parseValues';
import { headerKey } from '../../core/schema';
import { isNoteText, isTotalRow, type RowType, readMarker, rowTypeOf, splitLines } from './cells';
import { idKey, parentKeys, type SourceColumn, type SourceLayout, sourceLayout } from './columns';

export type Shape =
  | 'objective-column'
  | 'objective-rows'
  | 'headings'
  | 'type-column'
  | 'parent-links'
  | 'one-per-row'
  /** Key results in numbered columns of their objective's row (src/okr/setup/import/numbered.ts). */
  | 'key-result-columns';

/** Columns a key result carries into the OKRs tab (as read, one line of a multi-line cell each). */
export const VALUE_COLUMNS = [
  'owner',
  'team',
  'cycle',
  'kind',
  'start',
  'target',
  'current',
  'unit',
  'progress',
  'score',
  'confidence',
  'accepted',
  'lastCheckIn',
  'due',
  'note',
] as const satisfies readonly SourceColumn[];
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

/** Values that make a row a key result rather than an objective's own row. */
const METRIC: readonly ValueColumn[] = [
  'kind',
  'start',
  'target',
  'current',
  'unit',
  'progress',
  'score',
  'confidence',
];

export interface SourceKeyResult {
  /** 1-based row in the source tab. */
  row: number;
  title: string;
  cells: Partial<Record<ValueColumn, unknown>>;
}

export interface SourceObjective {
  row: number;
  title: string;
  owner: unknown;
  team: unknown;
  cycle: unknown;
  due: unknown;
  keyResults: SourceKeyResult[];
}

export type ShapeSkip =
  | 'blank'
  | 'header'
  | 'total'
  | 'note'
  | 'not-okr'
  | 'too-deep'
  | 'no-objective'
  | 'no-key-result';

export interface SourceSkipped {
  row: number;
  code: ShapeSkip;
  params?: Record<string, string | number>;
}

export type SourceRead =
  | { ok: true; shape: Shape; layout: SourceLayout; objectives: SourceObjective[]; skipped: SourceSkipped[] }
  | { ok: false; code: 'no-objective-column' | 'empty' };

type RowClass = 'blank' | 'header' | 'total' | 'note' | 'heading' | 'data';

export function readSource(grid: unknown[][]): SourceRead {
  if (grid.every((r) => r.every(isBlank))) return { ok: false, code: 'empty' };
  const layout = sourceLayout(grid);
  const cols = layout.columns;
  const at = (cells: readonly unknown[], c: SourceColumn): unknown =>
    cols[c] === undefined ? undefined : cells[cols[c] as number];
  const filled = (cells: readonly unknown[]) => cells.filter((v) => !isBlank(v)).length;
  const hasMetric = (cells: readonly unknown[]) => METRIC.some((c) => !isBlank(at(cells, c)));
  const skipped: SourceSkipped[] = [];
  const skip = (row: number, code: ShapeSkip, params?: SourceSkipped['params']) =>
    skipped.push(params ? { row, code, params } : { row, code });

  const structural = new Set(
    (['keyResult', 'type', 'rowId', 'parentId', ...VALUE_COLUMNS] as SourceColumn[])
      .map((c) => cols[c])
      .filter((i): i is number => i !== undefined),
  );
  const headerKeys = layout.headers.map((h) => headerKey(h));
  const headerCount = headerKeys.filter(Boolean).length;
  const byLinks = cols.type !== undefined || cols.parentId !== undefined || dotted(grid, layout);

  /** The text of a heading row: one filled cell, outside the key-result and value columns or marked. */
  const headingText = (cells: readonly unknown[]): string | null => {
    if (byLinks) return null;
    const idx = cells.map((v, i) => (isBlank(v) ? -1 : i)).filter((i) => i >= 0);
    if (idx.length === 1 && typeof cells[idx[0]] === 'string') {
      const text = cellText(cells[idx[0]]);
      const mark = readMarker(text).mark;
      if (mark === 'keyResult' || mark === 'bullet') return null;
      // "Objective 1: …" typed in the Key result column is still a heading.
      return !structural.has(idx[0]) || mark === 'objective' ? text : null;
    }
    // "Objective 1 | Grow revenue": a label cell and the title beside it.
    if (
      idx.length === 2 &&
      readMarker(`${cellText(cells[idx[0]])}: x`).mark === 'objective' &&
      !structural.has(idx[1])
    )
      return cellText(cells[idx[1]]);
    return null;
  };
  /** A lone title just above a repeated header row heads the table below it. */
  const loneText = (cells: readonly unknown[]): string | null => {
    const idx = cells.map((v, i) => (isBlank(v) ? -1 : i)).filter((i) => i >= 0);
    if (byLinks || idx.length !== 1 || typeof cells[idx[0]] !== 'string') return null;
    const text = cellText(cells[idx[0]]);
    return isNoteText(text) || readMarker(text).mark === 'keyResult' ? null : text;
  };
  const classify = (cells: readonly unknown[]): RowClass => {
    if (cells.every(isBlank)) return 'blank';
    const same = cells.filter(
      (v, i) => !isBlank(v) && headerKeys[i] && headerKey(v) === headerKeys[i],
    ).length;
    if (same >= Math.max(2, Math.ceil(headerCount / 2))) return 'header';
    if (isTotalRow(cells)) return 'total';
    if (filled(cells) === 1 && isNoteText(cells.find((v) => !isBlank(v)))) return 'note';
    if (headingText(cells) !== null) return 'heading';
    return 'data';
  };

  const rows: Array<{ row: number; cells: unknown[]; cls: RowClass }> = [];
  for (let r = layout.headerRow + 1; r < grid.length; r++)
    rows.push({ row: r + 1, cells: grid[r], cls: classify(grid[r]) });
  const headingOf = new Map<number, string>();
  rows.forEach((x, i) => {
    const text = x.cls === 'heading' ? headingText(x.cells) : null;
    const lone = x.cls === 'data' && rows[i + 1]?.cls === 'header' ? loneText(x.cells) : null;
    if (text !== null || lone !== null) {
      x.cls = 'heading';
      headingOf.set(x.row, (text ?? lone) as string);
    }
  });
  const lastContent = rows.reduce((n, x, i) => (x.cls === 'blank' ? n : i), -1);
  // The objective heading of the first table sits just above the header row.
  const above = layout.headerRow > 0 ? grid[layout.headerRow - 1] : undefined;
  const aboveText = above && cols.objective === undefined ? loneText(above) : null;
  const firstHeading = aboveText !== null ? { row: layout.headerRow, text: aboveText } : null;

  const data: typeof rows = [];
  rows.forEach((x, i) => {
    if (x.cls === 'blank') {
      // A blank row between rows is a separator (reported); the blank tail of a tab is nothing.
      if (i < lastContent) skip(x.row, 'blank');
    } else if (x.cls === 'header' || x.cls === 'total' || x.cls === 'note') skip(x.row, x.cls);
    else data.push(x);
  });

  const repeatedHeader = rows.some((x) => x.cls === 'header');
  const title = cols.title ?? cols.objective ?? cols.keyResult;
  if (title === undefined) return { ok: false, code: 'no-objective-column' };
  const objectives: SourceObjective[] = [];
  const newObjective = (row: number, text: string, cells: readonly unknown[] | null): SourceObjective => {
    const o: SourceObjective = {
      row,
      title: readMarker(text).text,
      owner: cells ? (at(cells, 'objectiveOwner') ?? at(cells, 'owner') ?? '') : '',
      team: cells ? (at(cells, 'team') ?? '') : '',
      cycle: cells ? (at(cells, 'cycle') ?? '') : '',
      due: cells ? (at(cells, 'objectiveDue') ?? at(cells, 'due') ?? '') : '',
      keyResults: [],
    };
    objectives.push(o);
    return o;
  };
  /** Key results of one row: one per line of its title cell, each line's values from the same line. */
  const addKeyResults = (o: SourceObjective, row: number, cells: readonly unknown[], text: unknown) => {
    const lines = splitLines(text)
      .map((l) => readMarker(l).text)
      .filter(Boolean);
    lines.forEach((line, i) => {
      const kr: SourceKeyResult = { row, title: line, cells: {} };
      for (const c of VALUE_COLUMNS) {
        const v = at(cells, c);
        if (v === undefined) continue;
        const parts = lines.length > 1 && typeof v === 'string' ? splitLines(v) : [];
        kr.cells[c] = parts.length === lines.length ? parts[i] : v;
      }
      o.keyResults.push(kr);
    });
  };
  const objectiveOnly = (cells: readonly unknown[]) => {
    // An objective's own row may carry its owner and dates; numbers make it a key result.
    return !hasMetric(cells);
  };

  let shape: Shape;
  if (byLinks) {
    shape = cols.type !== undefined ? 'type-column' : 'parent-links';
    linked(data, title);
  } else if (cols.objective !== undefined && cols.keyResult !== undefined) {
    shape = firstHeading || repeatedHeader ? 'headings' : 'objective-column';
    let current: SourceObjective | null = firstHeading
      ? newObjective(firstHeading.row, firstHeading.text, null)
      : null;
    let carriedKey = '';
    for (const x of data) {
      if (x.cls === 'heading') {
        current = newObjective(x.row, headingOf.get(x.row) as string, null);
        carriedKey = '';
        continue;
      }
      const oText = cellText(at(x.cells, 'objective'));
      const kText = at(x.cells, 'keyResult');
      if (oText && headerKey(oText) !== carriedKey) {
        current = newObjective(x.row, oText, isBlank(kText) && objectiveOnly(x.cells) ? x.cells : null);
        if (!isBlank(at(x.cells, 'objectiveOwner'))) current.owner = at(x.cells, 'objectiveOwner');
        if (!isBlank(at(x.cells, 'objectiveDue'))) current.due = at(x.cells, 'objectiveDue');
        current.team = at(x.cells, 'team') ?? '';
        current.cycle = at(x.cells, 'cycle') ?? '';
        carriedKey = headerKey(oText);
      }
      if (!current) {
        skip(x.row, 'no-objective');
        continue;
      }
      if (isBlank(kText)) {
        if (hasMetric(x.cells)) skip(x.row, 'no-key-result');
        continue;
      }
      addKeyResults(current, x.row, x.cells, kText);
    }
  } else {
    // One title column: which rows are objectives is read from headings, markers and numbers.
    const role = (x: (typeof data)[number]): 'objective' | 'keyResult' => {
      if (x.cls === 'heading' || wholeOkr(x.cells[title])) return 'objective';
      const m = readMarker(x.cells[title]);
      if (m.mark === 'objective') return 'objective';
      if (m.mark === 'keyResult' || m.mark === 'bullet' || /^\s+\S/.test(String(x.cells[title] ?? '')))
        return 'keyResult';
      if (splitLines(x.cells[title]).length > 1) return 'keyResult';
      return objectiveOnly(x.cells) ? 'objective' : 'keyResult';
    };
    const roles = data.map(role);
    // A lone line above the header heads the first table only when no objective starts the data.
    const lead = roles[0] === 'objective' ? null : firstHeading;
    const headings = data.some((x) => x.cls === 'heading') || lead !== null;
    const rowsMode =
      headings ||
      (roles.includes('objective') && roles.includes('keyResult') && roles[0] === 'objective') ||
      (title === cols.keyResult && cols.objective === undefined) ||
      data.some((x) => wholeOkr(x.cells[title]) !== null);
    if (rowsMode) {
      // A lone objective row (no owner, no date) reads as a heading too; the shape is "headings" when
      // each objective heads its own table (a header above it, or repeated below).
      shape = lead !== null || repeatedHeader ? 'headings' : 'objective-rows';
      let current: SourceObjective | null = lead ? newObjective(lead.row, lead.text, null) : null;
      data.forEach((x, i) => {
        const text = x.cls === 'heading' ? (headingOf.get(x.row) as string) : x.cells[title];
        const whole = x.cls === 'heading' ? null : wholeOkr(text);
        if (whole) {
          // The objective and its key results in one cell: first line, then the marked lines.
          current = newObjective(x.row, whole[0], null);
          current.owner = at(x.cells, 'objectiveOwner') ?? '';
          addKeyResults(current, x.row, x.cells, whole.slice(1).join('\n'));
        } else if (roles[i] === 'objective') {
          current = newObjective(x.row, cellText(text), x.cls === 'heading' ? null : x.cells);
        } else if (!current) skip(x.row, 'no-objective');
        else if (isBlank(text)) skip(x.row, 'no-key-result');
        else addKeyResults(current, x.row, x.cells, text);
      });
    } else {
      // Every row is an objective; a row with a metric or an owner is its own key result.
      shape = 'one-per-row';
      const byTitle = new Map<string, SourceObjective>();
      for (const x of data) {
        const text = cellText(x.cells[title]);
        if (!text) {
          skip(x.row, 'no-objective');
          continue;
        }
        const key = headerKey(text) || text;
        let o = byTitle.get(key);
        const values = (['start', 'target', 'current', 'progress', 'score'] as ValueColumn[]).some(
          (c) => !isBlank(at(x.cells, c)),
        );
        if (!o) {
          // Without a metric the row is the objective's own: its owner and due date are the objective's.
          o = newObjective(x.row, text, values ? null : x.cells);
          if (values) o.owner = at(x.cells, 'objectiveOwner') ?? '';
          byTitle.set(key, o);
        }
        if (values) {
          const before = o.keyResults.length;
          addKeyResults(o, x.row, x.cells, text);
          o.keyResults.splice(before + 1);
          o.keyResults[before].title = o.title;
        }
      }
    }
  }
  skipped.sort((a, b) => a.row - b.row);
  return { ok: true, shape, layout, objectives, skipped };

  /** Type column and/or ID + Parent links: each key result under the objective it names. */
  function linked(rowsIn: typeof data, titleCol: number) {
    const id = (x: (typeof data)[number]) => {
      if (cols.rowId !== undefined && !isBlank(x.cells[cols.rowId])) return idKey(x.cells[cols.rowId]);
      return idKey(x.cells[titleCol]);
    };
    const byId = new Map<string, (typeof data)[number]>();
    for (const x of rowsIn) if (id(x) && !byId.has(id(x))) byId.set(id(x), x);
    const parentOf = (x: (typeof data)[number]) => {
      if (cols.parentId !== undefined) {
        for (const k of parentKeys(x.cells[cols.parentId])) {
          const p = byId.get(k);
          if (p && p !== x) return p;
        }
        return null;
      }
      // Dotted numbering: 1.2 belongs to 1, 1.2.1 to 1.2.
      const own = id(x);
      const cut = own.lastIndexOf('.');
      return cut > 0 ? (byId.get(own.slice(0, cut)) ?? null) : null;
    };
    const typeOf = (x: (typeof data)[number]): RowType | null =>
      cols.type === undefined ? null : rowTypeOf(x.cells[cols.type]);
    const made = new Map<(typeof data)[number], SourceObjective>();
    let last: SourceObjective | null = null;
    const isObjective = (x: (typeof data)[number]): boolean => {
      const t = typeOf(x);
      if (t !== null) return t === 'objective';
      // A row whose Parent names no row is a key result that lost its objective, not an objective.
      const unlinked =
        parentOf(x) === null && (cols.parentId === undefined || isBlank(x.cells[cols.parentId]));
      if (cols.type !== undefined) return readMarker(x.cells[titleCol]).mark === 'objective' || unlinked;
      return unlinked;
    };
    for (const x of rowsIn) {
      const early = made.get(x);
      if (early) {
        last = early;
        continue;
      }
      const t = typeOf(x);
      if (t === 'other') {
        skip(x.row, 'not-okr', { type: cellText(x.cells[cols.type as number]) });
        continue;
      }
      if (isBlank(x.cells[titleCol])) {
        skip(x.row, isObjective(x) ? 'no-objective' : 'no-key-result');
        continue;
      }
      if (isObjective(x)) {
        last = newObjective(x.row, cellText(x.cells[titleCol]), x.cells);
        made.set(x, last);
        continue;
      }
      // A key result belongs to the nearest objective above it in the links, else the one above it.
      let p = parentOf(x);
      let depth = 0;
      while (p && !isObjective(p)) {
        p = parentOf(p);
        depth++;
        if (depth > 50) p = null;
      }
      if (depth > 0 && cols.type === undefined) {
        skip(x.row, 'too-deep');
        continue;
      }
      let owner: SourceObjective | null = null;
      if (p) {
        owner = made.get(p) ?? null;
        if (!owner && !isBlank(p.cells[titleCol])) {
          // The objective comes later in the tab: make it now, at its own row.
          owner = newObjective(p.row, cellText(p.cells[titleCol]), p.cells);
          made.set(p, owner);
        }
      } else if (cols.parentId === undefined || isBlank(x.cells[cols.parentId])) owner = last;
      if (!owner) {
        skip(x.row, 'no-objective');
        continue;
      }
      addKeyResults(owner, x.row, x.cells, x.cells[titleCol]);
    }
    // Objectives made early (from a later row) keep the tab's order.
    const order = new Map(rowsIn.map((x, i) => [x.row, i]));
    objectives.splice(
      0,
      objectives.length,
      ...[...new Set(objectives)].sort((a, b) => (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0)),
    );
  }
}

/**
 * A whole OKR typed in one cell: an unmarked (or "Objective:"-marked) first line, then key-result
 * lines marked "KR1:", "•" or "1)". Its lines, or null.
 */
function wholeOkr(value: unknown): string[] | null {
  const lines = splitLines(value);
  if (lines.length < 2) return null;
  const first = readMarker(lines[0]);
  if (first.mark === 'keyResult' || first.mark === 'bullet') return null;
  const rest = lines.slice(1).map((l) => readMarker(l).mark);
  return rest.every((m) => m === 'keyResult' || m === 'bullet') ? [first.text, ...lines.slice(1)] : null;
}

/** Whether the ID column numbers rows as an outline (1, 1.1, 1.2.1), which links them. */
function dotted(grid: unknown[][], layout: SourceLayout): boolean {
  const c = layout.columns.rowId;
  if (c === undefined) return false;
  const ids = grid
    .slice(layout.headerRow + 1)
    .map((r) => cellText(r[c]))
    .filter(Boolean);
  return ids.some((v) => /^\d+(\.\d+)+$/.test(v)) && ids.some((v) => /^\d+$/.test(v));
}
