// The import corpus through the pure planner: every layout gives its objectives with their key
// results and owners, no extra rows, the rows it leaves out (with why), and its doubts.
import { parseOkrSheet } from '../../../../../src/okr/core/parse';
import { type ImportPlan, planImport } from '../../../../../src/okr/setup/import';
import { planOkrsTab } from '../../../../../src/okr/setup/structure';
import { IMPORT_CORPUS, type ImportFixture } from '../../../../fixtures/import';

const plan = planOkrsTab(null, { lang: 'en', userEmail: '', cycle: '', examples: false });
const target = () => ({
  existing: parseOkrSheet([plan.addHeaders?.headers ?? []], {
    sheetName: 'OKRs',
    timeZone: 'UTC',
    lang: 'en',
  }),
  columns: plan.columns,
  width: plan.width,
});

/** The plan's objectives and key results in the fixture's terms (only the fields it names). */
function asExpected(p: ImportPlan, fx: ImportFixture) {
  return p.preview.map((o, i) => {
    const want = fx.expected[i];
    const pick = <T extends object>(got: Record<string, unknown>, w: T | undefined) =>
      Object.fromEntries(
        Object.keys(w ?? { title: 1 })
          .filter((k) => k !== 'keyResults')
          .map((k) => [k, got[k]]),
      );
    return {
      ...pick(o as unknown as Record<string, unknown>, want),
      keyResults: o.keyResults.map((k, j) =>
        pick(k as unknown as Record<string, unknown>, want?.keyResults[j]),
      ),
    };
  });
}

describe.each(Object.entries(IMPORT_CORPUS))('%s', (_file, fx) => {
  const lang = /[\u3040-\u30ff\u4e00-\u9fff]/.test(JSON.stringify(fx.rows)) ? 'ja' : 'en';
  const r = planImport(fx.rows, target(), { lang, sourceName: fx.name });

  test(`${fx.name}: read as ${fx.shape}`, () => {
    if (!r.ok) throw new Error(r.error);
    expect(r.shape).toBe(fx.shape);
  });

  test('every key result under its objective, with its owner', () => {
    if (!r.ok) throw new Error(r.error);
    expect(asExpected(r, fx)).toEqual(fx.expected);
  });

  test('no extra rows; skipped rows reported with their reason; doubts', () => {
    if (!r.ok) throw new Error(r.error);
    const krs = fx.expected.reduce((n, o) => n + o.keyResults.length, 0);
    expect([r.objectives, r.keyResults, r.rows.length]).toEqual([
      fx.expected.length,
      krs,
      fx.expected.length + krs,
    ]);
    expect(r.skippedRows.map((s) => [s.row, s.code])).toEqual(fx.skipped ?? []);
    for (const s of r.skippedRows) expect(s.reason).toMatch(lang === 'ja' ? /^\d+行目/ : /^Row \d+/);
    expect(r.doubts.map((d) => d.code)).toEqual(fx.doubts ?? []);
    // The preview travels through google.script.run as JSON.
    expect(JSON.parse(JSON.stringify(r.preview))).toEqual(r.preview);
  });
});
