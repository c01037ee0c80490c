// The execution model: one fresh vm realm per execution, metered services, a virtual clock,
// users and auth modes, triggers, and the state that lives next to the workbook.
// It depends on the spreadsheet half only through SheetsModule (see contract.ts for the seam);
// index.ts binds it to local/runtime/spreadsheet.
import fs from 'node:fs';
import vm from 'node:vm';
import type { AuthMode, ExecutionContext, HtmlSpec, MenuSpec, Realm, ScriptGlobal, UiSink } from './contract';
import { describeError, gasError, MESSAGES } from './errors';
import { ExecutionMeter } from './meter';
import { markObject } from './notImplemented';
import { loadProject, type Project } from './project';
import { addQuotaUse, migrateQuotaState, quotaUsed } from './quota';
import { createRealm, fromRealm, toRealm } from './realm';
import { jitterMs, nextFireAfter } from './schedule';
import { type ServeOptions, type Server, serveRuntime } from './serve';
import { makeCacheService } from './services/cache';
import type { ServiceEnv } from './services/env';
import { htmlSpecOf, makeHtmlService } from './services/html';
import { LockTable, lockKey, makeLockService } from './services/lock';
import { makeConsole, makeLogger } from './services/logger';
import { makeMailApp } from './services/mail';
import { makePropertiesService } from './services/properties';
import { makeScriptApp, makeScriptEnums, type ScriptEnums } from './services/script';
import { makeSession } from './services/session';
import { makeUtilities } from './services/utilities';
import {
  emptyState,
  type RunResult,
  type RuntimeOptions,
  type RuntimeState,
  type SentEmail,
  type TriggerRecord,
  type UiLog,
} from './types';
import { wallTime } from './wallClock';

export interface WorkbookLike {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sidecar?(): unknown;
}

export type UserEditResult =
  | { ok: true; sheetName: string; a1: string; oldValue?: unknown; value?: unknown }
  | { ok: false; message: string };

/** What the runtime needs from local/runtime/spreadsheet. */
export interface SheetsModule<W extends WorkbookLike = WorkbookLike> {
  createSpreadsheetApp(wb: W, ctx: ExecutionContext): object;
  applyUserEdit(
    wb: W,
    req: { range: string; values: unknown[][]; paste: boolean; user: string },
  ): UserEditResult;
  workbookToXlsx(wb: W): Promise<Buffer>;
  workbookFromXlsx(data: Buffer, sidecar?: unknown): Promise<W>;
}

export interface OpenOptions<W> {
  workbookPath?: string;
  workbook?: W;
  projectDir?: string;
  code?: string;
  /** HTML files by name (instead of, or on top of, projectDir/<name>.html). */
  html?: Record<string, string>;
  options?: RuntimeOptions;
}

export interface RuntimeParts<W extends WorkbookLike> {
  sheets: SheetsModule<W>;
  workbook: W;
  state: RuntimeState;
  project: Project;
  options: RuntimeOptions;
  path?: string;
}

export const DEFAULT_USER = 'owner@example.com';
const CALL_IN_REALM =
  '(function (call) { delete globalThis.__runtimeCall__; return call.f.apply(globalThis, call.args); })(__runtimeCall__)';

export const SIX_MINUTES = 6 * 60_000;
/** Simple triggers may run 30 seconds. https://developers.google.com/apps-script/guides/triggers#restrictions */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onInstall', 'onSelectionChange']);
/** A guard against scripts that loop without calling a service (real time, not virtual). */
const WALL_CLOCK_GUARD_MS = 120_000;

export function toEpoch(at: string | number): number {
  const t = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(t))
    throw new Error(`Invalid time: ${String(at)} (use an ISO date such as 2026-11-30T09:00:00Z)`);
  return t;
}

interface ExecRequest {
  fn: string;
  user: string;
  authMode: AuthMode;
  args?: unknown[];
  /** Builds the event object inside the execution (simple and installable triggers). */
  event?: (x: {
    app: Record<string, unknown>;
    enums: ScriptEnums;
    realm: Realm;
    activeUser: string;
  }) => unknown;
  /** Refuse private functions (google.script.run, the CLI); triggers name their handler themselves. */
  publicOnly?: boolean;
  /** Don't treat a missing function as an error (a simple trigger the script does not define). */
  optional?: boolean;
  /** Only load the project and answer with its public top-level function names (publicFunctions()). */
  list?: boolean;
  limitMs?: number;
}

