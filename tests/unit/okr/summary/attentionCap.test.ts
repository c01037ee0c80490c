// The Summary's "Needs attention" list is capped: the most urgent lines first (sheet, off track, at
// risk, stale, pending, ownership… then by row), then one line counting the rest and pointing to
// Check problems; the headline numbers still count every key result.
import { ATTENTION_CAP } from '../../../../src/okr/summary/summaryAttention';
import { summaryToGrid } from '../../../../src/okr/summary/summaryGrid';
import { keyResult, objective, problemAt, summarize } from './fixtures';

/** 140 key results in sheet order: every third off track, then at risk, then stale (a problem). */
function busySheet(count = 140, lang: 'en' | 'ja' = 'en') {
  const o = objective('O1');
  const krs = Array.from({ length: count }, (_, i) =>
    keyResult(`O1.${i + 1}`, 'O1', {
      confidence: i % 3 === 0 ? 'off-track' : i % 3 === 1 ? 'at-risk' : 'on-track',
    }),
  );
  const stale = krs.filter((_, i) => i % 3 === 2);
  return { model: summarize([o, ...krs], { lang, problems: stale.map((k) => problemAt('stale', k)) }), krs };
}

const shown = (v: unknown) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);

describe('needs attention: at most ATTENTION_CAP lines', () => {
  test('the cap is 100', () => {
    expect(ATTENTION_CAP).toBe(100);
  });

  test('140 lines: the 100 most urgent in order, 40 counted as more; the headline counts all', () => {
    const { model, krs } = busySheet();
    expect(model.attention).toHaveLength(100);
    expect(model.attentionMore).toBe(40);
    const off = krs.filter((_, i) => i % 3 === 0).map((k) => `off-track:${k.id}`);
    const risk = krs.filter((_, i) => i % 3 === 1).map((k) => `at-risk:${k.id}`);
    const stale = krs.filter((_, i) => i % 3 === 2).map((k) => `stale:${k.id}`);
    expect(model.attention.map((a) => `${a.reason}:${a.id}`)).toEqual(
      [...off, ...risk, ...stale].slice(0, 100),
    );
    // 47 off track, 47 at risk, the first 6 of 46 stale (by row).
    expect(model.attention.filter((a) => a.reason === 'stale')).toHaveLength(6);
    expect(model.headline).toMatchObject({ keyResults: 140, offTrack: 47, atRisk: 47, stale: 46 });
  });

  test('the block: 100 lines, then one line saying how many more and where every one is', () => {
    const grid = summaryToGrid(busySheet().model, 'en', 'UTC');
    const b = grid.blocks.find((x) => x.section === 'attention');
    if (!b) throw new Error('no attention block');
    // Heading, column headers, 100 lines, the "more" line, a blank row.
    expect(b.values).toHaveLength(2 + 100 + 1 + 1);
    expect(shown(b.values[101][0])).toBe('Stale: no recent check-in');
    const more = b.values[102].map(shown);
    expect(more[0]).toBe(
      "… and 40 more, not listed here. Extensions → OKR Owners → Check problems lists the problems among them; the OKRs tab's Confidence column shows every key result off track or at risk.",
    );
    expect(more.slice(1).every((v) => v === '')).toBe(true);
    const ja = summaryToGrid(busySheet(140, 'ja').model, 'ja', 'UTC').blocks.find(
      (x) => x.section === 'attention',
    );
    expect(shown(ja?.values[102][0])).toBe(
      '…ほか40件（ここには表示していません）。問題は 拡張機能 → OKR Owners →「問題をチェック」でサイドバーに一覧され、遅れ・要注意の主要な結果はOKRタブの自信度の列でわかります。',
    );
  });

  test('thousands are written with separators', () => {
    const { model } = busySheet(3 * 1100);
    expect(model.attentionMore).toBe(3 * 1100 - 100);
    const b = summaryToGrid(model, 'en', 'UTC').blocks.find((x) => x.section === 'attention');
    expect(shown(b?.values[102][0])).toMatch(/^… and 3,200 more, not listed here\. /);
  });

  test('exactly 100 lines: all listed, no "more" line', () => {
    const o = objective('O1');
    const krs = Array.from({ length: 100 }, (_, i) =>
      keyResult(`O1.${i + 1}`, 'O1', { confidence: 'at-risk' }),
    );
    const exact = summarize([o, ...krs]);
    expect(exact.attention).toHaveLength(100);
    expect(exact.attentionMore).toBe(0);
    const b = summaryToGrid(exact, 'en', 'UTC').blocks.find((x) => x.section === 'attention');
    expect(b?.values).toHaveLength(2 + 100 + 1);
    expect(b?.values.at(-1)).toEqual(Array(12).fill(''));
  });
});
