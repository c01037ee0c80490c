// The self-check: a Lead runs the add-on's own end-to-end smoke check in the real spreadsheet, the
// first thing to do after `clasp push` (docs/kits.md). Each step goes through the add-on's own code
// (the check-in's decision and writes, the Summary refresh, the mail adapter) and reports pass or
// fail with what it saw. The check-in runs on scratch copies of the OKRs and Check-ins tabs, so no
// real key result or log entry changes; the Summary is regenerated (it is generated content); the
// email goes to the caller only. The menu item is hidden unless the document property is on.
import { withDocumentLock } from '../gas/lock';
import { sendMail } from '../gas/mail';
import { okrRowFinder } from '../gas/okrData';
import { createScratchTab, removeScratchTabs, setSelfCheckEnabled } from '../gas/selfCheckTabs';
import { findTabsByName } from '../gas/tabs';
import { readTeamTab } from '../gas/team';
import { type MessageTable, t } from '../okr/core/i18n';
import type { Lang, OkrColumn } from '../okr/core/model';
import { parseOkrSheet } from '../okr/core/parse';
import {
  CHECK_IN_ALIASES,
  CHECK_IN_COLUMN_ORDER,
  canonicalHeader,
  OKR_ALIASES,
  OKR_COLUMN_ORDER,
} from '../okr/core/schema';
import { okrCellValue, safeRow } from '../okr/core/sheetText';
import { activeSpreadsheet, context } from './context';
import { callerFrom, canManage } from './permissions';
import { decideCheckIn, quickRowWrite } from './quickRowWrite';
import { refreshSummary } from './refreshSummary';
import { rowWritePorts } from './rowWrites';
import { parseCheckIn, RequestError } from './sidebar/requests';

type StepKey = 'scratch' | 'checkIn' | 'summary' | 'email' | 'cleanUp';

export interface SelfCheckStep {
  step: StepKey;
  /** The step's name in the caller's language. */
  label: string;
  ok: boolean;
  /** What the step saw (the error's text when it failed). */
  detail: string;
}

export interface SelfCheckResult {
  ok: boolean;
  steps: SelfCheckStep[];
  /** One line per step, as the alert shows them. */
  message: string;
}

type MessageKey =
  | StepKey
  | 'title'
  | 'passed'
  | 'failed'
  | 'notLead'
  | 'scratchDone'
  | 'checkInDone'
  | 'summaryDone'
  | 'emailDone'
  | 'cleanUpDone'
  | 'cleanUpLeft'
  | 'skipped'
  | 'emailSubject'
  | 'emailBody'
  | 'enabled'
  | 'disabled';

const MESSAGES: MessageTable<MessageKey> = {
  title: { en: 'OKR Owners self-check', ja: 'OKR Owners 自己診断' },
  scratch: { en: 'Scratch tabs set up', ja: '作業用タブの作成' },
  checkIn: { en: 'A check-in', ja: 'チェックイン' },
  summary: { en: 'Summary refresh', ja: 'サマリーの更新' },
  email: { en: 'Test email to you', ja: 'あなたへのテストメール' },
  cleanUp: { en: 'Scratch tabs removed', ja: '作業用タブの削除' },
  passed: { en: 'PASS', ja: '合格' },
  failed: { en: 'FAIL', ja: '不合格' },
  notLead: {
    en: 'Only a Lead (Role "Lead" on the Team tab) can run the self-check.',
    ja: 'Teamタブの役割が「Lead」の人だけが自己診断を実行できます。',
  },
  scratchDone: { en: '{tabs} created', ja: '{tabs} を作成しました' },
  checkInDone: {
    en: 'Current {value} and one log entry written through the check-in',
    ja: 'チェックインで現在値 {value} と記録1件を書き込みました',
  },
  summaryDone: { en: '{message}', ja: '{message}' },
  emailDone: { en: 'sent to {email}', ja: '{email} に送信しました' },
  cleanUpDone: { en: 'the spreadsheet is as before', ja: 'スプレッドシートは元の状態です' },
  cleanUpLeft: {
    en: 'a scratch tab is left: delete it by hand',
    ja: '作業用タブが残っています。手動で削除してください',
  },
  skipped: { en: 'not run: an earlier step failed', ja: '前の手順が失敗したため未実行' },
  emailSubject: { en: 'OKR Owners self-check: email works', ja: 'OKR Owners 自己診断: メール送信の確認' },
  emailBody: {
    en: 'The OKR Owners self-check sent this email to {email} to confirm the add-on can send mail from this spreadsheet. Nothing else was sent.',
    ja: 'OKR Owners の自己診断が、このスプレッドシートからメールを送れることを確かめるために {email} へ送信しました。ほかには何も送信していません。',
  },
  enabled: {
    en: 'The self-check is in the menu (Extensions → OKR Owners) after the next reload.',
    ja: '次に再読み込みすると、自己診断がメニュー（拡張機能 → OKR Owners）に表示されます。',
  },
  disabled: { en: 'The self-check is hidden from the menu.', ja: '自己診断をメニューから隠しました。' },
};

