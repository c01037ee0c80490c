// The one email leadership gets when a cycle is closed: each objective's final score, the average,
// how many key results were scored and how many retrospectives are in, with a link to the Summary's
// Results section. Sent by the weekly run through its ledger (weeklyRunExecute.ts), so exactly once;
// built from the same markup as the weekly emails (emailHtml.ts: inline styles Gmail keeps) and
// fitted under the same budget (emailFit.ts).
import { t } from '../core/i18n';
import type { KeyResult, Objective } from '../core/model';
import { meanProgress, score as scoreOf } from '../core/progress';
import { cycleResults, type KeyResultResult, retrospectiveMissing } from '../cycle/results';
import { capped, type EmailContext, oneLine, type RenderedEmail, summaryLink } from './email';
import { button, escapeHtml, footer, list, listRow, muted, p, page, progressBar } from './emailHtml';

export interface ClosingReport {
  cycle: string;
  objectives: Array<{ id: string; title: string; score: number | null; keyResults: number }>;
  keyResults: number;
  /** The mean of the objectives' scores, as a score. */
  averageScore: number | null;
  retrospectives: number;
}

export function closingReport(
  okrs: { objectives: readonly Objective[]; keyResults: readonly KeyResult[] },
  cycle: string,
  results: ReadonlyMap<string, KeyResultResult>,
): ClosingReport {
  const groups = cycleResults(okrs, cycle, results);
  const objectives = groups.map((g) => ({
    id: g.objective?.id ?? '',
    title: g.objective?.title ?? '',
    score: g.score,
    keyResults: g.keyResults.length,
  }));
  const all = groups.flatMap((g) => g.keyResults);
  return {
    cycle,
    objectives,
    keyResults: all.length,
    averageScore: scoreOf(meanProgress(objectives.map((o) => (o.score === null ? null : o.score * 100)))),
    retrospectives: all.filter((k) => k.result && !retrospectiveMissing(k.result)).length,
  };
}

const CLOSING_MESSAGES = {
  subject: {
    en: 'OKR results: {cycle} closed, average score {score}',
    ja: 'OKRの結果: {cycle}終了、平均スコア{score}',
  },
  intro: {
    en: '{cycle} is closed in “{sheet}”. Each key result has its final score; owners write a short retrospective.',
    ja: '「{sheet}」で{cycle}が終了しました。各主要な結果に最終スコアが付き、オーナーが短い振り返りを書きます。',
  },
  figures: {
    en: '{keyResults} {keyResults|key result|key results} scored · {retros} {retros|retrospective|retrospectives} written so far',
    ja: '採点した主要な結果{keyResults}件・これまでの振り返り{retros}件',
  },
  objectives: { en: 'Objectives', ja: '目標' },
  score: { en: 'Score {score}', ja: 'スコア{score}' },
  more: { en: '…and {count} more in the Summary.', ja: 'ほか{count}件はサマリーにあります。' },
  openResults: { en: 'Open the results', ja: '結果を開く' },
  why: {
    en: 'You get this email because you have the Leadership role in the Team tab of “{sheet}”.',
    ja: '「{sheet}」のTeamタブでLeadershipの役割が設定されているため、このメールが届いています。',
  },
};

const scoreText = (s: number | null) => (s === null ? '—' : s.toFixed(1));

export function renderClosingEmail(report: ClosingReport, ctx: EmailContext): RenderedEmail {
  const m = (key: keyof typeof CLOSING_MESSAGES, params?: Record<string, string | number>) =>
    t(CLOSING_MESSAGES, ctx.lang, key, params);
  const limits = ctx.limits;
  const top = limits?.htmlItems ?? 60;
  const titleCap = limits?.htmlTitle ?? 200;
  const sheet = oneLine(ctx.spreadsheetName);
  const subject = oneLine(m('subject', { cycle: report.cycle, score: scoreText(report.averageScore) }));
  const href = summaryLink(ctx);
  const figures = m('figures', { keyResults: report.keyResults, retros: report.retrospectives });
  const shown = report.objectives.slice(0, top);
  const left = report.objectives.length - shown.length;
  const html = [
    p(escapeHtml(m('intro', { cycle: report.cycle, sheet }))),
    muted(escapeHtml(figures)),
    href ? button(href, m('openResults')) : '',
    `<h2 style="font-size:16px;line-height:22px;margin:20px 0 4px 0">${escapeHtml(m('objectives'))}</h2>`,
    list(
      shown.map((o) =>
        listRow(
          `<div style="padding-top:6px;font-weight:bold">${escapeHtml(`${o.id} ${capped(o.title, titleCap)}`)}</div>` +
            progressBar(o.score === null ? null : o.score * 100) +
            muted(escapeHtml(m('score', { score: scoreText(o.score) }))),
        ),
      ),
    ),
    left > 0 ? muted(escapeHtml(m('more', { count: left }))) : '',
    footer([m('why', { sheet })]),
  ];
  const text = [
    m('intro', { cycle: report.cycle, sheet }),
    figures,
    ...(href ? [`${m('openResults')}: ${href}`] : []),
    '',
    `${m('objectives')}:`,
    ...report.objectives
      .slice(0, limits?.textLines ?? 100)
      .map((o) => `- ${o.id} ${capped(o.title, 200)}: ${m('score', { score: scoreText(o.score) })}`),
    '',
    '--',
    m('why', { sheet }),
  ];
  return { subject, htmlBody: page(ctx.lang, html.join('')), body: text.join('\n') };
}
