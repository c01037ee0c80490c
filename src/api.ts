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
import type { EmailChoice, Problem, ProblemCode } from './okr/core/model';

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
  /** The Cycle cell ('' = none: shown whatever cycle is chosen). */
  cycle: string;
  /** Expected progress today and whether progress trails it by more than the margin; null = no pace line. */
  pace: { expected: number; behind: boolean } | null;
  /** The Source cell's text when the key result takes its Current from a cell ("Update from source"). */
  source?: string;
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
  /**
   * Each row's cycle, one character per row (1 byte for the first 44 cycles): a space when its
   * Cycle is blank, else the character of code 0x30 + i (one more from the backslash on, which JSON
   * would escape) for SidebarState.cycles[i].
   */
  cycle: string;
}

/** A cycle of the sheet, inferred from its name with the fiscal-year setting (src/okr/core/cycle.ts). */
export interface CycleView {
  name: string;
  /** Epoch ms; null when the name is not date-like ("Launch"). */
  start: number | null;
  /** Exclusive, epoch ms; null when the name is not date-like. */
  end: number | null;
  /** Indexes into SidebarState.cycles of the cycles this one's view shows: itself and the longer ones spanning it. */
  shows: number[];
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
  /** The sheet's cycles in time order (undated ones last); on a quick state, those of the rows read. */
  cycles: CycleView[];
  /** The cycle shown by default: the shortest one today is in, else the last to end; null when none is dated. */
  currentCycle: string | null;
  /** How many people Team's Manager column names the caller as manager of (My team shows when > 0). */
  reports?: number;
  /** On the whole state when the sheet has an Agreements tab: what waits for the caller, and their own. */
  agreements?: AgreementsState;
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
   * and changed more than a CheckInOk can say (a new problem); the sidebar then asks for the whole state.
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
  /** After an agreement step: the key result's agreement as the caller now sees it. */
  agreement?: AgreementView;
}

/**
 * checkIn, acceptOwnership and the agreement steps usually answer CheckInOk; declineOwnership a
 * LeftOk.
 */
export type CheckInResult = ActionResult | CheckInOk | LeftOk;

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
  /** Weekly runs a key result stays stale before the owner's manager is asked to talk with them. */
  conversationRuns: number;
  /** 1 = January … 12 = December: the month the fiscal year (FY2026, 2026年度) starts in. */
  fiscalYearStartMonth: number;
  /** Percentage points (0–100) behind the expected progress before a key result is behind pace. */
  paceMargin: number;
  /** The cycle the Summary shows, as the sheet names it; '' = the current one. */
  summaryCycle: string;
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
  /** What the run's update from the key results' Sources recorded, and its first problems. */
  sources?: string;
}

export interface SettingsView {
  settings: SettingsValues;
  timeZone: string;
  canEdit: boolean;
  lang: Lang;
  weeklyRun: WeeklyRunView | null;
  /** The caller's own weekly email choice; null when Google hides who they are or they are not in Team. */
  myWeeklyEmail?: EmailChoice | null;
}

/** Settings added after the first release may be left out: a save without them keeps what is stored. */
type LaterSettings = 'conversationRuns' | 'fiscalYearStartMonth' | 'paceMargin' | 'summaryCycle';
export type SaveSettingsRequest = Omit<SettingsValues, 'weeklyEmails' | LaterSettings> &
  Partial<Pick<SettingsValues, LaterSettings>>;

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
  /** My team: a manager's reports' key results that need a conversation (the manager or a Lead). */
  getTeamView(req?: TeamViewRequest): TeamViewResult;
  /** The caller's own weekly email: every week, only when something needs them, or never. */
  saveMyWeeklyEmail(req: MyWeeklyEmailRequest): MyWeeklyEmailResult;
  /** Reads the key result's Source and records its figure as a check-in marked "from source". */
  updateFromSource(req: KeyResultRequest): ActionResult;
  /** The key result's check-ins, oldest first, for its history chart and list. */
  getKeyResultHistory(req: KeyResultRequest): KeyResultHistoryResult;
  /** Import: what would be written from a tab (nothing is written), then the confirmed write. */
  previewImport(req: ImportPreviewRequest): ImportPreviewResult;
  confirmImport(req: ImportConfirmRequest): ImportConfirmResult;
  /** Ownership as an agreement: the owner proposes other figures; the approver agrees, counters or refuses. */
  proposeAgreement(req: ProposeRequest): CheckInResult;
  respondAgreement(req: RespondRequest): CheckInResult;
  /** The Cycles view: the sheet's cycles, which are closed, what can be carried over. */
  getCycles(): CyclesResult;
  closeCycle(req: CloseCycleRequest): CyclesResult;
  rollOver(req: RollOverRequest): CyclesResult;
  saveRetrospective(req: RetrospectiveRequest): ActionResult;
  /** A Lead reopens a closed cycle (its rows can be changed again). */
  reopenCycle(req: CloseCycleRequest): CyclesResult;
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
  /** What this run's update from the key results' Sources recorded, and its first problems. */
  sources?: string | null;
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
  | 'one-per-row'
  | 'key-result-columns';

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
      /** Team rows added for owners' emails that were not on Team. */
      teamAdded: number;
      /** The team's tabs renamed first (they carried an add-on tab's name). */
      renamed: Array<{ from: string; to: string }>;
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
  /** Key results whose acceptance was cleared because the Owner cell got a new owner. */
  cleared?: number;
  /** A cell typed on a closed cycle's row, put back to its value before the edit. */
  reverted?: number;
  /** Cells of a closed cycle's rows changed by a paste, marked with a note. */
  closedFlagged?: number;
}

