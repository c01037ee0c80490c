// The weekly emails rendered: subject, HTML and the plain-text body. The HTML is what a phone shows
// and Gmail keeps whole (under EMAIL_HTML_BUDGET, emailFit.ts): each key result once, what needs the
// reader first, one link per key result, a long list cut with "…and N more in the spreadsheet". The
// plain text lists everything (cut only when Google's body limit forces it).
// Every piece of sheet text goes through escapeHtml: a title can never add markup, links or headers
// (the subject carries counts only, never sheet text).

import { t } from '../core/i18n';
import type { Confidence, Lang } from '../core/model';
import type {
  DigestModel,
  KeyResultLine,
  LeadershipReport,
  NeedItem,
  NeedReason,
  ObjectiveLine,
  OwnerGroup,
  OwnerReport,
  TeamLine,
  TeamReport,
} from './digest';
import { objectivesNeedingFirst, ownerName } from './digest';
import {
  button,
  coloured,
  escapeHtml,
  footer,
  h2,
  linkBlock,
  list,
  listRow,
  muted,
  needLine,
  p,
  page,
  progressBar,
  RED,
} from './emailHtml';
import { EMAIL_MESSAGES, type EmailMessageKey } from './emailMessages';
import { localDateText } from './weeklyRunTime';

export interface EmailContext {
  lang: Lang;
  timeZone: string;
  now: number;
  spreadsheetName: string;
  spreadsheetUrl: string;
  /** The OKRs tab's sheet id (gid), for links to rows; null when unknown. */
  okrsSheetId: number | null;
  summarySheetId: number | null;
  /** Who turned weekly emails on ('' when unknown, e.g. a test). */
  enabledBy: string;
  test?: boolean;
  /** Title and list caps; DEFAULT_LIMITS unless an email must shrink to fit (emailFit.ts). */
  limits?: EmailLimits;
  /** The setting the "Your team" section names (weekly runs stale before a conversation); default 2. */
  conversationRuns?: number;
}

/** How long titles and lists may be, in the HTML and in the plain text. */
export interface EmailLimits {
  htmlTitle: number;
  textTitle: number;
  /** Rows the owner email's HTML shows (key results, objectives); the rest are counted. */
  htmlItems: number;
  /**
   * Lines per list of the owner email's plain text. fitEmail first tries them all; the default is
   * what a rendering that is not fitted shows, bounded so it still fits Google's body limit.
   */
  textLines: number;
  /** Objectives and key results per list of the leadership digest (a summary, HTML and text). */
  digestRows: number;
}

export interface RenderedEmail {
  subject: string;
  htmlBody: string;
  body: string;
}

/** A title longer than this is cut with "…" in the HTML; the plain text keeps it whole when it fits. */
export const TITLE_CAP = 200;
export const DEFAULT_LIMITS: EmailLimits = {
  htmlTitle: TITLE_CAP,
  textTitle: Number.POSITIVE_INFINITY,
  htmlItems: 60,
  textLines: 100,
  digestRows: 10,
};
const CONFIDENCE_COLOR: Record<Confidence, string> = {
  'on-track': '#188038',
  'at-risk': '#e37400',
  'off-track': RED,
};

