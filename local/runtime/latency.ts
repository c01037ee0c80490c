// The modeled latency of Apps Script service calls, charged to the virtual clock by the Meter.
//
// These numbers are a MODEL, not a measurement of Google's servers: they are round figures in the
// range commonly reported for Apps Script (a SpreadsheetApp round trip costs tens of milliseconds,
// a write more than a read, cost grows with the number of cells, sending an email costs a few
// hundred milliseconds, Utilities run in-process). They exist so that a script that calls a
// service per cell or per row visibly runs out of the 6-minute budget, while a batched script
// does not; tests should assert orders of magnitude, never exact milliseconds.
// Best practices this models: https://developers.google.com/apps-script/guides/support/best-practices

export interface Latency {
  /** Fixed cost of one call, in ms. */
  base: number;
  /** Extra cost per cell touched, in ms. */
  perCell?: number;
}

/** Exact method names first (checked before the patterns below). */
export const LATENCY_BY_METHOD: Record<string, Latency> = {
  'Spreadsheet.getSheetByName': { base: 20 },
  'Spreadsheet.getSheets': { base: 20 },
  'SpreadsheetApp.getActiveSpreadsheet': { base: 10 },
  'SpreadsheetApp.getActive': { base: 10 },
  'SpreadsheetApp.flush': { base: 100 },
  'MailApp.sendEmail': { base: 300 },
  'MailApp.getRemainingDailyQuota': { base: 30 },
  'Utilities.sleep': { base: 0 },
  'Logger.log': { base: 0 },
};

/** Patterns, first match wins; `kind` is only documentation. */
export const LATENCY_PATTERNS: Array<{ pattern: RegExp; kind: string; latency: Latency }> = [
  // Reading cells: one round trip plus a small per-cell cost. Sheet.getSheetValues is getValues by
  // coordinates and costs the same.
  {
    pattern:
      /^(Range\.get(Values|DisplayValues|Formulas|Notes|Backgrounds|FontColors|NumberFormats)|Sheet\.getSheetValues$)/,
    kind: 'read',
    latency: { base: 60, perCell: 0.02 },
  },
  // A search runs on Google's side over every cell of its range and returns only the matches. Its cost
  // is not documented anywhere we could find: modeled as a read's round trip plus a quarter of a read's
  // per-cell cost (nothing is transferred), so a search is never free on a big sheet.
  {
    pattern: /^TextFinder\.(findAll|findNext|findPrevious|replaceAllWith)$/,
    kind: 'search',
    latency: { base: 60, perCell: 0.005 },
  },
  // Writing cells: a longer round trip and a larger per-cell cost.
  {
    pattern: /^Range\.(set|clear|insert|delete|copy|move|sort|merge)/,
    kind: 'write',
    latency: { base: 100, perCell: 0.05 },
  },
  { pattern: /^Range\.get/, kind: 'range metadata', latency: { base: 20 } },
  {
    pattern:
      /^Sheet\.(insert|delete|appendRow|clear|set|hide|show|protect|add|remove|new|copy|sort|autoResize)/,
    kind: 'structure write',
    latency: { base: 150, perCell: 0.05 },
  },
  { pattern: /^Sheet\.get(Range|DataRange)$/, kind: 'range handle', latency: { base: 5 } },
  { pattern: /^Sheet\./, kind: 'sheet read', latency: { base: 20 } },
  {
    pattern: /^Spreadsheet\.(insert|delete|set|rename|add|remove|move|toast)/,
    kind: 'spreadsheet write',
    latency: { base: 150 },
  },
  { pattern: /^Spreadsheet(App)?\./, kind: 'spreadsheet read', latency: { base: 20 } },
  { pattern: /^(Ui|Menu)\./, kind: 'ui', latency: { base: 50 } },
  {
    pattern: /^(DataValidation|ConditionalFormatRule|Protection|NamedRange|EmbeddedChart)/,
    kind: 'sheet objects',
    latency: { base: 30 },
  },
  { pattern: /^Properties\.(get|set|delete)/, kind: 'properties', latency: { base: 30 } },
  { pattern: /^PropertiesService\./, kind: 'properties handle', latency: { base: 5 } },
  { pattern: /^Cache/, kind: 'cache', latency: { base: 15 } },
  { pattern: /^Lock/, kind: 'lock', latency: { base: 10 } },
  {
    pattern:
      /^(ScriptApp|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder)\.(create|deleteTrigger|get(Project|User)Triggers)/,
    kind: 'triggers',
    latency: { base: 200 },
  },
  {
    pattern: /^(ScriptApp|TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder|Trigger)\./,
    kind: 'trigger builder',
    latency: { base: 1 },
  },
  { pattern: /^(Session|User)\./, kind: 'session', latency: { base: 5 } },
  { pattern: /^(HtmlService|HtmlOutput|HtmlTemplate)\./, kind: 'html', latency: { base: 20 } },
  { pattern: /^Utilities\./, kind: 'in-process', latency: { base: 1 } },
  { pattern: /^(Logger|console)\./, kind: 'log', latency: { base: 0 } },
];

export const DEFAULT_LATENCY: Latency = { base: 10 };

export function latencyOf(method: string, cells = 0): number {
  const l =
    LATENCY_BY_METHOD[method] ??
    LATENCY_PATTERNS.find((p) => p.pattern.test(method))?.latency ??
    DEFAULT_LATENCY;
  return l.base + (l.perCell ?? 0) * Math.max(0, cells);
}
