// The weekly emails rendered: subject, HTML (inline styles only, table layout that Gmail and phones
// keep, progress bars drawn with cells, no images) and the plain-text body.
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
  OwnerReport,
} from './digest';
import { ownerName } from './digest';
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
}

/** How long titles and lists may be in one email (HTML and plain text separately for titles). */
export interface EmailLimits {
  htmlTitle: number;
  textTitle: number;
  /** Key results per list of the owner email. */
  lines: number;
  /** Objective rows of the leadership digest. */
  objectives: number;
}

export interface RenderedEmail {
  subject: string;
  htmlBody: string;
  body: string;
}

/** Google caps a message body at 200 KB; lists are cut well before that and point to the sheet. */
export const OBJECTIVE_ROWS_CAP = 100;
export const KEY_RESULT_LINES_CAP = 60;
/** A title longer than this is cut with "…" in the HTML; the plain text keeps it whole when it fits. */
export const TITLE_CAP = 200;
export const DEFAULT_LIMITS: EmailLimits = {
  htmlTitle: TITLE_CAP,
  textTitle: Number.POSITIVE_INFINITY,
  lines: KEY_RESULT_LINES_CAP,
  objectives: OBJECTIVE_ROWS_CAP,
};
const FONT = "font-family:Arial,Helvetica,'Hiragino Kaku Gothic ProN',Meiryo,'Noto Sans JP',sans-serif;";
const MUTED = 'color:#5f6368;';
const CONFIDENCE_COLOR: Record<Confidence, string> = {
  'on-track': '#188038',
  'at-risk': '#e37400',
  'off-track': '#d93025',
};

export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

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

/** A progress bar as two table cells: survives Gmail's CSS stripping and needs no image. */
function progressBar(p: number | null, widthPx = 140): string {
  const w = p === null || !Number.isFinite(p) ? 0 : Math.max(0, Math.min(100, Math.round(p)));
  const color = w >= 70 ? '#188038' : w >= 40 ? '#f9ab00' : '#d93025';
  const fill =
    w > 0
      ? `<td width="${w}%" style="width:${w}%;background:${color};height:8px;font-size:0;line-height:0;">&nbsp;</td>`
      : '';
  const rest =
    w < 100 ? `<td style="background:#e8eaed;height:8px;font-size:0;line-height:0;">&nbsp;</td>` : '';
  return `<table role="presentation" width="${widthPx}" cellpadding="0" cellspacing="0" border="0" style="width:${widthPx}px;border-collapse:collapse;"><tr>${fill}${rest}</tr></table>`;
}

function link(href: string, text: string): string {
  return href
    ? `<a href="${escapeHtml(href)}" style="color:#1a73e8;">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

function page(ctx: EmailContext, inner: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>`,
    `<body style="margin:0;padding:0;background:#f8f9fa;${FONT}">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f8f9fa;"><tr><td align="center" style="padding:16px 8px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border:1px solid #dadce0;border-radius:8px;${FONT}font-size:14px;line-height:20px;color:#202124;"><tr><td style="padding:20px;">`,
    inner,
    '</td></tr></table>',
    '</td></tr></table>',
    '</body></html>',
  ].join('');
}

function h2(text: string): string {
  return `<h2 style="${FONT}font-size:16px;line-height:22px;margin:20px 0 8px 0;color:#202124;">${escapeHtml(text)}</h2>`;
}

function p(html: string, style = ''): string {
  return `<p style="margin:0 0 12px 0;${style}">${html}</p>`;
}

function footer(ctx: EmailContext, why: string): string {
  const lines = [why];
  if (ctx.enabledBy) lines.push(m(ctx, 'enabledBy', { by: ctx.enabledBy }));
  lines.push(m(ctx, 'howOff'));
  return `<hr style="border:none;border-top:1px solid #dadce0;margin:20px 0 12px 0;">${p(lines.map(escapeHtml).join('<br>'), `${MUTED}font-size:12px;line-height:18px;`)}`;
}

function textFooter(ctx: EmailContext, why: string): string[] {
  const lines = ['', '--', why];
  if (ctx.enabledBy) lines.push(m(ctx, 'enabledBy', { by: ctx.enabledBy }));
  lines.push(m(ctx, 'howOff'));
  return lines;
}

// ---- owner email ----------------------------------------------------------------------------

function countWith(items: NeedItem[], reasons: NeedReason[]): number {
  return items.filter((i) => i.type === 'key-result' && i.needs.some((n) => reasons.includes(n))).length;
}

