// A small picture of one import layout (local/fixtures/import) for docs/import.md: its first rows as
// a spreadsheet shows them (column letters, row numbers, a bold header), long cells cut short, as a
// self-contained HTML page that `npm run screenshots` photographs.

const MAX_ROWS = 9;
const MAX_COLUMNS = 7;
const MAX_CHARS = 26;

const htmlText = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

function cellText(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const text = v === null || v === undefined ? '' : String(v);
  const line = text.replace(/\n/g, ' ⏎ ');
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line;
}

function letter(i: number): string {
  return String.fromCharCode(65 + i);
}

export function layoutPictureHtml(rows: unknown[][]): string {
  const width = Math.min(MAX_COLUMNS, Math.max(1, ...rows.map((r) => r.length)));
  const shown = rows.slice(0, MAX_ROWS);
  const head = `<tr><th></th>${Array.from({ length: width }, (_, i) => `<th>${letter(i)}</th>`).join('')}</tr>`;
  const body = shown
    .map(
      (r, i) =>
        `<tr><th>${i + 1}</th>${Array.from({ length: width }, (_, j) => `<td>${htmlText(cellText(r[j]))}</td>`).join('')}</tr>`,
    )
    .join('');
  const more = rows.length > MAX_ROWS ? `<p>… ${rows.length - MAX_ROWS} more rows</p>` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{margin:0;padding:8px;font:12px Arial,'Noto Sans CJK JP',sans-serif;background:#fff;display:inline-block}
table{border-collapse:collapse}
th,td{border:1px solid #dadce0;padding:3px 6px;white-space:nowrap;max-width:190px;overflow:hidden}
th{background:#f8f9fa;color:#5f6368;font-weight:400}
tr:nth-child(2) td{font-weight:700}
p{margin:4px 0 0;color:#5f6368}
</style></head><body><table>${head}${body}</table>${more}</body></html>`;
}