const SCRATCH_OKRS = 'OKR Owners self-check';
const SCRATCH_LOG = 'OKR Owners self-check log';
const SCRATCH_KR = 'O1.1';
const CHECK_IN_VALUE = 5;

/** The scratch OKRs rows: the add-on's own headers and one objective with one key result the caller owns. */
function scratchOkrRows(caller: string, accepted: Date, timeZone: string): unknown[][] {
  const cells: Record<string, Partial<Record<OkrColumn, unknown>>> = {
    O1: { id: 'O1', type: 'Objective', title: 'Self-check objective', owner: caller },
    [SCRATCH_KR]: {
      id: SCRATCH_KR,
      type: 'Key result',
      parent: 'O1',
      title: 'Self-check key result',
      owner: caller,
      kind: 'increase',
      start: 0,
      target: 10,
      current: 0,
      accepted,
    },
  };
  const header = OKR_COLUMN_ORDER.map((c) => canonicalHeader(c, OKR_ALIASES));
  // Written by the one text rule, as every OKRs row the add-on writes: the caller's address and the
  // IDs stay text whatever the spreadsheet's locale would make of them.
  const rows = Object.values(cells).map((row) =>
    OKR_COLUMN_ORDER.map((c) => okrCellValue(c, row[c] ?? '', timeZone)),
  );
  return [safeRow(header), ...rows];
}

function messageOf(e: unknown): string {
  if (e instanceof RequestError) return e.key;
  return e instanceof Error ? e.message : String(e);
}

/** Runs one step: its detail on success, the error's text on failure; later steps are skipped after a failure. */
function stepRunner(lang: Lang, steps: SelfCheckStep[]) {
  return (step: StepKey, run: () => string): boolean => {
    const label = t(MESSAGES, lang, step);
    if (step !== 'cleanUp' && steps.some((s) => !s.ok)) {
      steps.push({ step, label, ok: false, detail: t(MESSAGES, lang, 'skipped') });
      return false;
    }
    try {
      steps.push({ step, label, ok: true, detail: run() });
      return true;
    } catch (e) {
      steps.push({ step, label, ok: false, detail: messageOf(e) });
      return false;
    }
  };
}

/** The self-check's steps (no UI): Lead only; every step reported. */
export function selfCheck(): SelfCheckResult {
  const ctx = context();
  const { ss, timeZone } = activeSpreadsheet();
  const tabs = findTabsByName(ss, ['okrs', 'team', 'checkIns']);
  const roster = readTeamTab(tabs.team, { timeZone, lang: ctx.lang });
  const caller = callerFrom(ctx.email, roster);
  if (!ctx.email || !canManage(caller)) {
    const detail = t(MESSAGES, ctx.lang, 'notLead');
    return { ok: false, steps: [], message: detail };
  }
  const steps: SelfCheckStep[] = [];
  const step = stepRunner(ctx.lang, steps);
  // Inserting a tab makes it the active one: the Lead gets their own tab back at the end.
  const active = ss.getActiveSheet();
  try {
    let okrTab: GoogleAppsScript.Spreadsheet.Sheet | null = null;
    let logTab: GoogleAppsScript.Spreadsheet.Sheet | null = null;
    step('scratch', () => {
      okrTab = createScratchTab(ss, SCRATCH_OKRS, scratchOkrRows(ctx.email, new Date(ctx.now), timeZone));
      logTab = createScratchTab(ss, SCRATCH_LOG, [
        safeRow(CHECK_IN_COLUMN_ORDER.map((c) => canonicalHeader(c, CHECK_IN_ALIASES))),
      ]);
      return t(MESSAGES, ctx.lang, 'scratchDone', { tabs: `${SCRATCH_OKRS}, ${SCRATCH_LOG}` });
    });
    step('checkIn', () => checkInOnScratch(okrTab!, logTab!, tabs.team, ctx, timeZone));
    step('summary', () => {
      const r = refreshSummary();
      if (!r.ok) throw new Error(r.error);
      return t(MESSAGES, ctx.lang, 'summaryDone', { message: r.message });
    });
    step('email', () => {
      const values = { email: ctx.email };
      sendMail(ctx.email, {
        subject: t(MESSAGES, ctx.lang, 'emailSubject'),
        body: t(MESSAGES, ctx.lang, 'emailBody', values),
        htmlBody: `<p>${escapeHtml(t(MESSAGES, ctx.lang, 'emailBody', values))}</p>`,
      });
      return t(MESSAGES, ctx.lang, 'emailDone', values);
    });
  } finally {
    step('cleanUp', () => {
      if (!removeScratchTabs(ss, [SCRATCH_OKRS, SCRATCH_LOG]))
        throw new Error(t(MESSAGES, ctx.lang, 'cleanUpLeft'));
      active.activate();
      return t(MESSAGES, ctx.lang, 'cleanUpDone');
    });
  }
  const ok = steps.every((s) => s.ok);
  const message = steps
    .map((s) => `${t(MESSAGES, ctx.lang, s.ok ? 'passed' : 'failed')}  ${s.label}: ${s.detail}`)
    .join('\n');
  return { ok, steps, message };
}