/** "3 key results need your check-in · 1 key result waits for your acceptance" (counts only). */
export function ownerSubject(report: OwnerReport, ctx: EmailContext): string {
  const parts: string[] = [];
  const add = (n: number, one: EmailMessageKey, many: EmailMessageKey) => {
    if (n > 0 && parts.length < 2) parts.push(n === 1 ? m(ctx, one) : m(ctx, many, { n }));
  };
  add(countWith(report.needs, ['stale', 'missing-values']), 'subjectCheckIn1', 'subjectCheckIn');
  add(countWith(report.needs, ['pending']), 'subjectAccept1', 'subjectAccept');
  add(countWith(report.needs, ['at-risk', 'off-track']), 'subjectAtRisk1', 'subjectAtRisk');
  add(countWith(report.needs, ['due-soon']), 'subjectDueSoon1', 'subjectDueSoon');
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

function krBlockHtml(l: KeyResultLine, ctx: EmailContext): string {
  const conf = l.confidence
    ? `<span style="color:${CONFIDENCE_COLOR[l.confidence]};font-weight:bold;">${escapeHtml(confidenceText(l.confidence, ctx))}</span>`
    : escapeHtml(confidenceText(null, ctx));
  const needs = l.needs.length
    ? `<div style="color:#d93025;font-size:12px;">${escapeHtml(l.needs.map((n) => needText(n, l, ctx)).join(' · '))}</div>`
    : '';
  return [
    '<tr><td style="padding:8px 0;border-top:1px solid #f1f3f4;">',
    `<div><strong>${escapeHtml(l.id)}</strong> ${escapeHtml(htmlTitle(l.title, ctx))}</div>`,
    needs,
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin-top:4px;"><tr>',
    `<td style="padding-right:8px;">${progressBar(l.progress)}</td><td style="font-size:13px;white-space:nowrap;">${escapeHtml(pct(l.progress, ctx))}</td>`,
    '</tr></table>',
    `<div style="font-size:12px;${MUTED}">${escapeHtml(m(ctx, 'confidence'))}: ${conf} · ${escapeHtml(m(ctx, 'lastCheckIn'))}: ${escapeHtml(date(l.lastCheckIn, ctx))} · ${escapeHtml(m(ctx, 'change'))}: ${escapeHtml(changeText(l.change, ctx))}${l.checkInsThisWeek ? ` · ${escapeHtml(m(ctx, 'checkInsThisWeek', { n: l.checkInsThisWeek }))}` : ''}</div>`,
    `<div style="font-size:12px;">${link(rowLink(ctx, l.row), m(ctx, 'openRow', { row: l.row }))}</div>`,
    '</td></tr>',
  ].join('');
}

function objectiveHeadHtml(o: ObjectiveLine | null, owns: boolean, ctx: EmailContext): string {
  if (!o) return `<div style="font-weight:bold;margin-top:12px;">${escapeHtml(m(ctx, 'noObjective'))}</div>`;
  return [
    `<div style="font-weight:bold;margin-top:12px;">${escapeHtml(o.id)} ${link(rowLink(ctx, o.row), htmlTitle(o.title, ctx))}</div>`,
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:4px 0;"><tr>',
    `<td style="padding-right:8px;">${progressBar(o.progress)}</td><td style="font-size:13px;">${escapeHtml(pct(o.progress, ctx))}</td>`,
    '</tr></table>',
    owns
      ? `<div style="font-size:12px;${MUTED}">${escapeHtml(`${m(ctx, 'youOwnObjective')} · ${m(ctx, 'objectiveKeyResults', { n: o.keyResults, risk: o.atRisk })}`)}</div>`
      : '',
  ].join('');
}

export function renderOwnerEmail(report: OwnerReport, ctx: EmailContext): RenderedEmail {
  const subject = ownerSubject(report, ctx);
  const day = localDateText(ctx.now, ctx.timeZone);
  const sheet = oneLine(ctx.spreadsheetName);
  const why = m(ctx, 'whyOwner', { sheet });
  const html: string[] = [];
  const text: string[] = [];
  if (ctx.test) {
    html.push(p(escapeHtml(m(ctx, 'testNote')), 'background:#fef7e0;padding:8px;'));
    text.push(m(ctx, 'testNote'), '');
  }
  const greeting = m(ctx, 'greeting', { name: oneLine(report.name) });
  html.push(p(escapeHtml(greeting)), p(escapeHtml(m(ctx, 'intro', { sheet, date: day }))));
  text.push(greeting, '', m(ctx, 'intro', { sheet, date: day }));
  const sheetHref = sheetLink(ctx);
  if (sheetHref) {
    html.push(p(link(sheetHref, m(ctx, 'openSheet'))));
    text.push(`${m(ctx, 'openSheet')}: ${sheetHref}`);
  }
  if (report.needs.length) {
    html.push(h2(m(ctx, 'needsTitle')), '<ul style="margin:0 0 12px 0;padding-left:20px;">');
    text.push('', m(ctx, 'needsTitle'), '');
    for (const n of report.needs.slice(0, limits(ctx).lines)) {
      const why = n.needs.map((r) => needText(r, n, ctx)).join(' · ');
      html.push(
        `<li style="margin-bottom:6px;"><strong>${escapeHtml(n.id)}</strong> ${link(rowLink(ctx, n.row), htmlTitle(n.title, ctx))}<br><span style="color:#d93025;font-size:12px;">${escapeHtml(why)}</span></li>`,
      );
      text.push(`- ${n.id} ${textTitle(n.title, ctx)}: ${why}`);
      const href = rowLink(ctx, n.row);
      if (href) text.push(`  ${href}`);
    }
    html.push('</ul>');
    moreLine(report.needs.length - limits(ctx).lines, ctx, html, text);
  }
  html.push(h2(m(ctx, 'allTitle')));
  let budget = limits(ctx).lines;
  let hidden = 0;
  text.push('', m(ctx, 'allTitle'));
  for (const g of report.groups) {
    if (budget <= 0) {
      hidden += g.keyResults.length || 1;
      continue;
    }
    html.push(objectiveHeadHtml(g.objective, g.ownsObjective, ctx));
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
    if (g.keyResults.length) {
      html.push('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">');
      const shown = g.keyResults.slice(0, budget);
      hidden += g.keyResults.length - shown.length;
      budget -= shown.length;
      for (const l of shown) {
        html.push(krBlockHtml(l, ctx));
        text.push(
          `  - ${l.id} ${textTitle(l.title, ctx)}`,
          `    ${m(ctx, 'progress')}: ${pct(l.progress, ctx)} · ${m(ctx, 'confidence')}: ${confidenceText(l.confidence, ctx)} · ${m(ctx, 'lastCheckIn')}: ${date(l.lastCheckIn, ctx)} · ${m(ctx, 'change')}: ${changeText(l.change, ctx)}`,
        );
        const href = rowLink(ctx, l.row);
        if (href) text.push(`    ${href}`);
      }
      html.push('</table>');
    }
  }
  moreLine(hidden, ctx, html, text);
  html.push(footer(ctx, why));
  text.push(...textFooter(ctx, why));
  return { subject, htmlBody: page(ctx, html.join('')), body: text.join('\n') };
}

function moreLine(n: number, ctx: EmailContext, html: string[], text: string[]): void {
  if (n <= 0) return;
  html.push(p(escapeHtml(m(ctx, 'more', { n })), MUTED));
  text.push(m(ctx, 'more', { n }));
}

// ---- leadership digest ----------------------------------------------------------------------

export function renderLeadershipDigest(
  report: LeadershipReport,
  model: DigestModel,
  ctx: EmailContext,
): RenderedEmail {
  const h = report.headline;
  const avg = pct(h.averageProgress, ctx);
  const subject = oneLine(
    `${ctx.test ? m(ctx, 'testPrefix') : ''}${m(ctx, 'digestSubject', { onTrack: h.objectivesOnTrack, objectives: h.objectives, avg })}`,
  );
  const sheet = oneLine(ctx.spreadsheetName);
  const day = localDateText(ctx.now, ctx.timeZone);
  const why = m(ctx, 'whyLeadership', { sheet });
  const html: string[] = [];
  const text: string[] = [];
  if (ctx.test) {
    html.push(p(escapeHtml(m(ctx, 'testNote')), 'background:#fef7e0;padding:8px;'));
    text.push(m(ctx, 'testNote'), '');
  }
  html.push(p(escapeHtml(m(ctx, 'digestIntro', { sheet, date: day }))));
  text.push(m(ctx, 'digestIntro', { sheet, date: day }));
  const summaryHref = summaryLink(ctx);
  if (summaryHref) {
    html.push(p(link(summaryHref, m(ctx, 'openSummary'))));
    text.push(`${m(ctx, 'openSummary')}: ${summaryHref}`);
  }
  const numbers: Array<[string, string]> = [
    [m(ctx, 'hObjectivesOnTrack'), `${h.objectivesOnTrack} / ${h.objectives}`],
    [m(ctx, 'hAverage'), avg],
    [m(ctx, 'hAtRisk'), `${h.atRisk + h.offTrack}`],
    [m(ctx, 'hStale'), `${h.stale}`],
    [m(ctx, 'hGaps'), `${h.ownershipGaps}`],
    [m(ctx, 'hPending'), `${h.pending}`],
  ];
  html.push(
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0;">',
  );
  for (const [label, value] of numbers) {
    html.push(
      `<tr><td style="padding:4px 0;border-top:1px solid #f1f3f4;">${escapeHtml(label)}</td><td align="right" style="padding:4px 0;border-top:1px solid #f1f3f4;font-weight:bold;font-size:16px;">${escapeHtml(value)}</td></tr>`,
    );
  }
  html.push('</table>');
  text.push('', ...numbers.map(([l, v]) => `${l}: ${v}`));

  html.push(h2(m(ctx, 'objectivesTitle')));
  text.push('', m(ctx, 'objectivesTitle'));
  if (!report.objectives.length) {
    html.push(p(escapeHtml(m(ctx, 'noObjectives'))));
    text.push(m(ctx, 'noObjectives'));
  } else {
    const th = (k: EmailMessageKey) =>
      `<th align="left" style="padding:4px;font-size:12px;${MUTED}border-bottom:1px solid #dadce0;">${escapeHtml(m(ctx, k))}</th>`;
    html.push(
      '<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-size:13px;">',
      // Three columns so the table fits a phone: objective (and owner), progress, counts.
      `<tr>${th('colObjective')}${th('colProgress')}${th('colKeyResults')}</tr>`,
    );
    for (const o of report.objectives.slice(0, limits(ctx).objectives)) {
      const owner = oneLine(ownerName(model, o.ownerEmail, o.ownerText)) || m(ctx, 'noOwner');
      const td = 'style="padding:6px 4px;border-bottom:1px solid #f1f3f4;vertical-align:top;"';
      const counts = [
        `${m(ctx, 'colKeyResults')}: ${o.keyResults}`,
        `${m(ctx, 'colAtRisk')}: ${o.atRisk}`,
        `${m(ctx, 'colChange')}: ${o.change === null ? '–' : changeText(o.change, ctx)}`,
      ];
      html.push(
        `<tr><td ${td}><strong>${escapeHtml(o.id)}</strong> ${link(rowLink(ctx, o.row), htmlTitle(o.title, ctx))}<div style="font-size:12px;${MUTED}">${escapeHtml(owner)}</div></td>`,
        `<td ${td}>${progressBar(o.progress, 80)}<div style="font-size:12px;">${escapeHtml(pct(o.progress, ctx))}</div></td>`,
        `<td ${td}><div style="font-size:12px;white-space:nowrap;">${counts.map(escapeHtml).join('<br>')}</div></td></tr>`,
      );
      text.push(
        `- ${o.id} ${textTitle(o.title, ctx)} — ${owner} — ${pct(o.progress, ctx)} — ${m(ctx, 'colKeyResults')} ${o.keyResults}, ${m(ctx, 'colAtRisk')} ${o.atRisk}${o.change === null ? '' : `, ${changeText(o.change, ctx)}`}`,
      );
    }
    html.push('</table>');
    moreLine(report.objectives.length - limits(ctx).objectives, ctx, html, text);
  }

  html.push(h2(m(ctx, 'moversTitle')));
  text.push('', m(ctx, 'moversTitle'));
  if (!report.movers.length) {
    html.push(p(escapeHtml(m(ctx, 'noMovers'))));
    text.push(m(ctx, 'noMovers'));
  } else {
    html.push('<ul style="margin:0 0 12px 0;padding-left:20px;">');
    for (const l of report.movers) {
      const line = `${changeText(l.change, ctx)} → ${pct(l.progress, ctx)} (${oneLine(l.ownerName) || m(ctx, 'noOwner')})`;
      html.push(
        `<li style="margin-bottom:6px;"><strong>${escapeHtml(l.id)}</strong> ${link(rowLink(ctx, l.row), htmlTitle(l.title, ctx))}<br><span style="font-size:12px;${MUTED}">${escapeHtml(line)}</span></li>`,
      );
      text.push(`- ${l.id} ${textTitle(l.title, ctx)}: ${line}`);
    }
    html.push('</ul>');
  }
  html.push(footer(ctx, why));
  text.push(...textFooter(ctx, why));
  return { subject, htmlBody: page(ctx, html.join('')), body: text.join('\n') };
}