// The process's real environment (under jest, `process` is a sandboxed copy whose env does not
// reach Node's time-zone setting; the main context's `process` does).
const realEnv = (vm.runInThisContext('process') as NodeJS.Process).env;

const emptyUi = (): UiLog => ({ toasts: [], alerts: [], menus: [], dialogs: [] });

export class RuntimeCore<W extends WorkbookLike = WorkbookLike> {
  options: RuntimeOptions;
  readonly locks = new LockTable();
  /** Each user's active range ("Sheet!A1"), set by select(). */
  readonly selections = new Map<string, string>();
  private executions = 0;
  private scripts?: vm.Script[];
  /** The sidebar a script showed last in this process (not persisted: dist/ may be rebuilt). */
  private shownSidebar?: HtmlSpec;
  private publicNames?: string[];

  readonly sheets: SheetsModule<W>;
  readonly workbook: W;
  readonly state: RuntimeState;
  readonly project: Project;
  readonly path?: string;

  constructor(parts: RuntimeParts<W>) {
    this.sheets = parts.sheets;
    this.workbook = parts.workbook;
    this.state = parts.state;
    this.project = parts.project;
    this.options = parts.options;
    this.path = parts.path;
  }

  /** Loads the project, the workbook and its state (index.ts's Runtime.open binds the sheets module). */
  static async prepare<W extends WorkbookLike>(
    sheets: SheetsModule<W>,
    opts: OpenOptions<W>,
  ): Promise<RuntimeParts<W>> {
    const options = { ...(opts.options ?? {}) };
    const project = loadProject({ projectDir: opts.projectDir, code: opts.code, html: opts.html });
    let state: RuntimeState | undefined;
    let workbook = opts.workbook;
    if (!workbook) {
      if (!opts.workbookPath) throw new Error('Runtime.open needs a workbook or a workbookPath');
      if (!fs.existsSync(opts.workbookPath)) throw new Error(`Workbook not found: ${opts.workbookPath}`);
      const statePath = `${opts.workbookPath}.state.json`;
      if (fs.existsSync(statePath)) {
        try {
          state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as RuntimeState;
        } catch (e) {
          throw new Error(`Corrupt state file ${statePath}: ${(e as Error).message}`);
        }
      }
      try {
        workbook = await sheets.workbookFromXlsx(fs.readFileSync(opts.workbookPath), state?.sheets);
      } catch (e) {
        throw new Error(`Cannot read workbook ${opts.workbookPath}: ${(e as Error).message}`);
      }
    }
    if (state) migrateQuotaState(state);
    state ??= emptyState(options.now !== undefined ? toEpoch(options.now) : Date.now());
    return { sheets, workbook, state, project, options, path: opts.workbookPath };
  }

  /** 127.0.0.1 HTTP server for the sidebar with google.script.run / google.script.host shims. */
  serve(opts: ServeOptions = {}): Promise<Server> {
    return serveRuntime(this as unknown as RuntimeCore, opts);
  }

  get outbox(): SentEmail[] {
    return this.state.outbox;
  }

  now(): number {
    return this.state.clock;
  }

  setTime(at: string | number): void {
    this.state.clock = toEpoch(at);
  }

  scriptTimeZone(): string {
    return this.options.scriptTimeZone ?? this.project.timeZone ?? 'America/New_York';
  }

  /**
   * The functions google.script.run offers a page: the project's public top-level functions
   * (names ending in '_' are private). Undefined when loading the project throws.
   * https://developers.google.com/apps-script/guides/html/communication#private_functions
   */
  publicFunctions(): string[] | undefined {
    if (!this.publicNames) {
      const r = this.execute({ fn: 'publicFunctions', user: DEFAULT_USER, authMode: 'FULL', list: true });
      if (!r.ok) return undefined;
      this.publicNames = r.result as string[];
    }
    return [...this.publicNames];
  }

