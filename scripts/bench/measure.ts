// Runs each benchmarked operation through the local runtime on a generated workbook and collects
// its figures: service calls, modeled Apps Script time, Node CPU (median after a warm-up) and the
// sidebar state's size. Only the runtime's public API is used.
import v8 from 'node:v8';
import vm from 'node:vm';
import { type FixtureFacts, generateFixture } from '../../local/fixtures/generate';
import { CYCLE } from '../../local/fixtures/vocabulary';
import {
  type RunResult,
  Runtime,
  type RuntimeOptions,
  type SentEmail,
  type Workbook,
} from '../../local/runtime';
import { parseOkrSheet } from '../../src/okr/core/parse';
import { TAB } from '../../src/okr/core/tabs';
import { EMAIL_HTML_BUDGET } from '../../src/okr/weekly/emailFit';
import { EMAIL_MESSAGES } from '../../src/okr/weekly/emailMessages';
import { type AddOnCpu, measureAddOnCpu, tabValues } from './addOnCpu';
import {
  type BenchSize,
  type EmailSize,
  mailCallsOf,
  OPERATION_LABELS,
  type OperationFigures,
  type OperationKey,
  sheetsCallsOf,
  sum,
  type WeeklyFigures,
} from './report';
import { withSources } from './sources';

export interface MeasureContext {
  projectDir: string;
  /** Entry points defined by dist/Code.js. */
  endpoints: Set<string>;
  reps: number;
  weeks: number;
  seed: number;
  only: OperationKey[];
  log(message: string): void;
}

/** The entry points each operation needs; missing ones make it "not built". */
export const NEEDS: Record<OperationKey, string[]> = {
  getSidebarStart: ['getSidebarStart'],
  getSidebarState: ['getSidebarState'],
  checkIn: ['checkIn'],
  validateOkrs: ['validateOkrs'],
  setUpOkrSheet: ['setUpOkrSheet'],
  refreshSummary: ['refreshSummary'],
  onEdit: ['onEdit'],
  weeklyRun: ['enableWeeklyEmails'],
  updateFromSources: ['updateAllFromSources'],
  importPreview: ['previewImport'],
  importConfirm: ['previewImport', 'confirmImport'],
  getTeamView: ['getTeamView'],
  closeCycle: ['closeCycle'],
  proposeAgreement: ['proposeAgreement'],
  respondAgreement: ['proposeAgreement', 'respondAgreement'],
};

const HOUR = 3_600_000;
/** Give up on a weekly run that has not finished after this many hourly ticks. */
const MAX_WEEKLY_TICKS = 72;

/**
 * A full garbage collection before each measured execution, so garbage left by preparing it (copying
 * a 10,000-row workbook) is not collected, and charged, inside the measurement. The operation's own
 * garbage still is. `--expose-gc` set at run time: npm run bench passes no node flags.
 */
const collectGarbage: () => void = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return () => (gc as () => void)();
  } catch {
    // Measurements stay valid without it, only noisier.
  }
  return () => {};
})();

function cpuTimed<T>(fn: () => T): { value: T; cpuMs: number } {
  collectGarbage();
  const start = process.cpuUsage();
  const value = fn();
  const d = process.cpuUsage(start);
  return { value, cpuMs: (d.user + d.system) / 1000 };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Why a run does not count as the operation working (an exception, or an endpoint's ok: false). */
export function failureOf(r: RunResult & { rejected?: string }): string | null {
  if (r.rejected) return `edit rejected: ${r.rejected}`;
  if (!r.ok) return `${r.error?.name ?? 'Error'}: ${r.error?.message ?? 'unknown error'}`;
  const res = r.result as { ok?: unknown; error?: unknown } | null | undefined;
  if (res && typeof res === 'object' && res.ok === false) {
    return `returned ok: false: ${typeof res.error === 'string' ? res.error : JSON.stringify(res).slice(0, 300)}`;
  }
  return null;
}

class OperationFailed extends Error {}

function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The first instant after `from` that is Monday 09:00 in `timeZone` (the default weekly time). */
export function nextWeeklyTime(from: number, timeZone: string, isoWeekday = 1, hour = 9): number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    hourCycle: 'h23',
  });
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  let t = Math.floor(from / HOUR) * HOUR + HOUR;
  for (let i = 0; i < 9 * 24; i++, t += HOUR) {
    const parts = Object.fromEntries(fmt.formatToParts(t).map((p) => [p.type, p.value]));
    if (days.indexOf(parts.weekday) + 1 === isoWeekday && Number(parts.hour) === hour) return t;
  }
  throw new Error(`no ${days[isoWeekday - 1]} ${hour}:00 found in ${timeZone}`);
}