/**
 * The check-in through the add-on's own decision and write (quickRowWrite with decideCheckIn), on the
 * scratch tabs: the same ports as the sidebar's check-in (src/endpoints/rowWrites.ts), pointed at them.
 */
function checkInOnScratch(
  okrTab: GoogleAppsScript.Spreadsheet.Sheet,
  logTab: GoogleAppsScript.Spreadsheet.Sheet,
  teamTab: GoogleAppsScript.Spreadsheet.Sheet | null,
  ctx: ReturnType<typeof context>,
  timeZone: string,
): string {
  const parsed = parseCheckIn(
    { id: SCRATCH_KR, current: CHECK_IN_VALUE, confidence: 'on-track', note: 'self-check' },
    ctx.lang,
  );
  if (!parsed.ok) throw new Error(parsed.error);
  const req = parsed.value;
  // The sidebar's own ports, pointed at the scratch copies (Team is the real one: who may check in).
  const ports = rowWritePorts(
    ctx,
    { okrs: okrTab, team: teamTab, checkIns: logTab, summary: null, agreements: null, results: null },
    timeZone,
  );
  const answer = withDocumentLock(() =>
    quickRowWrite(ports, req.id, ctx, (kr, c) => decideCheckIn(req, kr, c, ctx)),
  );
  if (!answer) throw new Error(`${SCRATCH_KR} not found in ${SCRATCH_OKRS}`);
  // What the sheet now holds, read back: the key result's Current and the log's one entry.
  const found = okrRowFinder(okrTab)?.rowById(SCRATCH_KR) ?? null;
  const kr = found && parseOkrSheet(found.grid, { sheetName: SCRATCH_OKRS, timeZone, lang: ctx.lang });
  const current = kr?.keyResults.find((k) => k.id === SCRATCH_KR)?.current ?? null;
  const logged = logTab.getLastRow() - 1;
  if (current !== CHECK_IN_VALUE || logged !== 1)
    throw new Error(
      `Current ${String(current)} (expected ${CHECK_IN_VALUE}), ${logged} log entries (expected 1)`,
    );
  return t(MESSAGES, ctx.lang, 'checkInDone', { value: CHECK_IN_VALUE });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Menu → Run self-check: the steps, then an alert with pass/fail per step. */
export function runSelfCheck(): SelfCheckResult {
  const result = selfCheck();
  const lang = context().lang;
  SpreadsheetApp.getUi().alert(
    t(MESSAGES, lang, 'title'),
    result.message,
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
  return result;
}

/** Shows (true) or hides the self-check in the menu for this spreadsheet; Lead only. */
export function enableSelfCheck(on: unknown): { ok: boolean; message: string } {
  const ctx = context();
  const { ss, timeZone } = activeSpreadsheet();
  const roster = readTeamTab(findTabsByName(ss, ['team']).team, { timeZone, lang: ctx.lang });
  if (!ctx.email || !canManage(callerFrom(ctx.email, roster)))
    return { ok: false, message: t(MESSAGES, ctx.lang, 'notLead') };
  const show = on !== false;
  setSelfCheckEnabled(show);
  return { ok: true, message: t(MESSAGES, ctx.lang, show ? 'enabled' : 'disabled') };
}