  /** One execution of a top-level function, as `as` (default owner@example.com). */
  run(
    fn: string,
    args?: unknown[],
    opts: { as?: string; at?: string | number; authMode?: AuthMode } = {},
  ): RunResult {
    if (opts.at !== undefined) this.setTime(opts.at);
    const user = opts.as ?? DEFAULT_USER;
    const simple = SIMPLE_TRIGGERS.has(fn);
    // onInstall runs with full authorization (the user just authorized the add-on); the other
    // simple triggers run LIMITED.
    // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
    const authMode = opts.authMode ?? (simple && fn !== 'onInstall' ? 'LIMITED' : 'FULL');
    const req: ExecRequest = { fn, user, authMode, args, publicOnly: true };
    if (simple) req.limitMs = SIMPLE_TRIGGER_LIMIT_MS;
    if (simple && (args === undefined || args.length === 0)) {
      req.args = undefined;
      req.event = this.simpleEvent(fn, user, authMode);
    }
    return this.execute(req);
  }

  private simpleEvent(fn: string, user: string, authMode: AuthMode): ExecRequest['event'] {
    return ({ app, enums, realm, activeUser }) => {
      const e = new realm.Object() as Record<string, unknown>;
      const authName = authMode;
      e.authMode = (enums.AuthMode as Record<string, object>)[authName];
      if (fn === 'onInstall') return e;
      const ss = (app.getActiveSpreadsheet as () => Record<string, unknown>)();
      e.source = ss;
      e.user = userObject(realm, activeUser);
      if (fn === 'onSelectionChange') {
        const sel = this.selections.get(user);
        if (sel) e.range = rangeOf(ss, sel);
      }
      return e;
    };
  }

  /** Applies a user edit as Sheets would, then fires onEdit (simple, then installable). */
  edit(req: {
    range: string;
    value?: unknown;
    values?: unknown[][];
    paste?: boolean;
    as: string;
  }): RunResult & {
    rejected?: string;
    triggers?: RunResult[];
  } {
    const values = req.values ?? [[req.value]];
    const applied = this.sheets.applyUserEdit(this.workbook, {
      range: req.range,
      values,
      paste: Boolean(req.paste),
      user: req.as,
    });
    if (!applied.ok) {
      return {
        ...this.emptyResult('onEdit', req.as, 'LIMITED'),
        ok: false,
        error: { name: 'Exception', message: applied.message },
        rejected: applied.message,
      };
    }
    this.selections.set(req.as, `${applied.sheetName}!${applied.a1}`);
    const single = values.length === 1 && values[0]?.length === 1;
    const event =
      (authName: 'LIMITED' | 'FULL', triggerUid?: string): ExecRequest['event'] =>
      ({ app, enums, realm }) => {
        const e = new realm.Object() as Record<string, unknown>;
        const ss = (app.getActiveSpreadsheet as () => Record<string, unknown>)();
        e.authMode = (enums.AuthMode as Record<string, object>)[authName];
        e.source = ss;
        e.range = rangeOf(ss, `${applied.sheetName}!${applied.a1}`);
        e.user = userObject(realm, authName === 'FULL' ? req.as : '');
        if (triggerUid) e.triggerUid = triggerUid;
        // value/oldValue only for a single cell, as strings; absent when empty.
        // https://developers.google.com/apps-script/guides/triggers/events#edit
        // A paste, even into one cell, carries neither: Sheets sends the pasted range only (observed
        // and documented by tanaikech, https://gist.github.com/tanaikech/73edaed1268a6d07118aed538aa5608d
        // "When an user copied and pasted from other cell, e.oldValue and e.value ... are not shown").
        if (single && !req.paste) {
          const v = eventValue(applied.value);
          const old = eventValue(applied.oldValue);
          if (v !== undefined) e.value = v;
          if (old !== undefined) e.oldValue = old;
        }
        return e;
      };
    const result = this.execute({
      fn: 'onEdit',
      user: req.as,
      authMode: 'LIMITED',
      event: event('LIMITED'),
      optional: true,
      limitMs: SIMPLE_TRIGGER_LIMIT_MS,
    });
    // Installable edit and change triggers run after the simple trigger, as their installers.
    // https://developers.google.com/apps-script/guides/triggers/events#change ("changeType": EDIT)
    const triggers = this.state.triggers
      .filter(
        (t) =>
          (t.eventType === 'ON_EDIT' || t.eventType === 'ON_CHANGE') && t.documentId === this.workbook.id,
      )
      .map((t) =>
        this.execute({
          fn: t.handler,
          user: t.owner,
          authMode: 'FULL',
          event: t.eventType === 'ON_EDIT' ? event('FULL', t.id) : changeEvent(t.id, req.as),
        }),
      );
    return triggers.length ? { ...result, triggers } : result;
  }

