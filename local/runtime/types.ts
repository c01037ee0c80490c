// Public types of the runtime (re-exported by index.ts) and its persisted state.
import type { AuthMode, HtmlSpec, MenuSpec } from './contract';
import type { Fault } from './meter';
import type { QuotaTable, QuotaWindowMode } from './quota';

export type { AuthMode, HtmlSpec, MenuSpec } from './contract';

export interface RuntimeOptions {
  /** Per-execution limit; default 6 * 60_000 (Google's 6-minute limit). Simple triggers get 30 s. */
  timeLimitMs?: number;
  /** Recipients per user per day; default 100 (consumer), 1500 with `workspace: true`. */
  mailQuota?: number;
  /**
   * When daily quotas (mail recipients, trigger runtime) reset: 'rolling' (default) 24 hours after
   * the first use of a window, as Google documents; 'utc-day' at midnight UTC (friendlier than
   * Google; only for tests written against that older model).
   */
  quotaWindow?: QuotaWindowMode;
  workspace?: boolean;
  /**
   * Total runtime of triggers per user per day; default 90 minutes (consumer), 6 hours with
   * `workspace: true`. Past it, a trigger fails with "Service using too much computer time for one day".
   */
  triggerRuntimeQuotaMs?: number;
  /** Fail the nth call of a method (counted within one execution). */
  faults?: Fault[];
  /** Initial virtual time (when the state has no clock yet). */
  now?: string | number;
  /**
   * The project is an Editor add-on (default true): one trigger of each event type
   * per user per document, time-driven triggers at most hourly, no error email when a trigger fails.
   */
  addon?: boolean;
  /** Language of each user for Session.getActiveUserLocale(); default 'en'. */
  userLocales?: Record<string, string>;
  /**
   * Fire atHour triggers at a deterministic pseudo-random minute within their hour (Google may run
   * them up to an hour late); default false: on the hour.
   */
  triggerJitter?: boolean;
  /** The script's time zone (Session.getScriptTimeZone); default appsscript.json's, else America/New_York. */
  scriptTimeZone?: string;
}

export interface SentEmail {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  at: number;
  from: string;
  file?: string;
}

export interface UiLog {
  toasts: Array<{ message: string; title: string; timeoutSeconds: number }>;
  alerts: string[];
  menus: MenuSpec[];
  sidebar?: HtmlSpec;
  dialogs: Array<HtmlSpec & { dialogTitle: string }>;
}

export interface RunResult {
  ok: boolean;
  result?: unknown;
  error?: { name: string; message: string };
  emails: SentEmail[];
  calls: Record<string, number>;
  virtualMs: number;
  logs: string[];
  function: string;
  user: string;
  startedAt: number;
  authMode: AuthMode;
  ui: UiLog;
  /** Set when the runtime refused to start the execution (unknown or private function): nothing ran. */
  refused?: boolean;
}

export type ClockEventType = 'CLOCK';
export type SheetEventType = 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface TriggerRecord {
  id: string;
  handler: string;
  /** Email of the user who installed it; it runs as them. */
  owner: string;
  eventType: ClockEventType | SheetEventType;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** The document the trigger was created for (add-on triggers are per document). */
  documentId: string;
  createdAt: number;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  /** 1 = Monday … 7 = Sunday (ISO). */
  onWeekDay?: number;
  onMonthDay?: number;
  /** One-off: at this epoch ms (at(date) or after(ms)). */
  at?: number;
  timeZone?: string;
  nextAt?: number;
}

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

export interface RuntimeState {
  version: 1;
  clock: number;
  scriptId: string;
  seq: number;
  properties: {
    document: Record<string, string>;
    script: Record<string, string>;
    user: Record<string, Record<string, string>>;
  };
  triggers: TriggerRecord[];
  /** Email recipients per user in Google's rolling 24-hour quota window (quota.ts). */
  mailQuota?: QuotaTable;
  /** Trigger runtime per user, in virtual ms, in the same kind of window. */
  triggerQuota?: QuotaTable;
  /** Older state files: recipients per `${user}|${YYYY-MM-DD}` (UTC day); read once, then dropped. */
  mailUsed?: Record<string, number>;
  /** Older state files: trigger runtime per `${user}|${YYYY-MM-DD}`; read once, then dropped. */
  triggerMsUsed?: Record<string, number>;
  outbox: SentEmail[];
  cache: {
    script: Record<string, CacheEntry>;
    document: Record<string, CacheEntry>;
    user: Record<string, Record<string, CacheEntry>>;
  };
  /** The workbook's wb.sidecar(): what the xlsx file cannot hold. */
  sheets?: unknown;
}

export function emptyState(clock: number): RuntimeState {
  return {
    version: 1,
    clock,
    scriptId: `local-script-${Math.abs(clock).toString(36)}`,
    seq: 0,
    properties: { document: {}, script: {}, user: {} },
    triggers: [],
    mailQuota: {},
    triggerQuota: {},
    outbox: [],
    cache: { script: {}, document: {}, user: {} },
  };
}
