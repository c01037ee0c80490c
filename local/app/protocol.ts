// The JSON the sandbox server and its page exchange. Plain data only: the page never sees the
// runtime's objects, and every string in here that came from the workbook is rendered as text.

export interface Person {
  email: string;
  name: string;
  role: string;
  /** Team's Language column (e.g. "ja"), '' when blank. */
  language: string;
}

export interface MenuItemView {
  caption: string;
  functionName: string;
}

export interface MenuView {
  title: string;
  items: Array<MenuItemView | { separator: true }>;
}

export interface CellView {
  /** What Sheets would show in the cell. */
  text: string;
  /** A background colour (#rrggbb) from a conditional format or the cell's own format. */
  bg?: string;
  color?: string;
  bold?: boolean;
  /** Sheets' default: numbers and dates right, booleans centred, text left; or the cell's own. */
  align?: 'left' | 'center' | 'right';
  note?: string;
  /** Allowed values of a dropdown (validation list or range). */
  options?: string[];
  /** Whether typed input outside the list is rejected (a warning-only rule allows it). */
  strict?: boolean;
  helpText?: string;
  /** A warning-only protection covers the cell: Sheets asks before an edit. Its description. */
  warn?: string;
}

export interface SheetView {
  name: string;
  frozenRows: number;
  /** Column widths in pixels, as set in the sheet (Sheets' default is 100). */
  widths: number[];
  /** rows[r][c]; the first row is sheet row 1. */
  rows: CellView[][];
  /** Rows not sent because the sheet is larger than the view's cap. */
  truncatedRows: number;
}

export interface TriggerView {
  id: string;
  handler: string;
  type: string;
  owner: string;
  everyHours?: number;
  nextAt?: number;
}

export interface EmailView {
  index: number;
  to: string;
  cc?: string;
  bcc?: string;
  from: string;
  name?: string;
  replyTo?: string;
  subject: string;
  at: number;
  hasHtml: boolean;
}

/** One email's bodies, fetched when the user opens it (the list stays small). */
export interface EmailBody {
  body: string;
  htmlBody?: string;
}

export interface ExecutionView {
  seq: number;
  function: string;
  user: string;
  /** What started it: a menu item, an edit, the sidebar, a trigger… */
  via: string;
  ok: boolean;
  error?: string;
  rejected?: string;
  calls: Record<string, number>;
  totalCalls: number;
  virtualMs: number;
  startedAt: number;
  emails: number;
  logs: string[];
  /** How many identical runs in a row this line stands for (the sidebar's polling). */
  repeat?: number;
}

export interface Notice {
  /** Increasing: the page shows each notice once. */
  id: number;
  /** toast, error, info: a toast; alert: Ui.alert's dialog; rejected: Sheets' dialog for a typed value its validation rejects. */
  kind: 'toast' | 'alert' | 'error' | 'info' | 'rejected';
  text: string;
}

/** Everything the page shows except the grid (small; polled). */
export interface AppState {
  version: number;
  workbookName: string;
  workbookFile: string;
  timeZone: string;
  locale: string;
  sheets: string[];
  people: Person[];
  user: string;
  menus: MenuView[];
  now: number;
  nowText: string;
  /** The clock as a datetime-local value in the spreadsheet's time zone. */
  nowInput: string;
  /** The hour after the next weekly run is due (the saved day and hour; Monday 09:00 by default) → 10:00. */
  weeklyAt: number;
  weeklyInput: string;
  weeklyText: string;
  triggers: TriggerView[];
  outbox: EmailView[];
  log: ExecutionView[];
  /** Set when a script asked to show the sidebar; the page shows /sidebar in its panel. */
  sidebarOpen: boolean;
  sidebarTitle: string;
  /** The runtime's HtmlService server; the page loads `${sidebarBase}/sidebar?as=USER`. */
  sidebarBase: string;
  notices: Notice[];
  /** The cell a script last selected for this user (Range.activate / setActiveRange); `seq` grows per move. */
  scriptSelection?: { seq: number; sheet: string; row: number; col: number };
}

export interface ActionResult {
  ok: boolean;
  message?: string;
  state: AppState;
}