/** The run's finishedAt (epoch ms or an ISO string) in getWeeklyRunStatus's answer, whatever its nesting. */
export function finishedAtOf(value: unknown, depth = 0): number | null {
  if (!value || typeof value !== 'object' || depth > 3) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.finishedAt === 'number') return v.finishedAt;
  if (typeof v.finishedAt === 'string' && Number.isFinite(Date.parse(v.finishedAt)))
    return Date.parse(v.finishedAt);
  for (const child of Object.values(v)) {
    const found = finishedAtOf(child, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

interface Fixture {
  /** The workbook "in use": generated, set up once and its Summary refreshed once. */
  base: Workbook;
  /** Generated and set up only (no Summary written yet): for the first refresh's figures. */
  setUpOnly: Workbook;
  facts: FixtureFacts;
  lead: string;
}

export class SizeBench {
  private constructor(
    private readonly ctx: MeasureContext,
    readonly size: BenchSize,
    private readonly fixture: Fixture,
  ) {}

  /**
   * Generates the workbook and brings it to the state of a sheet in use: set up once and its
   * Summary refreshed once (when those endpoints exist), so each operation is measured in steady
   * state rather than on its one-off first run (the first refresh is reported separately).
   */
  static async prepare(ctx: MeasureContext, size: BenchSize): Promise<SizeBench> {
    const { workbook, facts } = generateFixture({
      keyResults: size.keyResults,
      owners: size.owners,
      weeksOfHistory: ctx.weeks,
      seed: ctx.seed,
    });
    const lead = facts.leads[0];
    const rt = await Runtime.open({
      workbook: workbook.clone(),
      projectDir: ctx.projectDir,
      options: { now: facts.asOf },
    });
    let setUpOnly = workbook;
    for (const fn of ['setUpOkrSheet', 'refreshSummary']) {
      if (!ctx.endpoints.has(fn)) continue;
      const failed = failureOf(rt.run(fn, [], { as: lead }));
      if (failed) ctx.log(`${fn} failed while preparing the workbook (continuing without it): ${failed}`);
      if (fn === 'setUpOkrSheet') setUpOnly = rt.workbook.clone();
    }
    return new SizeBench(ctx, size, { base: rt.workbook, setUpOnly, facts, lead });
  }

  /** CPU and modeled time of an execution that does almost nothing (onOpen): the runtime's own cost. */
  async baseline(): Promise<{ function: string; cpuMs: number; virtualMs: number } | null> {
    if (!this.ctx.endpoints.has('onOpen')) return null;
    const { first, cpu } = await this.repeat(async () => {
      const rt = await this.open();
      return () => rt.run('onOpen', [], { as: this.fixture.lead });
    });
    return { function: 'onOpen', cpuMs: median(cpu), virtualMs: first.virtualMs };
  }

  private open(options: RuntimeOptions = {}, workbook: Workbook = this.fixture.base): Promise<Runtime> {
    return Runtime.open({
      workbook: workbook.clone(),
      projectDir: this.ctx.projectDir,
      options: { now: this.fixture.facts.asOf, ...options },
    });
  }

  private figures(op: OperationKey, partial: Partial<OperationFigures>): OperationFigures {
    return {
      operation: op,
      label: OPERATION_LABELS[op],
      keyResults: this.size.keyResults,
      owners: this.size.owners,
      status: 'ok',
      calls: {},
      sheetsByMethod: {},
      sheetsCalls: 0,
      mailCalls: 0,
      virtualMs: 0,
      cpuMs: null,
      cpuSamples: [],
      ...partial,
    };
  }

  /**
   * One warm-up and ctx.reps measured executions, each prepared fresh (a new runtime on a copy of
   * the workbook, set up as the operation needs) outside the measured CPU time.
   */
  private async repeat(
    prepare: () => Promise<() => RunResult>,
  ): Promise<{ first: RunResult; cpu: number[] }> {
    let first: RunResult | undefined;
    const cpu: number[] = [];
    for (let i = 0; i <= this.ctx.reps; i++) {
      const act = await prepare();
      const { value, cpuMs } = cpuTimed(act);
      const failed = failureOf(value);
      if (failed) throw new OperationFailed(failed);
      if (i === 0) continue;
      first ??= value;
      cpu.push(cpuMs);
    }
    return { first: first as RunResult, cpu };
  }

  private addOnCpuFigures: AddOnCpu | null = null;

  /** The add-on's own CPU for the operation (median of `reps` after a warm-up, in its own process). */
  private addOnCpu(which: 'validate' | 'summary'): { addOnCpuMs: number; referenceCpuMs: number } {
    this.addOnCpuFigures ??= measureAddOnCpu(
      tabValues(this.fixture.base),
      this.fixture.facts.asOf,
      this.ctx.reps,
    );
    return { addOnCpuMs: this.addOnCpuFigures[which], referenceCpuMs: this.addOnCpuFigures.reference };
  }

  private single(op: OperationKey, first: RunResult, cpu: number[], extra: Partial<OperationFigures> = {}) {
    const sheets = sheetsCallsOf(first.calls);
    return this.figures(op, {
      calls: first.calls,
      sheetsByMethod: sheets,
      sheetsCalls: sum(sheets),
      mailCalls: mailCallsOf(first.calls),
      virtualMs: first.virtualMs,
      cpuMs: median(cpu),
      cpuSamples: cpu,
      ...extra,
    });
  }

  async measure(op: OperationKey): Promise<OperationFigures> {
    const missing = NEEDS[op].filter((e) => !this.ctx.endpoints.has(e));
    if (missing.length)
      return this.figures(op, { status: 'not built', message: `${missing.join(', ')} not in dist/Code.js` });
    try {
      return await this.run(op);
    } catch (e) {
      if (e instanceof OperationFailed) return this.figures(op, { status: 'failed', message: e.message });
      return this.figures(op, {
        status: 'failed',
        message: `bench error: ${(e as Error).stack ?? String(e)}`,
      });
    }
  }

  private async run(op: OperationKey): Promise<OperationFigures> {
    const { facts, lead } = this.fixture;
    switch (op) {
      case 'getSidebarStart':
      case 'getSidebarState': {
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open();
          return () => rt.run(op, [], { as: facts.member });
        });
        const rt = await this.open();
        const asLead = rt.run(op, [], { as: lead });
        const leadFailed = failureOf(asLead);
        if (leadFailed) throw new OperationFailed(`as the Lead: ${leadFailed}`);
        const leadSheets = sheetsCallsOf(asLead.calls);
        return this.single(op, first, cpu, {
          payloadBytes: Buffer.byteLength(JSON.stringify(first.result ?? null)),
          payloadLeadBytes: Buffer.byteLength(JSON.stringify(asLead.result ?? null)),
          lead: { virtualMs: asLead.virtualMs, sheetsByMethod: leadSheets, sheetsCalls: sum(leadSheets) },
        });
      }
      case 'getTeamView': {
        // The Lead manages a share of the members (the generated Team's Manager column): My team
        // reads their rows the way the sidebar's quick open reads the caller's own.
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open();
          return () => rt.run(op, [], { as: lead });
        });
        return this.single(op, first, cpu, {
          payloadBytes: Buffer.byteLength(JSON.stringify(first.result ?? null)),
        });
      }
      case 'checkIn': {
        const s = facts.sample;
        const current = s.kind === 'milestone' ? 1 : s.current + 1;
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open();
          return () =>
            rt.run(
              'checkIn',
              [{ id: s.id, current, confidence: 'on-track', note: 'Bench: weekly check-in' }],
              {
                as: s.owner,
              },
            );
        });
        return this.single(op, first, cpu);
      }
      case 'proposeAgreement':
      case 'respondAgreement': {
        // The sample's owner proposes a lower target; its approver (the owner's Manager when a
        // Lead, else another Lead: src/okr/ownership/approver.ts) agrees. Only `op` is measured.
        const s = facts.sample;
        const owner = facts.people.find((p) => p.email === s.owner);
        const manager = facts.people.find((p) => p.email === owner?.manager);
        const approver = manager?.role === 'Lead' ? manager.email : facts.leads.find((l) => l !== s.owner);
        const propose = (rt: Runtime) =>
          rt.run('proposeAgreement', [{ id: s.id, start: -1, reason: 'Bench: a start we can measure' }], {
            as: s.owner,
          });
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open();
          if (op === 'proposeAgreement') return () => propose(rt);
          const proposed = failureOf(propose(rt));
          if (proposed) throw new OperationFailed(`proposing first: ${proposed}`);
          return () => rt.run('respondAgreement', [{ id: s.id, answer: 'agree' }], { as: approver });
        });
        return this.single(op, first, cpu);
      }
      case 'validateOkrs': {
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open();
          return () => rt.run(op, [], { as: lead });
        });
        return this.single(op, first, cpu, this.addOnCpu('validate'));
      }
      case 'refreshSummary': {
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open();
          return () => rt.run(op, [], { as: lead });
        });
        const rt = await this.open({}, this.fixture.setUpOnly);
        const firstRefresh = rt.run(op, [], { as: lead });
        return this.single(op, first, cpu, {
          ...this.addOnCpu('summary'),
          firstRun: failureOf(firstRefresh)
            ? undefined
            : { sheetsCalls: sum(sheetsCallsOf(firstRefresh.calls)), virtualMs: firstRefresh.virtualMs },
        });
      }
      case 'setUpOkrSheet': {
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open();
          const once = rt.run('setUpOkrSheet', [], { as: lead });
          const failed = failureOf(once);
          if (failed) throw new OperationFailed(`first run: ${failed}`);
          return () => rt.run('setUpOkrSheet', [], { as: lead });
        });
        return this.single(op, first, cpu);
      }
      case 'onEdit': {
        const header = this.fixture.base.values('OKRs')[0] ?? [];
        const ownerColumn = header.findIndex((h) => String(h).trim() === 'Owner');
        if (ownerColumn < 0) throw new OperationFailed('no Owner header on the OKRs tab');
        const range = `OKRs!${columnLetter(ownerColumn)}${facts.sample.row}`;
        const others = facts.people.filter((p) => p.role === 'Member').slice(0, 2);
        const value = others.map((p) => p.email).join(', ');
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open();
          return () => rt.edit({ range, value, paste: true, as: lead });
        });
        return this.single(op, first, cpu);
      }
      case 'weeklyRun':
        return this.weeklyRun();
      case 'updateFromSources': {
        const workbook = withSources(this.fixture.base);
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open({}, workbook);
          return () => rt.run('updateAllFromSources', [], { as: lead });
        });
        const answer = first.result as { recorded?: unknown[]; problems?: unknown[] } | null;
        if (!answer?.recorded?.length || answer.problems?.length) {
          throw new OperationFailed(
            `expected every Source to give a figure: ${JSON.stringify(answer).slice(0, 300)}`,
          );
        }
        return this.single(op, first, cpu);
      }
      case 'importPreview':
      case 'importConfirm':
        return this.importRun(op);
      case 'closeCycle': {
        // Every key result of the generated sheet is in its one cycle: all of them are scored.
        const { first, cpu } = await this.repeat(async () => {
          const rt = await this.open();
          return () => rt.run('closeCycle', [{ cycle: CYCLE }], { as: lead });
        });
        return this.single(op, first, cpu);
      }
    }
  }

  /**
   * Import of a team's tab of KRs ÷ 2 rows (5,000 at 10,000 key results) into the sheet in use: its
   * preview, and its confirm (the preview run first, outside the measurement). One owner in 50 (from the
   * first row on, so at every size) is not on Team yet: the confirm also adds Team rows.
   */
  private async importRun(op: 'importPreview' | 'importConfirm'): Promise<OperationFigures> {
    const { lead, facts } = this.fixture;
    const rows = Math.max(1, Math.floor(this.size.keyResults / 2));
    const source: unknown[][] = [['Objective', 'Key result', 'Owner', 'Start', 'Target', 'Current']];
    for (let i = 0; i < rows; i++) {
      const owner = i % 50 === 0 ? `new.owner${i}@example.com` : facts.people[i % facts.people.length].email;
      source.push([
        `Imported objective ${Math.floor(i / 5) + 1}`,
        `Imported key result ${i + 1}`,
        owner,
        0,
        10,
        i % 10,
      ]);
    }
    const req = { sheetName: 'Team plan' };
    const { first, cpu } = await this.repeat(async () => {
      const rt = await this.open();
      const sheet = rt.workbook.addSheet('Team plan', undefined, {
        rows: source.length,
        cols: source[0].length,
      });
      rt.workbook.writeRect(sheet, 1, 1, source);
      if (op === 'importPreview') return () => rt.run('previewImport', [req], { as: lead });
      const preview = rt.run('previewImport', [req], { as: lead });
      const failed = failureOf(preview);
      if (failed) throw new OperationFailed(`previewImport: ${failed}`);
      const { fingerprint } = preview.result as { fingerprint: string };
      return () => rt.run('confirmImport', [{ ...req, fingerprint, renames: [] }], { as: lead });
    });
    return this.single(op, first, cpu, {
      payloadBytes: Buffer.byteLength(JSON.stringify(first.result ?? null)),
    });
  }

  /**
   * The largest email of each kind, and how many are over the HTML budget. The digest is told by its
   * subject (the run sends it with the digest's subject in the recipient's language).
   */
  private emailSizes(emails: SentEmail[]): Pick<WeeklyFigures, 'largestEmails' | 'emailsOverBudget'> {
    const digestPrefixes = Object.values(EMAIL_MESSAGES.digestSubject).map((s) => s.slice(0, s.indexOf('{')));
    const okrs = parseOkrSheet(this.fixture.base.values(TAB.okrs), {
      sheetName: TAB.okrs,
      timeZone: this.fixture.base.timeZone,
      lang: 'en',
    });
    const owned = new Map<string, number>();
    for (const kr of okrs.keyResults) if (kr.owner) owned.set(kr.owner, (owned.get(kr.owner) ?? 0) + 1);
    const largest = new Map<EmailSize['kind'], EmailSize>();
    let over = 0;
    for (const e of emails) {
      const kind = digestPrefixes.some((p) => e.subject.startsWith(p)) ? 'leadership' : 'owner';
      const size: EmailSize = {
        kind,
        htmlBytes: Buffer.byteLength(e.htmlBody ?? ''),
        textBytes: Buffer.byteLength(e.body),
        ...(kind === 'owner' ? { keyResults: owned.get(e.to.toLowerCase()) ?? 0 } : {}),
      };
      if (size.htmlBytes > EMAIL_HTML_BUDGET) over += 1;
      if (size.htmlBytes > (largest.get(kind)?.htmlBytes ?? -1)) largest.set(kind, size);
    }
    return { largestEmails: [...largest.values()], emailsOverBudget: over };
  }

  /** enableWeeklyEmails as a Lead, then hourly ticks from the scheduled time until the run finishes. */
  private async weeklyRun(): Promise<OperationFigures> {
    const { lead } = this.fixture;
    const hasStatus = this.ctx.endpoints.has('getWeeklyRunStatus');
    let measured: { executions: RunResult[]; finished: boolean; idle: number | null } | undefined;
    const cpu: number[] = [];
    for (let i = 0; i <= this.ctx.reps; i++) {
      const rt = await this.open({ workspace: true });
      const enable = rt.run('enableWeeklyEmails', [], { as: lead });
      const failed = failureOf(enable);
      if (failed) throw new OperationFailed(`enableWeeklyEmails: ${failed}`);
      const scheduled = nextWeeklyTime(rt.now(), this.fixture.base.timeZone);
      rt.tick(scheduled - 1);
      const executions: RunResult[] = [];
      let finished = false;
      let cpuMs = 0;
      let quietFrom = -1;
      for (let k = 0; k < MAX_WEEKLY_TICKS && !finished; k++) {
        // Each tick() covers one hourly window, so the hourly trigger fires once per call.
        const t = cpuTimed(() => rt.tick(scheduled + (k + 1) * HOUR - 1));
        cpuMs += t.cpuMs;
        const sentBefore = executions.reduce((a, e) => a + e.emails.length, 0);
        executions.push(...t.value.executions);
        if (hasStatus) {
          const status = rt.run('getWeeklyRunStatus', [], { as: lead });
          const at = finishedAtOf(status.result);
          finished = at !== null && at >= scheduled;
        } else if (sentBefore > 0 && t.value.executions.length > 0 && t.value.emails.length === 0) {
          // Without getWeeklyRunStatus: the run is over once a tick after some sending sends nothing.
          quietFrom = executions.length - t.value.executions.length;
          finished = true;
        }
      }
      if (quietFrom >= 0) executions.splice(quietFrom);
      // One more tick after the end: what a tick that finds nothing to do costs.
      const after = rt.tick(rt.now() + HOUR);
      const idle = after.executions.length ? Math.max(...after.executions.map((e) => sum(e.calls))) : null;
      if (i === 0) continue;
      measured ??= { executions, finished, idle };
      cpu.push(cpuMs);
    }
    const { executions, finished, idle } = measured!;
    const perExecution = executions.map((e) => sheetsCallsOf(e.calls));
    const sheetsByMethod: Record<string, number> = {};
    for (const calls of perExecution) {
      for (const [m, n] of Object.entries(calls)) sheetsByMethod[m] = Math.max(sheetsByMethod[m] ?? 0, n);
    }
    const calls: Record<string, number> = {};
    for (const e of executions) for (const [m, n] of Object.entries(e.calls)) calls[m] = (calls[m] ?? 0) + n;
    const emails = executions.flatMap((e) => e.emails);
    const recipients = new Set(
      emails
        .flatMap((m) => [m.to, m.cc ?? '', m.bcc ?? ''].join(',').split(','))
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean),
    );
    const weekly: WeeklyFigures = {
      executions: executions.length,
      virtualMsEach: executions.map((e) => e.virtualMs),
      sheetsCallsEach: perExecution.map(sum),
      failedExecutions: executions
        .map((e, index) => ({ index, message: failureOf(e) }))
        .filter((f): f is { index: number; message: string } => f.message !== null),
      emails: emails.length,
      recipients: recipients.size,
      finished,
      idleTickCalls: idle,
      finishedBy: hasStatus ? 'getWeeklyRunStatus' : 'quiet ticks',
      ...this.emailSizes(emails),
    };
    return this.figures('weeklyRun', {
      calls,
      sheetsByMethod,
      sheetsCalls: Math.max(0, ...weekly.sheetsCallsEach),
      mailCalls: mailCallsOf(calls),
      virtualMs: Math.max(0, ...weekly.virtualMsEach),
      cpuMs: median(cpu),
      cpuSamples: cpu,
      weekly,
    });
  }
}
