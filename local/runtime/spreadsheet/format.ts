// Display of cell values under a number format, as getDisplayValues shows them, and the time-zone
// arithmetic Sheets uses (a date cell is a wall-clock time in the spreadsheet's time zone).
//
// Supported number formats (a subset of Sheets' syntax):
// - automatic ('' / 'General' / '0.###############'): up to 15 significant digits, no grouping;
//   dates written without a format show as 'M/d/yyyy H:mm:ss';
// - numbers: 0, 0.00, #,##0, #,##0.00, leading/trailing literals ("$"#,##0.00, 0.0"x"), \x escapes,
//   up to four ;-separated sections (positive;negative;zero;text), 0% / 0.0% (percent), '@' (text);
// - dates and times: yyyy yy m mm mmm mmmm d dd ddd dddd h hh H HH m/mm after h or before s
//   (minutes), s ss, AM/PM, am/pm, literals; a number under a date format is a serial day number.
// Not supported (shown as automatic): scientific notation, fractions, colours ([Red]), conditions.
// https://developers.google.com/sheets/api/guides/formats

import { fromWallTime, wallTime } from '../wallClock';

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Sheets' serial number (days since 1899-12-30, wall time in the spreadsheet's zone) of a Date. */
export function dateToSerial(d: Date, timeZone: string): number {
  const w = wallTime(d.getTime(), timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  return (wallMs - SERIAL_EPOCH_UTC) / DAY;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wallMs = Math.round(SERIAL_EPOCH_UTC + serial * DAY);
  const w = new Date(wallMs);
  return new Date(
    fromWallTime(
      timeZone,
      w.getUTCFullYear(),
      w.getUTCMonth() + 1,
      w.getUTCDate(),
      w.getUTCHours(),
      w.getUTCMinutes(),
      w.getUTCSeconds(),
      w.getUTCMilliseconds(),
    ),
  );
}

export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

/** The date-time format Sheets gives a cell a script writes a Date into, by spreadsheet locale. */
export function defaultDateTimeFormat(locale: string): string {
  const l = locale.toLowerCase();
  if (l === 'en_us' || l === 'en') return DEFAULT_DATE_TIME_FORMAT;
  if (/^(ja|zh|ko)/.test(l)) return 'yyyy/MM/dd H:mm:ss';
  if (/^(en_ca|sv|lt|fr_ca)/.test(l)) return 'yyyy-MM-dd H:mm:ss';
  if (/^(de|ru|pl|fi|nb|da|cs|tr)/.test(l)) return 'dd.MM.yyyy H:mm:ss';
  return 'dd/MM/yyyy H:mm:ss';
}

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function automaticNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = Number(n.toPrecision(15)).toString();
  return s.replace(/e\+?/, 'E+').replace('E+-', 'E-');
}

