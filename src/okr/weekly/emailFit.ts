// Every weekly email fits Google's per-message body limit. The quotas page lists "Email body size:
// 200 KB / msg" (consumer accounts; Workspace allows more); over it MailApp throws "Limit Exceeded:
// Email Body Size." and the email is never delivered. An email is rendered with the usual caps
// (titles cut in the HTML only) and, only when it is too big, again with tighter ones: first the
// plain text's titles too, then shorter titles and lists, the rest counted as "and N more in the
// spreadsheet". https://developers.google.com/apps-script/guides/services/quotas#current_limitations
import { DEFAULT_LIMITS, type EmailLimits, type RenderedEmail } from './email';

/** Body and HTML together (MailApp sends both), with room left under 200 KB for the headers. */
export const MAIL_BODY_BUDGET = 190 * 1024;

const TIGHTER: EmailLimits[] = [
  { ...DEFAULT_LIMITS, textTitle: DEFAULT_LIMITS.htmlTitle },
  { htmlTitle: 120, textTitle: 120, lines: 30, objectives: 50 },
  { htmlTitle: 80, textTitle: 80, lines: 10, objectives: 20 },
  { htmlTitle: 40, textTitle: 40, lines: 3, objectives: 5 },
];

/** UTF-8 bytes of a string (Apps Script has no TextEncoder). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

export function emailBytes(email: RenderedEmail): number {
  return utf8Bytes(email.body) + utf8Bytes(email.htmlBody);
}

/** The first rendering, from the usual caps to the tightest, that fits MAIL_BODY_BUDGET. */
export function fitEmail(render: (limits: EmailLimits) => RenderedEmail): RenderedEmail {
  let email = render(DEFAULT_LIMITS);
  for (const limits of TIGHTER) {
    if (emailBytes(email) <= MAIL_BODY_BUDGET) return email;
    email = render(limits);
  }
  return email;
}