/** Sheet text as one clean line: control characters (incl. CR/LF) become spaces. */
export function oneLine(text: unknown): string {
  let out = '';
  for (const ch of String(text ?? '')) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029 ? ' ' : ch;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** oneLine, cut to `cap` characters (whole code points) with "…". */
export function capped(text: unknown, cap: number): string {
  const line = oneLine(text);
  if (line.length <= cap) return line;
  const chars = Array.from(line);
  return chars.length <= cap
    ? line
    : `${chars
        .slice(0, Math.max(1, cap - 1))
        .join('')
        .trimEnd()}…`;
}

function limits(ctx: EmailContext): EmailLimits {
  return ctx.limits ?? DEFAULT_LIMITS;
}

function htmlTitle(text: unknown, ctx: EmailContext): string {
  return capped(text, limits(ctx).htmlTitle);
}

function textTitle(text: unknown, ctx: EmailContext): string {
  return capped(text, limits(ctx).textTitle);
}

function m(ctx: EmailContext, key: EmailMessageKey, params?: Record<string, string | number>): string {
  return t(EMAIL_MESSAGES, ctx.lang, key, params);
}

/** Only Google's own https URL is linked; anything else means "no links" rather than a bad href. */
function safeUrl(url: string): string {
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? url : '';
}

export function sheetLink(ctx: EmailContext): string {
  return safeUrl(ctx.spreadsheetUrl);
}

/** A direct link to a row of the OKRs tab: <url>#gid=<sheetId>&range=A<row>. */
export function rowLink(ctx: EmailContext, row: number): string {
  const base = safeUrl(ctx.spreadsheetUrl);
  if (!base || ctx.okrsSheetId === null || !Number.isInteger(row) || row < 1) return base;
  return `${base.replace(/#.*$/, '')}#gid=${ctx.okrsSheetId}&range=A${row}`;
}

export function summaryLink(ctx: EmailContext): string {
  const base = safeUrl(ctx.spreadsheetUrl);
  if (!base || ctx.summarySheetId === null) return base;
  return `${base.replace(/#.*$/, '')}#gid=${ctx.summarySheetId}`;
}

function pct(p: number | null, ctx: EmailContext): string {
  return p === null || !Number.isFinite(p) ? m(ctx, 'unknownProgress') : `${Math.round(p)}%`;
}

function changeText(c: number | null, ctx: EmailContext): string {
  if (c === null) return m(ctx, 'noBaseline');
  const n = Math.round(c * 10) / 10;
  return m(ctx, 'points', { sign: n > 0 ? '+' : n < 0 ? '−' : '±', n: Math.abs(n) });
}

function confidenceText(c: Confidence | null, ctx: EmailContext): string {
  if (c === 'on-track') return m(ctx, 'onTrack');
  if (c === 'at-risk') return m(ctx, 'atRisk');
  if (c === 'off-track') return m(ctx, 'offTrack');
  return m(ctx, 'noConfidence');
}

/**
 * "Expected 60% · behind pace": where the key result should be today (cycle.ts paceOf), said next to
 * the owner's confidence and never instead of it; '' when it has no pace line.
 */
function paceText(pace: KeyResultLine['pace'], ctx: EmailContext): string {
  if (!pace) return '';
  const expected = m(ctx, 'paceExpected', { n: pace.expected });
  return pace.behind ? `${expected} · ${m(ctx, 'behindPace')}` : expected;
}

/** paceText in the HTML: "behind pace" in red, as a warning is. */
function paceHtml(pace: KeyResultLine['pace'], ctx: EmailContext): string {
  if (!pace) return '';
  const expected = escapeHtml(m(ctx, 'paceExpected', { n: pace.expected }));
  return pace.behind ? `${expected} · ${coloured(RED, m(ctx, 'behindPace'))}` : expected;
}

function date(ms: number | null, ctx: EmailContext): string {
  return ms === null ? m(ctx, 'never') : localDateText(ms, ctx.timeZone);
}

function needText(
  n: NeedReason,
  item: Pick<NeedItem, 'due' | 'daysSinceCheckIn'>,
  ctx: EmailContext,
): string {
  switch (n) {
    case 'pending':
      return m(ctx, 'needPending');
    case 'off-track':
      return m(ctx, 'needOffTrack');
    case 'at-risk':
      return m(ctx, 'needAtRisk');
    case 'stale':
      return item.daysSinceCheckIn === null
        ? m(ctx, 'needNever')
        : m(ctx, 'needStale', { days: item.daysSinceCheckIn });
    case 'missing-values':
      return m(ctx, 'needMissing');
    case 'due-soon':
      return m(ctx, 'needDueSoon', { date: date(item.due, ctx) });
  }
}

/** The OKRs tab itself: where "…and N more" sends the reader (the sidebar's "My key results" filters it). */
function okrsLink(ctx: EmailContext): string {
  const base = safeUrl(ctx.spreadsheetUrl);
  if (!base || ctx.okrsSheetId === null) return base;
  return `${base.replace(/#.*$/, '')}#gid=${ctx.okrsSheetId}`;
}

function htmlFooter(ctx: EmailContext, why: string): string {
  const lines = [why];
  if (ctx.enabledBy) lines.push(m(ctx, 'enabledBy', { by: ctx.enabledBy }));
  lines.push(m(ctx, 'howChoose'), m(ctx, 'howOff'));
  return footer(lines);
}

function textFooter(ctx: EmailContext, why: string): string[] {
  const lines = ['', '--', why];
  if (ctx.enabledBy) lines.push(m(ctx, 'enabledBy', { by: ctx.enabledBy }));
  lines.push(m(ctx, 'howChoose'), m(ctx, 'howOff'));
  return lines;
}

// ---- owner email ----------------------------------------------------------------------------

function countWith(items: NeedItem[], reasons: NeedReason[]): number {
  return items.filter((i) => i.type === 'key-result' && i.needs.some((n) => reasons.includes(n))).length;
}

/** "3 key results need your check-in · 1 key result waits for your acceptance" (counts only). */
export function ownerSubject(report: OwnerReport, ctx: EmailContext, team?: TeamReport): string {
  const parts: string[] = [];
  const add = (n: number, one: EmailMessageKey, many: EmailMessageKey) => {
    if (n > 0 && parts.length < 2) parts.push(n === 1 ? m(ctx, one) : m(ctx, many, { n }));
  };
  add(countWith(report.needs, ['stale', 'missing-values']), 'subjectCheckIn1', 'subjectCheckIn');
  add(countWith(report.needs, ['pending']), 'subjectAccept1', 'subjectAccept');
  add(countWith(report.needs, ['at-risk', 'off-track']), 'subjectAtRisk1', 'subjectAtRisk');
  add(countWith(report.needs, ['due-soon']), 'subjectDueSoon1', 'subjectDueSoon');
  add(team?.conversations ?? 0, 'subjectTeam1', 'subjectTeam');
  if (!parts.length && team?.people && !report.groups.length) parts.push(m(ctx, 'subjectTeamWeek'));
  if (!parts.length) {
    const { keyResults, objectives } = report.counts;
    if (keyResults === 1) parts.push(m(ctx, 'subjectAllGood1'));
    else if (keyResults > 1) parts.push(m(ctx, 'subjectAllGood', { n: keyResults }));
    else
      parts.push(
        objectives === 1 ? m(ctx, 'subjectObjectives1') : m(ctx, 'subjectObjectives', { n: objectives }),
      );
  }
  return oneLine(`${ctx.test ? m(ctx, 'testPrefix') : ''}${m(ctx, 'subjectPrefix')}${parts.join(' · ')}`);
}

/** "<strong>O1.2</strong> Title" linked to its row: the one link of a key result or objective. */
function titleLink(
  item: { id: string; title: string; row: number },
  ctx: EmailContext,
  bold = false,
): string {
  return linkBlock(
    rowLink(ctx, item.row),
    `<strong>${escapeHtml(item.id)}</strong> ${escapeHtml(htmlTitle(item.title, ctx))}`,
    bold,
  );
}

function krCard(l: KeyResultLine, ctx: EmailContext): string {
  const conf = l.confidence
    ? coloured(CONFIDENCE_COLOR[l.confidence], confidenceText(l.confidence, ctx))
    : escapeHtml(confidenceText(null, ctx));
  const facts = [
    `${m(ctx, 'lastCheckIn')}: ${date(l.lastCheckIn, ctx)}`,
    `${m(ctx, 'change')}: ${changeText(l.change, ctx)}`,
  ];
  if (l.checkInsThisWeek) facts.push(m(ctx, 'checkInsThisWeek', { n: l.checkInsThisWeek }));
  return listRow(
    titleLink(l, ctx) +
      (l.needs.length ? needLine(l.needs.map((n) => needText(n, l, ctx)).join(' · ')) : '') +
      progressBar(l.progress) +
      muted(
        `<strong>${escapeHtml(pct(l.progress, ctx))}</strong> · ${escapeHtml(m(ctx, 'confidence'))}: ${conf}${l.pace ? ` · ${paceHtml(l.pace, ctx)}` : ''} · ${escapeHtml(facts.join(' · '))}`,
      ),
  );
}

/** An objective's row: its link, progress and, when the reader owns it, its key results at risk. */
function objectiveCard(g: OwnerGroup, need: NeedItem | null, ctx: EmailContext): string {
  const o = g.objective;
  if (!o)
    return listRow(`<div style="padding:10px 0;font-weight:bold">${escapeHtml(m(ctx, 'noObjective'))}</div>`);
  const facts = g.ownsObjective
    ? [m(ctx, 'youOwnObjective'), m(ctx, 'objectiveKeyResults', { n: o.keyResults, risk: o.atRisk })]
    : [];
  return listRow(
    titleLink(o, ctx, true) +
      (need ? needLine(need.needs.map((n) => needText(n, need, ctx)).join(' · ')) : '') +
      progressBar(o.progress) +
      muted([`<strong>${escapeHtml(pct(o.progress, ctx))}</strong>`, ...facts.map(escapeHtml)].join(' · ')),
  );
}

/** "…and N more in the spreadsheet.", linked to where the rest are; nothing when none are left. */
function moreHtml(n: number, href: string, ctx: EmailContext): string {
  return n > 0 ? linkBlock(href, escapeHtml(m(ctx, 'more', { n }))) : '';
}

/**
 * The owner email's HTML: what needs the reader first (each key result as a full row), then
 * everything else they own by objective, each key result once, at most `htmlItems` rows; whatever
 * is left is counted in one "…and N more in the spreadsheet".
 */
function ownerHtmlLists(report: OwnerReport, ctx: EmailContext): string {
  const out: string[] = [];
  let budget = limits(ctx).htmlItems;
  const items = new Set<string>();
  const shown = new Set<string>();
  const lines = new Map<string, KeyResultLine>();
  const groups = new Map<string, OwnerGroup>();
  for (const g of report.groups) {
    if (g.objective) groups.set(g.objective.id, g);
    for (const l of g.keyResults) {
      lines.set(l.id, l);
      items.add(`kr:${l.id}`);
    }
    if (g.objective && g.ownsObjective && !g.keyResults.length) items.add(`o:${g.objective.id}`);
  }
  const needRows: string[] = [];
  for (const n of report.needs) {
    const key = `${n.type === 'key-result' ? 'kr' : 'o'}:${n.id}`;
    items.add(key);
    const line = lines.get(n.id);
    const group = groups.get(n.id);
    if (budget <= 0 || (n.type === 'key-result' ? !line : !group)) continue;
    needRows.push(
      n.type === 'key-result' && line ? krCard(line, ctx) : objectiveCard(group as OwnerGroup, n, ctx),
    );
    shown.add(key);
    budget -= 1;
  }
  if (needRows.length) out.push(h2(m(ctx, 'needsTitle')), list(needRows));
  const restRows: string[] = [];
  for (const g of report.groups) {
    const rest = g.keyResults.filter((l) => !shown.has(`kr:${l.id}`));
    const objectiveKey = g.objective ? `o:${g.objective.id}` : '';
    const ownedUnseen = g.ownsObjective && !shown.has(objectiveKey);
    // A heading is worth a row only with a key result under it, or as the objective the reader owns.
    if ((!rest.length && !ownedUnseen) || budget < (rest.length ? 2 : 1)) continue;
    restRows.push(objectiveCard(g, null, ctx));
    if (objectiveKey) shown.add(objectiveKey);
    budget -= 1;
    for (const l of rest) {
      if (budget <= 0) break;
      restRows.push(krCard(l, ctx));
      shown.add(`kr:${l.id}`);
      budget -= 1;
    }
  }
  if (restRows.length) {
    out.push(h2(m(ctx, needRows.length ? 'allElseTitle' : 'allTitle')), list(restRows));
  }
  const left = [...items].filter((k) => !shown.has(k)).length;
  out.push(moreHtml(left, okrsLink(ctx), ctx));
  return out.join('');
}

export function renderOwnerEmail(report: OwnerReport, ctx: EmailContext, team?: TeamReport): RenderedEmail {
  const subject = ownerSubject(report, ctx, team);
  const day = localDateText(ctx.now, ctx.timeZone);
  const sheet = oneLine(ctx.spreadsheetName);
  const ownsSomething = report.groups.length > 0 || report.needs.length > 0;
  const why = m(ctx, ownsSomething || !team?.people ? 'whyOwner' : 'whyManager', { sheet });
  const cap = limits(ctx).textLines;
  const html: string[] = [];
  const text: string[] = [];
  if (ctx.test) {
    html.push(p(escapeHtml(m(ctx, 'testNote')), 'background:#fef7e0;padding:8px'));
    text.push(m(ctx, 'testNote'), '');
  }
  const greeting = m(ctx, 'greeting', { name: oneLine(report.name) });
  html.push(p(escapeHtml(greeting)), p(escapeHtml(m(ctx, 'intro', { sheet, date: day }))));
  text.push(greeting, '', m(ctx, 'intro', { sheet, date: day }));
  const sheetHref = sheetLink(ctx);
  if (sheetHref) {
    html.push(button(sheetHref, m(ctx, 'openSheet')));
    text.push(`${m(ctx, 'openSheet')}: ${sheetHref}`);
  }
  if (ownsSomething) html.push(ownerHtmlLists(report, ctx));
  if (team?.people) teamSection(team, ctx, html, text);
  if (report.needs.length) {
    text.push('', m(ctx, 'needsTitle'), '');
    for (const n of report.needs.slice(0, cap)) {
      const why = n.needs.map((r) => needText(r, n, ctx)).join(' · ');
      text.push(`- ${n.id} ${textTitle(n.title, ctx)}: ${why}`);
      const href = rowLink(ctx, n.row);
      if (href) text.push(`  ${href}`);
    }
    moreText(report.needs.length - cap, ctx, text);
  }
  let budget = cap;
  let hidden = 0;
  if (report.groups.length) text.push('', m(ctx, 'allTitle'));
  for (const g of report.groups) {
    if (budget <= 0) {
      hidden += g.keyResults.length || 1;
      continue;
    }
    text.push('');
    if (g.objective) {
      text.push(
        `${g.objective.id} ${textTitle(g.objective.title, ctx)} (${m(ctx, 'progress')} ${pct(g.objective.progress, ctx)})`,
      );
      if (g.ownsObjective) {
        text.push(
          `  ${m(ctx, 'youOwnObjective')} · ${m(ctx, 'objectiveKeyResults', { n: g.objective.keyResults, risk: g.objective.atRisk })}`,
        );
      }
    } else {
      text.push(m(ctx, 'noObjective'));
    }
    const shown = g.keyResults.slice(0, budget);
    hidden += g.keyResults.length - shown.length;
    budget -= shown.length;
    for (const l of shown) {
      text.push(
        `  - ${l.id} ${textTitle(l.title, ctx)}`,
        `    ${m(ctx, 'progress')}: ${pct(l.progress, ctx)} · ${m(ctx, 'confidence')}: ${confidenceText(l.confidence, ctx)}${l.pace ? ` · ${paceText(l.pace, ctx)}` : ''} · ${m(ctx, 'lastCheckIn')}: ${date(l.lastCheckIn, ctx)} · ${m(ctx, 'change')}: ${changeText(l.change, ctx)}`,
      );
      const href = rowLink(ctx, l.row);
      if (href) text.push(`    ${href}`);
    }
  }
  moreText(hidden, ctx, text);
  html.push(htmlFooter(ctx, why));
  text.push(...textFooter(ctx, why));
  return { subject, htmlBody: page(ctx.lang, html.join('')), body: text.join('\n') };
}

/** One of a report's key results: its link, whose it is, what it needs, and its figures. */
function teamCard(l: TeamLine, ctx: EmailContext): string {
  const needs = l.needs.filter((n) => n !== 'due-soon' && n !== 'missing-values');
  return listRow(
    titleLink(l, ctx) +
      muted(escapeHtml(m(ctx, 'teamOwner', { name: oneLine(l.ownerName) }))) +
      (l.conversation
        ? `<div style="font-size:12px">${coloured('#1967d2', conversationText(l, ctx))}</div>`
        : '') +
      (needs.length ? needLine(needs.map((n) => needText(n, l, ctx)).join(' · ')) : '') +
      progressBar(l.progress) +
      muted(
        escapeHtml(
          `${pct(l.progress, ctx)} · ${m(ctx, 'confidence')}: ${confidenceText(l.confidence, ctx)} · ${m(ctx, 'lastCheckIn')}: ${date(l.lastCheckIn, ctx)}`,
        ),
      ),
  );
}

function conversationText(l: TeamLine, ctx: EmailContext): string {
  const runs = Math.max(1, Math.floor(ctx.conversationRuns ?? 2));
  return m(ctx, 'teamConversation', { weeks: runs, name: oneLine(l.ownerName) });
}

/**
 * "Your team": the manager's reports' key results that need something, those stale for the set
 * number of weekly runs first, each named as a conversation to have, in words of support. At most
 * `htmlItems` rows in the HTML and `textLines` in the text; the rest are counted.
 */
function teamSection(team: TeamReport, ctx: EmailContext, html: string[], text: string[]): void {
  html.push(h2(m(ctx, 'teamTitle')));
  text.push('', m(ctx, 'teamTitle'));
  if (!team.lines.length) {
    html.push(p(escapeHtml(m(ctx, 'teamQuiet'))));
    text.push(m(ctx, 'teamQuiet'));
    return;
  }
  const intro = m(ctx, 'teamIntro', { n: team.people });
  html.push(p(escapeHtml(intro)));
  text.push(intro, '');
  const shown = team.lines.slice(0, limits(ctx).htmlItems);
  html.push(
    list(shown.map((l) => teamCard(l, ctx))),
    moreHtml(team.lines.length - shown.length, okrsLink(ctx), ctx),
  );
  const lines = team.lines.slice(0, limits(ctx).textLines);
  for (const l of lines) {
    const needs = l.needs.filter((n) => n !== 'due-soon' && n !== 'missing-values');
    text.push(
      `- ${l.id} ${textTitle(l.title, ctx)} (${m(ctx, 'teamOwner', { name: oneLine(l.ownerName) })})`,
    );
    if (l.conversation) text.push(`  ${conversationText(l, ctx)}`);
    if (needs.length) text.push(`  ${needs.map((n) => needText(n, l, ctx)).join(' · ')}`);
    text.push(
      `  ${m(ctx, 'progress')}: ${pct(l.progress, ctx)} · ${m(ctx, 'confidence')}: ${confidenceText(l.confidence, ctx)} · ${m(ctx, 'lastCheckIn')}: ${date(l.lastCheckIn, ctx)}`,
    );
    const href = rowLink(ctx, l.row);
    if (href) text.push(`  ${href}`);
  }
  moreText(team.lines.length - lines.length, ctx, text);
}

function moreText(n: number, ctx: EmailContext, text: string[]): void {
  if (n > 0) text.push(m(ctx, 'more', { n }));
}

// ---- leadership digest ----------------------------------------------------------------------

const CELL = 'style="padding:0 4px 6px 0;border-top:1px solid #eceff1"';

/** The digest's objectives: a three-column table that fits a phone (objective and owner, progress, counts). */
function objectivesHtml(rows: ObjectiveLine[], model: DigestModel, ctx: EmailContext): string {
  const th = (k: EmailMessageKey) =>
    `<th align="left" style="padding:4px 4px 4px 0;color:#5f6368;font-size:12px">${escapeHtml(m(ctx, k))}</th>`;
  const out = [
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-size:13px">',
    `<tr>${th('colObjective')}${th('colProgress')}${th('colKeyResults')}</tr>`,
  ];
  for (const o of rows) {
    const owner = oneLine(ownerName(model, o.ownerEmail, o.ownerText)) || m(ctx, 'noOwner');
    const counts = [
      `${m(ctx, 'colKeyResults')}: ${o.keyResults}`,
      `${m(ctx, 'colAtRisk')}: ${o.atRisk}`,
      `${m(ctx, 'colChange')}: ${o.change === null ? '–' : changeText(o.change, ctx)}`,
    ];
    out.push(
      `<tr valign="top"><td ${CELL}>${titleLink(o, ctx)}${muted(escapeHtml(owner))}</td>`,
      `<td width="84" ${CELL}><div style="padding-top:10px">${progressBar(o.progress, 80)}</div>${escapeHtml(pct(o.progress, ctx))}</td>`,
      `<td ${CELL}><div style="padding-top:10px;font-size:12px">${counts.map(escapeHtml).join('<br>')}</div></td></tr>`,
    );
  }
  out.push('</table>');
  return out.join('');
}

/** A key result in one of the digest's lists: its link, then one grey line. */
function digestLine(l: KeyResultLine & { ownerName: string }, line: string, ctx: EmailContext): string {
  return listRow(titleLink(l, ctx) + muted(line));
}

export function renderLeadershipDigest(
  report: LeadershipReport,
  model: DigestModel,
  ctx: EmailContext,
): RenderedEmail {
  const h = report.headline;
  const top = limits(ctx).digestRows;
  const avg = pct(h.averageProgress, ctx);
  const subject = oneLine(
    `${ctx.test ? m(ctx, 'testPrefix') : ''}${m(ctx, 'digestSubject', { onTrack: h.objectivesOnTrack, objectives: h.objectives, avg })}`,
  );
  const sheet = oneLine(ctx.spreadsheetName);
  const day = localDateText(ctx.now, ctx.timeZone);
  const why = m(ctx, 'whyLeadership', { sheet });
  const summaryHref = summaryLink(ctx);
  const html: string[] = [];
  const text: string[] = [];
  /** A list cut to `top` rows says how many it shows, and ends with how many are left. */
  const cut = <T>(all: T[]): { shown: T[]; left: number } => ({
    shown: all.slice(0, top),
    left: Math.max(0, all.length - top),
  });
  const shownOf = (shown: number, n: number) => {
    if (shown >= n) return;
    html.push(muted(escapeHtml(m(ctx, 'shownOf', { shown, n }))));
    text.push(m(ctx, 'shownOf', { shown, n }));
  };
  const more = (left: number) => {
    html.push(moreHtml(left, summaryHref, ctx));
    moreText(left, ctx, text);
  };
  if (ctx.test) {
    html.push(p(escapeHtml(m(ctx, 'testNote')), 'background:#fef7e0;padding:8px'));
    text.push(m(ctx, 'testNote'), '');
  }
  html.push(p(escapeHtml(m(ctx, 'digestIntro', { sheet, date: day }))));
  text.push(m(ctx, 'digestIntro', { sheet, date: day }));
  if (summaryHref) {
    html.push(button(summaryHref, m(ctx, 'openSummary')));
    text.push(`${m(ctx, 'openSummary')}: ${summaryHref}`);
  }
  const numbers: Array<[string, string]> = [
    [m(ctx, 'hObjectivesOnTrack'), `${h.objectivesOnTrack} / ${h.objectives}`],
    [m(ctx, 'hAverage'), avg],
    [m(ctx, 'hAtRisk'), `${h.atRisk + h.offTrack}`],
    [m(ctx, 'hStale'), `${h.stale}`],
    [m(ctx, 'hBehindPace'), `${h.behindPace}`],
    [m(ctx, 'hGaps'), `${h.ownershipGaps}`],
    [m(ctx, 'hPending'), `${h.pending}`],
  ];
  html.push(
    list(
      numbers.map(([label, value]) =>
        listRow(
          `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding-top:6px">${escapeHtml(label)}</td><td align="right" style="padding-top:6px;font-weight:bold;font-size:16px">${escapeHtml(value)}</td></tr></table>`,
        ),
      ),
    ),
  );
  text.push('', ...numbers.map(([l, v]) => `${l}: ${v}`));

  html.push(h2(m(ctx, 'objectivesTitle')));
  text.push('', m(ctx, 'objectivesTitle'));
  if (!report.objectives.length) {
    html.push(p(escapeHtml(m(ctx, 'noObjectives'))));
    text.push(m(ctx, 'noObjectives'));
  } else {
    const { shown, left } = cut([...report.objectives].sort(objectivesNeedingFirst));
    shownOf(shown.length, report.objectives.length);
    html.push(objectivesHtml(shown, model, ctx));
    for (const o of shown) {
      const owner = oneLine(ownerName(model, o.ownerEmail, o.ownerText)) || m(ctx, 'noOwner');
      text.push(
        `- ${o.id} ${textTitle(o.title, ctx)} — ${owner} — ${pct(o.progress, ctx)} — ${m(ctx, 'colKeyResults')} ${o.keyResults}, ${m(ctx, 'colAtRisk')} ${o.atRisk}${o.change === null ? '' : `, ${changeText(o.change, ctx)}`}`,
      );
    }
    more(left);
  }

  html.push(h2(m(ctx, 'moversTitle')));
  text.push('', m(ctx, 'moversTitle'));
  if (!report.movers.length) {
    html.push(p(escapeHtml(m(ctx, 'noMovers'))));
    text.push(m(ctx, 'noMovers'));
  } else {
    const rows: string[] = [];
    for (const l of report.movers) {
      const line = `${changeText(l.change, ctx)} → ${pct(l.progress, ctx)} (${oneLine(l.ownerName) || m(ctx, 'noOwner')})`;
      rows.push(digestLine(l, escapeHtml(line), ctx));
      text.push(`- ${l.id} ${textTitle(l.title, ctx)}: ${line}`);
    }
    html.push(list(rows));
  }

  html.push(h2(m(ctx, 'attentionTitle')));
  text.push('', m(ctx, 'attentionTitle'));
  if (!report.attention.length) {
    html.push(p(escapeHtml(m(ctx, 'noAttention'))));
    text.push(m(ctx, 'noAttention'));
  } else {
    const { shown, left } = cut(report.attention);
    shownOf(shown.length, report.attention.length);
    const rows: string[] = [];
    for (const l of shown) {
      const owner = oneLine(l.ownerName) || m(ctx, 'noOwner');
      const conf = confidenceText(l.confidence, ctx);
      const color = l.confidence ? CONFIDENCE_COLOR[l.confidence] : RED;
      const pace = l.pace ? ` · ${paceText(l.pace, ctx)}` : '';
      rows.push(
        digestLine(
          l,
          `${coloured(color, conf)} · ${escapeHtml(`${pct(l.progress, ctx)}${pace} · ${owner}`)}`,
          ctx,
        ),
      );
      text.push(`- ${l.id} ${textTitle(l.title, ctx)}: ${conf} · ${pct(l.progress, ctx)}${pace} · ${owner}`);
    }
    html.push(list(rows));
    more(left);
  }
  html.push(htmlFooter(ctx, why));
  text.push(...textFooter(ctx, why));
  return { subject, htmlBody: page(ctx.lang, html.join('')), body: text.join('\n') };
}
