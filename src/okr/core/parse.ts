// Rows of values (as getValues returns them) → the OKR model. Pure and total: any grid of values,
// however messy, parses without throwing; what cannot be read becomes a problem that names the
// cell, and the value is treated as blank.

import { ownerEmail } from '../ownership/owners';
import { isEmail } from './emailAddress';
import type {
  CheckIn,
  CheckInColumn,
  ColumnMap,
  KeyResult,
  Lang,
  Objective,
  OkrColumn,
  OkrSheet,
  Person,
  Problem,
  ProblemCode,
  Roster,
  TeamColumn,
} from './model';
import {
  cellText,
  isBlank,
  type NumberCell,
  nfkc,
  readConfidence,
  readDate,
  readKind,
  readLanguage,
  readMilestone,
  readNumber,
  readRole,
  readType,
} from './parseValues';
import { cellA1, columnLetter, problem } from './problems';
import { keyResultProgress } from './progress';
import {
  type AliasTable,
  CHECK_IN_ALIASES,
  canonicalHeader,
  findHeaderRow,
  IMPORT_ALIASES,
  matchHeaders,
  OKR_ALIASES,
  REQUIRED_OKR_COLUMNS,
  REQUIRED_TEAM_COLUMNS,
  TEAM_ALIASES,
} from './schema';

export interface ParseOptions {
  /** The tab's actual name, for cell references in problems. */
  sheetName: string;
  /** The spreadsheet's time zone: dates typed as text are midnight there. */
  timeZone: string;
  lang: Lang;
}

/** Values may come from anywhere (a file, a test, another realm): make every row an array. */
export function asGrid(values: unknown): unknown[][] {
  if (!Array.isArray(values)) return [];
  return values.map((row) => (Array.isArray(row) ? row : [row]));
}

/** Where the table is in a grid: header row (0-based), and the columns it names. */
export interface TableLayout<K extends string> {
  headerRow: number;
  columns: ColumnMap<K>;
  headers: string[];
  unknown: number[];
  /** Required columns two headers name (schema.ts matchHeaders): left out of `columns`. */
  duplicates: Partial<Record<K, number[]>>;
}

export function tableLayout<K extends string>(grid: unknown[][], aliases: AliasTable<K>): TableLayout<K> {
  const headerRow = findHeaderRow(grid, aliases);
  const match = matchHeaders(grid[headerRow] ?? [], aliases);
  return {
    headerRow,
    columns: match.columns,
    headers: match.headers,
    unknown: match.unknown,
    duplicates: match.duplicates,
  };
}

function headerMissing<K extends string>(
  layout: TableLayout<K>,
  required: readonly K[],
  aliases: AliasTable<K>,
  tab: string,
  lang: Lang,
): Problem[] {
  return required
    .filter((c) => layout.columns[c] === undefined && layout.duplicates[c] === undefined)
    .map((c) => problem('header-missing', { column: canonicalHeader(c, aliases), params: { tab } }, lang))
    .concat(headerDuplicates(layout, aliases, tab, lang));
}

/**
 * One problem per required column that two or more headers name, naming each header and its letter
 * ("Owner" in E and "owner email" in H). Nothing reads or writes such a column until one is left.
 */
function headerDuplicates<K extends string>(
  layout: TableLayout<K>,
  aliases: AliasTable<K>,
  tab: string,
  lang: Lang,
): Problem[] {
  const out: Problem[] = [];
  for (const [column, indexes] of Object.entries(layout.duplicates) as Array<[K, number[]]>) {
    const named = indexes.map((i) =>
      lang === 'ja'
        ? `${columnLetter(i)}列「${layout.headers[i]}」`
        : `"${layout.headers[i]}" in column ${columnLetter(i)}`,
    );
    const list =
      lang === 'ja' ? named.join('と') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
    out.push(
      problem(
        'header-missing',
        {
          // As the sheet names it (in the sheet's language), not the add-on's canonical name.
          column: layout.headers[indexes[0]] || canonicalHeader(column, aliases),
          cell: cellA1(tab, layout.headerRow + 1, indexes[1]),
          variant: 'header-duplicate',
          params: {
            tab,
            columns: list,
            letters: indexes.map(columnLetter).join(lang === 'ja' ? '・' : ', '),
          },
        },
        lang,
      ),
    );
  }
  return out;
}

/**
 * The header conflicts of a tab's values (a required column named twice), as the parser reports
 * them: set-up and import refuse to write while there is one.
 */
export function headerConflicts<K extends string>(
  values: unknown[][] | null,
  aliases: AliasTable<K>,
  tab: string,
  lang: Lang,
): Problem[] {
  if (!values) return [];
  return headerDuplicates(tableLayout(asGrid(values), aliases), aliases, tab, lang);
}

