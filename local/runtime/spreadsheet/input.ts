// How Sheets reads text typed into a cell — and text a script writes with setValue(s), which Sheets
// parses the same way (setValue('2026-11-30') stores a date, setValue('00123') the number 123)
// unless the cell's number format is plain text ('@').
// https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
// ("The value can be numeric, string, boolean or date. If it begins with '=' it is interpreted as a formula.")
//
// Supported typed forms (a subset of Sheets' parser):
// - '=…' a formula; "'…" text (the apostrophe is dropped);
// - TRUE / FALSE (any case) → boolean;
// - numbers: 42, -3.5, 1,200 (grouped thousands), 1.5e3, $1,200.50 (→ currency format), 45% (→ 0.45, '0%');
// - dates: 2026-11-30 and 2026/11/30 (→ 'yyyy-mm-dd'), and the locale's short form: M/d/yyyy for
//   en_US, d/M/yyyy for other en_* and European locales, yyyy/M/d for ja/zh/ko; an optional time
//   HH:mm[:ss] after a space; dates are midnight (or the time given) in the spreadsheet's zone.
// Anything else stays text.
import { fromWallTime } from '../wallClock';
import type { CellValue } from './types';

export interface ParsedInput {
  value: CellValue;
  formula?: string;
  /** The number format Sheets applies when the cell has none yet. */
  format?: string;
}

const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+|\d*(?=\.\d))(\.\d*)?([eE][-+]?\d+)?$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

export function parseTyped(
  text: string,
  opts: { timeZone: string; locale: string; cellFormat?: string },
): ParsedInput {
  if (text === '') return { value: '' };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (opts.cellFormat === '@') return { value: text };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const t = text.trim();
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  const pct = /^(.*)%$/.exec(t);
  if (pct && NUMBER.test((pct[1] as string).trim())) {
    const raw = (pct[1] as string).trim();
    const n = Number(raw.replace(/,/g, '')) / 100;
    return { value: n, format: raw.includes('.') ? '0.00%' : '0%' };
  }
  const cur = /^(-?)\$(.*)$/.exec(t);
  if (cur && NUMBER.test(cur[2] as string)) {
    const n = Number((cur[2] as string).replace(/,/g, '')) * (cur[1] ? -1 : 1);
    return { value: n, format: '"$"#,##0.00' };
  }
  if (NUMBER.test(t)) {
    const n = Number(t.replace(/,/g, ''));
    if (Number.isFinite(n)) return t.includes(',') ? { value: n, format: '#,##0' } : { value: n };
  }
  const date = parseDate(t, opts);
  if (date) return date;
  return { value: text };
}

function parseDate(t: string, opts: { timeZone: string; locale: string }): ParsedInput | null {
  const m = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return null;
  const [a, sep, b, c] = [Number(m[1]), m[2], Number(m[3]), Number(m[4])];
  const lang = opts.locale.toLowerCase();
  let y: number;
  let mo: number;
  let d: number;
  let format: string;
  if ((m[1] as string).length === 4) {
    [y, mo, d] = [a, b, c];
    format = sep === '-' ? 'yyyy-mm-dd' : 'yyyy/mm/dd';
  } else if ((m[4] as string).length === 4 && sep !== '-') {
    if (lang === 'en_us' || lang === 'en') {
      [mo, d, y] = [a, b, c];
      format = 'M/d/yyyy';
    } else if (/^(ja|zh|ko)/.test(lang)) return null;
    else {
      [d, mo, y] = [a, b, c];
      format = 'd/M/yyyy';
    }
  } else return null;
  if (!validDate(y, mo, d)) return null;
  const h = m[5] === undefined ? 0 : Number(m[5]);
  const mi = m[6] === undefined ? 0 : Number(m[6]);
  const s = m[7] === undefined ? 0 : Number(m[7]);
  if (h > 23 || mi > 59 || s > 59) return null;
  if (m[5] !== undefined) format += ' H:mm:ss';
  return { value: new Date(fromWallTime(opts.timeZone, y, mo, d, h, mi, s)), format };
}
