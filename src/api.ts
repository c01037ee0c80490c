// The contract between the server and its callers: every global's request and answer (src/index.ts
// takes all its types from here; the sidebar's typed google.script.run wrapper maps over Endpoints).
// The sidebar imports this file type-only. Its tsconfig project (tsconfig.sidebar.json, composite)
// must list every file it compiles and lists only this file, src/okr/core/i18n.ts and
// src/okr/core/model.ts, so this file imports types from model.ts only and restates the rest.
// The unions the sidebar's own code uses (Lang, Kind, Confidence, Role, Severity) are checked
// identical to model.ts at compile time in tests/unit/sidebar/typeChecks.ts; the other restated answers are
// checked by the endpoints' return types (the server's value must fit the contract).
// Everything is JSON-safe: sidebar times are epoch milliseconds, never Date objects (the weekly
// status, shared with the run's state, uses ISO strings).
//
// One error convention: a refusal the user can act on (not allowed, bad input, busy, not set up)
// is an answer { ok: false, error, field? } with a localized sentence saying what to do, and
// nothing is written; a thrown error means a bug or a Google failure.
import type { Problem, ProblemCode } from './okr/core/model';

export type Lang = 'en' | 'ja';
export type Kind = 'increase' | 'decrease' | 'at-least' | 'at-most' | 'milestone';
export type Confidence = 'on-track' | 'at-risk' | 'off-track';
export type Role = 'member' | 'lead' | 'leadership';
export type Severity = 'error' | 'warning';

export interface TeamMember {
  name: string;
  /** Lower-cased. */
  email: string;
  role: Role;
}

/** What needs the owner's attention on one key result. */
export type Need = 'pending' | 'stale' | 'at-risk' | 'missing-values';

/** A key result in full, for the views that act on it (My key results, Check in, Accept). */
export interface KeyResultView {
  id: string;
  title: string;
  objectiveId: string | null;
  objectiveTitle: string;
  owner: string | null;
  kind: Kind | null;
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string;
  /** 0–100, null when it cannot be computed. */
  progress: number | null;
  confidence: Confidence | null;
  lastCheckIn: number | null;
  accepted: number | null;
  due: number | null;
  note: string;
  /** Whole days since the last check-in; null when never checked in. */
  daysSinceCheckIn: number | null;
  needs: Need[];
  /** Fingerprint of the row as the sidebar saw it; sent back so a write to a changed row is refused. */
  version: string;
}

/**
 * Every objective and key result of the sheet, for Assign owners and Add. Columnar and capped so a
 * 5,000-row sheet stays well under 300 KB of JSON: one entry per row at the same index in each list.
 */
export interface OkrTable {
  id: string[];
  /** Titles cut to TITLE_CAP characters (with an ellipsis). */
  title: string[];
  /** One character per row: 'o' objective, 'k' key result. */
  type: string;
  /** Index into SidebarState.team; -1 when blank; -2 when the Owner cell is not exactly one Team member. */
  owner: number[];
  /** One character per row: 'm' missing owner, 'i' invalid owner, 'p' pending acceptance, 'a' accepted. */
  state: string;
  /**
   * Each row's fingerprint (as KeyResultView.version), VERSION_WIDTH characters per row, joined:
   * sent back with an assignment. One string, not a list, so 5,000 rows add 30 KB, not 50.
   */
  version: string;
}

/** Characters of a row version (KeyResultView.version, and each row's in OkrTable.version). */
export const VERSION_WIDTH = 6;

/** Longest title in the table (characters); shortened further when a huge sheet needs it. */
export const TITLE_CAP = 60;
export const PROBLEM_CAP = 200;
/** At most this many of the caller's key results are sent in full (what needs them first). */
export const MINE_CAP = 100;
/**
 * getSidebarStart reads the caller's rows in at most this many getValues (runs of nearby rows): each
 * read is a round trip, so the quick open stays bounded however many key results one person owns.
 */