/** Whether the grid is a flat OKR list that Import understands (an Objective column, no ID/Type/Parent). */
function looksFlat(grid: unknown[][]): boolean {
  const flat = tableLayout(grid, IMPORT_ALIASES);
  return (
    flat.columns.objective !== undefined &&
    (flat.columns.keyResult !== undefined || flat.columns.target !== undefined)
  );
}

/** The sheet for a tab that does not exist: one problem that says how to create it. */
export function missingTabSheet(tab: string, lang: Lang, candidates?: readonly string[]): OkrSheet {
  // Two sheets that could both be this tab: neither is read or written until one is renamed.
  const missing = candidates?.length
    ? problem(
        'header-missing',
        {
          variant: 'header-missing-ambiguous',
          params: { tab, tabs: candidates.map((n) => `"${n}"`).join(', ') },
        },
        lang,
      )
    : problem('header-missing', { variant: 'header-missing-tab', params: { tab } }, lang);
  return {
    columns: {},
    headers: [],
    objectives: [],
    keyResults: [],
    problems: [missing],
    sheetName: tab,
    headerRow: 0,
  };
}

/** Whether two scales were mixed ("45%" typed next to plain 30 and 60) and the percents need ×100. */
export function alignPercents(cells: Array<NumberCell | null>): void {
  const present = cells.filter((c): c is NumberCell => c !== null && c.value !== null);
  const anyPercent = present.some((c) => c.percent);
  const plainBeyondOne = present.some((c) => !c.percent && Math.abs(c.value as number) > 1);
  if (anyPercent && plainBeyondOne) {
    for (const c of present) if (c.percent) c.value = Math.round((c.value as number) * 100 * 1e9) / 1e9;
  }
}

const CONTENT_COLUMNS: OkrColumn[] = [
  'id',
  'type',
  'parent',
  'title',
  'owner',
  'kind',
  'start',
  'target',
  'current',
];

