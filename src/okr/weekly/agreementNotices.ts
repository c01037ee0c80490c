// A proposal or a decline reaches its approver by email within the hour, on the weekly run's hourly
// tick: the new steps of the Agreements log since the last tick, batched into at most one email per
// approver, Team addresses only. Exactly once, as the weekly run's ledger does it: the batch and
// who in it was emailed are stored (document properties) BEFORE each email goes out, so a doubled or
// resumed tick sends no second copy; a tick without quota leaves the rest for the next one.
import { displayNames } from '../core/displayName';
import { isEmail } from '../core/emailAddress';
import { type Localized, t } from '../core/i18n';
import type { KeyResult, Lang, Person } from '../core/model';
import { AGREEMENT_STEP_WORDS, type AgreementEntry, figuresText } from '../ownership/agreementLog';
import { agreementState, entriesById, entriesOf } from '../ownership/agreementState';
import { approverOf } from '../ownership/approver';
import { leadsOf } from '../ownership/roles';
import { languageOf } from './digest';
import type { RenderedEmail } from './email';
import { button, escapeHtml, footer, h2, list, listRow, muted, p, page } from './emailHtml';
import { recipientHash } from './weeklyRun';

export const NOTICE_KEY = 'okrOwners.agreementNotices';
/**
 * Set (to the step's time) when a proposal or a decline is logged: the hourly tick sees it in the
 * properties the weekly run read anyway, so a tick with nothing new costs no call more.
 */
export const NOTICE_DUE_KEY = 'okrOwners.agreementNotices.due';

/** Whether the properties as read say a step waits to be emailed. */
export function noticesDue(all: Record<string, string>, now: number): boolean {
  const due = Number(all[NOTICE_DUE_KEY]);
  return Number.isFinite(due) && due > parseNoticeState(all[NOTICE_KEY], now).upTo;
}
/** A first tick looks back this far (a new log's older steps were seen in the sidebar already). */
export const FIRST_LOOK_BACK_MS = 3_600_000;

export interface NoticeState {
  /** Steps up to this time were handled. */
  upTo: number;
  /** The batch being sent: up to which time, and who in it was emailed (hashes). */
  batch: { to: number; done: string[] } | null;
}

export function parseNoticeState(raw: string | null | undefined, now: number): NoticeState {
  try {
    const v = JSON.parse(String(raw)) as Partial<NoticeState>;
    if (typeof v.upTo === 'number') {
      const b = v.batch;
      const batch =
        b && typeof b.to === 'number' && Array.isArray(b.done)
          ? { to: b.to, done: b.done.map(String) }
          : null;
      return { upTo: v.upTo, batch };
    }
  } catch {
    // A missing or damaged value starts afresh.
  }
  return { upTo: now - FIRST_LOOK_BACK_MS, batch: null };
}

export interface NoticeItem {
  id: string;
  title: string;
  step: 'proposed' | 'declined';
  by: string;
  from: string;
  to: string;
  reason: string;
}

export interface Notice {
  to: string;
  lang: Lang;
  items: NoticeItem[];
}

/** Who hears of a step: the owner's approver; for "any Lead", every Lead but the one who took it. */
function recipientsOf(e: AgreementEntry, kr: KeyResult | undefined, people: readonly Person[]): string[] {
  const approver = approverOf(e.owner, kr?.team ?? '', people);
  const emails = approver.kind === 'manager' ? [approver.email] : leadsOf(people).map((p) => p.email);
  const inTeam = (email: string) => people.some((p) => p.email === email) && isEmail(email);
  return [...new Set(emails)].filter((x) => x !== e.by && inTeam(x));
}

/**
 * The emails for the steps taken after `from` up to `to`: proposals still waiting and declines, one
 * email per approver with every item for them, in their language.
 */
export function planNotices(input: {
  entries: readonly AgreementEntry[];
  from: number;
  to: number;
  keyResults: readonly KeyResult[];
  people: readonly Person[];
  defaultLang: Lang;
}): Notice[] {
  const byId = entriesById(input.entries);
  const krs = new Map(input.keyResults.map((k) => [k.id.trim(), k]));
  const notices = new Map<string, Notice>();
  // The approver reads who proposed or declined as the sidebar names them.
  const nameOf = displayNames(input.people);
  for (const e of input.entries) {
    if (e.time <= input.from || e.time > input.to) continue;
    if (e.step !== 'proposed' && e.step !== 'declined') continue;
    const kr = krs.get(e.id.trim());
    // A proposal already answered needs nobody any more.
    if (
      e.step === 'proposed' &&
      agreementState(entriesOf(byId, e.id), kr?.owner ?? null).status !== 'proposed'
    )
      continue;
    for (const email of recipientsOf(e, kr, input.people)) {
      const person = input.people.find((x) => x.email === email);
      const lang = languageOf(person, input.defaultLang);
      const notice = notices.get(email) ?? { to: email, lang, items: [] };
      notice.items.push({
        id: e.id,
        title: kr?.title ?? '',
        step: e.step,
        by: nameOf(e.by),
        from: figuresText(e.from, lang),
        to: figuresText(e.to, lang),
        reason: e.reason,
      });
      notices.set(email, notice);
    }
  }
  return [...notices.values()];
}

