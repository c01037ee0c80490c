// The sandbox's session: one Runtime (the real dist/ artifact on a workbook file), the user the
// page acts as, the menus onOpen built, and the execution log. Every change is saved at once.

import { DEFAULT_SETTINGS } from '../../src/okr/core/model';
import { parseStoredSettings, SETTINGS_KEY } from '../../src/okr/core/settings';
import { DEMO_CLOSED_CYCLE, DEMO_RETROSPECTIVES } from '../fixtures/demo';
import type { RunResult, Runtime } from '../runtime';
import { formatWallTime, nextWeekdayAt, toWallInput } from './clock';
import type { AppState, EmailView, ExecutionView, MenuView, Notice } from './protocol';
import { defaultUser, localesFromTeam, teamPeople } from './team';

const LOG_LIMIT = 200;
const CURSOR_MOVES =
  /(^|\.)(activate|activateAsCurrentCell|setActiveRange|setActiveRangeList|setActiveSelection|setCurrentCell|setActiveSheet)$/;
const NOTICE_LIMIT = 20;
/** The Extensions menu's Set up OKR sheet and Refresh summary (src/endpoints/menu.ts). */
const DEMO_SET_UP = ['setUpOkrSheet', 'refreshSummary'];

/** A request the sandbox refuses (unknown person or menu item): the page shows the message. */
export class SandboxError extends Error {}

export class Sandbox {
  /** Bumped on every change, so the page (polling) knows to redraw. */
  version = 0;
  user: string;
  private menus: MenuView[] = [];
  private log: ExecutionView[] = [];
  private seq = 0;
  private notices: Notice[] = [];
  private noticeSeq = 0;
  /** Where a script last moved the current user's cursor on purpose. */
  private cursor: AppState['scriptSelection'];
  private cursorSeq = 0;
  private sidebarOpen = false;
  private sidebarTitle = '';
  /** Where the runtime serves the sidebar (its own origin, like Google's sandboxed iframe). */
  sidebarBase = '';
  private saving: Promise<void> = Promise.resolve();

  constructor(
    readonly runtime: Runtime,
    readonly file: string,
  ) {
    this.user = defaultUser(teamPeople(runtime.workbook));
    this.syncLocales();
  }

  /** People's account locales follow the Team tab (re-read when someone opens the sheet). */
  private syncLocales(): void {
    const locales = localesFromTeam(teamPeople(this.runtime.workbook));
    this.runtime.options.userLocales = { ...this.runtime.options.userLocales, ...locales };
  }

  /** Opening the spreadsheet: Sheets runs onOpen as a simple trigger for whoever opens it. */
  open(): RunResult {
    this.syncLocales();
    // The runtime runs onOpen as a simple trigger (LIMITED, with Google's event object).
    const r = this.runtime.run('onOpen', [], { as: this.user });
    this.record(r, 'open');
    this.menus = (r.ui?.menus ?? []).map((m) => ({
      title: m.title,
      items: m.items.map((i) => ('separator' in i ? { separator: true as const } : { ...i })),
    }));
    return r;
  }

  /**
   * A new demo workbook is opened as the README's screenshots show it: the add-on's own Set up and
   * Refresh summary (objective rows styled, owner colours, dropdowns, the Summary tab), run from the
   * Extensions menu by the Team's Lead as a person would, not styles written by hand. The runs are
   * in the execution log. Returns the first failure's message, if any.
   */
  async setUpDemo(): Promise<string | undefined> {
    const chosen = this.user;
    this.user = defaultUser(teamPeople(this.runtime.workbook));
    try {
      this.open();
      for (const fn of DEMO_SET_UP) {
        // The previous cycle is closed before the Summary is refreshed, so it shows its results.
        if (fn === 'refreshSummary') {
          const failed = this.closeDemoCycle();
          if (failed) return failed;
        }
        const r = await this.runMenuItem(fn);
        if (!r.ok) return `${fn} failed on the demo workbook: ${r.error?.message ?? 'no reason given'}`;
      }
      return undefined;
    } finally {
      this.user = chosen;
    }
  }

  /**
   * The demo's previous cycle closed by its Lead from the sidebar's Cycles view, and two of its
   * owners' retrospectives written, as those people would (local/fixtures/demo.ts DEMO_RETROSPECTIVES).
   */
  private closeDemoCycle(): string | undefined {
    const steps: Array<{ fn: string; arg: unknown; as: string }> = [
      { fn: 'closeCycle', arg: { cycle: DEMO_CLOSED_CYCLE }, as: this.user },
      ...DEMO_RETROSPECTIVES.map(({ as, ...r }) => ({
        fn: 'saveRetrospective',
        arg: { ...r, cycle: DEMO_CLOSED_CYCLE },
        as,
      })),
    ];
    for (const step of steps) {
      const r = this.runtime.run(step.fn, [step.arg], { as: step.as });
      this.record(r, 'sidebar');
      const answer = r.result as { ok?: boolean; error?: string } | undefined;
      if (!r.ok || answer?.ok === false)
        return `${step.fn} failed on the demo workbook: ${r.error?.message ?? answer?.error ?? 'no reason given'}`;
    }
    return undefined;
  }