/** Parse the OKRs tab. */
export function parseOkrSheet(values: unknown[][], opts: ParseOptions): OkrSheet {
  const grid = asGrid(values);
  const { lang, sheetName, timeZone } = opts;
  const layout = tableLayout(grid, OKR_ALIASES);
  const { columns, headers } = layout;
  let problems: Problem[] = grid.length
    ? headerMissing(layout, REQUIRED_OKR_COLUMNS, OKR_ALIASES, sheetName, lang)
    : [problem('header-missing', { variant: 'header-missing-tab', params: { tab: sheetName } }, lang)];
  if (problems.length > 0 && grid.length > 0 && looksFlat(grid)) {
    // A flat list (Objective | Key result | Owner …) kept in the OKRs tab: say how to convert it,
    // instead of one "column missing" per structured column.
    problems = [
      problem(
        'header-missing',
        {
          column: canonicalHeader('id', OKR_ALIASES),
          variant: 'header-missing-flat',
          params: { tab: sheetName },
        },
        lang,
      ),
    ];
    // Its rows are not OKR rows: nothing more to read until it is imported.
    return {
      columns,
      headers,
      objectives: [],
      keyResults: [],
      problems,
      sheetName,
      headerRow: layout.headerRow,
    };
  }
  const objectives: Objective[] = [];
  const keyResults: KeyResult[] = [];
  const headerName = (c: OkrColumn) =>
    columns[c] !== undefined && headers[columns[c] as number]
      ? headers[columns[c] as number]
      : canonicalHeader(c, OKR_ALIASES);
  // Column indexes resolved once: a 10,000-row sheet must not look each one up per cell.
  const at = (c: OkrColumn): number => columns[c] ?? -1;
  const col = {
    id: at('id'),
    type: at('type'),
    parent: at('parent'),
    title: at('title'),
    owner: at('owner'),
    team: at('team'),
    cycle: at('cycle'),
    kind: at('kind'),
    start: at('start'),
    target: at('target'),
    current: at('current'),
    unit: at('unit'),
    confidence: at('confidence'),
    accepted: at('accepted'),
    lastCheckIn: at('lastCheckIn'),
    due: at('due'),
    note: at('note'),
    source: at('source'),
    startDate: at('startDate'),
  };
  const contentColumns = CONTENT_COLUMNS.map(at);

  let cells: unknown[] = [];
  let row = 0;
  let idText = '';
  const get = (index: number): unknown => (index < 0 ? undefined : cells[index]);
  const report = (
    code: ProblemCode,
    c: OkrColumn | null,
    value: unknown,
    what?: 'objective' | 'key-result',
  ) =>
    problems.push(
      problem(
        code,
        {
          id: idText,
          row,
          what,
          column: c ? headerName(c) : null,
          cell: c && columns[c] !== undefined ? cellA1(sheetName, row, columns[c] as number) : null,
          value: cellText(value),
        },
        lang,
      ),
    );
  const date = (
    c: 'accepted' | 'due' | 'lastCheckIn' | 'startDate',
    what: 'objective' | 'key-result',
  ): number | null => {
    const value = get(col[c]);
    const t = readDate(value, timeZone);
    if (t === undefined) {
      report('date-invalid', c, value, what);
      return null;
    }
    return t;
  };
  const number = (c: 'start' | 'target' | 'current', milestone: boolean): NumberCell | null => {
    const value = get(col[c]);
    const cell = c === 'current' && milestone ? readMilestone(value) : readNumber(value);
    if (cell === undefined) {
      report('value-not-number', c, value, 'key-result');
      return null;
    }
    return cell;
  };

  for (let r = layout.headerRow + 1; r < grid.length; r++) {
    cells = grid[r];
    row = r + 1;
    if (contentColumns.every((i) => isBlank(get(i)))) continue;
    idText = nfkc(cellText(get(col.id)));
    const parentText = nfkc(cellText(get(col.parent)));

    const typeCell = get(col.type);
    let type = readType(typeCell);
    if (type === undefined) {
      report('type-unknown', 'type', typeCell);
      continue;
    }
    if (type === null) {
      // A blank Type is inferred from what else the row says; when nothing tells, ask.
      if (parentText || /\./.test(idText) || /^kr/i.test(idText)) type = 'key-result';
      else if (/^o\d+$/i.test(idText)) type = 'objective';
      else if (!isBlank(get(col.start)) || !isBlank(get(col.target)) || !isBlank(get(col.kind)))
        type = 'key-result';
      else {
        // Without a Type column the missing header is the one problem to report.
        if (columns.type !== undefined)
          report('type-unknown', 'type', lang === 'ja' ? '（空欄）' : '(blank)');
        continue;
      }
    }
    const what = type;
    const ownerText = cellText(get(col.owner));
    const title = cellText(get(col.title));
    const owner = ownerEmail(ownerText);
    const team = cellText(get(col.team));
    const cycle = cellText(get(col.cycle));
    const accepted = date('accepted', what);
    const due = date('due', what);
    const note = cellText(get(col.note));
    if (type === 'objective') {
      objectives.push({
        id: idText,
        row,
        title,
        ownerText,
        owner,
        team,
        cycle,
        accepted,
        due,
        note,
        type: 'objective',
        parentId: parentText || null,
        keyResultIds: [],
      });
      continue;
    }
    const kindCell = get(col.kind);
    let kind = readKind(kindCell);
    const kindUnknown = kind === undefined;
    if (kind === undefined) {
      report('kind-unknown', 'kind', kindCell, what);
      kind = null;
    }
    const milestone = kind === 'milestone';
    const start = number('start', milestone);
    const target = number('target', milestone);
    const current = number('current', milestone);
    alignPercents([start, target, current]);
    const confidenceCell = get(col.confidence);
    let confidence = readConfidence(confidenceCell);
    if (confidence === undefined) {
      report('confidence-unknown', 'confidence', confidenceCell, what);
      confidence = null;
    }
    const unit =
      cellText(get(col.unit)) || (start?.percent || target?.percent || current?.percent ? '%' : '');
    const kr: KeyResult = {
      id: idText,
      row,
      title,
      ownerText,
      owner,
      team,
      cycle,
      accepted,
      due,
      note,
      type: 'key-result',
      objectiveId: parentText || null,
      kind,
      ...(kindUnknown ? { kindUnknown } : {}),
      start: start?.value ?? null,
      target: target?.value ?? null,
      current: current?.value ?? null,
      unit,
      confidence,
      lastCheckIn: date('lastCheckIn', what),
      progress: null,
      // Only a sheet with a Start date column gives key results one (the pace line's start).
      ...(col.startDate >= 0 ? { startDate: date('startDate', what) } : {}),
    };
    const source = cellText(get(col.source));
    if (source) kr.source = source;
    kr.progress = keyResultProgress(kr);
    keyResults.push(kr);
  }

  const byId = new Map<string, Objective>();
  for (const o of objectives) if (o.id && !byId.has(o.id)) byId.set(o.id, o);
  for (const kr of keyResults) {
    if (kr.objectiveId) byId.get(kr.objectiveId)?.keyResultIds.push(kr.id);
  }
  return { columns, headers, objectives, keyResults, problems, sheetName, headerRow: layout.headerRow };
}

