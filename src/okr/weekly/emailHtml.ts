// The markup every weekly email is built from. Gmail clips a message whose HTML passes about 102 KB
// ("[Message clipped]"), so each element kind has ONE short inline style, written here once, and
// what can be inherited is set once on the card (the font stack, size, line height and colour):
// no repeated font stacks, no style a browser already applies. Inline styles only (no <style>
// block, no classes): Gmail keeps them in every client, while a <style> block is dropped by Gmail
// with non-Google accounts and capped at 16 KB. Every CSS property and value used here is checked
// against caniemail's Gmail data (web, Android, iOS) in tests/unit/okr/weekly/emailCss.test.ts.
import type { Lang } from '../core/model';

const FONT = "Arial,Helvetica,'Hiragino Kaku Gothic ProN',Meiryo,'Noto Sans JP',sans-serif";
export const RED = '#d93025';
const MUTED = 'color:#5f6368;font-size:12px';
/** One table's reset: no spacing, no padding (cellspacing/cellpadding are HTML attributes Gmail keeps). */
const TABLE = 'role="presentation" cellpadding="0" cellspacing="0" border="0"';

export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The whole email: a grey page, a white card at most 600 px wide that fits any phone. */
export function page(lang: Lang, inner: string): string {
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
    `<body style="margin:0;padding:0;background:#f8f9fa"><table ${TABLE} width="100%" style="background:#f8f9fa"><tr><td align="center" style="padding:16px 8px">` +
    `<table ${TABLE} width="100%" style="max-width:600px;background:#ffffff;border:1px solid #dadce0;border-radius:8px;font-family:${FONT};font-size:14px;line-height:20px;color:#202124"><tr><td style="padding:20px">` +
    inner +
    '</td></tr></table></td></tr></table></body></html>'
  );
}

export function h2(text: string): string {
  return `<h2 style="font-size:16px;line-height:22px;margin:20px 0 4px 0">${escapeHtml(text)}</h2>`;
}

export function p(html: string, style = ''): string {
  return `<p style="margin:0 0 12px 0${style ? `;${style}` : ''}">${html}</p>`;
}

/** Small grey text under a title (owner, figures, dates). */
export function muted(html: string): string {
  return `<div style="${MUTED}">${html}</div>`;
}

/** What needs the reader, in red. */
export function needLine(text: string): string {
  return `<div style="color:${RED};font-size:12px">${escapeHtml(text)}</div>`;
}

export function coloured(color: string, text: string): string {
  return `<span style="color:${color}">${escapeHtml(text)}</span>`;
}

/**
 * A link as a block at least 40 px high (20 px line + 2 × 10 px padding): a comfortable tap target
 * on a phone. `html` is already escaped; without an href the text stays, unlinked, as tall.
 */
export function linkBlock(href: string, html: string, bold = false): string {
  const weight = bold ? ';font-weight:bold' : '';
  return href
    ? `<a href="${escapeHtml(href)}" style="display:block;padding:10px 0;color:#1a73e8${weight}">${html}</a>`
    : `<div style="padding:10px 0${weight}">${html}</div>`;
}

/** The one button of an email (open the spreadsheet / the Summary tab): 40 px high. */
export function button(href: string, text: string): string {
  return p(
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;background:#1a73e8;color:#ffffff;border-radius:4px;font-weight:bold">${escapeHtml(text)}</a>`,
  );
}

/** Rows of a list, each with a hairline above: one table per list, one row per item. */
export function list(rows: string[]): string {
  return rows.length ? `<table ${TABLE} width="100%">${rows.join('')}</table>` : '';
}

export function listRow(html: string): string {
  return `<tr><td style="border-top:1px solid #eceff1;padding-bottom:8px">${html}</td></tr>`;
}

/** A progress bar as table cells (no image, survives every client): the filled cell's width is the share. */
export function progressBar(progress: number | null, widthPx = 140): string {
  const w =
    progress === null || !Number.isFinite(progress) ? 0 : Math.max(0, Math.min(100, Math.round(progress)));
  const color = w >= 70 ? '#188038' : w >= 40 ? '#f9ab00' : RED;
  const fill = w > 0 ? `<td width="${w}%" style="background:${color};height:8px"></td>` : '';
  const rest = w < 100 ? '<td style="background:#e8eaed;height:8px"></td>' : '';
  return `<table ${TABLE} width="${widthPx}" style="margin:2px 0 4px 0"><tr>${fill}${rest}</tr></table>`;
}

/** The footer: why the reader gets this email, and how it is turned off. */
export function footer(lines: string[]): string {
  return `<hr style="border:0;border-top:1px solid #dadce0;margin:20px 0 12px 0">${p(lines.map(escapeHtml).join('<br>'), `${MUTED};line-height:18px`)}`;
}