/** What the "Send me a test email" button gets back: what went out, and a sentence saying so. */
export interface TestWeeklyEmailReply {
  sent: Array<{ kind: 'owner' | 'leadership'; to: string; subject: string }>;
  skipped: Array<'not-in-team' | 'owns-nothing' | 'quota'>;
  message: string;
}

// ---- managers and each person's email (My team, the open reminder, Your weekly email) ----------

export type { EmailChoice };

/** What a report's key result needs, as My team groups it ('proposed' once targets can be proposed). */
export type TeamNeed = 'proposed' | 'pending' | 'stale' | 'at-risk' | 'off-track';

/** One of a report's key results in My team. */
export interface TeamKeyResult {
  id: string;
  title: string;
  objectiveTitle: string;
  /** The owner's email (lower-cased) and Team name. */
  owner: string;
  ownerName: string;
  /** 0–100, null when it cannot be computed. */
  progress: number | null;
  confidence: Confidence | null;
  /** Epoch ms; null when never checked in. */
  lastCheckIn: number | null;
  daysSinceCheckIn: number | null;
  needs: TeamNeed[];
  /** Stale for Settings' conversationRuns weekly runs: the manager is asked to talk with the owner. */
  conversation: boolean;
}

/** Key results in the group of their first need, in TEAM_GROUPS order; each key result once. */
export interface TeamGroup {
  need: TeamNeed;
  items: TeamKeyResult[];
  /** Items of this group left out (more than TEAM_GROUP_CAP). */
  more: number;
}

export const TEAM_GROUPS: readonly TeamNeed[] = ['proposed', 'pending', 'stale', 'at-risk', 'off-track'];
export const TEAM_GROUP_CAP = 100;

export interface TeamViewRequest {
  /** The manager whose team to show (a Lead may ask for anyone's); default the caller. */
  manager?: string;
}

export type TeamViewResult =
  | {
      ok: true;
      lang: Lang;
      timeZone: string;
      now: number;
      manager: { email: string; name: string };
      people: TeamMember[];
      groups: TeamGroup[];
      /** The reports' key results that need nothing now. */
      fine: number;
      /** Rows of the reports that this quick read did not reach (a very large team); 0 normally. */
      unread: number;
      staleDays: number;
      conversationRuns: number;
    }
  | { ok: false; error: string; field?: string };

export interface MyWeeklyEmailRequest {
  choice: EmailChoice;
}

export type MyWeeklyEmailResult =
  | { ok: true; message: string; choice: EmailChoice }
  | { ok: false; error: string; field?: string };

// ---- a key result's history and its Source ------------------------------------------------------

/** One check-in of a key result as its history shows it (times in epoch ms). */
export interface HistoryEntry {
  time: number;
  by: string;
  current: number | null;
  /** 0–100. */
  progress: number | null;
  confidence: Confidence | null;
  note: string;
  /** Recorded by the add-on from the key result's Source, not typed by a person. */
  fromSource: boolean;
}

export type KeyResultHistoryResult =
  | {
      ok: true;
      item: KeyResultView;
      /** Oldest first. */
      entries: HistoryEntry[];
      /**
       * The expected-pace line (0 % at the cycle's start, 100 % at Due) as points where it bends,
       * across the chart's span; empty when there is no line (no date-like cycle or no due date).
       */
      pace: Array<{ time: number; expected: number }>;
      /** Server time: the chart runs to today. */
      now: number;
      /** Where progress should be today by pace (0–100); null without a pace line. */
      expectedToday: number | null;
      /** More check-ins than HISTORY_CAP: the oldest were left out. */
      truncated: boolean;
    }
  | { ok: false; error: string };

/** The history answers at most this many check-ins (the latest). */
export const HISTORY_CAP = 200;

/** updateAllFromSources (a Lead's): what the Sources gave, and what they could not. */
export type UpdateSourcesResult =
  | {
      ok: true;
      /** IDs of the key results whose figure was recorded. */
      recorded: string[];
      /** Each says which row and Source cell, and what to do (the first PROBLEM_CAP). */
      problems: Array<{ id: string; cell: string; message: string }>;
      message: string;
    }
  | { ok: false; error: string };
// --- Import's preview and confirm (src/endpoints/importPreview.ts) ---

/** The tab to read; absent = the active tab. */
export interface ImportPreviewRequest {
  sheetName?: string;
}

/** A team's tab that carries an add-on tab's name, and the name it gets first. */
export interface ImportTabCollision {
  key: 'okrs' | 'team' | 'checkIns' | 'agreements';
  tab: string;
  renameTo: string;
  message: string;
}

