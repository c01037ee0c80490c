// The one rule for what the add-on writes as text: text columns keep any string exactly (a leading
// apostrophe, Sheets' text marker); number and date columns get the number or date a string says.
import { asSheetText, okrCellValue, okrRowValues } from '../../../../src/okr/core/sheetText';

const TZ = 'America/New_York';

describe('okrCellValue', () => {
  test.each(['007', 'TRUE', '45%', '1,200', '$5', '1e3', '2026-11-30', "'quoted", '=1+1', '+1', '-1', '@x'])(
    'a text column keeps %s as text',
    (s) => {
      for (const column of ['title', 'unit', 'cycle', 'note', 'owner', 'id'] as const)
        expect(okrCellValue(column, s, TZ)).toBe(`'${s}`);
    },
  );

  test.each([
    ['$1,200', 1200],
    ['1,200', 1200],
    ['45%', 0.45],
    ['1e3', 1000],
    ['+40', 40],
    ['-5', -5],
    ['007', 7],
  ])('a number column gets the number %s says', (s, n) => {
    for (const column of ['start', 'target', 'current', 'progress'] as const)
      expect(okrCellValue(column, s, TZ)).toBe(n);
  });

  test('a date column gets the date a string says, in the spreadsheet time zone', () => {
    const d = okrCellValue('due', '2026-12-31', TZ) as Date;
    expect(Object.prototype.toString.call(d)).toBe('[object Date]');
    expect(d.toISOString()).toBe('2026-12-31T05:00:00.000Z');
  });

  test('what reads as no number or date stays the text typed; numbers, booleans, dates and blanks pass', () => {
    expect(okrCellValue('target', 'TBD', TZ)).toBe("'TBD");
    expect(okrCellValue('due', 'end of Q4', TZ)).toBe("'end of Q4");
    expect(okrCellValue('target', '=1+1', TZ)).toBe("'=1+1");
    expect(okrCellValue('target', 12, TZ)).toBe(12);
    expect(okrCellValue('title', 12, TZ)).toBe(12);
    expect(okrCellValue('current', true, TZ)).toBe(true);
    const date = new Date(0);
    expect(okrCellValue('due', date, TZ)).toBe(date);
    expect(okrCellValue('title', '', TZ)).toBe('');
    expect(okrCellValue(undefined, '007', TZ)).toBe(asSheetText('007'));
  });

  test('okrRowValues decides each cell by the column it sits in', () => {
    expect(okrRowValues({ title: 0, target: 2, due: 3 }, ['1,200', 'x', '1,200', 'later'], TZ)).toEqual([
      "'1,200",
      "'x",
      1200,
      "'later",
    ]);
  });
});
