// Utilities: formatDate (Java SimpleDateFormat patterns, real time zones), sleep on the virtual
// clock, getUuid, digests and base64 with Google's signed bytes.
// https://developers.google.com/apps-script/reference/utilities/utilities
// https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html
import crypto from 'node:crypto';
import { signatureMessage } from '../errors';
import { fromWallTime, isValidTimeZone, wallTime } from '../wallClock';
import { fail, makeEnum, type ServiceEnv } from './env';

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
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// Java's short names where Intl's en-US data only gives "GMT+9".
const SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Tokyo': ['JST', 'JST'],
  'Asia/Seoul': ['KST', 'KST'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Asia/Shanghai': ['CST', 'CST'],
  'Europe/London': ['GMT', 'BST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Rome': ['CET', 'CEST'],
  'Europe/Amsterdam': ['CET', 'CEST'],
  UTC: ['UTC', 'UTC'],
  'Etc/UTC': ['UTC', 'UTC'],
  GMT: ['GMT', 'GMT'],
};

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function offsetText(offsetMs: number, colon: boolean, minutes = true): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 60000);
  const h = pad(Math.floor(total / 60), 2);
  const m = pad(total % 60, 2);
  return minutes ? `${sign}${h}${colon ? ':' : ''}${m}` : `${sign}${h}`;
}

function zoneName(epoch: number, tz: string, long: boolean, offsetMs: number): string {
  if (!long && SHORT_NAMES[tz]) {
    const std = wallTime(Date.UTC(new Date(epoch).getUTCFullYear(), 0, 1), tz).offsetMs;
    return SHORT_NAMES[tz][offsetMs === std ? 0 : 1];
  }
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(epoch))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  if (/^GMT[+-]/.test(name)) return `GMT${offsetText(offsetMs, true)}`;
  return name;
}

