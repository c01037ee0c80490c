import { parseOkrSheet } from '../../../../src/okr/core/parse';
import {
  okrConditionalFormats,
  okrValidations,
  planCheckInsTab,
  planOkrsTab,
  planTeamTab,
  progressCellValue,
  RULE_MARK,
} from '../../../../src/okr/setup/structure';

const ctx = { lang: 'en' as const, userEmail: 'lead@acme.com', cycle: '2026-Q4', examples: true };

/** Apply a plan to a grid the way the adapter does (headers, then rows). */
function apply(grid: unknown[][] | null, plan: ReturnType<typeof planOkrsTab>): unknown[][] {
  const out = (grid ?? []).map((r) => [...r]);
  const put = (row: number, col: number, v: unknown) => {
    while (out.length < row) out.push([]);
    const r = out[row - 1];
    while (r.length < col) r.push('');
    r[col - 1] = v;
  };
  const headers = plan.addHeaders;
  if (headers) {
    headers.headers.forEach((h, i) => {
      put(plan.headerRow, headers.startColumn + i, h);
    });
  }
  const rows = plan.addRows;
  if (rows) {
    rows.rows.forEach((r, i) => {
      r.forEach((v, j) => {
        put(rows.startRow + i, j + 1, v);
      });
    });
  }
  return out;
}

describe('planOkrsTab', () => {
  test('a new tab gets every header and the example, which parses cleanly', () => {
    const plan = planOkrsTab(null, ctx);
    expect(plan.create).toBe(true);
    expect(plan.addHeaders?.headers).toHaveLength(18);
    expect(plan.addRows?.rows).toHaveLength(4);
    const grid = apply(null, plan);
    const sheet = parseOkrSheet(grid, { sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' });
    expect(sheet.problems).toEqual([]);
    expect(sheet.objectives.map((o) => o.id)).toEqual(['O1']);
    expect(sheet.keyResults.map((k) => [k.id, k.owner, k.progress])).toEqual([
      ['O1.1', 'lead@acme.com', 0],
      ['O1.2', 'lead@acme.com', 0],
      ['O1.3', 'lead@acme.com', 0],
    ]);
  });

  test('Japanese headers for a Japanese sheet', () => {
    const plan = planOkrsTab(null, { ...ctx, lang: 'ja' });
    expect(plan.addHeaders?.headers.slice(0, 5)).toEqual(['ID', '種類', '親', 'タイトル', '担当者']);
  });

  test('an existing table: aliases adopted, missing headers added right of every used column, no example', () => {
    const grid = [
      ['Team OKRs'],
      ['Key', 'Owner email', 'Title', '', 'Budget'],
      ['O1', 'a@x.com', 'Grow', 'stray value under a blank header', 100],
    ];
    const plan = planOkrsTab(grid, ctx);
    expect(plan.create).toBe(false);
    expect(plan.headerRow).toBe(2);
    expect(plan.addHeaders?.startColumn).toBe(6);
    expect(plan.addHeaders?.headers).toEqual([
      'Type',
      'Parent',
      'Team',
      'Cycle',
      'Kind',
      'Start',
      'Target',
      'Current',
      'Unit',
      'Progress',
      'Confidence',
      'Accepted',
      'Last check-in',
      'Due',
      'Note',
    ]);
    expect(plan.columns).toMatchObject({ id: 0, owner: 1, title: 2, type: 5 });
    expect(plan.addRows).toBeNull();
    // Applying the plan and planning again: nothing more to do.
    const again = planOkrsTab(apply(grid, plan), ctx);
    expect(again.addHeaders).toBeNull();
    expect(again.addRows).toBeNull();
    expect(again.columns).toEqual(plan.columns);
  });

  test('an empty existing tab gets headers and the example; a header-only tab gets the example', () => {
    expect(planOkrsTab([['']], ctx).addRows?.rows).toHaveLength(4);
    const headerOnly = apply(null, { ...planOkrsTab(null, ctx), addRows: null });
    expect(planOkrsTab(headerOnly, ctx).addRows?.rows).toHaveLength(4);
    expect(planOkrsTab(headerOnly, { ...ctx, examples: false }).addRows).toBeNull();
  });
});

describe('Team and Check-ins plans', () => {
  test('the person setting up becomes the first Lead of an empty Team', () => {
    const plan = planTeamTab(null, { lang: 'en', userEmail: 'lead@acme.com' });
    expect(plan.addRows?.rows).toEqual([['lead', 'lead@acme.com', '', '', 'Lead', 'en']]);
    expect(planTeamTab(null, { lang: 'en', userEmail: '' }).addRows).toBeNull();
  });
  test('an existing Team is left as it is', () => {
    const plan = planTeamTab(
      [
        ['Name', 'Email'],
        ['Ann', 'ann@x.com'],
      ],
      { lang: 'en', userEmail: 'lead@acme.com' },
    );
    expect(plan.addRows).toBeNull();
    expect(plan.addHeaders?.headers).toEqual(['Team', 'Manager', 'Role', 'Language']);
  });
  test('Check-ins headers', () => {
    expect(planCheckInsTab(null, 'en').addHeaders?.headers).toEqual([
      'Time',
      'ID',
      'By',
      'Current',
      'Progress',
      'Confidence',
      'Note',
    ]);
  });
});

describe('rules', () => {
  const plan = planOkrsTab(null, ctx);
  test('validations: Owner rejects anything not in Team, dates reject non-dates, choices warn', () => {
    const specs = okrValidations(plan.columns, 'en');
    expect(specs.map((s) => [s.kind, s.column, s.allowInvalid])).toEqual([
      ['teamEmails', 4, false],
      ['list', 1, true],
      ['list', 7, true],
      ['list', 13, true],
      ['date', 14, false],
      ['date', 15, false],
      ['date', 16, false],
    ]);
  });
  test('conditional formats reference the Team tab through INDIRECT and carry the marker', () => {
    const specs = okrConditionalFormats(plan.columns, plan.width, 1, { sheetName: 'Team', emailColumn: 1 });
    expect(specs).toHaveLength(3);
    for (const s of specs) expect(s.formula).toContain(RULE_MARK);
    expect(specs[1].formula).toContain(`INDIRECT("'Team'!B:B")`);
    expect(specs[0].formula).toContain('LEN(TRIM($E2))=0');
    expect(specs[2]).toMatchObject({ fromColumn: 0, toColumn: 17, bold: true });
  });
  test('progress cells hold fractions', () => {
    expect(progressCellValue(45)).toBe(0.45);
    expect(progressCellValue(33.3)).toBe(0.333);
    expect(progressCellValue(null)).toBe('');
  });
});
