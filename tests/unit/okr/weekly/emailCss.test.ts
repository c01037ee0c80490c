// Every CSS property and value the weekly emails use, and every HTML element and attribute caniemail
// has data for, is supported by Gmail on the web, Android and iOS, per caniemail's data (the
// `caniemail` package: caniemail.com's test results). A partial support is accepted only where its
// note was read and does not touch what the emails do (PARTIAL below says why, per note).
import { readFileSync } from 'node:fs';
import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Lang } from '../../../../src/okr/core/model';
import { planClose, resultKey } from '../../../../src/okr/cycle/results';
import { closingReport, renderClosingEmail } from '../../../../src/okr/weekly/closingEmail';
import {
  type DigestModel,
  digestModel,
  leadershipReport,
  ownerReport,
  teamReport,
} from '../../../../src/okr/weekly/digest';
import {
  type EmailContext,
  type RenderedEmail,
  renderLeadershipDigest,
  renderOwnerEmail,
} from '../../../../src/okr/weekly/email';
import { fitEmail } from '../../../../src/okr/weekly/emailFit';
import { renderRunNotice } from '../../../../src/okr/weekly/weeklyRunNotice';
import { emailContext, OWNER, ownerSheet } from './emailSheets';
import { NOW } from './fixtures';

interface Feature {
  slug: string;
  title: string;
  category: string;
  keywords: string | null;
  stats: Record<string, Record<string, Record<string, string>>>;
  notes_by_num: Record<string, string> | null;
}
const DATA = JSON.parse(readFileSync(require.resolve('caniemail/caniemail.json'), 'utf8')) as {
  data: Feature[];
};
const GMAIL = ['desktop-webmail', 'android', 'ios'] as const;

/** caniemail has no page for these: every client renders them (CSS 1 text colour and font family). */
const NOT_IN_CANIEMAIL = new Set(['color', 'font-family']);

/** Partial supports whose notes were read: note number → when what the emails use is not affected. */
const PARTIAL: Record<string, Record<string, (value: string) => boolean>> = {
  // #1 "Negative values are not supported."
  'css-margin': { '1': (v) => !v.includes('-') },
  // #1 "flex, grid, flow-root, contents … are not supported with non Google accounts."
  'css-display': { '1': (v) => ['block', 'inline-block', 'inline'].includes(v) },
  // #1 "Replaced by a <div> with supported attributes." (the body's styles are kept on the div)
  'html-body': { '1': () => true },
};

function feature(slug: string): Feature | undefined {
  return DATA.data.find((f) => f.slug === slug);
}

/** The caniemail feature of a CSS property: its own page, its shorthand's, or the page whose keywords list it. */
function propertyFeature(property: string): Feature | undefined {
  const base = property.replace(/-(top|right|bottom|left)$/, '');
  return (
    feature(`css-${property}`) ??
    feature(`css-${base}`) ??
    DATA.data.find(
      (f) =>
        f.category === 'css' &&
        (f.keywords ?? '')
          .split(',')
          .map((k) => k.trim())
          .includes(property),
    )
  );
}