export const QUICK_READS = 10;
/** The state's JSON is kept under this many bytes (UTF-8) on sheets up to STATE_BUDGET_ROWS rows (the sidebar's budget: < 300 KB). */
export const STATE_BUDGET = 290 * 1024;
export const STATE_BUDGET_ROWS = 5000;
/**
 * A bigger sheet may use as much per row, up to this many bytes (the scale budget: < 600 KB at 10,000 key
 * results), so its table keeps readable titles instead of shrinking them to nothing.
 */
export const STATE_BUDGET_MAX = 580 * 1024;

export interface ProblemView {
  code: string;
  severity: Severity;
  id: string | null;
  cell: string | null;
  column: string | null;
  message: string;
  hint: string;
}

export interface SidebarState {
  lang: Lang;
  timeZone: string;
  /** Server time when the state was built. */
  now: number;
  /** False when the OKRs tab is missing: the sidebar offers set-up instead of empty lists. */
  setUp: boolean;
  me: { email: string; name: string; role: Role | null; inTeam: boolean };
  /** What the caller may do; the server checks again on every write. */
  can: { manage: boolean };
  staleDays: number;
  team: TeamMember[];
  /** Key results the caller owns, in sheet order (at most MINE_CAP; those needing attention kept first). */
  mine: KeyResultView[];
  /** How many key results the caller owns in all (on a quick state: those its read reached). */
  mineTotal: number;
  /**
   * False on the quick state getSidebarStart answers with: only the caller's own rows were read, so
   * `table` is empty, `problems` counts nothing, and objective titles the quick read did not reach are
   * ''. The sidebar shows it at once and asks getSidebarState for the whole sheet next.
   */
  complete: boolean;
  /**
   * Rows with the caller in the Owner cell that the quick read left for the whole-sheet read (0 when
   * complete). Rows, not key results: the quick read does not know which of them are objectives.
   */
  minePending: number;
  table: OkrTable;
  problems: { errors: number; warnings: number; list: ProblemView[] };
  /**
   * Key results of closed cycles that the caller owns and has not yet written the retrospective of
   * ("Needs you"); absent when none (and on the quick state, which does not read the Results tab).
   */
  retrospectives?: RetrospectiveAsk[];
}

/** A closed cycle's key result whose owner is asked for a short retrospective (and may adjust the score). */
export interface RetrospectiveAsk {
  id: string;
  title: string;
  cycle: string;
  /** The final score as it stands, 0.0–1.0; null when it could not be computed. */
  score: number | null;
  /** The score computed from progress when the cycle closed. */
  computed: number | null;
  progress: number | null;
}

export interface ActionOk {
  ok: true;
  /** A localized confirmation for the status line. */
  message: string;
  /**
   * The state after the write: whole, or quick (complete: false) when the write found its row by ID
   * and said more than a CheckInOk can (a decline); the sidebar then asks for the whole state.
   */
  state: SidebarState;
}

export interface ActionError {
  ok: false;
  /** Localized, says what to do. */
  error: string;
  /** The request field the error is about, so the form can point at it. */
  field?: string;
  /** Set when the row changed since the sidebar loaded; `state` is then fresh. */
  changed?: boolean;
  state?: SidebarState;
}

export type ActionResult = ActionOk | ActionError;

/** A problem of the checked-in row that the check-in fixed: the sidebar drops it from its list and counts. */
export interface ResolvedProblem {
  code: string;
  cell: string | null;
  severity: Severity;
}

/**
 * A check-in or an acceptance that succeeded, answered without reading the whole sheet (their usual
 * answer): what it changed, for the sidebar to apply to the state it holds. Either changes one key
 * result's row and can only fix that row's problems (stale, not accepted, an unreadable value in a
 * column it rewrote); neither changes IDs, titles or owners, so the team stays as it is, and in the
 * table only the row's state can change (pending → accepted).
 */
export interface CheckInOk {
  ok: true;
  message: string;
  /** The key result as now written, with its new version. objectiveTitle is '' (unchanged by a check-in). */
  item: KeyResultView;
  resolved: ResolvedProblem[];
}

/** checkIn and acceptOwnership usually answer CheckInOk; declineOwnership an ActionOk with the quick state. */
export type CheckInResult = ActionResult | CheckInOk;

