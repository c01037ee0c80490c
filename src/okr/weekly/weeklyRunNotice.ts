// The one email that tells the Lead the weekly run is blocked (a tab or required column missing,
// nobody to email): a failing add-on trigger sends Google's error email to nobody, so without it
// the week would pass in silence. Sent at most once per period, through the ledger like any other.
import { t } from '../core/i18n';
import type { Lang } from '../core/model';
import type { RenderedEmail } from './email';
import { oneLine, sheetLink } from './email';
import { button, escapeHtml, footer, p, page, RED } from './emailHtml';
import { WEEKLY_MESSAGES } from './weeklyRunMessages';
import { localDateText } from './weeklyRunTime';

export function renderRunNotice(input: {
  lang: Lang;
  problem: string;
  scheduledAt: number;
  timeZone: string;
  spreadsheetName: string;
  spreadsheetUrl: string;
}): RenderedEmail {
  const { lang } = input;
  const sheet = oneLine(input.spreadsheetName);
  const intro = t(WEEKLY_MESSAGES, lang, 'noticeIntro', {
    sheet,
    date: localDateText(input.scheduledAt, input.timeZone),
  });
  const problem = oneLine(input.problem);
  const retry = t(WEEKLY_MESSAGES, lang, 'noticeRetry');
  const why = t(WEEKLY_MESSAGES, lang, 'noticeWhy', { sheet });
  const href = sheetLink({ spreadsheetUrl: input.spreadsheetUrl } as Parameters<typeof sheetLink>[0]);
  const open = t(WEEKLY_MESSAGES, lang, 'noticeOpen');
  const html = page(
    lang,
    [
      p(escapeHtml(intro)),
      p(`<strong>${escapeHtml(problem)}</strong>`, `color:${RED}`),
      p(escapeHtml(retry)),
      href ? button(href, open) : '',
      footer([why]),
    ].join(''),
  );
  const body = [intro, '', problem, '', retry, ...(href ? ['', `${open}: ${href}`] : []), '', '--', why].join(
    '\n',
  );
  return { subject: oneLine(t(WEEKLY_MESSAGES, lang, 'noticeSubject', { sheet })), htmlBody: html, body };
}
