// The OKR domain model: plain data parsed from the OKRs, Team and Check-ins tabs.
// Times are epoch milliseconds (JSON-safe, realm-safe); null means "blank in the sheet".
// Rows are 1-based sheet rows, kept only so problems can point at a cell: code finds rows by ID.

export type Lang = 'en' | 'ja';
export type Severity = 'error' | 'warning';
export type Kind = 'increase' | 'decrease' | 'at-least' | 'at-most' | 'milestone';
export type Confidence = 'on-track' | 'at-risk' | 'off-track';
export type Role = 'member' | 'lead' | 'leadership';

/** Column keys of the OKRs tab (headers are matched to these by alias, never by position). */
export type OkrColumn =
  | 'id'
  | 'type'
  | 'parent'
  | 'title'
  | 'owner'
  | 'team'
  | 'cycle'
  | 'kind'
  | 'start'
  | 'target'
  | 'current'
  | 'unit'
  | 'progress'
  | 'confidence'
  | 'accepted'
  | 'lastCheckIn'
  | 'due'
  | 'note'
  // Optional: where the key result's Current comes from (src/okr/source/sourceRef.ts).
  | 'source'
  /** Optional: when the key result's own period starts (its pace line starts there, not at its cycle's start). */
  | 'startDate'
  // The ID of the key result or objective this row was carried over from (roll-over); optional.
  | 'previous';

export type TeamColumn = 'name' | 'email' | 'team' | 'manager' | 'role' | 'language';
export type CheckInColumn = 'time' | 'id' | 'by' | 'current' | 'progress' | 'confidence' | 'note';

/** Where each known column sits: 0-based index into a row of values; absent = column missing. */
export type ColumnMap<K extends string> = Partial<Record<K, number>>;

export interface Person {
  name: string;
  /** Lower-cased, trimmed. */
  email: string;
  team: string;
  manager: string;
  role: Role;
  /** null = use the spreadsheet's language. */
  language: Lang | null;
  row: number;
}

/** Fields shared by objectives and key results. */
export interface OkrItem {
  id: string;
  row: number;
  title: string;
  /** The Owner cell exactly as typed (trimmed). */
  ownerText: string;
  /** The single owner's lower-cased email when ownerText is exactly one email; else null. */
  owner: string | null;
  team: string;
  cycle: string;
  accepted: number | null;
  due: number | null;
  note: string;
}

export interface Objective extends OkrItem {
  type: 'objective';
  /** Optional parent objective (alignment). */
  parentId: string | null;
  /** IDs of its key results, in sheet order. */
  keyResultIds: string[];
}

export interface KeyResult extends OkrItem {
  type: 'key-result';
  /** The objective this KR belongs to (the Parent column). */
  objectiveId: string | null;
  kind: Kind | null;
  /** Kind holds text that is no kind (a `kind-unknown` problem): progress cannot be computed. */
  kindUnknown?: boolean;
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string;
  confidence: Confidence | null;
  lastCheckIn: number | null;
  /** Computed 0–100 (see progress.ts); null when it cannot be computed. */
  progress: number | null;
  /** The Source cell's text (a reference its Current is read from); absent when blank. */
  source?: string;
  /** The optional Start date column: where the key result's pace line starts (else its cycle's start). */
  startDate?: number | null;
}

export interface CheckIn {
  time: number;
  id: string;
  by: string;
  current: number | null;
  progress: number | null;
  confidence: Confidence | null;
  note: string;
  row: number;
}

export interface Settings {
  /** 'auto' = from the user's locale (sidebar) or the spreadsheet's locale (emails, summary). */
  language: 'auto' | Lang;
  staleDays: number;
  overloadLimit: number;
  /** 0 = Sunday … 6 = Saturday, in the spreadsheet's time zone. */
  weeklyDay: number;
  /** 0–23, in the spreadsheet's time zone. */
  weeklyHour: number;
  weeklyEmails: boolean;
  /**
   * Weekly runs a key result may stay stale before its owner's manager is asked, in their weekly
   * email, to talk it through with them (src/okr/core/attention.ts staleForRuns).
   */
  conversationRuns: number;
  /** The month (1–12) the fiscal year starts in: how FY2026 / 2026年度 / 2026-Q1 are dated (cycle.ts). */
  fiscalYearStartMonth: number;
  /** Percentage points a key result may trail its expected progress before it is behind pace. */
  paceMargin: number;
  /** The cycle the Summary shows, as the sheet names it; '' = the current cycle (cycle.ts currentCycle). */
  summaryCycle: string;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  staleDays: 14,
  overloadLimit: 5,
  weeklyDay: 1,
  weeklyHour: 9,
  weeklyEmails: false,
  conversationRuns: 2,
  fiscalYearStartMonth: 1,
  paceMargin: 15,
  summaryCycle: '',
};

export type ProblemCode =
  // errors
  | 'owner-missing'
  | 'owner-multiple'
  | 'owner-not-person'
  | 'owner-unknown'
  | 'id-missing'
  | 'id-duplicate'
  | 'parent-missing'
  | 'parent-not-objective'
  | 'type-unknown'
  | 'kind-unknown'
  | 'confidence-unknown'
  | 'value-not-number'
  | 'target-equals-start'
  | 'date-invalid'
  | 'header-missing'
  | 'team-email-invalid'
  | 'team-email-duplicate'
  | 'accepted-not-agreed'
  // warnings
  | 'owner-pending'
  | 'objective-owner-missing'
  | 'owner-overloaded'
  | 'objective-without-krs'
  | 'objective-too-many-krs'
  | 'stale'
  | 'target-changed-after-agreement'
  // A closed cycle's row that no longer matches the Results tab; a Source that cannot be read.
  | 'edited-after-close'
  | 'source-unreadable';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** The OKR ID of the row, when it has one. */
  id: string | null;
  /** 1-based sheet row; null for sheet-wide problems (e.g. a missing header). */
  row: number | null;
  /** The column's header as it appears in the sheet (or the canonical name when missing). */
  column: string | null;
  /** A1 notation including the tab, e.g. "OKRs!E5"; null when there is no single cell. */
  cell: string | null;
  message: string;
  hint: string;
}

/** The OKRs tab parsed. */
export interface OkrSheet {
  columns: ColumnMap<OkrColumn>;
  /** Header text per 0-based column index, as in the sheet. */
  headers: string[];
  objectives: Objective[];
  keyResults: KeyResult[];
  /** Problems found while parsing (unreadable cells, missing headers, …). */
  problems: Problem[];
  /** The tab's name as found in the spreadsheet (for cell references); absent = TAB.okrs. */
  sheetName?: string;
  /** 0-based index of the header row in the values (data rows follow it). */
  headerRow?: number;
}

export interface Roster {
  columns: ColumnMap<TeamColumn>;
  people: Person[];
  problems: Problem[];
  /** The tab's name as found in the spreadsheet; absent = TAB.team. */
  sheetName?: string;
}

/**
 * Which weekly email a person wants: every week, only when something needs them (a key result to
 * accept or check in, one at risk, a report's key result to talk about), or none. Chosen by each
 * person for themselves; the Lead's switch (Settings.weeklyEmails) still turns the run on and off.
 */
export type EmailChoice = 'always' | 'needed' | 'never';
