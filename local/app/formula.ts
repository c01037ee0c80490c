// A small formula evaluator for conditional-format rules with custom formulas ("whenFormulaSatisfied"),
// so the sandbox draws the same highlights as Sheets (e.g. a key result without an owner in red).
// It covers the functions such rules use: AND OR NOT IF, REGEXMATCH LOWER UPPER TRIM LEN N,
// COUNTIF INDIRECT ISBLANK ISNUMBER TODAY, comparisons, & and arithmetic. Anything else is an error,
// and a rule whose formula errs does not apply (as in Sheets).
// https://support.google.com/docs/answer/78413 (custom formula rules: references are relative to the
// range's top-left cell unless anchored with $).
import { lettersToColumn } from '../runtime/spreadsheet/a1';
import { parseRange } from './a1';

type Scalar = string | number | boolean | Date;
type Value = Scalar | { range: Scalar[][] };

export interface FormulaHost {
  /** Values of a sheet (row-major from A1). */
  values(sheet: string): unknown[][];
  sheetNames(): string[];
  now(): number;
}

class FormulaError extends Error {}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'op'; v: string }
  | { t: 'id'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      let s = '';
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') break;
        else s += src[i++];
      }
      if (src[i] !== '"') throw new FormulaError('unterminated string');
      i++;
      out.push({ t: 'str', v: s });
    } else if (/[0-9.]/.test(ch)) {
      const m = /^\d*\.?\d+(?:[eE][-+]?\d+)?/.exec(src.slice(i));
      if (!m) throw new FormulaError(`bad number at ${i}`);
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (ch === "'" || /[A-Za-z_$]/.test(ch)) {
      // A name, a function, or a reference (Sheet!$A$1:B2, 'My tab'!A:A).
      const m = /^(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?[$A-Za-z_][\w.$]*(?::\$?[A-Za-z]+\$?\d*)?/.exec(
        src.slice(i),
      );
      if (!m) throw new FormulaError(`bad name at ${i}`);
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (two === '<>' || two === '<=' || two === '>=') {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if ('=<>&+-*/(),:'.includes(ch)) {
        out.push({ t: 'op', v: ch });
        i++;
      } else throw new FormulaError(`unexpected ${ch}`);
    }
  }
  return out;
}

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; text: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

function parse(tokens: Token[]): Node {
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (v: string) => peek()?.t === 'op' && peek().v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaError(`expected ${v}`);
    p++;
  };
  const levels: string[][] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let a = binary(level + 1);
    for (let tok = peek(); tok?.t === 'op' && levels[level].includes(tok.v); tok = peek()) {
      p++;
      const op = tok.v;
      a = { k: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp('-')) {
      p++;
      return { k: 'neg', a: unary() };
    }
    if (isOp('+')) p++;
    return primary();
  };
  const primary = (): Node => {
    const tok = tokens[p++];
    if (!tok) throw new FormulaError('unexpected end');
    if (tok.t === 'num' || tok.t === 'str') return { k: 'lit', v: tok.v };
    if (tok.t === 'op' && tok.v === '(') {
      const e = binary(0);
      expect(')');
      return e;
    }
    if (tok.t === 'id') {
      if (isOp('(')) {
        p++;
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(binary(0));
          while (isOp(',')) {
            p++;
            args.push(binary(0));
          }
        }
        expect(')');
        return { k: 'call', name: tok.v.toUpperCase(), args };
      }
      const up = tok.v.toUpperCase();
      if (up === 'TRUE' || up === 'FALSE') return { k: 'lit', v: up === 'TRUE' };
      return { k: 'ref', text: tok.v };
    }
    throw new FormulaError(`unexpected ${tok.v}`);
  };
  const root = binary(0);
  if (p !== tokens.length) throw new FormulaError('trailing input');
  return root;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