/** The ledger's mark for one approver's email of one batch. */
export function noticeHash(batchTo: number, email: string): string {
  return recipientHash('owner', `agreement:${batchTo}:${email}`);
}

const TEXT: Record<'subject' | 'intro' | 'proposed' | 'declined' | 'open' | 'why', Localized> = {
  subject: {
    en: 'OKR Owners: {count} key {count|result waits|results wait} for you',
    ja: 'OKR Owners：あなたの対応を待つ主要な結果が{count}件あります',
  },
  intro: {
    en: 'These need your answer in "{sheet}" (open the sidebar: Extensions → OKR Owners).',
    ja: '「{sheet}」で回答が必要です（拡張機能 → OKR Owners でサイドバーを開いてください）。',
  },
  proposed: {
    en: '{by} proposes {to} (now {from}).',
    ja: '{by}さんが{to}を提案しています（現在：{from}）。',
  },
  declined: {
    en: '{by} declined it; it needs a new owner or a conversation.',
    ja: '{by}さんが辞退しました。新しい担当者か話し合いが必要です。',
  },
  open: { en: 'Open the spreadsheet', ja: 'スプレッドシートを開く' },
  why: {
    en: 'You get this because you approve these key results (Team tab: Manager, or Lead).',
    ja: 'この主要な結果の承認者（Teamタブのマネージャーまたはリード）であるため送信しています。',
  },
};

export function renderNotice(
  notice: Notice,
  ctx: { spreadsheetName: string; spreadsheetUrl: string },
): RenderedEmail {
  const { lang } = notice;
  const subject = t(TEXT, lang, 'subject', { count: notice.items.length });
  const intro = t(TEXT, lang, 'intro', { sheet: ctx.spreadsheetName });
  const lines = notice.items.map((i) => {
    const what = t(TEXT, lang, i.step, { by: i.by, to: i.to || '—', from: i.from || '—' });
    const reason = i.reason ? ` ${lang === 'ja' ? '理由' : 'Reason'}: ${i.reason}` : '';
    return {
      head: `${i.id} ${i.title}`.trim(),
      text: `${AGREEMENT_STEP_WORDS[i.step][lang]} · ${what}${reason}`,
    };
  });
  const body = [
    intro,
    '',
    ...lines.map((l) => `• ${l.head}: ${l.text}`),
    '',
    ctx.spreadsheetUrl,
    '',
    t(TEXT, lang, 'why'),
  ].join('\n');
  const htmlBody = page(
    lang,
    [
      h2(escapeHtml(subject)),
      p(escapeHtml(intro)),
      list(lines.map((l) => listRow(`<b>${escapeHtml(l.head)}</b><br>${escapeHtml(l.text)}`))),
      button(ctx.spreadsheetUrl, t(TEXT, lang, 'open')),
      footer([muted(escapeHtml(t(TEXT, lang, 'why')))]),
    ].join(''),
  );
  return { subject, body, htmlBody };
}

export interface NoticePorts {
  now(): number;
  readState(): string | null;
  writeState(value: string): void;
  remainingQuota(): number;
  send(to: string, email: RenderedEmail): void;
}

export interface NoticeOutcome {
  sent: number;
  /** Emails left for a later tick (no quota left). */
  waiting: number;
}

/**
 * One tick's notices, run under the document lock by the caller. `load` reads the log and the sheet
 * (only when there may be something new).
 */
export function sendAgreementNotices(
  ports: NoticePorts,
  load: () => {
    entries: AgreementEntry[];
    keyResults: KeyResult[];
    people: Person[];
    defaultLang: Lang;
    spreadsheetName: string;
    spreadsheetUrl: string;
  },
): NoticeOutcome {
  const now = ports.now();
  const state = parseNoticeState(ports.readState(), now);
  const book = load();
  const to =
    state.batch?.to ?? Math.max(state.upTo, ...book.entries.map((e) => (e.time <= now ? e.time : 0)));
  if (to <= state.upTo) return { sent: 0, waiting: 0 };
  const done = new Set(state.batch?.done ?? []);
  const notices = planNotices({ ...book, from: state.upTo, to }).filter(
    (n) => !done.has(noticeHash(to, n.to)),
  );
  let sent = 0;
  for (const notice of notices) {
    if (ports.remainingQuota() <= 0) {
      ports.writeState(JSON.stringify({ upTo: state.upTo, batch: { to, done: [...done] } }));
      return { sent, waiting: notices.length - sent };
    }
    // Recorded before the send: a send that dies half way is never repeated.
    done.add(noticeHash(to, notice.to));
    ports.writeState(JSON.stringify({ upTo: state.upTo, batch: { to, done: [...done] } }));
    ports.send(notice.to, renderNotice(notice, book));
    sent++;
  }
  ports.writeState(JSON.stringify({ upTo: to, batch: null }));
  return { sent, waiting: 0 };
}