export interface CheckInRequest {
  id: string;
  current: number;
  confidence: Confidence;
  note?: string;
  /** KeyResultView.version as seen; omitted = no concurrency check. */
  version?: string;
}

export interface AcceptRequest {
  id: string;
  version?: string;
}

export interface DeclineRequest {
  id: string;
  reason: string;
  version?: string;
}

export interface AssignRequest {
  ids: string[];
  email: string;
  /**
   * ID → OkrTable.version of each row as the sidebar showed it: a row changed since (a check-in, an
   * edit, another assignment) refuses the whole assignment, nothing written. Omitted = no check.
   */
  versions?: Record<string, string>;
}

export interface AddObjectiveRequest {
  title: string;
  owner?: string;
  cycle?: string;
  /** YYYY-MM-DD in the spreadsheet's time zone. */
  due?: string;
}

export interface AddKeyResultRequest {
  objectiveId: string;
  title: string;
  owner?: string;
  kind: Kind;
  start: number;
  target: number;
  unit?: string;
  /** YYYY-MM-DD in the spreadsheet's time zone. */
  due?: string;
}

export interface SelectCellRequest {
  /** The row's OKR ID: the server finds the row again (never trusts a row number). */
  id?: string | null;
  /** A header of the OKRs tab (as in the sheet) or a column key; default the ID column. */
  column?: string | null;
  /** Only for problems without an ID (e.g. a missing ID): an A1 cell such as "OKRs!A7". */
  cell?: string | null;
}

export type SelectCellResult = { ok: true } | { ok: false; error: string };

export interface KeyResultRequest {
  id: string;
}

export type KeyResultResult =
  | { ok: true; item: KeyResultView; canAct: boolean }
  | { ok: false; error: string };

export interface ActiveOkr {
  /** The OKR ID on the active cell's row, if any. */
  id: string | null;
  /** OKR IDs of every row in the selection (for "assign to the selected rows"). */
  selectedIds: string[];
}

/** What the sidebar polls: the sheet's version stamp and the rows the cursor is on. */
export interface SheetWatch {
  /** Changes whenever the sheet may have changed (a write, an edit, rows added or removed); opaque. */
  version: string;
  active: ActiveOkr;
}

export interface SettingsValues {
  language: 'auto' | Lang;
  staleDays: number;
  overloadLimit: number;
  /** 0 = Sunday … 6 = Saturday. */
  weeklyDay: number;
  /** 0–23 in the spreadsheet's time zone. */
  weeklyHour: number;
  weeklyEmails: boolean;
}

export interface WeeklyRunView {
  enabled: boolean;
  /** The run's period (ISO week), the current one or else the last finished one. */
  period: string | null;
  startedAt: number | null;
  finishedAt: number | null;
  sent: number;
  failed: number;
  remaining: number;
  /** The last few failures, for the lead to fix addresses. */
  failures: Array<{ email: string; reason: string }>;
  /** Why an unfinished run is waiting: 'quota' (resumes tomorrow), 'time', 'error', 'retry'. */
  waitingFor: string | null;
  /** What stops the run (a tab missing, a failed write, a mail server error), as the Lead reads it. */
  problem?: string;
  nextRunAt: number | null;
}

export interface SettingsView {
  settings: SettingsValues;
  timeZone: string;
  canEdit: boolean;
  lang: Lang;
  weeklyRun: WeeklyRunView | null;
}

export type SaveSettingsRequest = Omit<SettingsValues, 'weeklyEmails'>;

export type SettingsResult =
  | { ok: true; message: string; view: SettingsView }
  | { ok: false; error: string; field?: string; view?: SettingsView };

/**
 * Every function the sidebar may call through google.script.run, with its argument and result.
 * src/index.ts implements each (a test checks it type-wise); the sidebar's wrapper is a mapped type
 * over this interface, so a misspelt endpoint or a wrong request does not compile.
 */
