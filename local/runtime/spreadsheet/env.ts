// What every emulated SpreadsheetApp object shares within one execution: the workbook, the meter,
// the script's realm (values handed to the script are made there), errors as Google throws them,
// enums, and who the user is.
import type { ExecutionContext } from '../contract';
import { CSS_COLORS } from './cssColors';
import { isDate } from './format';
import type { GridRef } from './types';
import type { SheetData, Workbook } from './workbook';

/** CSS colour → '#rrggbb' lowercase, as getBackground() reports it. */
export function normalizeColor(c: string): string {
  const s = String(c).trim().toLowerCase();
  if (Object.hasOwn(CSS_COLORS, s)) return CSS_COLORS[s];
  const m3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (m3) return `#${m3[1]}${m3[1]}${m3[2]}${m3[2]}${m3[3]}${m3[3]}`;
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(s);
  if (rgb) return `#${[rgb[1], rgb[2], rgb[3]].map((x) => Number(x).toString(16).padStart(2, '0')).join('')}`;
  return s;
}

/** An Apps Script enum value: prints as its name, compares by identity. */
export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export function makeEnum<const T extends readonly string[]>(names: T): { [K in T[number]]: EnumValue } {
  const out: Record<string, EnumValue> = {};
  names.forEach((n, i) => {
    out[n] = Object.freeze({ name: () => n, ordinal: () => i, toString: () => n, toJSON: () => n });
  });
  return Object.freeze(out) as { [K in T[number]]: EnumValue };
}

export function enumName(v: unknown): string {
  if (v && typeof v === 'object' && typeof (v as EnumValue).name === 'function')
    return (v as EnumValue).name();
  return String(v);
}

// In AuthMode.NONE the user interface is "create menu items" only: no toast, alert or dialog.
// https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
const ALLOWED_WITHOUT_AUTH =
  /^Ui\.create(Addon)?Menu$|^Menu\.|^SpreadsheetApp\.(getUi|getActive|getActiveSpreadsheet|new\w+)$|^(DataValidationBuilder|ConditionalFormatRuleBuilder)\./;

/** Extra fields the execution model (runtime.ts) puts on the context (not in contract.ts). */
interface RuntimeExtras {
  user?: string;
  activeRange?: string;
}

export class Env {
  readonly user: string;
  /** Whose permissions apply to writes (the installer under an installable trigger). */
  readonly actor: string;
  /** Set by createSpreadsheetApp: the enums and the Range factory (avoids import cycles). */
  enums!: Record<string, Record<string, EnumValue>> & {
    DataValidationCriteria: Record<string, EnumValue>;
    BooleanCriteria: Record<string, EnumValue>;
  };
  rangeOf!: (g: GridRef) => unknown;
  sheetOf!: (s: SheetData) => unknown;
  /** A range after Google's bounds checks. */
  checkedRange!: (
    s: SheetData,
    r: { row: number; col: number; numRows: number; numCols: number },
  ) => import('./range').Range;
  /** Makes a range the user's active range (and its sheet the active sheet). */
  select!: (s: SheetData, r: { row: number; col: number; numRows: number; numCols: number }) => void;
  protect!: (
    s: SheetData,
    type: 'RANGE' | 'SHEET',
    r?: { row: number; col: number; numRows: number; numCols: number },
  ) => unknown;

  constructor(
    readonly wb: Workbook,
    readonly ctx: ExecutionContext,
  ) {
    const x = ctx as ExecutionContext & RuntimeExtras;
    this.user = x.user || ctx.activeUser || ctx.effectiveUser || '';
    this.actor = ctx.effectiveUser || this.user;
  }

  /** Counts the call (and may throw the time limit or an injected fault). */
  m(method: string, cells?: number): void {
    this.ctx.meter.call(method, cells);
    // AuthMode.NONE (an add-on's onOpen in a document where it was never used): the menu may be
    // built, nothing in the document read or written. The Spreadsheet handle itself (e.source) exists.
    // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
    if (this.ctx.authMode === 'NONE' && !ALLOWED_WITHOUT_AUTH.test(method)) {
      const qualified = method.startsWith('SpreadsheetApp.') ? method : `SpreadsheetApp.${method}`;
      throw this.err(`You do not have permission to call ${qualified}`);
    }
  }

  /** An Error as Apps Script throws it: created in the script's realm, name "Exception". */
  err(message: string): Error {
    const E = this.ctx.realm?.Error ?? Error;
    const e = new E(message);
    Object.defineProperty(e, 'name', {
      value: 'Exception',
      writable: true,
      configurable: true,
      enumerable: false,
    });
    return e;
  }

  /** The error Google gives when a method is called with arguments of the wrong types. */
  signature(method: string, args: unknown[]): Error {
    const typeName = (a: unknown): string => {
      if (a === null || a === undefined) return 'null';
      if (Array.isArray(a)) return `${a.length ? typeName(a[0]) : 'Object'}[]`;
      if (isDate(a)) return 'Date';
      if (typeof a === 'string') return 'String';
      if (typeof a === 'number') return 'number';
      if (typeof a === 'boolean') return 'Boolean';
      const named = String((a as object).toString?.() ?? '');
      return /^[A-Z][A-Za-z]*$/.test(named) ? `SpreadsheetApp.${named}` : 'Object';
    };
    const types = args.map(typeName);
    return this.err(`The parameters (${types.join(',')}) don't match the method signature for ${method}.`);
  }

  /** A host value for the script: Dates and arrays made in the script's realm. */
  out<T>(v: T): T {
    if (isDate(v)) return new this.ctx.realm.Date(v.getTime()) as unknown as T;
    if (Array.isArray(v)) {
      const a = new this.ctx.realm.Array();
      for (const x of v) a.push(this.out(x));
      return a as unknown as T;
    }
    return v;
  }

  /** A realm array of already-converted items (service objects stay as they are). */
  list<T>(items: T[]): T[] {
    const a = new this.ctx.realm.Array() as T[];
    for (const x of items) a.push(x);
    return a;
  }

  color(c: string): string {
    return normalizeColor(c);
  }

  now(): number {
    return this.ctx.now();
  }
}