  /** Acts as `email` from now on; only people in Team (the add-on's permissions come from there). */
  setUser(email: string): void {
    const known = teamPeople(this.runtime.workbook).find(
      (p) => p.email.toLowerCase() === email.toLowerCase(),
    );
    if (!known) throw new SandboxError(`${email} is not in the Team tab`);
    this.user = known.email;
  }

  /** Another person opens the spreadsheet. An open sidebar stays open and reloads as them. */
  switchUser(email: string): void {
    this.setUser(email);
    this.open();
    this.changed();
  }

  /** A menu item: runs its function as the current user, in full auth like Sheets does after install. */
  async runMenuItem(functionName: string): Promise<RunResult> {
    const known = this.menus.some((m) =>
      m.items.some((i) => 'functionName' in i && i.functionName === functionName),
    );
    if (!known) throw new SandboxError(`${functionName} is not in the Extensions menu`);
    const r = this.runtime.run(functionName, [], { as: this.user });
    this.record(r, 'menu');
    await this.save();
    return r;
  }

  async edit(range: string, value: unknown, paste: boolean): Promise<RunResult & { rejected?: string }> {
    const r = this.runtime.edit({ range, value, paste, as: this.user });
    this.record(r, paste ? 'paste' : 'edit', r.rejected);
    // Installable onEdit triggers run after the simple one, each as its installer.
    for (const t of (r as { triggers?: RunResult[] }).triggers ?? []) this.record(t, 'edit trigger');
    await this.save();
    return r;
  }

  select(range: string): void {
    this.runtime.select(range, this.user);
  }

  async tick(until: number): Promise<number> {
    const { executions } = this.runtime.tick(until);
    for (const r of executions) this.record(r, 'trigger');
    this.changed();
    await this.save();
    return executions.length;
  }

  /** A run that happened elsewhere (the sidebar's google.script.run). */
  async external(r: RunResult | undefined, via: string): Promise<void> {
    if (r) this.record(r, via);
    else this.changed();
    await this.save();
  }

  /** Writes the workbook and its state; saves are queued so two never interleave. */
  save(): Promise<void> {
    const next = this.saving.then(() => this.runtime.save());
    this.saving = next.catch(() => undefined);
    return next.catch((e: unknown) => {
      this.notice('error', `Could not save ${this.file}: ${(e as Error).message}`);
    });
  }

  notice(kind: Notice['kind'], text: string): void {
    this.notices.push({ id: ++this.noticeSeq, kind, text });
    if (this.notices.length > NOTICE_LIMIT) this.notices.splice(0, this.notices.length - NOTICE_LIMIT);
    this.changed();
  }

  changed(): void {
    this.version++;
  }

  private record(r: RunResult & { rejected?: string }, via: string, rejected?: string): void {
    const totalCalls = Object.values(r.calls ?? {}).reduce((a, b) => a + b, 0);
    // Only an explicit move (Range.activate, setActiveRange…) moves the grid: reading the active
    // sheet also fills in a default selection, which must not yank the user to another tab.
    if (r.user === this.user && Object.keys(r.calls ?? {}).some((k) => CURSOR_MOVES.test(k))) {
      const at = this.scriptSelection();
      if (at) this.cursor = { seq: ++this.cursorSeq, ...at };
    }
    // The sidebar polls (e.g. which row is active) every few seconds: identical consecutive quiet
    // sidebar runs become one line with a count instead of flooding the log.
    const prev = this.log.at(-1);
    const quiet = !r.ui?.toasts?.length && !r.ui?.alerts?.length && !r.ui?.sidebar;
    if (
      prev &&
      via === 'sidebar' &&
      quiet &&
      prev.function === r.function &&
      prev.user === r.user &&
      prev.via === via &&
      prev.ok &&
      r.ok &&
      !rejected &&
      !prev.emails &&
      !r.emails?.length
    ) {
      Object.assign(prev, {
        seq: ++this.seq,
        repeat: (prev.repeat ?? 1) + 1,
        calls: r.calls ?? {},
        totalCalls,
        virtualMs: r.virtualMs,
        startedAt: r.startedAt,
        logs: r.logs ?? [],
      });
      this.changed();
      return;
    }
    this.log.push({
      seq: ++this.seq,
      function: r.function,
      user: r.user,
      via,
      ok: r.ok,
      error: r.error ? `${r.error.name}: ${r.error.message}` : undefined,
      rejected,
      calls: r.calls ?? {},
      totalCalls,
      virtualMs: r.virtualMs,
      startedAt: r.startedAt,
      emails: r.emails?.length ?? 0,
      logs: r.logs ?? [],
    });
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
    // A typed value the cell's validation rejects never reaches the sheet, so onEdit does not run
    // ("onEdit(e) runs when a user changes a value": https://developers.google.com/apps-script/guides/triggers);
    // Sheets shows only its "There was a problem" dialog. One message, the validation's.
    if (rejected) this.notice('rejected', rejected);
    else if (r.error) this.notice('error', `${r.function} failed: ${r.error.message}`);
    for (const t of r.ui?.toasts ?? [])
      this.notice('toast', t.title ? `${t.title}: ${t.message}` : t.message);
    for (const a of r.ui?.alerts ?? []) this.notice('alert', a);
    if (r.ui?.sidebar) {
      this.sidebarOpen = true;
      this.sidebarTitle = r.ui.sidebar.title;
    }
    this.changed();
  }

