// The size budget of the weekly emails (emailFit.ts): Gmail clips HTML over about 102 KB, so every
// email's HTML stays under EMAIL_HTML_BUDGET (80 KB), an owner email grows by at most 3 KB per key
// result it shows, a list cut for size says how many are left, and the plain text lists everything.
import type { Lang } from '../../../../src/okr/core/model';
import { leadershipReport, ownerReport } from '../../../../src/okr/weekly/digest';
import {
  type RenderedEmail,
  renderLeadershipDigest,
  renderOwnerEmail,
} from '../../../../src/okr/weekly/email';
import { EMAIL_HTML_BUDGET, fitEmail } from '../../../../src/okr/weekly/emailFit';
import { emailContext, keyResultsShown, OWNER, ownerSheet } from './emailSheets';

const bytes = (s: string) => Buffer.byteLength(s);

/** The owner's email exactly as the weekly run renders it (fitted). */
function ownerEmail(n: number, lang: Lang): RenderedEmail {
  const m = ownerSheet(n, lang);
  const report = ownerReport(m, OWNER);
  return fitEmail((limits) => renderOwnerEmail(report, { ...emailContext(lang), limits }));
}

describe.each<Lang>(['en', 'ja'])('owner email (%s)', (lang) => {
  const small = ownerEmail(10, lang);
  const large = ownerEmail(100, lang);

  test('HTML under 80 KB at 10 and 100 key results; at most 3 KB more per key result shown', () => {
    expect(bytes(small.htmlBody)).toBeLessThan(EMAIL_HTML_BUDGET);
    expect(bytes(large.htmlBody)).toBeLessThan(EMAIL_HTML_BUDGET);
    const shownSmall = new Set(keyResultsShown(small.htmlBody)).size;
    const shownLarge = new Set(keyResultsShown(large.htmlBody)).size;
    expect(shownSmall).toBe(10);
    expect(shownLarge).toBeGreaterThan(shownSmall);
    const perKeyResult = (bytes(large.htmlBody) - bytes(small.htmlBody)) / (shownLarge - shownSmall);
    expect(perKeyResult).toBeLessThanOrEqual(3000);
    // One link per key result shown (plus the button, objectives and the "more" link).
    const links = (large.htmlBody.match(/<a /g) ?? []).length;
    const rows = (large.htmlBody.match(/range=A\d+/g) ?? []).length;
    expect(rows).toBe(links - 2);
  });

  test('every key result is shown once, what needs the reader first, the rest counted', () => {
    const shown = keyResultsShown(large.htmlBody);
    expect(new Set(shown).size).toBe(shown.length);
    const more =
      lang === 'en'
        ? /…and (\d+) more in the spreadsheet\./
        : /…ほか(\d+)件はスプレッドシートでご覧ください。/;
    const left = Number(more.exec(large.htmlBody)?.[1]);
    // Key results and the objectives the owner owns without owning any of their key results (O7, O14 …)
    // or that wait for their acceptance: each is shown or counted.
    const m = ownerSheet(100, lang);
    const report = ownerReport(m, OWNER);
    const items = new Set([
      ...report.groups.flatMap((g) => g.keyResults.map((l) => `kr:${l.id}`)),
      ...report.needs.map((n) => `${n.type === 'key-result' ? 'kr' : 'o'}:${n.id}`),
      ...report.groups
        .filter((g) => g.ownsObjective && !g.keyResults.length)
        .map((g) => `o:${g.objective?.id}`),
    ]);
    const objectivesShown = report.groups
      .map((g) => g.objective?.id)
      .filter((id) => id && items.has(`o:${id}`) && large.htmlBody.includes(`<strong>${id}</strong>`)).length;
    expect(shown.length + objectivesShown + left).toBe(items.size);
    // Needs first: the first rows are the first items of "what needs you", in order.
    const firstNeeds = report.needs
      .filter((n) => n.type === 'key-result')
      .slice(0, 5)
      .map((n) => n.id);
    expect(shown.slice(0, 5)).toEqual(firstNeeds);
    // The "more" line links to the OKRs tab.
    expect(large.htmlBody).toMatch(/<a href="[^"]+#gid=0"[^>]*>…/);
    expect(small.htmlBody).not.toMatch(more);
  });

  test('the plain text stays complete: every key result with its whole title', () => {
    const m = ownerSheet(100, lang);
    for (const l of ownerReport(m, OWNER).groups.flatMap((g) => g.keyResults)) {
      expect(large.body).toContain(`  - ${l.id} ${l.title}`);
    }
    expect(large.body).not.toMatch(/more in the spreadsheet|スプレッドシートでご覧ください/);
  });
});

test('the leadership digest summarises a sheet of 1,000 objectives: top 10 of each list, under 80 KB', () => {
  const m = ownerSheet(1000, 'en');
  const email = fitEmail((limits) =>
    renderLeadershipDigest(leadershipReport(m), m, { ...emailContext('en'), limits }),
  );
  expect(bytes(email.htmlBody)).toBeLessThan(EMAIL_HTML_BUDGET);
  expect(email.body).toContain('10 of 1020, those needing attention first.');
  expect(email.body).toContain('…and 1010 more in the spreadsheet.');
  // The objectives listed are those with the most key results at risk (here all of theirs).
  const listed = email.body.slice(email.body.indexOf('\nObjectives\n'), email.body.indexOf('What moved'));
  expect(listed.match(/KRs 1, At risk 1/g)).toHaveLength(10);
  // The Summary tab holds the rest: the cut lists link there.
  expect(email.htmlBody).toMatch(/<a href="[^"]+#gid=1234567"[^>]*>…and 1010 more/);
});