/** Parse the Team tab: the people who may own things. */
export function parseRoster(values: unknown[][], opts: ParseOptions): Roster {
  const grid = asGrid(values);
  const { lang, sheetName } = opts;
  const layout = tableLayout(grid, TEAM_ALIASES);
  const { columns } = layout;
  const problems: Problem[] = grid.length
    ? headerMissing(layout, REQUIRED_TEAM_COLUMNS, TEAM_ALIASES, sheetName, lang)
    : [problem('header-missing', { variant: 'header-missing-tab', params: { tab: sheetName } }, lang)];
  const people: Person[] = [];
  const seen = new Map<string, number>();
  for (let r = layout.headerRow + 1; r < grid.length; r++) {
    const cells = grid[r];
    const row = r + 1;
    const get = (c: TeamColumn): unknown =>
      columns[c] === undefined ? undefined : cells[columns[c] as number];
    const name = cellText(get('name'));
    const rawEmail = nfkc(cellText(get('email')));
    if (!name && !rawEmail) continue;
    const email = rawEmail.replace(/^mailto:/i, '').toLowerCase();
    const emailCell = columns.email === undefined ? null : cellA1(sheetName, row, columns.email);
    const params = { team: sheetName, name: name || rawEmail || '?' };
    if (columns.email !== undefined && !isEmail(email)) {
      problems.push(
        problem(
          'team-email-invalid',
          { row, column: layout.headers[columns.email], cell: emailCell, value: rawEmail, params },
          lang,
        ),
      );
      continue;
    }
    if (columns.email === undefined) continue;
    const other = seen.get(email);
    if (other !== undefined) {
      problems.push(
        problem(
          'team-email-duplicate',
          {
            row,
            column: layout.headers[columns.email],
            cell: emailCell,
            value: email,
            params: { ...params, other },
          },
          lang,
        ),
      );
      continue;
    }
    seen.set(email, row);
    people.push({
      name: name || email,
      email,
      team: cellText(get('team')),
      manager: cellText(get('manager')).toLowerCase(),
      role: readRole(get('role')) ?? 'member',
      language: readLanguage(get('language')) ?? null,
      row,
    });
  }
  return { columns, people, problems, sheetName };
}

/** Parse the Check-ins log. Rows the add-on cannot read (no time or no ID) are skipped: the log is history, not input. */
/** What the Summary needs of a check-in: when, which key result, and the progress it recorded. */
export type ProgressEntry = Pick<CheckIn, 'time' | 'id' | 'progress' | 'row'>;

/**
 * The log's rows that have a time and an ID, each made by `entry` from the time, ID, progress and
 * row, plus `get` for the other columns. The log is the longest tab (a row per check-in, for years):
 * columns are resolved once, and a caller that needs only progress reads nothing else.
 */
function readLog<T>(
  values: unknown[][],
  opts: ParseOptions,
  entry: (base: ProgressEntry, get: (c: CheckInColumn) => unknown) => T,
): T[] {
  const grid = asGrid(values);
  const layout = tableLayout(grid, CHECK_IN_ALIASES);
  const { columns } = layout;
  if (columns.time === undefined || columns.id === undefined) return [];
  const out: T[] = [];
  const timeAt = columns.time;
  const idAt = columns.id;
  const progressAt = columns.progress ?? -1;
  let cells: unknown[] = [];
  const get = (c: CheckInColumn): unknown => {
    const i = columns[c];
    return i === undefined ? undefined : cells[i];
  };
  for (let r = layout.headerRow + 1; r < grid.length; r++) {
    cells = grid[r];
    const time = readDate(cells[timeAt], opts.timeZone);
    const id = nfkc(cellText(cells[idAt]));
    if (time === null || time === undefined || !id) continue;
    const progressCell = progressAt < 0 ? undefined : readNumber(cells[progressAt]);
    let progress: number | null = null;
    if (progressCell && progressCell.value !== null) {
      // Progress is stored as a fraction in a percent-formatted cell (0.45 shows as 45%).
      const v = progressCell.value;
      progress = progressCell.percent || Math.abs(v) <= 1 ? v * 100 : v;
      progress = Math.round(progress * 10) / 10;
    }
    out.push(entry({ time, id, progress, row: r + 1 }, get));
  }
  return out;
}

/** Every check-in of the log, in full (the weekly emails quote notes and confidence). */
export function parseCheckIns(values: unknown[][], opts: ParseOptions): CheckIn[] {
  return readLog(values, opts, (base, get) => ({
    time: base.time,
    id: base.id,
    by: cellText(get('by')).toLowerCase(),
    current: readMilestone(get('current'))?.value ?? null,
    progress: base.progress,
    confidence: readConfidence(get('confidence')) ?? null,
    note: cellText(get('note')),
    row: base.row,
  }));
}

/** The log's progress history only: what the Summary reads, at a fraction of the cost of parseCheckIns. */
export function parseProgressLog(values: unknown[][], opts: ParseOptions): ProgressEntry[] {
  return readLog(values, opts, (base) => base);
}