  /** Where a script moved this user's cursor (e.g. the sidebar's Problems list selects a cell). */
  private scriptSelection(): { sheet: string; row: number; col: number } | undefined {
    const wb = this.runtime.workbook;
    const sel = wb.selections.get(this.user);
    const sheet = sel ? wb.sheetById(sel.sheetId) : undefined;
    const cell = sel?.cell ?? (sel?.range ? { row: sel.range.row, col: sel.range.col } : undefined);
    return sheet && cell ? { sheet: sheet.name, row: cell.row, col: cell.col } : undefined;
  }

  /** The user closed the sidebar panel: the next refresh keeps it closed until a script shows it again. */
  closeSidebar(): void {
    if (!this.sidebarOpen) return;
    this.sidebarOpen = false;
    this.changed();
  }

  /**
   * The first hour after the weekly run is due, from the settings the sidebar saved (day and hour in the
   * spreadsheet's time zone, Monday 09:00 by default): advancing there lets the hourly tick fire once
   * the run is due. Settings are one JSON document property (src/okr/settings.ts).
   */
  private nextWeeklyRunCheck(now: number, tz: string): number {
    const stored = parseStoredSettings(this.runtime.properties('document')[SETTINGS_KEY]);
    const day = Number.isInteger(stored.weeklyDay) ? stored.weeklyDay : DEFAULT_SETTINGS.weeklyDay;
    const hour = Number.isInteger(stored.weeklyHour) ? stored.weeklyHour : DEFAULT_SETTINGS.weeklyHour;
    // Settings count Sunday as 0; nextWeekdayAt takes ISO weekdays (Monday 1 … Sunday 7).
    const isoDay = day === 0 ? 7 : day;
    if (hour < 23) return nextWeekdayAt(now, tz, isoDay, hour + 1);
    return nextWeekdayAt(now, tz, isoDay === 7 ? 1 : isoDay + 1, 0);
  }

  state(): AppState {
    const rt = this.runtime;
    const wb = rt.workbook;
    const tz = wb.timeZone;
    const outbox: EmailView[] = rt.outbox.map((m, index) => ({
      index,
      to: m.to,
      cc: m.cc,
      bcc: m.bcc,
      from: m.from,
      name: m.name,
      replyTo: m.replyTo,
      subject: m.subject,
      at: m.at,
      hasHtml: Boolean(m.htmlBody),
    }));
    const now = rt.now();
    const weeklyAt = this.nextWeeklyRunCheck(now, tz);
    return {
      version: this.version,
      workbookName: wb.name,
      workbookFile: this.file,
      timeZone: tz,
      locale: wb.locale,
      // As Google's tab bar: a hidden sheet (the Summary's staging sheet) has no tab.
      sheets: wb.sheetNames().filter((n) => !wb.isHidden(n)),
      people: teamPeople(wb),
      user: this.user,
      menus: this.menus,
      now,
      nowText: formatWallTime(now, tz),
      nowInput: toWallInput(now, tz),
      weeklyAt,
      weeklyInput: toWallInput(weeklyAt, tz),
      weeklyText: formatWallTime(weeklyAt, tz),
      triggers: rt.triggers().map((t) => ({ ...t })),
      outbox,
      log: this.log,
      sidebarOpen: this.sidebarOpen,
      sidebarBase: this.sidebarBase,
      sidebarTitle: this.sidebarTitle,
      notices: this.notices,
      scriptSelection: this.cursor,
    };
  }
}
