// Sent emails as RFC 822 / RFC 2045 messages (.eml): UTF-8, base64 bodies,
// multipart/alternative when there is an HTML body, RFC 2047 encoded words for non-ASCII headers.
import fs from 'node:fs';
import path from 'node:path';
import type { SentEmail } from './types';

const CRLF = '\r\n';

function wrap64(buf: Buffer): string {
  const b64 = buf.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

/** An RFC 2047 header value: ASCII stays as is, anything else becomes =?UTF-8?B?…?= words. */
export function encodeHeader(value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 42) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

function mailbox(address: string, name?: string): string {
  if (!name) return address;
  const n = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : encodeHeader(name);
  return `${n} <${address}>`;
}

function rfc2822Date(at: number): string {
  const d = new Date(at);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function part(type: string, text: string): string {
  return [
    `Content-Type: ${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    wrap64(Buffer.from(text, 'utf8')),
  ].join(CRLF);
}

export function emailToEml(email: SentEmail, id = `${email.at}`): string {
  const boundary = `=_local_apps_script_${id.replace(/[^A-Za-z0-9]/g, '')}`;
  const headers = [
    `From: ${mailbox(email.from, email.name)}`,
    `To: ${email.to}`,
    ...(email.cc ? [`Cc: ${email.cc}`] : []),
    ...(email.bcc ? [`Bcc: ${email.bcc}`] : []),
    ...(email.replyTo ? [`Reply-To: ${email.replyTo}`] : []),
    `Subject: ${encodeHeader(email.subject)}`,
    `Date: ${rfc2822Date(email.at)}`,
    `Message-ID: <${id}.${email.at}@local-apps-script.invalid>`,
    'MIME-Version: 1.0',
  ];
  if (email.htmlBody === undefined) {
    return [...headers, part('text/plain', email.body), ''].join(CRLF);
  }
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    part('text/plain', email.body),
    `--${boundary}`,
    part('text/html', email.htmlBody),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/** Writes every email that has no file yet into `dir` as <time>-<n>.eml and records the path. */
export function writeOutbox(emails: SentEmail[], dir: string): SentEmail[] {
  if (emails.length === 0) return emails;
  fs.mkdirSync(dir, { recursive: true });
  const existing = new Set(fs.readdirSync(dir));
  for (const email of emails) {
    if (email.file) continue;
    const stamp = new Date(email.at)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    let n = 1;
    while (existing.has(`${stamp}-${n}.eml`)) n++;
    const name = `${stamp}-${n}.eml`;
    existing.add(name);
    const file = path.join(dir, name);
    fs.writeFileSync(file, emailToEml(email, `${stamp}-${n}`));
    email.file = file;
  }
  return emails;
}
