// Key results spread across numbered columns, one objective per row: "key_result_1_title,
// key_result_1_completion, key_result_2_title …" (Culture Amp's goals import), "KR1 | KR1 target |
// KR2 …", "主要な結果1 | 主要な結果2". Such a tab is turned into the objective-column shape, one row
// per key result, before the shape is read; rowOf maps each new row back to its row in the tab, so
// skipped rows and the preview name the rows the user sees. Pure.
import { isBlank } from '../../core/parseValues';
import { columnOf, headerKey } from '../../core/schema';
import { SOURCE_ALIASES, type SourceColumn } from './columns';

/** "key_result_2_title", "KR 2 owner", "Key result #3", "主要な結果2", "成果指標2の目標値". */
const NUMBERED =
  /^(?:key[\s_-]*results?|krs?|主要な結果|成果指標|キーリザルト)[\s_#-]*(\d{1,2})(?:[\s_:：-]*(?:の)?(.*))?$/i;

/** What a numbered column's suffix holds ("" and title words: the key result itself). */
function fieldOf(suffix: string): SourceColumn | 'keyResult' | null {
  const key = headerKey(suffix);
  if (key === '' || ['title', 'name', 'text', 'description', 'タイトル', '内容'].map(headerKey).includes(key))
    return 'keyResult';
  // Culture Amp's completion is a 0.0–1.0 value (its page: "value between 0.0 and 1.0").
  if (key === 'completion') return 'score';
  const column = columnOf(suffix, SOURCE_ALIASES);
  return column && !['objective', 'keyResult', 'title', 'type', 'rowId', 'parentId'].includes(column)
    ? column
    : null;
}

export interface Unpivoted {
  grid: unknown[][];
  /** For each row of `grid`, its 1-based row in the tab. */
  rowOf: number[];
}

/**
 * The tab with its numbered key-result columns turned into rows, or null when it has none (at least
 * one numbered key-result column, and no plain Key result column). `headerRow`: 0-based.
 */
export function unpivotNumbered(grid: readonly unknown[][], headerRow: number): Unpivoted | null {
  const header = grid[headerRow] ?? [];
  const groups = new Map<number, Array<{ index: number; field: SourceColumn | 'keyResult' }>>();
  const plain: number[] = [];
  header.forEach((h, index) => {
    const m = NUMBERED.exec(String(h ?? '').trim());
    const field = m ? fieldOf(m[2] ?? '') : null;
    if (!m || !field) {
      plain.push(index);
      return;
    }
    const n = Number(m[1]);
    groups.set(n, [...(groups.get(n) ?? []), { index, field }]);
  });
  const numbered = [...groups.entries()]
    .filter(([, cols]) => cols.some((c) => c.field === 'keyResult'))
    .sort(([a], [b]) => a - b);
  if (numbered.length === 0) return null;
  if (plain.some((i) => columnOf(header[i], SOURCE_ALIASES) === 'keyResult')) return null;
  // The fields any group has, in a fixed order, each a column of the new table.
  const fields: Array<SourceColumn | 'keyResult'> = ['keyResult'];
  for (const [, cols] of numbered) for (const c of cols) if (!fields.includes(c.field)) fields.push(c.field);
  // Named by the first alias of their column; a plain column of the same kind gives way (it is the
  // objective's: the key result's own value wins).
  const names = fields.map((f) => SOURCE_ALIASES[f][0]);
  const kept = plain.filter((i) => {
    const c = columnOf(header[i], SOURCE_ALIASES);
    return !(c && c !== 'objective' && fields.includes(c) && c !== 'owner');
  });
  const out: unknown[][] = [];
  const rowOf: number[] = [];
  grid.forEach((row, r) => {
    if (r < headerRow) {
      out.push([...row]);
      rowOf.push(r + 1);
      return;
    }
    const base = kept.map((i) => row[i] ?? '');
    if (r === headerRow) {
      // The goal's own title column (Name, Title) is the objective of the rows made from it.
      const titled = kept.map((i) =>
        columnOf(header[i], SOURCE_ALIASES) === 'title' ? 'Objective' : header[i],
      );
      const named = kept.some((i) => columnOf(header[i], SOURCE_ALIASES) === 'objective') ? base : titled;
      out.push([...named, ...names]);
      rowOf.push(r + 1);
      return;
    }
    const krs = numbered
      .map(([, cols]) => fields.map((f) => row[cols.find((c) => c.field === f)?.index ?? -1] ?? ''))
      .filter((values) => !isBlank(values[0]));
    for (const values of krs.length ? krs : [fields.map(() => '')]) {
      out.push([...base, ...values]);
      rowOf.push(r + 1);
    }
  });
  return { grid: out, rowOf };
}