export interface Endpoints {
  /** The sidebar's first call: the caller's own key results, read without reading the whole sheet. */
  getSidebarStart(): SidebarState;
  /** The whole state (every row, every problem); also what every write answers with. */
  getSidebarState(): SidebarState;
  getKeyResult(req: KeyResultRequest): KeyResultResult;
  checkIn(req: CheckInRequest): CheckInResult;
  acceptOwnership(req: AcceptRequest): CheckInResult;
  declineOwnership(req: DeclineRequest): CheckInResult;
  assignOwner(req: AssignRequest): ActionResult;
  addObjective(req: AddObjectiveRequest): ActionResult;
  addKeyResult(req: AddKeyResultRequest): ActionResult;
  selectCell(req: SelectCellRequest): SelectCellResult;
  /** Polled every few seconds: reload only when `version` changed; follow `active`. */
  watchSheet(): SheetWatch;
  getSettings(): SettingsResult;
  saveSettings(req: SaveSettingsRequest): SettingsResult;
  /** The weekly emails' switch in Settings, and its test button. */
  enableWeeklyEmails(): WeeklyEmailsResult;
  disableWeeklyEmails(): WeeklyEmailsResult;
  sendTestWeeklyEmail(): TestWeeklyEmailReply;
  /** The Cycles view: the sheet's cycles, which are closed, what can be carried over. */
  getCycles(): CyclesResult;
  closeCycle(req: CloseCycleRequest): CyclesResult;
  rollOver(req: RollOverRequest): CyclesResult;
  saveRetrospective(req: RetrospectiveRequest): ActionResult;
}

/** The weekly emails' switch and state (who enabled them, the current run, the next one); ISO times. */
export interface WeeklyEmailStatus {
  enabled: boolean;
  enabledBy: string;
  enabledAt: string | null;
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday and 0–23, in timeZone. */
  weeklyDay: number;
  weeklyHour: number;
  period: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  sent: number;
  failed: Array<{ email: string; reason: string }>;
  failedCount: number;
  remaining: number | null;
  waitingFor: 'quota' | 'time' | 'error' | 'retry' | null;
  lastError: string | null;
  nextRunAt: string | null;
  lastRun: { period: string; sent: number; failedCount: number; finishedAt: string | null } | null;
}

/** enableWeeklyEmails and disableWeeklyEmails: the new state, or why the caller may not switch them. */
export type WeeklyEmailsResult = ({ ok: true } & WeeklyEmailStatus) | { ok: false; error: string };

/** setUpOkrSheet: what set-up created or repaired. */
export interface SetUpReport {
  /** Tabs created, by name. */
  created: string[];
  /** Headers added to existing or new tabs. */
  headersAdded: Array<{ tab: string; headers: string[] }>;
  /** Example rows written to a new, empty OKRs tab. */
  exampleRows: number;
  /** The person running set-up was added to an empty Team tab. */
  teamMemberAdded: boolean;
  /** Key results whose Progress was filled in because set-up added the Progress column. */
  progressFilled: number;
  /** Warning-only protections added (computed columns, the log, the summary). */
  protectionsAdded: string[];
  /** Dropdowns/date rules, number formats and conditional formats (re)applied. */
  rulesApplied: { validations: number; formats: number; conditionalFormats: number };
  /** Whether anything other than re-applying the same rules happened. */
  changed: boolean;
}

export type SetUpResult = ({ ok: true; message: string } & SetUpReport) | { ok: false; error: string };

/** validateOkrs / Check problems: every problem of the sheet with its code, ID and cell; read-only. */
export interface CheckSheetResult {
  ok: true;
  problems: Problem[];
  counts: { errors: number; warnings: number; total: number; byCode: Partial<Record<ProblemCode, number>> };
}

/** A source cell as JSON carries it (dates as ISO text). */
export type ImportPreviewValue = string | number | boolean | null;

/** How Import read the tab (src/okr/setup/import/shape.ts). */
export type ImportShape =
  | 'objective-column'
  | 'objective-rows'
  | 'headings'
  | 'type-column'
  | 'parent-links'
  | 'one-per-row';