/** Features a value needs besides its property's: units, functions, special keywords. */
function valueFeatures(property: string, value: string): string[] {
  const bare = value.replace(/'[^']*'|"[^"]*"/g, '');
  const out: string[] = [];
  for (const [, unit] of bare.matchAll(/\d(px|%|em|rem|pt|vh|vw|vmin|vmax|ch|ex|cm|mm|in|pc)\b/g))
    out.push(unit === '%' ? 'css-unit-percent' : `css-unit-${unit}`);
  for (const [, fn] of bare.matchAll(/([a-z-]+)\(/g)) {
    const slug = [`css-function-${fn}`, `css-unit-${fn}`, `css-${fn}`].find((s) => feature(s));
    out.push(slug ?? `css-function-${fn}`);
  }
  if (/!important/.test(bare)) out.push('css-important');
  if (property === 'display' && ['flex', 'grid', 'none'].includes(bare.trim()))
    out.push(`css-display-${bare.trim()}`);
  return out;
}

/** Why Gmail on one platform does not fully support this use of the feature; null when it does. */
function gmailGap(f: Feature, value: string): string | null {
  const gaps: string[] = [];
  for (const platform of GMAIL) {
    const results = f.stats.gmail?.[platform];
    if (!results) {
      gaps.push(`${platform}: no data`);
      continue;
    }
    const latest = Object.values(results).at(-1) ?? 'u';
    if (latest.startsWith('y')) continue;
    const notes = [...latest.matchAll(/#(\d+)/g)].map((m) => m[1]);
    const accepted =
      latest.startsWith('a') && notes.length > 0 && notes.every((n) => PARTIAL[f.slug]?.[n]?.(value));
    if (!accepted) gaps.push(`${platform}: ${latest} (${notes.map((n) => f.notes_by_num?.[n]).join('; ')})`);
  }
  return gaps.length ? gaps.join(', ') : null;
}

function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (n: { children?: unknown[] }) => {
    for (const c of (n.children ?? []) as Array<Element & { type: string }>) {
      if (c.type === 'tag' || c.type === 'style' || c.type === 'script') out.push(c);
      walk(c);
    }
  };
  walk(parseDocument(html));
  return out;
}

/** The owner's email when the others name the owner as their Manager: with its "Your team" section. */
function managerEmail(m: DigestModel, ctx: EmailContext): RenderedEmail {
  const people = m.input.people.map((p) => (p.email === OWNER ? p : { ...p, manager: OWNER }));
  const team = digestModel({ ...m.input, people });
  return fitEmail((limits) =>
    renderOwnerEmail(ownerReport(team, OWNER), { ...ctx, limits }, teamReport(team, OWNER)),
  );
}

/** The closing email's report for the sheet's cycle, scored as closing it scores it. */
function closingOf(m: ReturnType<typeof ownerSheet>) {
  const { objectives, keyResults } = m.input;
  const results = new Map(
    planClose(keyResults, '2026-Q4', 'lead@example.com', NOW).map((r) => [resultKey(r.cycle, r.id), r]),
  );
  return closingReport({ objectives, keyResults }, '2026-Q4', results);
}

function everyEmail(): Array<[string, RenderedEmail]> {
  const out: Array<[string, RenderedEmail]> = [];
  for (const lang of ['en', 'ja'] as Lang[]) {
    const m = ownerSheet(100, lang);
    const ctx = emailContext(lang, { test: true });
    out.push(
      [`owner ${lang}`, fitEmail((limits) => renderOwnerEmail(ownerReport(m, OWNER), { ...ctx, limits }))],
      [`manager ${lang}`, managerEmail(m, ctx)],
      [
        `digest ${lang}`,
        fitEmail((limits) => renderLeadershipDigest(leadershipReport(m), m, { ...ctx, limits })),
      ],
      [`closing ${lang}`, fitEmail((limits) => renderClosingEmail(closingOf(m), { ...ctx, limits }))],
      [
        `run notice ${lang}`,
        renderRunNotice({
          lang,
          problem: 'The OKRs tab is missing.',
          scheduledAt: NOW,
          timeZone: 'Asia/Tokyo',
          spreadsheetName: 'Team OKRs',
          spreadsheetUrl: ctx.spreadsheetUrl,
        }),
      ],
    );
  }
  return out;
}

/** Every declaration of every style attribute that Gmail does not fully support, with why. */
function cssProblems(els: Element[]): { uses: number; problems: string[] } {
  const uses = new Set<string>();
  for (const e of els) {
    for (const decl of (e.attribs.style ?? '').split(';')) {
      const at = decl.indexOf(':');
      if (at >= 0) uses.add(`${decl.slice(0, at).trim().toLowerCase()}:${decl.slice(at + 1).trim()}`);
    }
  }
  const problems: string[] = [];
  for (const use of uses) {
    const [property, value] = [use.slice(0, use.indexOf(':')), use.slice(use.indexOf(':') + 1)];
    if (NOT_IN_CANIEMAIL.has(property)) continue;
    const own = propertyFeature(property);
    if (!own) {
      problems.push(`${use}: caniemail has no data for "${property}"`);
      continue;
    }
    for (const f of [own, ...valueFeatures(property, value).map((slug) => feature(slug) ?? slug)]) {
      if (typeof f === 'string') problems.push(`${use}: caniemail has no data for ${f}`);
      else {
        const gap = gmailGap(f, value);
        if (gap) problems.push(`${use}: ${f.slug} ${gap}`);
      }
    }
  }
  return { uses: uses.size, problems };
}

describe.each(everyEmail())('%s', (_name, email) => {
  const els = elements(email.htmlBody);

  test('every CSS property and value is supported by Gmail (web, Android, iOS) per caniemail', () => {
    const { uses, problems } = cssProblems(els);
    expect(uses).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  test('no <style> block, and every element and attribute caniemail knows is supported by Gmail', () => {
    const problems: string[] = [];
    const slugs = new Set<string>();
    for (const e of els) {
      slugs.add(e.name === 'h2' ? 'html-h1-h6' : `html-${e.name}`);
      for (const a of Object.keys(e.attribs)) if (a !== 'style') slugs.add(`html-${a}`);
    }
    expect(slugs.has('html-style')).toBe(false);
    for (const slug of slugs) {
      const f = feature(slug);
      const gap = f && gmailGap(f, '');
      if (gap) problems.push(`${slug}: ${gap}`);
    }
    expect(problems).toEqual([]);
  });
});

test('the check refuses what Gmail lacks: unsupported properties, values and unknown properties', () => {
  const html =
    '<div style="position:absolute;margin:-4px 0;display:flex;box-shadow:0 0 1px #000;color:#000;zoom:2;width:calc(100% - 2px)">x</div>';
  const { problems } = cssProblems(elements(html));
  const named = (text: string) => problems.some((p) => p.startsWith(text));
  expect(named('position:absolute: css-position')).toBe(true);
  expect(named('margin:-4px 0: css-margin')).toBe(true);
  expect(named('display:flex: css-display')).toBe(true);
  expect(named('box-shadow:0 0 1px #000: css-box-shadow')).toBe(true);
  expect(named('zoom:2: caniemail has no data')).toBe(true);
  expect(named('width:calc(100% - 2px): css-unit-calc')).toBe(true);
  expect(named('color')).toBe(false);
});