/** Formats like java.text.SimpleDateFormat with an English locale. */
export function formatDate(epoch: number, timeZone: string, pattern: string): string {
  const tz = isValidTimeZone(timeZone) ? timeZone : 'GMT'; // Java falls back to GMT for unknown ids
  const p = wallTime(epoch, tz);
  const dayOfYear =
    Math.floor((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
  const field = (c: string, n: number): string => {
    switch (c) {
      case 'G':
        return p.year > 0 ? 'AD' : 'BC';
      case 'y':
      case 'Y':
        return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
      case 'M':
      case 'L':
        return n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
      case 'd':
        return pad(p.day, n);
      case 'D':
        return pad(dayOfYear, n);
      case 'E':
        return n >= 4 ? DAYS[p.isoWeekday - 1] : DAYS[p.isoWeekday - 1].slice(0, 3);
      case 'u':
        return pad(p.isoWeekday, n);
      case 'F':
        return pad(Math.floor((p.day - 1) / 7) + 1, n);
      case 'a':
        return p.hour < 12 ? 'AM' : 'PM';
      case 'H':
        return pad(p.hour, n);
      case 'k':
        return pad(p.hour === 0 ? 24 : p.hour, n);
      case 'K':
        return pad(p.hour % 12, n);
      case 'h':
        return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
      case 'm':
        return pad(p.minute, n);
      case 's':
        return pad(p.second, n);
      case 'S':
        return pad(p.ms, n);
      case 'z':
        return zoneName(epoch, tz, n >= 4, p.offsetMs);
      case 'Z':
        return offsetText(p.offsetMs, false);
      case 'X':
        if (p.offsetMs === 0) return 'Z';
        return n === 1 ? offsetText(p.offsetMs, false, false) : offsetText(p.offsetMs, n >= 3);
      default:
        throw new Error(`Illegal pattern character '${c}'`);
    }
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted literal text; '' inside it is one quote.
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          out += pattern[j++];
        }
      }
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      out += field(c, n);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * Parses like SimpleDateFormat.parse (numeric fields, month and day names, AM/PM, Z/X offsets) as
 * wall time in `timeZone`; undefined when the text does not match.
 */
export function parseDate(text: string, timeZone: string, pattern: string): number | undefined {
  const tz = isValidTimeZone(timeZone) ? timeZone : 'GMT';
  const f = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    pm: undefined as boolean | undefined,
    h12: false,
  };
  let offsetMs: number | undefined;
  let pos = 0;
  const num = (maxLen: number) => {
    const m = new RegExp(`^[+-]?\\d{1,${maxLen}}`).exec(text.slice(pos));
    if (!m) throw new Error('no number');
    pos += m[0].length;
    return Number(m[0]);
  };
  const word = (names: string[]) => {
    const rest = text.slice(pos).toLowerCase();
    for (const [i, n] of names.entries()) {
      for (const cand of [n, n.slice(0, 3)]) {
        if (rest.startsWith(cand.toLowerCase())) {
          pos += cand.length;
          return i;
        }
      }
    }
    throw new Error('no name');
  };
  try {
    for (let i = 0; i < pattern.length; ) {
      const c = pattern[i];
      if (c === "'") {
        const end = pattern.indexOf("'", i + 1);
        const lit = pattern.slice(i + 1, end < 0 ? pattern.length : end) || "'";
        if (!text.startsWith(lit, pos)) return undefined;
        pos += lit.length;
        i = end < 0 ? pattern.length : end + 1;
        continue;
      }
      if (!/[A-Za-z]/.test(c)) {
        if (text[pos] !== c) return undefined;
        pos++;
        i++;
        continue;
      }
      let n = 1;
      while (pattern[i + n] === c) n++;
      i += n;
      const nextIsDigitField = /[yMdHhkKmsS]/.test(pattern[i] ?? '');
      const width = nextIsDigitField ? n : 9;
      switch (c) {
        case 'y':
        case 'Y': {
          const start = pos;
          const y = num(nextIsDigitField ? n : 9);
          f.year = n <= 2 && pos - start <= 2 ? 2000 + y : y;
          break;
        }
        case 'M':
        case 'L':
          f.month = n >= 3 ? word(MONTHS) + 1 : num(width);
          break;
        case 'd':
          f.day = num(width);
          break;
        case 'E':
          word(DAYS);
          break;
        case 'H':
        case 'k':
          f.hour = num(width) % 24;
          break;
        case 'h':
        case 'K':
          f.hour = num(width) % 12;
          f.h12 = true;
          break;
        case 'm':
          f.minute = num(width);
          break;
        case 's':
          f.second = num(width);
          break;
        case 'S':
          f.ms = num(width);
          break;
        case 'a':
          f.pm = word(['AM', 'PM']) === 1;
          break;
        case 'Z':
        case 'X':
        case 'z': {
          const m = /^(Z|GMT|UTC|[+-]\d{2}:?\d{2}|[+-]\d{2})/.exec(text.slice(pos));
          if (!m) return undefined;
          pos += m[0].length;
          if (m[0] === 'Z' || m[0] === 'GMT' || m[0] === 'UTC') offsetMs = 0;
          else {
            const digits = m[0].replace(':', '');
            const sign = digits[0] === '-' ? -1 : 1;
            offsetMs = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0)) * 60_000;
          }
          break;
        }
        default:
          return undefined;
      }
    }
  } catch {
    return undefined;
  }
  if (f.h12 && f.pm) f.hour += 12;
  if (offsetMs !== undefined) {
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms) - offsetMs;
  }
  return fromWallTime(tz, f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms);
}

/** Java bytes are signed: -128 … 127. */
function signed(buf: Buffer): number[] {
  return [...buf].map((b) => (b > 127 ? b - 256 : b));
}

/**
 * A string's bytes in `charset` (default UTF-8). US-ASCII as Java encodes it: a character outside
 * ASCII becomes '?' (0x3f), one per code point.
 */
function bytesOf(value: unknown, charset: unknown = 'UTF_8'): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  if (String(charset) !== 'US_ASCII') return Buffer.from(String(value), 'utf8');
  return Buffer.from(
    Array.from(String(value), (ch) => ((ch.codePointAt(0) ?? 0) < 0x80 ? ch.charCodeAt(0) : 0x3f)),
  );
}

