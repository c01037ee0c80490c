// The seam between the two halves of the local Apps Script runtime:
// - local/runtime/spreadsheet/ (the workbook model, SpreadsheetApp, xlsx files), and
// - the execution model (vm contexts, the meter, the clock, the other services, the CLI).
// Both halves program against these types only.

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

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