  /**
   * The user opens the spreadsheet: the simple onOpen (LIMITED), then installable open triggers
   * (FULL, as their installers).
   */
  openDocument(as: string = DEFAULT_USER): RunResult & { triggers?: RunResult[] } {
    const result = this.run('onOpen', [], { as });
    const triggers = this.state.triggers
      .filter((t) => t.eventType === 'ON_OPEN' && t.documentId === this.workbook.id)
      .map((t) =>
        this.execute({
          fn: t.handler,
          user: t.owner,
          authMode: 'FULL',
          event: ({ app, enums, realm }) => {
            const e = new realm.Object() as Record<string, unknown>;
            e.authMode = enums.AuthMode.FULL;
            e.source = (app.getActiveSpreadsheet as () => unknown)();
            e.triggerUid = t.id;
            e.user = userObject(realm, as);
            return e;
          },
        }),
      );
    return triggers.length ? { ...result, triggers } : result;
  }

  select(range: string, as: string = DEFAULT_USER): void {
    this.selections.set(as, range);
  }

  /**
   * Fires every time-driven trigger that is due up to `until`, in time order, each as its installer.
   * A trigger that fails is recorded (add-on triggers send no failure email).
   */
  tick(until: string | number): { executions: RunResult[]; emails: SentEmail[] } {
    const end = toEpoch(until);
    const executions: RunResult[] = [];
    if (end <= this.state.clock) return { executions, emails: [] };
    const tz = this.scriptTimeZone();
    const fireTime = (t: TriggerRecord) =>
      (t.nextAt as number) + (this.options.triggerJitter ? jitterMs(t, t.nextAt as number) : 0);
    for (let guard = 0; guard < 100_000; guard++) {
      const due = this.state.triggers
        .filter((t) => t.source === 'CLOCK' && t.nextAt !== undefined && fireTime(t) <= end)
        .sort((a, b) => fireTime(a) - fireTime(b) || Number(a.id) - Number(b.id))[0];
      if (!due) break;
      const scheduledAt = due.nextAt as number;
      const firedAt = fireTime(due);
      if (firedAt > this.state.clock) this.state.clock = firedAt;
      if (due.at !== undefined) {
        this.state.triggers = this.state.triggers.filter((t) => t !== due);
      }
      due.nextAt = undefined;
      executions.push(this.runTrigger(due, firedAt));
      // Runs missed while the execution ran are skipped, not queued.
      const live = this.state.triggers.find((t) => t.id === due.id);
      if (live && live.at === undefined) {
        live.nextAt = nextFireAfter(
          live,
          Math.max(scheduledAt, this.state.clock - (firedAt - scheduledAt)),
          tz,
        );
      }
    }
    this.state.clock = Math.max(this.state.clock, end);
    return { executions, emails: executions.flatMap((r) => r.emails) };
  }

  /**
   * One time-driven execution, unless its owner used up the day's trigger runtime.
   * https://developers.google.com/apps-script/guides/services/quotas ("Triggers total runtime";
   * like every quota there it resets 24 hours after the first use of its window, quota.ts).
   */
  private runTrigger(t: TriggerRecord, firedAt: number): RunResult {
    this.state.triggerQuota ??= {};
    const used = this.state.triggerQuota;
    const quota = this.options.triggerRuntimeQuotaMs ?? (this.options.workspace ? 6 * 3600_000 : 90 * 60_000);
    if (quotaUsed(used, t.owner, firedAt) >= quota) {
      return {
        ...this.emptyResult(t.handler, t.owner, 'FULL'),
        ok: false,
        error: { name: 'Exception', message: 'Service using too much computer time for one day' },
      };
    }
    const r = this.execute({ fn: t.handler, user: t.owner, authMode: 'FULL', event: clockEvent(t, firedAt) });
    addQuotaUse(used, t.owner, firedAt, r.virtualMs, this.options.quotaWindow);
    return r;
  }

