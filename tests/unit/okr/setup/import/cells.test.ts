// What single cells and header rows say about a tab's structure.
import {
  isNoteText,
  isTotalRow,
  readMarker,
  rowTypeOf,
  splitLines,
} from '../../../../../src/okr/setup/import/cells';
import { sourceLayout } from '../../../../../src/okr/setup/import/columns';

describe('readMarker', () => {
  test.each([
    ['O1: Grow revenue', 'objective', 'Grow revenue'],
    ['Objective 2 – Ship faster', 'objective', 'Ship faster'],
    ['目標1：採用を加速する', 'objective', '採用を加速する'],
    ['KR1: ARR to $2M', 'keyResult', 'ARR to $2M'],
    ['KR 1.2 - NPS 40', 'keyResult', 'NPS 40'],
    ['成果指標2：離職率 8%以下', 'keyResult', '離職率 8%以下'],
    ['• Zero P1 regressions', 'bullet', 'Zero P1 regressions'],
    ['・ヘルプ記事 50本', 'bullet', 'ヘルプ記事 50本'],
    ['2) Hire 8 engineers', 'bullet', 'Hire 8 engineers'],
    // Titles that only look like markers stay whole.
    ['Onboard 5 customers', null, 'Onboard 5 customers'],
    ['Objectives review cadence', null, 'Objectives review cadence'],
    ['-5% churn', null, '-5% churn'],
    ['3.5% conversion', null, '3.5% conversion'],
    ['Krispy launch', null, 'Krispy launch'],
  ])('%s', (text, mark, rest) => {
    expect(readMarker(text)).toEqual({ mark, text: rest });
  });
});

test('splitLines: one key result per line, or run together as KR1: … KR2: …', () => {
  expect(splitLines('a\n\nb\r\nc')).toEqual(['a', 'b', 'c']);
  expect(splitLines('KR1: Cycle time under 3 days KR2: 10 deploys a day')).toEqual([
    'KR1: Cycle time under 3 days',
    'KR2: 10 deploys a day',
  ]);
  expect(splitLines('成果指標1：商談50件 成果指標2：成約率25%')).toEqual([
    '成果指標1：商談50件',
    '成果指標2：成約率25%',
  ]);
  expect(splitLines('Grow KR coverage to 80%')).toEqual(['Grow KR coverage to 80%']);
  expect(splitLines('')).toEqual([]);
});

test('rowTypeOf: objective, key result, other, or no type word', () => {
  expect(['Objective', 'goal', '目標', 'Strategic theme'].map(rowTypeOf)).toEqual(Array(4).fill('objective'));
  expect(['Key result', 'KR', 'milestone', '成果指標', '主要な結果'].map(rowTypeOf)).toEqual(
    Array(5).fill('keyResult'),
  );
  expect(['Initiative', 'task', 'タスク'].map(rowTypeOf)).toEqual(Array(3).fill('other'));
  expect(['Percentage', 'Number', ''].map(rowTypeOf)).toEqual([null, null, null]);
});

test('totals and notes', () => {
  expect(isTotalRow(['Total', '', 12])).toBe(true);
  expect(isTotalRow(['', 'Grand total', 12])).toBe(true);
  expect(isTotalRow(['Objective average', '', 0.7])).toBe(true);
  expect(isTotalRow(['合計', '', 48])).toBe(true);
  expect(isTotalRow(['Totally new onboarding', 'x'])).toBe(false);
  expect(isNoteText('Note: figures as of 1 October')).toBe(true);
  expect(isNoteText('※ progress is self-reported')).toBe(true);
  expect(isNoteText('Notebook sales to 10k')).toBe(false);
});

describe('sourceLayout', () => {
  test('a Type or Kind column whose values are no row types or kinds is ignored (Metric type, Goal Type)', () => {
    const layout = sourceLayout([
      ['Goal Title', 'Type', 'Metric type', 'Kind', 'Target'],
      ['A', 'Percentage', 'Currency', 'Increase', 5],
      ['B', 'Number', 'Number', 'at most', 3],
    ]);
    expect(layout.columns).toEqual({ title: 0, kind: 3, target: 4 });
    expect(layout.ignored).toEqual(['Type', 'Metric type']);
  });

  test('an Objective column holding other rows’ IDs is a parent link (okr-tracker)', () => {
    const layout = sourceLayout([
      ['id', 'name', 'objective'],
      ['o1', 'Open data', ''],
      ['k1', 'Datasets published', 'o1'],
    ]);
    expect(layout.columns).toEqual({ rowId: 0, title: 1, parentId: 2 });
  });

  test('the header row may sit below a heading and title rows', () => {
    const layout = sourceLayout([
      ['Objective 1: Grow'],
      [],
      ['Key result', 'Owner Emails', 'Progress (%)'],
      ['x', 'a@b.c', 5],
    ]);
    expect(layout.headerRow).toBe(2);
    expect(layout.columns).toEqual({ keyResult: 0, owner: 1, progress: 2 });
  });
});
