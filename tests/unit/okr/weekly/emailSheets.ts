// Sheets for the email size and CSS tests: one owner with N key results, each under its own
// objective (the most rows an owner email can need), with every kind of "needs you" mixed in, in
// English or Japanese; and a large sheet for the leadership digest.
import type { Lang } from '../../../../src/okr/core/model';
import { type DigestModel, digestModel } from '../../../../src/okr/weekly/digest';
import type { EmailContext } from '../../../../src/okr/weekly/email';
import { checkIn, DAY, kr, NOW, objective, person } from './fixtures';

export const OWNER = 'owner@example.com';
export const LEADER = 'cto@example.com';
const URL = 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg/edit';

const TITLES: Record<Lang, (i: number) => string> = {
  en: (i) => `Raise weekly active teams in region ${i} to ${1000 + i * 7} by the end of the quarter`,
  ja: (i) => `地域${i}の週間アクティブチーム数を四半期末までに${1000 + i * 7}に増やす`,
};

/** One owner with `n` key results (plus 20 other owners' rows and their check-ins). */
export function ownerSheet(n: number, lang: Lang = 'en'): DigestModel {
  const objectives = [];
  const keyResults = [];
  const checkIns = [];
  for (let i = 1; i <= n + 20; i++) {
    const owner = i <= n ? OWNER : `other${i}@example.com`;
    const oid = `O${i}`;
    objectives.push(objective(oid, i % 7 === 0 ? OWNER : owner, { row: 2 * i, title: TITLES[lang](i) }));
    keyResults.push(
      kr(`${oid}.1`, oid, owner, {
        row: 2 * i + 1,
        title: TITLES[lang](i * 3),
        accepted: i % 3 === 0 ? null : NOW - 20 * DAY,
        confidence: i % 4 === 0 ? 'at-risk' : i % 9 === 0 ? 'off-track' : 'on-track',
        lastCheckIn: i % 5 === 0 ? NOW - 30 * DAY : NOW - 2 * DAY,
        due: i % 6 === 0 ? NOW + 5 * DAY : null,
        current: i % 11 === 0 ? null : 40 + (i % 50),
        progress: 40 + (i % 50),
      }),
    );
    checkIns.push(
      checkIn(`${oid}.1`, NOW - 9 * DAY, 30 + (i % 50)),
      checkIn(`${oid}.1`, NOW - DAY, 40 + (i % 50)),
    );
  }
  const people = [
    person(OWNER, { name: lang === 'ja' ? '山田 花子' : 'Olivia Owner', language: lang }),
    person(LEADER, { name: 'Chief', role: 'leadership' }),
    ...Array.from({ length: n + 20 }, (_, i) => person(`other${i + 1}@example.com`)),
  ];
  return digestModel({ now: NOW, staleDays: 14, people, objectives, keyResults, checkIns });
}

export function emailContext(lang: Lang, over: Partial<EmailContext> = {}): EmailContext {
  return {
    lang,
    timeZone: 'Asia/Tokyo',
    now: NOW,
    spreadsheetName: 'Team OKRs',
    spreadsheetUrl: URL,
    okrsSheetId: 0,
    summarySheetId: 1234567,
    enabledBy: 'lead@example.com',
    ...over,
  };
}

/** Key-result IDs the HTML shows as rows ("<strong>O12.1</strong>"). */
export function keyResultsShown(html: string): string[] {
  return [...html.matchAll(/<strong>(O\d+\.\d+)<\/strong>/g)].map((m) => m[1]);
}