/** True when the format shows dates or times. */
export function isDateFormat(fmt: string): boolean {
  const stripped = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ydhs]/i.test(stripped) || (/m/i.test(stripped) && !/[0#]/.test(stripped));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type DateToken = { t: 'lit'; s: string } | { t: 'tok'; s: string };

function tokenizeDate(fmt: string): DateToken[] {
  const out: DateToken[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i] as string;
    if (ch === '"') {
      const j = fmt.indexOf('"', i + 1);
      const end = j < 0 ? fmt.length : j;
      out.push({ t: 'lit', s: fmt.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (ch === '\\') {
      out.push({ t: 'lit', s: fmt[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (/^(am\/pm|a\/p)/i.test(fmt.slice(i))) {
      const m = /^(am\/pm|a\/p)/i.exec(fmt.slice(i)) as RegExpExecArray;
      out.push({ t: 'tok', s: m[0] });
      i += m[0].length;
      continue;
    }
    if (/[ymdhsYMDHS]/.test(ch)) {
      let j = i;
      while (j < fmt.length && (fmt[j] as string).toLowerCase() === ch.toLowerCase()) j++;
      out.push({ t: 'tok', s: fmt.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === '[') {
      const j = fmt.indexOf(']', i);
      i = j < 0 ? fmt.length : j + 1;
      continue;
    }
    out.push({ t: 'lit', s: ch });
    i++;
  }
  return out;
}

function formatDate(ms: number, fmt: string, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  const toks = tokenizeDate(fmt);
  const hasAmPm = toks.some((t) => t.t === 'tok' && /^(am\/pm|a\/p)$/i.test(t.s));
  const pad = (n: number, k: number) => String(n).padStart(k, '0');
  let out = '';
  toks.forEach((tk, idx) => {
    if (tk.t === 'lit') {
      out += tk.s;
      return;
    }
    const low = tk.s.toLowerCase();
    const c = low[0];
    const n = low.length;
    if (c === 'y') out += n <= 2 ? pad(w.year % 100, 2) : String(w.year);
    else if (c === 'd') {
      if (n === 1) out += String(w.day);
      else if (n === 2) out += pad(w.day, 2);
      else if (n === 3) out += (DAYS[w.weekday] as string).slice(0, 3);
      else out += DAYS[w.weekday];
    } else if (c === 'h') {
      const h = hasAmPm ? ((w.hour + 11) % 12) + 1 : w.hour;
      out += n >= 2 ? pad(h, 2) : String(h);
    } else if (c === 's') out += n >= 2 ? pad(w.second, 2) : String(w.second);
    else if (c === 'm') {
      // m is minutes right after an hour token or right before a seconds token.
      const prev = toks
        .slice(0, idx)
        .reverse()
        .find((t) => t.t === 'tok');
      const next = toks.slice(idx + 1).find((t) => t.t === 'tok');
      const minute = (prev && prev.s[0]?.toLowerCase() === 'h') || (next && next.s[0]?.toLowerCase() === 's');
      if (minute && n <= 2) out += n === 2 ? pad(w.minute, 2) : String(w.minute);
      else if (n === 1) out += String(w.month);
      else if (n === 2) out += pad(w.month, 2);
      else if (n === 3) out += (MONTHS[w.month - 1] as string).slice(0, 3);
      else if (n === 5) out += (MONTHS[w.month - 1] as string)[0];
      else out += MONTHS[w.month - 1];
    } else if (/^(am\/pm|a\/p)$/.test(low)) {
      const pm = w.hour >= 12;
      const s = low === 'a/p' ? (pm ? 'p' : 'a') : pm ? 'pm' : 'am';
      out += tk.s[0] === tk.s[0]?.toUpperCase() ? s.toUpperCase() : s;
    }
  });
  return out;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch === '"') q = !q;
    if (ch === '\\' && !q) {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !q) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function formatNumberSection(n: number, sec: string): string {
  // Split into literal prefix, the digit pattern and literal suffix.
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let percent = 0;
  let seenDigits = false;
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i] as string;
    let lit: string | null = null;
    if (ch === '"') {
      const j = sec.indexOf('"', i + 1);
      const end = j < 0 ? sec.length : j;
      lit = sec.slice(i + 1, end);
      i = end;
    } else if (ch === '\\') {
      lit = sec[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const j = sec.indexOf(']', i);
      i = j < 0 ? sec.length : j;
      continue;
    } else if (ch === '_' || ch === '*') {
      i++;
      continue;
    } else if (/[0#?.,]/.test(ch)) {
      pattern += ch;
      seenDigits = true;
      continue;
    } else if (ch === '%') {
      percent++;
      lit = '%';
    } else lit = ch;
    if (seenDigits) suffix += lit;
    else prefix += lit;
  }
  const v = Math.abs(n) * 100 ** percent;
  const [intPat = '', fracPat = ''] = pattern.split('.');
  const grouping = /[0#?],[0#?]/.test(intPat);
  // Trailing commas scale by 1000 each.
  const scaleCommas = /,+$/.exec(intPat)?.[0].length ?? 0;
  const scaled = v / 1000 ** scaleCommas;
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = (fracPat.match(/[0#?]/g) ?? []).length;
  let fixed = scaled.toFixed(maxFrac);
  if (maxFrac > minFrac) {
    let [ip, fp = ''] = fixed.split('.');
    while (fp.length > minFrac && fp.endsWith('0')) fp = fp.slice(0, -1);
    fixed = fp ? `${ip}.${fp}` : (ip as string);
  }
  let [ip = '', fp] = fixed.split('.');
  const minInt = (intPat.replace(/,/g, '').match(/0/g) ?? []).length;
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = fp ? `${ip}.${fp}` : ip;
  return `${prefix}${body}${suffix}`;
}

function formatNumber(n: number, fmt: string): string {
  const sections = splitSections(fmt);
  const numeric = sections.slice(0, 3);
  if (n < 0 && numeric.length >= 2) return formatNumberSection(n, numeric[1] as string);
  if (n === 0 && numeric.length >= 3) return formatNumberSection(n, numeric[2] as string);
  const s = formatNumberSection(n, numeric[0] as string);
  // A negative value under a single section keeps its minus sign, unless it rounds to zero.
  return n < 0 && /[1-9]/.test(s) ? `-${s}` : s;
}

/** The text getDisplayValue shows for a value under a number format in a time zone. */
export function displayValue(value: unknown, fmt: string | undefined, timeZone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const text = fmt ? splitSections(fmt)[3] : undefined;
    return text ? text.replace(/@/g, value).replace(/"/g, '') : value;
  }
  const auto = !fmt || fmt === 'General' || fmt === DEFAULT_NUMBER_FORMAT || fmt === '@';
  if (isDate(value)) {
    if (auto) return formatDate(value.getTime(), DEFAULT_DATE_TIME_FORMAT, timeZone);
    if (isDateFormat(fmt)) return formatDate(value.getTime(), fmt, timeZone);
    return formatNumber(dateToSerial(value, timeZone), fmt);
  }
  if (typeof value === 'number') {
    if (auto) return automaticNumber(value);
    if (isDateFormat(fmt)) return formatDate(serialToDate(value, timeZone).getTime(), fmt, timeZone);
    if (/[0#?]/.test(fmt)) return formatNumber(value, fmt);
    return automaticNumber(value);
  }
  return String(value);
}