export interface ImportPreviewObjective {
  id: string;
  /** 1-based row of the source tab. */
  row: number;
  title: string;
  owner: ImportPreviewValue;
  /** Already in the OKRs tab (its new key results go under it). */
  existing: boolean;
  keyResults: Array<{
    id: string;
    row: number;
    title: string;
    owner: ImportPreviewValue;
    kind: ImportPreviewValue;
    start: ImportPreviewValue;
    target: ImportPreviewValue;
    current: ImportPreviewValue;
    unit: ImportPreviewValue;
    due: ImportPreviewValue;
  }>;
}

/** importOkrs: rows added from a team's own OKR tab, or why nothing was. */
export type ImportOkrsResult =
  | {
      ok: true;
      objectives: number;
      keyResults: number;
      skippedRows: Array<{ row: number; reason: string }>;
      columns: { mapped: Array<{ header: string; column: string }>; ignored: string[] };
      /** The OKRs tab had to be set up first. */
      setUp: boolean;
      /** How the tab was read, what was written, and what looks doubtful (JSON-safe). */
      shape: ImportShape;
      preview: ImportPreviewObjective[];
      doubts: Array<{ code: string; message: string }>;
    }
  | { ok: false; error: string; field?: string };

/** refreshSummary: what the Summary tab now holds. */
export type RefreshSummaryResult =
  | {
      ok: true;
      rows: number;
      objectives: number;
      keyResults: number;
      /** Where each section starts and how many rows it has (1-based rows). */
      sections: Partial<
        Record<
          'header' | 'headline' | 'objectives' | 'attention' | 'owners' | 'teams' | 'empty' | 'results',
          { startRow: number; rows: number }
        >
      >;
      chart: boolean;
      empty: boolean;
      message: string;
    }
  | { ok: false; error: string };

/** onEdit (a simple trigger; Sheets ignores the answer, the local runtime and tests read it). */
export interface EditOutcome {
  /** Owner cells flagged with a note. */
  flagged: number;
  /** Progress cells rewritten. */
  recomputed: number;
  /** The toast shown ('' when none). */
  toast: string;
  /** Objectives whose Progress was rewritten (their key results' values changed). */
  objectives?: number;
  /** Check-ins log rows appended for Current or Confidence edited in the sheet. */
  logged?: number;
  /** Of those, edits by someone who may not check in on the row (flagged). */
  nonOwner?: number;
}

/** What the "Send me a test email" button gets back: what went out, and a sentence saying so. */
export interface TestWeeklyEmailReply {
  sent: Array<{ kind: 'owner' | 'leadership'; to: string; subject: string }>;
  skipped: Array<'not-in-team' | 'owns-nothing' | 'quota'>;
  message: string;
}

/** A cycle of the sheet as the Cycles view shows it. */
export interface CycleView {
  name: string;
  /** Epoch ms; null when the name is not date-like ("Launch"). */
  start: number | null;
  end: number | null;
  closed: boolean;
  closedAt: number | null;
  keyResults: number;
  /** A closed cycle's unfinished key results not yet carried over (empty for an open cycle). */
  unfinished: Array<{ id: string; title: string; progress: number | null; owner: string | null }>;
  /** Where roll-over carries to by default; null when it cannot be told (the Lead types one). */
  next: string | null;
}

export interface CyclesView {
  lang: Lang;
  /** The caller may close cycles and roll over (a Lead); the server checks again. */
  canClose: boolean;
  cycles: CycleView[];
}

export type CyclesResult =
  | { ok: true; view: CyclesView; message?: string }
  | { ok: false; error: string; field?: string; view?: CyclesView };

export interface CloseCycleRequest {
  cycle: string;
}

export interface RollOverRequest {
  /** The closed cycle to carry from. */
  cycle: string;
  /** The cycle to carry into. */
  to: string;
  /** Key results to carry; omitted = every unfinished one. */
  ids?: string[];
}

export interface RetrospectiveRequest {
  id: string;
  cycle: string;
  happened: string;
  learned: string;
  /** The owner's final score 0.0–1.0 when it differs from the computed one (then `reason` is needed). */
  score?: number;
  reason?: string;
}