function scalar(v: Value): Scalar {
  if (typeof v === 'object' && !isDate(v)) return v.range[0]?.[0] ?? '';
  return v;
}
function num(v: Value): number {
  const s = scalar(v);
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (isDate(s)) return (s.getTime() - SERIAL_EPOCH) / 86_400_000;
  if (s.trim() === '') return 0;
  const n = Number(s);
  if (Number.isNaN(n)) throw new FormulaError(`not a number: ${s}`);
  return n;
}
function str(v: Value): string {
  const s = scalar(v);
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  if (isDate(s)) return String(num(s));
  return String(s);
}
function bool(v: Value): boolean {
  const s = scalar(v);
  if (typeof s === 'boolean') return s;
  if (typeof s === 'string') {
    if (s === '') return false;
    if (/^true$/i.test(s)) return true;
    if (/^false$/i.test(s)) return false;
    throw new FormulaError(`not a boolean: ${s}`);
  }
  return num(s) !== 0;
}

function compare(a: Scalar, b: Scalar): number {
  const blank = (x: Scalar) => x === '';
  if (blank(a) && blank(b)) return 0;
  const numeric = (x: Scalar) => typeof x === 'number' || isDate(x) || typeof x === 'boolean';
  if ((numeric(a) || blank(a)) && (numeric(b) || blank(b))) return num(a) - num(b);
  const [x, y] = [str(a).toLowerCase(), str(b).toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** COUNTIF's criterion: "=x", "<>x", ">5", a plain value; * and ? are wildcards in text. */
function matcher(criterion: Scalar): (v: Scalar) => boolean {
  if (typeof criterion === 'string') {
    const m = /^(<>|<=|>=|=|<|>)(.*)$/s.exec(criterion);
    const op = m ? m[1] : '=';
    const rest = m ? m[2] : criterion;
    const target: Scalar = rest !== '' && Number.isFinite(Number(rest)) ? Number(rest) : rest;
    if ((op === '=' || op === '<>') && typeof target === 'string' && /[*?]/.test(target)) {
      const re = new RegExp(
        `^${target
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i',
      );
      return (v) => re.test(str(v)) === (op === '=');
    }
    return (v) => {
      if (typeof target === 'number' && typeof v !== 'number' && op !== '<>') return false;
      const c = compare(v, target);
      return op === '='
        ? c === 0
        : op === '<>'
          ? c !== 0
          : op === '<'
            ? c < 0
            : op === '>'
              ? c > 0
              : op === '<='
                ? c <= 0
                : c >= 0;
    };
  }
  return (v) => compare(v, criterion) === 0;
}

export interface FormulaCell {
  sheet: string;
  /** 1-based row and column of the cell being styled. */
  row: number;
  col: number;
  /** Top-left of the rule's range: relative references shift by the distance from it. */
  anchorRow: number;
  anchorCol: number;
}

export function compileFormula(formula: string): (host: FormulaHost, at: FormulaCell) => Value {
  const ast = parse(tokenize(formula.replace(/^=/, '')));
  return (host, at) => evaluate(ast, host, at);
}

function resolveRef(text: string, host: FormulaHost, at: FormulaCell): Value {
  let sheet = at.sheet;
  let ref = text;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text
      .slice(0, bang)
      .replace(/^'(.*)'$/s, '$1')
      .replace(/''/g, "'");
    ref = text.slice(bang + 1);
  }
  const m = /^(\$?)([A-Za-z]+)(\$?)(\d*)(?::(\$?)([A-Za-z]+)(\$?)(\d*))?$/.exec(ref);
  if (!m) throw new FormulaError(`unknown name ${text}`);
  if (!host.sheetNames().includes(sheet)) throw new FormulaError(`no sheet ${sheet}`);
  const dr = at.row - at.anchorRow;
  const dc = at.col - at.anchorCol;
  const shiftCol = (abs: string, letters: string) => lettersToColumn(letters) + (abs ? 0 : dc);
  const shiftRow = (abs: string, digits: string) => (digits ? Number(digits) + (abs ? 0 : dr) : undefined);
  const values = host.values(sheet);
  const c1 = shiftCol(m[1], m[2]);
  const r1 = shiftRow(m[3], m[4]);
  const c2 = m[6] ? shiftCol(m[5], m[6]) : c1;
  const r2 = m[6] ? shiftRow(m[7], m[8]) : r1;
  const top = r1 ?? 1;
  const bottom = r2 ?? Math.max(values.length, 1);
  const out: Scalar[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line: Scalar[] = [];
    for (let c = c1; c <= c2; c++) line.push((values[r - 1]?.[c - 1] as Scalar | undefined) ?? '');
    out.push(line);
  }
  return m[6] || r1 === undefined ? { range: out } : (out[0]?.[0] ?? '');
}

function evaluate(n: Node, host: FormulaHost, at: FormulaCell): Value {
  const ev = (x: Node) => evaluate(x, host, at);
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'ref':
      return resolveRef(n.text, host, at);
    case 'neg':
      return -num(ev(n.a));
    case 'bin': {
      const a = scalar(ev(n.a));
      const b = scalar(ev(n.b));
      switch (n.op) {
        case '&':
          return str(a) + str(b);
        case '+':
          return num(a) + num(b);
        case '-':
          return num(a) - num(b);
        case '*':
          return num(a) * num(b);
        case '/':
          if (num(b) === 0) throw new FormulaError('#DIV/0!');
          return num(a) / num(b);
        case '=':
          return compare(a, b) === 0;
        case '<>':
          return compare(a, b) !== 0;
        case '<':
          return compare(a, b) < 0;
        case '>':
          return compare(a, b) > 0;
        case '<=':
          return compare(a, b) <= 0;
        default:
          return compare(a, b) >= 0;
      }
    }
    case 'call': {
      const args = n.args;
      const flat = (vals: Value[]) =>
        vals.flatMap((v) =>
          typeof v === 'object' && !isDate(v) ? v.range.flat().filter((x) => x !== '') : [v],
        );
      switch (n.name) {
        case 'AND':
          return flat(args.map(ev)).every(bool);
        case 'OR':
          return flat(args.map(ev)).some(bool);
        case 'NOT':
          return !bool(ev(args[0]));
        case 'IF':
          return bool(ev(args[0])) ? ev(args[1]) : args[2] ? ev(args[2]) : false;
        case 'LOWER':
          return str(ev(args[0])).toLowerCase();
        case 'UPPER':
          return str(ev(args[0])).toUpperCase();
        case 'TRIM':
          return str(ev(args[0])).trim().replace(/ +/g, ' ');
        case 'LEN':
          return str(ev(args[0])).length;
        case 'N': {
          const v = scalar(ev(args[0]));
          return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : isDate(v) ? num(v) : 0;
        }
        case 'ISBLANK':
          return scalar(ev(args[0])) === '';
        case 'ISNUMBER':
          return typeof scalar(ev(args[0])) === 'number';
        case 'TODAY':
          return Math.floor((host.now() - SERIAL_EPOCH) / 86_400_000);
        case 'REGEXMATCH':
          return new RegExp(str(ev(args[1]))).test(str(ev(args[0])));
        case 'INDIRECT': {
          const text = str(ev(args[0]));
          const parsed = parseRange(text);
          if (!parsed) throw new FormulaError(`#REF! ${text}`);
          // INDIRECT's text is absolute: resolve it as anchored.
          return resolveRef(text, host, { ...at, row: at.anchorRow, col: at.anchorCol });
        }
        case 'COUNTIF': {
          const range = ev(args[0]);
          const match = matcher(scalar(ev(args[1])));
          const cells = typeof range === 'object' && !isDate(range) ? range.range.flat() : [range];
          return cells.filter(match).length;
        }
        default:
          throw new FormulaError(`unknown function ${n.name}`);
      }
    }
  }
}

/** True when the formula holds at the cell; false when it is false or errs (Sheets skips the rule). */
export function formulaHolds(
  compiled: ReturnType<typeof compileFormula> | undefined,
  host: FormulaHost,
  at: FormulaCell,
): boolean {
  if (!compiled) return false;
  try {
    return bool(compiled(host, at));
  } catch {
    return false;
  }
}
