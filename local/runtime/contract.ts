// The seam between the two halves of the local Apps Script runtime:
// - local/runtime/spreadsheet/ (the workbook model, SpreadsheetApp, xlsx files), and
// - the execution model (vm contexts, the meter, the clock, the other services, the CLI).
// Both halves program against these types only.

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/**
 * Everything the runtime adds to a script's global scope (its vm context), besides the JavaScript
 * built-ins of a fresh V8 realm: the emulated Google services, `console` replaced by Apps Script's
 * (it writes to the execution log), and `Date` replaced by one that reads the virtual clock
 * (realm.ts). Nothing else: no `require`, `process`, `setTimeout` or
 * `fetch`, none of which Apps Script has either. runtime.ts builds the context from exactly this
 * list (a global missing from it, or one added without it, fails type-checking).
 * https://developers.google.com/apps-script/reference (the services of a V8 script)
 */
export const SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'MailApp',
  'ScriptApp',
  'Session',
  'Utilities',
  'HtmlService',
  'Logger',
  'console',
] as const;
export type ScriptGlobal = (typeof SCRIPT_GLOBALS)[number];

/** Counts every service call and charges its modeled latency to the virtual clock. */
export interface Meter {
  /**
   * Record one call of `method` (e.g. "Range.getValues") touching `cells` cells.
   * Throws Google's "Exceeded maximum execution time" once the execution's virtual time passes
   * its limit, or an injected fault when one is planned for this call.
   */
  call(method: string, cells?: number): void;
}

/** The constructors of the script's vm realm, so values handed to the script pass `instanceof`. */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

export interface ExecutionContext {
  meter: Meter;
  /** Active user's email ('' when Google would hide it, e.g. simple triggers). */
  activeUser: string;
  effectiveUser: string;
  authMode: AuthMode;
  /** The virtual time now (epoch ms). */
  now(): number;
  realm: Realm;
  /** Toasts, alerts and menus the script produced, for the CLI/sandbox to show. */
  ui: UiSink;
}

export interface UiSink {
  toast(message: string, title: string, timeoutSeconds: number): void;
  alert(message: string): void;
  /** A menu as built by Ui.createAddonMenu()/createMenu(): items of [caption, functionName]. */
  addMenu(menu: MenuSpec): void;
  showSidebar(html: HtmlSpec): void;
  showModalDialog(html: HtmlSpec, title: string): void;
}

export interface MenuSpec {
  title: string;
  addon: boolean;
  items: Array<{ caption: string; functionName: string } | { separator: true }>;
}

export interface HtmlSpec {
  content: string;
  title: string;
  width: number;
  height: number;
}
