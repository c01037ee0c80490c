// MailApp behind two functions: the weekly run needs nothing else, and tests replace these seams.
// The daily recipient quota is 100 (consumer) or 1,500 (Workspace) and belongs to the user the
// script runs as (the trigger's installer).
// https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
// https://developers.google.com/apps-script/guides/services/quotas
import type { RenderedEmail } from '../okr/weekly/email';

export const SENDER_NAME = 'OKR Owners';

export function remainingMailQuota(): number {
  return Math.max(0, Number(MailApp.getRemainingDailyQuota()) || 0);
}

/** One recipient per email, so one email costs exactly one unit of quota. */
export function sendMail(to: string, email: RenderedEmail): void {
  MailApp.sendEmail({
    to,
    subject: email.subject,
    body: email.body,
    htmlBody: email.htmlBody,
    name: SENDER_NAME,
  });
}
