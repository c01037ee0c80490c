// Every weekly email's size is decided here, once, against two limits:
// - Gmail clips a message whose HTML is larger than about 102 KB: the reader sees "[Message clipped]
//   View entire message" and the rest is hidden. The HTML stays under EMAIL_HTML_BUDGET, well below.
// - Google's quotas page lists "Email body size: 200 KB / msg" (consumer accounts; Workspace allows
//   more); over it MailApp throws "Limit Exceeded: Email Body Size." and nothing is delivered.
//   https://developers.google.com/apps-script/guides/services/quotas#current_limitations
// An email is rendered with the usual caps and, only when it is too big, again with tighter ones:
// first the HTML (shorter titles, fewer rows: the rest counted as "…and N more in the spreadsheet"),
// then, only if HTML and text together still pass the body limit, the plain text, which otherwise
// lists everything with whole titles.
import { DEFAULT_LIMITS, type EmailLimits, type RenderedEmail, TITLE_CAP } from './email';

/** HTML bytes of one email (KB = 1,000 bytes): a fifth below Gmail's clipping. */
export const EMAIL_HTML_BUDGET = 80_000;
/** Body and HTML together (MailApp sends both), with room left under 200 KB for the headers. */
export const MAIL_BODY_BUDGET = 190 * 1024;

type HtmlLimits = Pick<EmailLimits, 'htmlTitle' | 'htmlItems' | 'digestRows'>;
type TextLimits = Pick<EmailLimits, 'textTitle' | 'textLines'>;

const HTML_STEPS: HtmlLimits[] = [
  DEFAULT_LIMITS,
  { htmlTitle: 120, htmlItems: 40, digestRows: DEFAULT_LIMITS.digestRows },
  { htmlTitle: 80, htmlItems: 25, digestRows: 5 },
  { htmlTitle: 40, htmlItems: 10, digestRows: 3 },
  { htmlTitle: 40, htmlItems: 3, digestRows: 1 },
];

const COMPLETE = Number.POSITIVE_INFINITY;
const TEXT_STEPS: TextLimits[] = [
  { textTitle: COMPLETE, textLines: COMPLETE },
  { textTitle: TITLE_CAP, textLines: COMPLETE },
  { textTitle: TITLE_CAP, textLines: DEFAULT_LIMITS.textLines },
  { textTitle: TITLE_CAP, textLines: 60 },
  { textTitle: 120, textLines: 30 },
  { textTitle: 80, textLines: 10 },
  { textTitle: 40, textLines: 3 },
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

/** The first rendering, from the usual caps to the tightest, whose HTML and body fit their budgets. */
export function fitEmail(render: (limits: EmailLimits) => RenderedEmail): RenderedEmail {
  let h = 0;
  let t = 0;
  const rendered = () => render({ ...HTML_STEPS[h], ...TEXT_STEPS[t] });
  let email = rendered();
  while (utf8Bytes(email.htmlBody) > EMAIL_HTML_BUDGET && h < HTML_STEPS.length - 1) {
    h += 1;
    email = rendered();
  }
  while (emailBytes(email) > MAIL_BODY_BUDGET && t < TEXT_STEPS.length - 1) {
    t += 1;
    email = rendered();
  }
  return email;
}