const NODE_DIGEST: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export function makeUtilities(env: ServiceEnv) {
  const arr = (xs: number[]) => env.realm.Array.from(xs);
  return {
    DigestAlgorithm: makeEnum(env.realm, ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const),
    Charset: makeEnum(env.realm, ['US_ASCII', 'UTF_8'] as const),
    MacAlgorithm: makeEnum(env.realm, [
      'HMAC_MD5',
      'HMAC_SHA_1',
      'HMAC_SHA_256',
      'HMAC_SHA_384',
      'HMAC_SHA_512',
    ] as const),
    formatDate(date: Date, timeZone: string, format: string): string {
      env.meter.call('Utilities.formatDate');
      if (Object.prototype.toString.call(date) !== '[object Date]') {
        fail(
          env,
          'The parameters (' +
            typeof date +
            ",String,String) don't match the method signature for Utilities.formatDate.",
        );
      }
      const t = date.getTime();
      if (Number.isNaN(t)) fail(env, 'Invalid argument: date');
      try {
        return formatDate(t, String(timeZone), String(format));
      } catch (e) {
        return fail(env, (e as Error).message);
      }
    },
    parseDate(date: string, timeZone: string, format: string): Date {
      env.meter.call('Utilities.parseDate');
      const t = parseDate(String(date), String(timeZone), String(format));
      if (t === undefined || Number.isNaN(t)) fail(env, `Unparseable date: "${String(date)}"`);
      return new env.realm.Date(t);
    },
    /** Sleeps on the virtual clock (Google allows at most 300000 ms). */
    sleep(milliseconds: number) {
      env.meter.call('Utilities.sleep');
      const ms = Number(milliseconds);
      if (typeof milliseconds !== 'number') fail(env, signatureMessage('Utilities.sleep', [milliseconds]));
      if (!(ms >= 0) || ms > 300_000) fail(env, 'Invalid argument: milliseconds');
      env.meter.advance(ms);
    },
    getUuid(): string {
      env.meter.call('Utilities.getUuid');
      return crypto.randomUUID();
    },
    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      env.meter.call('Utilities.computeDigest');
      const alg = NODE_DIGEST[String(algorithm)];
      if (!alg) fail(env, 'Invalid argument: algorithm');
      // Without a charset a string is digested as US-ASCII, not UTF-8 (the conformance kit's
      // observation; https://developers.google.com/apps-script/reference/utilities/utilities#computeDigest(DigestAlgorithm,String)
      // names no default).
      return arr(
        signed(
          crypto
            .createHash(alg)
            .update(bytesOf(value, charset ?? 'US_ASCII'))
            .digest(),
        ),
      );
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      env.meter.call('Utilities.computeHmacSha256Signature');
      return arr(
        signed(crypto.createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest()),
      );
    },
    base64Encode(data: unknown, charset?: unknown): string {
      env.meter.call('Utilities.base64Encode');
      return bytesOf(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      env.meter.call('Utilities.base64EncodeWebSafe');
      return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string): number[] {
      env.meter.call('Utilities.base64Decode');
      return arr(signed(Buffer.from(String(encoded), 'base64')));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      env.meter.call('Utilities.base64DecodeWebSafe');
      return arr(signed(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
    },
    newBlob(data: unknown, contentType?: string, name?: string) {
      env.meter.call('Utilities.newBlob');
      const bytes = bytesOf(data);
      return {
        getBytes: () => arr(signed(bytes)),
        getDataAsString: () => bytes.toString('utf8'),
        // A blob made from a string without a content type is text/plain in Apps Script.
        getContentType: () => contentType ?? (typeof data === 'string' ? 'text/plain' : null),
        getName: () => name ?? null,
      };
    },
    formatString(template: string, ...args: unknown[]): string {
      env.meter.call('Utilities.formatString');
      let i = 0;
      return String(template).replace(
        /%(-?\d*)(?:\.(\d+))?([sdif%])/g,
        (_m, width: string, prec: string, conv: string) => {
          if (conv === '%') return '%';
          const v = args[i++];
          let s: string;
          if (conv === 'd' || conv === 'i') s = String(Math.trunc(Number(v)));
          else if (conv === 'f') s = Number(v).toFixed(prec ? Number(prec) : 6);
          else s = String(v);
          const w = Math.abs(Number(width || 0));
          return width.startsWith('-') ? s.padEnd(w) : s.padStart(w);
        },
      );
    },
  };
}