  triggers(): Array<{
    id: string;
    handler: string;
    type: string;
    everyHours?: number;
    owner: string;
    nextAt?: number;
  }> {
    return this.state.triggers.map((t) => {
      const out: {
        id: string;
        handler: string;
        type: string;
        everyHours?: number;
        owner: string;
        nextAt?: number;
      } = {
        id: t.id,
        handler: t.handler,
        type: t.eventType,
        owner: t.owner,
      };
      if (t.everyHours !== undefined) out.everyHours = t.everyHours;
      if (t.nextAt !== undefined) out.nextAt = t.nextAt;
      return out;
    });
  }

  /** The raw trigger records (schedule details included). */
  triggerRecords(): TriggerRecord[] {
    return this.state.triggers.map((t) => ({ ...t }));
  }

  properties(scope: 'document' | 'script' | 'user', user: string = DEFAULT_USER): Record<string, string> {
    const p = this.state.properties;
    return { ...(scope === 'user' ? (p.user[user] ?? {}) : p[scope]) };
  }

  /**
   * Holds a lock from outside any execution (another user's long write, for tests). It is released
   * by the returned function, or at virtual time `until`.
   */
  holdLock(
    scope: 'document' | 'script' | 'user',
    opts: { user?: string; until?: string | number } = {},
  ): () => void {
    const owner = `outside-${++this.executions}`;
    const key = lockKey(scope, this.workbook.id, opts.user ?? DEFAULT_USER);
    this.locks.acquire(key, owner, opts.until === undefined ? undefined : toEpoch(opts.until));
    return () => this.locks.release(key, owner);
  }

  /** The sidebar the script showed last, if any. */
  lastSidebar(): HtmlSpec | undefined {
    return this.shownSidebar;
  }

  /** Writes the workbook (xlsx) and <file>.state.json, each through a temp file and a rename. */
  async save(path: string | undefined = this.path): Promise<void> {
    if (!path) throw new Error('save() needs a path (the runtime was opened without a workbook file)');
    const xlsx = await this.sheets.workbookToXlsx(this.workbook);
    this.state.sheets = this.workbook.sidecar?.();
    const state = JSON.stringify(this.state, null, 1);
    const tag = `${process.pid}-${Date.now()}`;
    const tmpX = `${path}.tmp-${tag}`;
    const tmpS = `${path}.state.json.tmp-${tag}`;
    try {
      fs.writeFileSync(tmpX, xlsx);
      fs.writeFileSync(tmpS, state);
      fs.renameSync(tmpX, path);
      fs.renameSync(tmpS, `${path}.state.json`);
    } finally {
      for (const f of [tmpX, tmpS]) if (fs.existsSync(f)) fs.rmSync(f);
    }
  }

  /** The project compiled once; each execution runs it in its own fresh context. */
  private compiled(): vm.Script[] {
    this.scripts ??= this.project.scripts.map((f) => new vm.Script(f.source, { filename: f.name }));
    return this.scripts;
  }

  private emptyResult(fn: string, user: string, authMode: AuthMode): RunResult {
    return {
      ok: true,
      emails: [],
      calls: {},
      virtualMs: 0,
      logs: [],
      function: fn,
      user,
      startedAt: this.state.clock,
      authMode,
      ui: emptyUi(),
    };
  }

