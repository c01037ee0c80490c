// The malformed corpus through the pure reader and validator (the artifact test runs the same
// corpus through the built add-on in the local runtime).
import { DEFAULT_SETTINGS, type OkrSheet, type Roster } from '../../../../src/okr/core/model';
import { missingTabSheet, parseOkrSheet, parseRoster } from '../../../../src/okr/core/parse';
import { TAB, TAB_ALIASES } from '../../../../src/okr/core/tabs';
import { validateOkrs } from '../../../../src/okr/ownership/validate';
import { MALFORMED, NOW } from '../../../fixtures/okr/malformed';

function tab(tabs: Record<string, unknown[][]>, key: keyof typeof TAB): [string, unknown[][]] | null {
  const name = Object.keys(tabs).find((n) => n === TAB[key] || TAB_ALIASES[key].includes(n));
  return name ? [name, tabs[name]] : null;
}

test('the corpus has at least 30 malformed workbooks', () => {
  expect(MALFORMED.filter((c) => c.expected.length > 0).length).toBeGreaterThanOrEqual(30);
});

test.each(MALFORMED.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const opts = { timeZone: 'America/New_York', lang: 'en' as const };
  const o = tab(c.tabs, 'okrs');
  const t = tab(c.tabs, 'team');
  const okrs: OkrSheet = o
    ? parseOkrSheet(o[1], { ...opts, sheetName: o[0] })
    : missingTabSheet(TAB.okrs, 'en');
  const roster: Roster = t
    ? parseRoster(t[1], { ...opts, sheetName: t[0] })
    : { columns: {}, people: [], problems: missingTabSheet(TAB.team, 'en').problems, sheetName: TAB.team };
  const problems = validateOkrs(
    { okrs, roster },
    { now: Date.parse(NOW), settings: DEFAULT_SETTINGS, lang: 'en' },
  );
  expect(problems.map((p) => [p.code, p.id, p.cell])).toEqual(c.expected);
});
