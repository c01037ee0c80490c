import { parseOkrSheet } from '../../../../src/okr/core/parse';
import { planImport } from '../../../../src/okr/setup/import';
import { planOkrsTab } from '../../../../src/okr/setup/structure';

const plan = planOkrsTab(null, { lang: 'en', userEmail: '', cycle: '', examples: false });
const emptyTarget = () => ({
  existing: parseOkrSheet([plan.addHeaders?.headers ?? []], {
    sheetName: 'OKRs',
    timeZone: 'UTC',
    lang: 'en',
  }),
  columns: plan.columns,
  width: plan.width,
});
const col = (name: keyof typeof plan.columns) => plan.columns[name] as number;

describe('planImport', () => {
  test('Objective | Key Result | Owner | Target | Current | Confidence', () => {
    const source = [
      ['Objective', 'Key Result', 'Owner', 'Target', 'Current', 'Confidence', 'Budget'],
      ['Grow revenue', 'ARR to $2M', 'ann@acme.com', '$2,000,000', '$1,200,000', 'On track', 'x'],
      ['Grow revenue', 'Net retention 110%', 'Ann and Bob', '110%', '104%', 'At risk', ''],
      ['Ship faster', 'Deploys per week 20', 'Platform team', 20, 12, 'green', ''],
      ['', '', '', '', '', '', ''],
    ];
    const r = planImport(source, emptyTarget(), { lang: 'en', sourceName: 'Flat' });
    if (!r.ok) throw new Error(r.error);
    expect([r.objectives, r.keyResults, r.skippedRows]).toEqual([2, 3, []]);
    expect(
      r.rows.map((row) => [
        row[col('id')],
        row[col('type')],
        row[col('parent')],
        row[col('title')],
        row[col('owner')],
      ]),
    ).toEqual([
      ['O1', 'Objective', '', 'Grow revenue', ''],
      ['O1.1', 'Key result', 'O1', 'ARR to $2M', 'ann@acme.com'],
      ['O1.2', 'Key result', 'O1', 'Net retention 110%', 'Ann and Bob'],
      ['O2', 'Objective', '', 'Ship faster', ''],
      ['O2.1', 'Key result', 'O2', 'Deploys per week 20', 'Platform team'],
    ]);
    // Values are carried as they are; the validator judges them later.
    expect(r.rows[1][col('target')]).toBe('$2,000,000');
    expect(r.columns.ignored).toEqual(['Budget']);
    expect(r.columns.mapped.map((m) => m.column)).toEqual([
      'objective',
      'keyResult',
      'owner',
      'target',
      'current',
      'confidence',
    ]);
  });

  test('Objective Title | Owner_Email_ID | Metric_Start_Value | Metric_Target_Value | Due_Date (no key result column)', () => {
    const due = new Date('2026-12-31T00:00:00Z');
    const source = [
      ['Objective Title', 'Owner_Email_ID', 'Metric_Start_Value', 'Metric_Target_Value', 'Due_Date'],
      ['Reduce churn', 'bob@acme.com', 5, 3, due],
      ['Reduce churn', 'ann@acme.com', 10, 20, '2026-12-31'],
    ];
    const r = planImport(source, emptyTarget(), { lang: 'en', sourceName: 'Export' });
    if (!r.ok) throw new Error(r.error);
    expect([r.objectives, r.keyResults]).toEqual([1, 2]);
    expect(r.rows[1][col('due')]).toBe(due);
    expect(r.rows[1][col('start')]).toBe(5);
    expect(r.rows.map((row) => row[col('id')])).toEqual(['O1', 'O1.1', 'O1.2']);
  });

  test('Japanese headers, merged objective cells (blank below), a row without an objective', () => {
    const source = [
      ['2026年 下期 OKR'],
      ['目標', '主要な結果', '担当者', '開始値', '目標値', '現在値', '自信度'],
      ['', '孤立した行', 'sato@acme.com', 0, 1, 0, ''],
      ['新規顧客を増やす', '商談数を月50件に', 'sato@acme.com', 20, 50, 35, '順調'],
      ['', '成約率を25%に', '佐藤・鈴木', '15%', '25%', '18%', '要注意'],
    ];
    const r = planImport(source, emptyTarget(), { lang: 'ja', sourceName: 'シート1' });
    if (!r.ok) throw new Error(r.error);
    expect([r.objectives, r.keyResults]).toEqual([1, 2]);
    expect(r.skippedRows).toEqual([
      { row: 3, code: 'no-objective', reason: expect.stringContaining('3行目') },
    ]);
    expect(r.rows[2][col('parent')]).toBe('O1');
    expect(r.rows[1][col('progress')]).toBe(0.5);
    expect(r.rows[2][col('progress')]).toBe(0.3);
  });

  test('importing again adds nothing and says why; IDs continue after existing ones', () => {
    const source = [
      ['Objective', 'Key result', 'Owner'],
      ['Grow', 'A', 'a@x.com'],
      ['New one', 'B', 'b@x.com'],
    ];
    const headers = plan.addHeaders?.headers ?? [];
    const existingRows = [
      headers,
      Object.assign(new Array(plan.width).fill(''), {
        [col('id')]: 'O7',
        [col('type')]: 'Objective',
        [col('title')]: 'Grow',
      }),
    ];
    const existingKr = new Array(plan.width).fill('');
    existingKr[col('id')] = 'O7.3';
    existingKr[col('type')] = 'Key result';
    existingKr[col('parent')] = 'O7';
    existingKr[col('title')] = 'A';
    existingRows.push(existingKr);
    const target = {
      ...emptyTarget(),
      existing: parseOkrSheet(existingRows, { sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' }),
    };
    const r = planImport(source, target, { lang: 'en', sourceName: 'Flat' });
    if (!r.ok) throw new Error(r.error);
    expect(r.skippedRows.map((s) => [s.row, s.code])).toEqual([[2, 'duplicate']]);
    expect(r.rows.map((row) => row[col('id')])).toEqual(['O8', 'O8.1']);
  });

  test('a tab without an Objective column, and an empty tab, are refused with a message', () => {
    const r = planImport(
      [
        ['Task', 'Who'],
        ['x', 'y'],
      ],
      emptyTarget(),
      { lang: 'en', sourceName: 'Tasks' },
    );
    expect(r).toMatchObject({ ok: false, code: 'no-objective-column' });
    expect(planImport([], emptyTarget(), { lang: 'ja', sourceName: 'X' })).toMatchObject({
      ok: false,
      code: 'empty',
    });
  });
});