  protected execute(req: ExecRequest): RunResult {
    const { fn, user, authMode } = req;
    const result = this.emptyResult(fn, user, authMode);
    const refuse = (message: string): RunResult => ({
      ...result,
      ok: false,
      refused: true,
      error: { name: 'Exception', message },
    });
    if (!/^[A-Za-z_$][\w$]*$/.test(fn)) return refuse(`Script function not found: ${fn}`);
    // Functions ending in '_' are private: not callable from google.script.run, the editor or the CLI.
    // https://developers.google.com/apps-script/guides/html/communication#private_functions
    if (req.publicOnly && fn.endsWith('_'))
      return refuse(`Script function not found: ${fn} (functions ending in '_' are private)`);

    const startedAt = this.state.clock;
    const limited = authMode !== 'FULL';
    const limitMs = Math.min(
      req.limitMs ?? Number.POSITIVE_INFINITY,
      this.options.timeLimitMs ?? SIX_MINUTES,
    );
    const holder: { meter?: ExecutionMeter } = {};
    // Whole milliseconds, like a real clock (per-cell costs are fractional).
    const now = () => Math.floor(startedAt + (holder.meter?.elapsed ?? 0));
    const { context, realm } = createRealm(now);
    const meter = new ExecutionMeter(limitMs, this.options.faults ?? [], realm);
    holder.meter = meter;
    const executionId = `execution-${++this.executions}`;
    const activeUser = limited ? '' : user;
    const effectiveUser = limited ? '' : user;

    const ui: UiSink = {
      toast: (message, title, timeoutSeconds) => result.ui.toasts.push({ message, title, timeoutSeconds }),
      alert: (message) => result.ui.alerts.push(message),
      addMenu: (menu: MenuSpec) => result.ui.menus.push(menu),
      showSidebar: (html) => {
        const spec = htmlSpecOf(html) ?? html;
        result.ui.sidebar = spec;
        this.shownSidebar = spec;
      },
      showModalDialog: (html, title) =>
        result.ui.dialogs.push({ ...(htmlSpecOf(html) ?? html), dialogTitle: title }),
    };
    const ctx: ExecutionContext & { user: string; activeRange?: string } = {
      meter,
      activeUser,
      effectiveUser,
      authMode,
      now,
      realm,
      ui,
      user,
      activeRange: this.selections.get(user),
    };
    const env: ServiceEnv = {
      meter,
      realm,
      state: this.state,
      user,
      activeUser,
      effectiveUser,
      authMode,
      now,
      options: this.options,
      documentId: this.workbook.id,
      scriptTimeZone: this.scriptTimeZone(),
      readHtmlFile: (name) => this.project.readHtml(name),
      logs: result.logs,
      emails: result.emails,
      locks: this.locks,
      executionId,
      evaluate: (source) => vm.runInContext(source, context),
    };
    const enums = makeScriptEnums(env);
    const app = this.sheets.createSpreadsheetApp(this.workbook, ctx) as Record<string, unknown>;
    const globals: Record<ScriptGlobal, unknown> = {
      SpreadsheetApp: app,
      PropertiesService: makePropertiesService(env),
      LockService: makeLockService(env),
      CacheService: makeCacheService(env),
      MailApp: makeMailApp(env),
      ScriptApp: makeScriptApp(env, enums),
      Session: makeSession(env),
      Utilities: makeUtilities(env),
      HtmlService: makeHtmlService(env),
      Logger: makeLogger(env),
      console: makeConsole(env),
    };
    // Apps Script methods a service object lacks throw "… is not implemented in the local runtime".
    const apis: Partial<Record<ScriptGlobal, string>> = {
      PropertiesService: 'Properties.PropertiesService',
      LockService: 'Lock.LockService',
      CacheService: 'Cache.CacheService',
      MailApp: 'Mail.MailApp',
      ScriptApp: 'Script.ScriptApp',
      Session: 'Base.Session',
      Utilities: 'Utilities.Utilities',
      HtmlService: 'HTML.HtmlService',
      Logger: 'Base.Logger',
    };
    for (const [name, api] of Object.entries(apis) as Array<[ScriptGlobal, string]>)
      markObject(globals[name] as object, api, name, realm.Error as ErrorConstructor);
    Object.assign(context, globals);

    // The script's local time is the project's time zone (appsscript.json "timeZone"): new Date(y, m, d)
    // and getHours() use it in Apps Script. Node's local zone is per process, so it is switched for the
    // (synchronous) execution and restored after.
    // https://developers.google.com/apps-script/concepts/manifests ("timeZone")
    const hostTz = realEnv.TZ;
    realEnv.TZ = env.scriptTimeZone;
    const injected = new Set(Object.keys(context));
    try {
      for (const script of this.compiled()) script.runInContext(context, { timeout: WALL_CLOCK_GUARD_MS });
      if (req.list) {
        const c = context as Record<string, unknown>;
        result.result = Object.keys(c).filter(
          (k) => !injected.has(k) && typeof c[k] === 'function' && !k.endsWith('_'),
        );
        return result;
      }
      const f = (context as Record<string, unknown>)[fn];
      if (typeof f !== 'function') {
        if (req.optional) return result;
        return refuse(
          f === undefined
            ? `Script function not found: ${fn}`
            : `Script function not found: ${fn} (${fn} is not a function)`,
        );
      }
      const args = req.args
        ? (toRealm(req.args, realm) as unknown[])
        : req.event
          ? [meter.unmetered(() => req.event?.({ app, enums, realm, activeUser }))]
          : [];
      // The call is made inside the realm (runInContext, so the wall-clock guard applies) through a
      // global that is taken off before the function runs: the script sees only SCRIPT_GLOBALS.
      const c = context as Record<string, unknown>;
      c.__runtimeCall__ = { f, args };
      let value: unknown;
      try {
        value = vm.runInContext(CALL_IN_REALM, context, { timeout: WALL_CLOCK_GUARD_MS });
      } finally {
        delete c.__runtimeCall__;
      }
      if (meter.exceeded) throw gasError(realm, MESSAGES.timeLimit);
      result.result = fromRealm(value);
    } catch (e) {
      result.ok = false;
      const wallTimeout =
        e && typeof e === 'object' && (e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
      // Google stops the script at its limit even if it caught the error.
      result.error =
        meter.exceeded || wallTimeout ? { name: 'Exception', message: MESSAGES.timeLimit } : describeError(e);
    } finally {
      if (hostTz === undefined) delete realEnv.TZ;
      else realEnv.TZ = hostTz;
      this.locks.releaseAll(executionId);
      result.calls = { ...meter.calls };
      meter.settle();
      result.virtualMs = meter.elapsed;
      this.state.clock = Math.max(this.state.clock, now());
    }
    return result;
  }
}

function userObject(realm: Realm, email: string): unknown {
  const u = new realm.Object() as Record<string, unknown>;
  u.getEmail = () => email;
  u.toString = () => email;
  return u;
}

function changeEvent(triggerUid: string, user: string): ExecRequest['event'] {
  return ({ app, enums, realm }) => {
    const e = new realm.Object() as Record<string, unknown>;
    e.authMode = enums.AuthMode.FULL;
    e.changeType = 'EDIT';
    e.source = (app.getActiveSpreadsheet as () => unknown)();
    e.triggerUid = triggerUid;
    e.user = userObject(realm, user);
    return e;
  };
}

function rangeOf(ss: Record<string, unknown>, a1: string): unknown {
  const bang = a1.lastIndexOf('!');
  const sheetName = a1
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const sheet = (ss.getSheetByName as (n: string) => Record<string, unknown> | null)(sheetName);
  return sheet ? (sheet.getRange as (a: string) => unknown)(a1.slice(bang + 1)) : undefined;
}

/** e.value / e.oldValue are strings (numbers as typed, booleans TRUE/FALSE, dates as serial numbers). */
function eventValue(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (Object.prototype.toString.call(v) === '[object Date]') {
    return String(((v as Date).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** https://developers.google.com/apps-script/guides/triggers/events#time-driven_events */
function clockEvent(t: TriggerRecord, firedAt: number): ExecRequest['event'] {
  return ({ enums, realm }) => {
    const p = wallTime(firedAt, 'UTC');
    const e = new realm.Object() as Record<string, unknown>;
    e.authMode = enums.AuthMode.FULL;
    e['day-of-month'] = p.day;
    e['day-of-week'] = p.isoWeekday;
    e.hour = p.hour;
    e.minute = p.minute;
    e.month = p.month;
    e.second = p.second;
    e.timezone = 'UTC';
    e.triggerUid = t.id;
    e.year = p.year;
    return e;
  };
}
