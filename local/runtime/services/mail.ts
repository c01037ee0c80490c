// MailApp: sendEmail in all its forms and the per-user daily recipient quota.
// https://developers.google.com/apps-script/reference/mail/mail-app
// https://developers.google.com/apps-script/guides/services/quotas ("Email recipients per day":
// 100 consumer, 1,500 Workspace). Every recipient (to, cc, bcc) counts; the quota belongs to the
// effective user and resets 24 hours after the first send of its window (quota.ts), as the
// quotas page says, not at midnight.
// Over quota Google throws "Service invoked too many times for one day: email." (the text of its
// daily-quota exceptions, "Service invoked too many times for one day: <service>.").
import { MESSAGES } from '../errors';
import { addQuotaUse, quotaUsed } from '../quota';
import type { SentEmail } from '../types';
import { fail, requireFullAuth, type ServiceEnv } from './env';

const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
// Deliberately strict: one address, no display name, a dot in the domain.
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_BODY_BYTES = 200 * 1024;

export function mailQuota(options: { mailQuota?: number; workspace?: boolean }): number {
  return options.mailQuota ?? (options.workspace ? 1500 : 100);
}

function splitAddresses(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
}

export function makeMailApp(env: ServiceEnv) {
  const table = () => {
    env.state.mailQuota ??= {};
    return env.state.mailQuota;
  };
  const remaining = () => mailQuota(env.options) - quotaUsed(table(), env.effectiveUser, env.now());
  const send = (m: MailOptions) => {
    const to = splitAddresses(m.to);
    const cc = splitAddresses(m.cc);
    const bcc = splitAddresses(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) fail(env, MESSAGES.noRecipient);
    // "Email recipients per message: 50", "Email body size: 200 KB / msg".
    if (all.length > MAX_RECIPIENTS_PER_MESSAGE) fail(env, 'Limit Exceeded: Email Recipients Per Message.');
    if (
      Buffer.byteLength(String(m.body ?? '')) + Buffer.byteLength(String(m.htmlBody ?? '')) >
      MAX_BODY_BYTES
    ) {
      fail(env, 'Limit Exceeded: Email Body Size.');
    }
    for (const a of [...all, ...splitAddresses(m.replyTo)])
      if (!EMAIL.test(a)) fail(env, MESSAGES.invalidEmail(a));
    if (all.length > remaining()) fail(env, MESSAGES.mailQuota);
    addQuotaUse(table(), env.effectiveUser, env.now(), all.length, env.options.quotaWindow);
    const email: SentEmail = {
      to: to.join(', '),
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      at: env.now(),
      from: m.noReply ? `noreply@${env.effectiveUser.split('@')[1] ?? 'example.com'}` : env.effectiveUser,
    };
    if (cc.length) email.cc = cc.join(', ');
    if (bcc.length) email.bcc = bcc.join(', ');
    if (m.htmlBody !== undefined) email.htmlBody = String(m.htmlBody);
    if (m.name !== undefined) email.name = String(m.name);
    if (m.replyTo !== undefined) email.replyTo = String(m.replyTo);
    env.emails.push(email);
    env.state.outbox.push(email);
  };
  return {
    /**
     * sendEmail(message) | sendEmail(recipient, subject, body[, options]) |
     * sendEmail(to, replyTo, subject, body)
     */
    sendEmail(...args: unknown[]): void {
      // Metered by size (KB of text), the unit of the latency model's per-KB sending cost.
      env.meter.call('MailApp.sendEmail', messageKb(args));
      requireFullAuth(env, 'MailApp.sendEmail', SEND_MAIL_SCOPE);
      if (args.length === 1 && args[0] && typeof args[0] === 'object') {
        send(args[0] as MailOptions);
      } else if (args.length === 4 && typeof args[3] === 'string') {
        send({
          to: args[0] as string,
          replyTo: args[1] as string,
          subject: args[2] as string,
          body: args[3],
        });
      } else if (args.length >= 3) {
        const opts = (args[3] ?? {}) as MailOptions;
        send({ ...opts, to: args[0] as string, subject: args[1] as string, body: args[2] as string });
      } else {
        fail(env, "The parameters () don't match the method signature for MailApp.sendEmail.");
      }
    },
    getRemainingDailyQuota(): number {
      env.meter.call('MailApp.getRemainingDailyQuota');
      requireFullAuth(env, 'MailApp.getRemainingDailyQuota', SEND_MAIL_SCOPE);
      return Math.max(0, remaining());
    },
  };
}

/** The message's text size in KB (subject, bodies, addresses; attachments are not modeled). */
function messageKb(args: unknown[]): number {
  let chars = 0;
  const add = (v: unknown): void => {
    if (typeof v === 'string') chars += v.length;
    else if (v && typeof v === 'object') for (const x of Object.values(v)) add(x);
  };
  for (const a of args) add(a);
  return chars / 1024;
}