export interface ImportPreviewFound {
  ok: true;
  sheetName: string;
  /** Other tabs Import could read. */
  tabs: string[];
  /** Sent back with the confirm: it refuses when the tabs changed since. */
  fingerprint: string;
  shape: ImportShape;
  setUp: boolean;
  counts: {
    objectives: number;
    keyResults: number;
    existingObjectives: number;
    skipped: number;
    newPeople: number;
    matched: number;
    unknownOwners: number;
    onTeam: number;
  };
  /** The first objectives, with at most 60 key results in all. */
  objectives: ImportPreviewObjective[];
  shownKeyResults: number;
  skipped: Array<{ row: number; reason: string; code: string }>;
  doubts: Array<{ code: string; message: string }>;
  columns: { mapped: Array<{ header: string; column: string }>; ignored: string[] };
  people: {
    matched: Array<{ text: string; email: string; by: 'name' | 'handle'; ids: string[] }>;
    newPeople: Array<{ email: string; name: string; ids: string[] }>;
    unknown: Array<{ text: string; message: string; ids: string[] }>;
  };
  collisions: ImportTabCollision[];
}

export type ImportPreviewResult =
  | ImportPreviewFound
  | { ok: false; error: string; field?: string; tabs?: string[]; sheetName?: string };

export interface ImportConfirmRequest {
  sheetName: string;
  fingerprint: string;
  /** The renames the preview asked for, confirmed by the user. */
  renames?: Array<{ from: string; to: string }>;
}

/** `changed`: the tabs changed since the preview; nothing was written. */
export type ImportConfirmResult =
  | {
      ok: true;
      message: string;
      objectives: number;
      keyResults: number;
      /** Rows of the source left out (the preview said why). */
      skipped: number;
      setUp: boolean;
      teamAdded: number;
      renamed: Array<{ from: string; to: string }>;
    }
  | { ok: false; error: string; field?: string; changed?: boolean };
// --- Ownership as an agreement (src/okr/ownership/agreementState.ts; the Agreements log tab) ---

export type AgreementStatus = 'open' | 'proposed' | 'countered' | 'refused' | 'agreed';
export type AgreementStepName =
  | 'accepted'
  | 'proposed'
  | 'countered'
  | 'agreed'
  | 'refused'
  | 'declined'
  | 'cleared';

/** The figures an agreement is about; `due` is YYYY-MM-DD in the spreadsheet's time zone. */
export interface AgreementFigures {
  target: number | null;
  start: number | null;
  due: string | null;
}

/** One step of the log, its figures already in words ("Target 80 · Due 2026-12-31"). */
export interface AgreementStepView {
  time: number;
  step: AgreementStepName;
  by: string;
  from: string;
  to: string;
  reason: string;
  /** `by`'s name in Team (its email when Team has no name for them). */
  byName: string;
}

export interface AgreementView {
  id: string;
  title: string;
  owner: string;
  status: AgreementStatus;
  /** The figures in the OKRs row now. */
  current: AgreementFigures;
  /** The proposal or the counter on the table. */
  offer: AgreementFigures | null;
  offeredBy: string;
  reason: string;
  /** Who must answer now: the caller as approver, the caller as owner, someone else, or nobody. */
  waitsFor: 'me-approver' | 'me-owner' | 'other' | null;
  /** Who answers a proposal: the owner's Manager's email, or '' for any Lead. */
  approver: string;
  /** KeyResultView.version of the row. */
  version: string;
  /** The last steps, oldest first (at most AGREEMENT_HISTORY_CAP). */
  history: AgreementStepView[];
  /**
   * How the views name owner, offeredBy and approver (displayNames: the Name in Team, else the email);
   * '' where the email is '' (no offer on the table; any Lead approves).
   */
  ownerName: string;
  offeredByName: string;
  approverName: string;
}

export const AGREEMENT_HISTORY_CAP = 8;
export const AGREEMENT_LIST_CAP = 50;

export interface AgreementsState {
  /** Waiting for the caller: proposals to answer, counters and refusals of their own key results. */
  waiting: AgreementView[];
  /** The caller's own key results (at most AGREEMENT_LIST_CAP): who approves them, and their history. */
  mine: AgreementView[];
}

export interface ProposeRequest {
  id: string;
  version?: string;
  /** Omitted: as in the row now. */
  target?: number;
  start?: number;
  /** YYYY-MM-DD; omitted: as in the row now. */
  due?: string;
  reason: string;
}

export interface RespondRequest {
  id: string;
  version?: string;
  answer: 'agree' | 'counter' | 'refuse';
  /** A counter's figures (omitted: as proposed). */
  target?: number;
  start?: number;
  due?: string;
  /** Required to counter or refuse. */
  reason?: string;
}

/** A cycle of the sheet as the Cycles view shows it. */
export interface CycleCloseView {
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
  cycles: CycleCloseView[];
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

/**
 * A decline on the quick path: the key result `left` the caller's list (its owner is gone). The
 * sidebar removes it at once and asks for the whole state, as after opening, where it shows up as a
 * problem (no owner) for everyone.
 */
export interface LeftOk {
  ok: true;
  message: string;
  left: string;
}
