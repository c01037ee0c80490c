// The emulated SpreadsheetApp against Google's documented behaviour.
import { demoWorkbook } from '../../local/fixtures/demo';
import {
  applyUserEdit,
  createChartsService,
  createSpreadsheetApp,
  Workbook,
} from '../../local/runtime/spreadsheet';
import { fakeContext } from '../../local/runtime/spreadsheet/testing';

// biome-ignore lint/suspicious/noExplicitAny: the emulated surface is untyped on purpose (scripts call it dynamically)
type Any = any;

function open(wb: Workbook, opts: Parameters<typeof fakeContext>[0] = {}) {
  const ctx = fakeContext(opts);
  const app = createSpreadsheetApp(wb, ctx) as Any;
  return { ctx, app, ss: app.getActiveSpreadsheet() };
}

const people = () =>
  Workbook.fromRows({
    Team: [
      ['Name', 'Email', 'Count', 'Joined', 'Active'],
      ['Ann', 'ann@example.com', 3, new Date('2026-01-05T05:00:00Z'), true],
      ['Bo', 'bo@example.com', 0, new Date('2026-02-01T05:00:00Z'), false],
    ],
    Log: [['Time', 'Note']],
  });

describe('values keep Google types', () => {
  test('numbers, booleans, Dates and "" for empty cells; Dates are realm Dates', () => {
    const { ss, ctx } = open(people());
    const values = ss.getSheetByName('Team').getRange('A1:F3').getValues();
    expect(values[1]).toEqual(['Ann', 'ann@example.com', 3, new Date('2026-01-05T05:00:00Z'), true, '']);
    expect(values[2][4]).toBe(false);
    expect(ctx.run('v[1][3] instanceof Date && Array.isArray(v) && v instanceof Array', { v: values })).toBe(
      true,
    );
    expect(ctx.calls['Range.getValues']).toBe(1);
    expect(ctx.cells['Range.getValues']).toBe(18);
  });

  test('a number cell has no negative zero: -0 written comes back as 0', () => {
    const { ss } = open(people());
    const range = ss.getSheetByName('Log').getRange('A2:B2');
    range.setValues([[-0, -1.5]]);
    const [[zero, negative]] = range.getValues();
    expect(Object.is(zero, 0)).toBe(true);
    expect(negative).toBe(-1.5);
  });

  test('Dates written by a script come back as the same instant, stored as host values', () => {
    const wb = people();
    const { ss, ctx } = open(wb);
    const when = ctx.run('new Date(Date.UTC(2026, 10, 23, 14, 30))');
    ss.getSheetByName('Log')
      .getRange(2, 1, 1, 2)
      .setValues([[when, 'hello']]);
    const stored = wb.values('Log')[1]?.[0] as Date;
    expect(Object.prototype.toString.call(stored)).toBe('[object Date]');
    expect(stored instanceof Date).toBe(true);
    expect(stored.toISOString()).toBe('2026-11-23T14:30:00.000Z');
    expect(wb.displayValues('Log')[1]?.[0]).toBe('11/23/2026 9:30:00');
    // A Japanese spreadsheet shows dates the Japanese way.
    const ja = Workbook.fromRows({ Log: [['Time']] }, { locale: 'ja_JP', timeZone: 'Asia/Tokyo' });
    (createSpreadsheetApp(ja, ctx) as Any)
      .getActiveSpreadsheet()
      .getSheetByName('Log')
      .getRange('A2')
      .setValue(when);
    expect(ja.displayValues('Log')[1]?.[0]).toBe('2026/11/23 23:30:00');
  });

  test('text written by a script is parsed like typed input unless the cell is plain text', () => {
    const wb = people();
    const { ss } = open(wb);
    const sh = ss.getSheetByName('Log');
    sh.getRange('A2:E2').setValues([['007', '45%', '2026-11-30', 'TRUE', '1,200']]);
    const row = wb.values('Log')[1] as unknown[];
    expect(row.slice(0, 2)).toEqual([7, 0.45]);
    expect((row[2] as Date).toISOString()).toBe('2026-11-30T05:00:00.000Z');
    expect(row.slice(3)).toEqual([true, 1200]);
    expect(wb.displayValues('Log')[1]).toEqual(['7', '45%', '2026-11-30', 'TRUE', '1,200']);
    sh.getRange('A3').setNumberFormat('@').setValue('007');
    expect(wb.value('Log', 'A3')).toBe('007');
  });

  test("'= text becomes a formula; a leading apostrophe stores the text without it", () => {
    const wb = people();
    const { ss } = open(wb);
    const r = ss.getSheetByName('Log').getRange('B2:B3');
    r.setValues([['=IMPORTXML("http://x")'], ["'=not a formula"]]);
    expect(r.getFormulas()).toEqual([['=IMPORTXML("http://x")'], ['']]);
    expect(r.getValues()).toEqual([[''], ['=not a formula']]);
    expect(wb.formula('Log', 'B2')).toBe('=IMPORTXML("http://x")');
  });
});

describe('ranges', () => {
  test('A1 forms: sheet-qualified, quoted, whole column, whole row, open-ended, R1C1', () => {
    const wb = people();
    wb.addSheet('My Tab');
    const { ss } = open(wb);
    const team = ss.getSheetByName('Team');
    expect(ss.getRange("'My Tab'!B2:C3").getSheet().getName()).toBe('My Tab');
    expect(ss.getRange('Team!$A$1:$B$2').getA1Notation()).toBe('A1:B2');
    const col = team.getRange('B:B');
    expect([col.getRow(), col.getNumRows(), col.getA1Notation()]).toEqual([1, 1000, 'B:B']);
    const row = team.getRange('2:3');
    expect([row.getColumn(), row.getNumColumns(), row.getNumRows(), row.getA1Notation()]).toEqual([
      1,
      26,
      2,
      '2:3',
    ]);
    const open_ = team.getRange('A2:C');
    expect([open_.getRow(), open_.getNumRows(), open_.getNumColumns(), open_.getA1Notation()]).toEqual([
      2,
      999,
      3,
      'A2:C',
    ]);
    expect(team.getRange('R2C1:R3C2').getA1Notation()).toBe('A2:B3');
    expect(team.getRange('b2').getValue()).toBe('ann@example.com');
    expect(team.getRange(2, 1, 2, 3).getA1Notation()).toBe('A2:C3');
  });

  test("Google's errors for bad coordinates", () => {
    const { ss } = open(people());
    const team = ss.getSheetByName('Team');
    expect(() => team.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => team.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => team.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => team.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => team.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => team.getRange('Nope!A1')).toThrow('Range not found');
    expect(() => team.getRange('A1:B2:C3')).toThrow('Range not found');
    try {
      team.getRange(0, 1);
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
    }
  });

  test('setValues dimension mismatches use Google’s text', () => {
    const { ss } = open(people());
    const r = ss.getSheetByName('Log').getRange('A2:B4');
    expect(() => r.setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => r.setValues([['a'], ['b'], ['c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues('ab')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test('getLastRow/getLastColumn ignore trailing empty rows, formats and notes', () => {
    const wb = people();
    const { ss } = open(wb);
    const team = ss.getSheetByName('Team');
    team.getRange('A10').setBackground('#ff0000').setNote('formatted, no value');
    team.getRange('A5:B5').setValues([['', '']]);
    expect(team.getLastRow()).toBe(3);
    expect(team.getLastColumn()).toBe(5);
    expect(team.getDataRange().getA1Notation()).toBe('A1:E3');
    team.getRange('G7').setValue(0);
    expect([team.getLastRow(), team.getLastColumn()]).toEqual([7, 7]);
    // A formula counts as content even while it shows nothing (Sheets counts it too).
    team.getRange('B12').setFormula('=IF(FALSE,1,"")');
    expect(team.getLastRow()).toBe(12);
    team.getRange('B12').clearContent();
    expect(team.getLastRow()).toBe(7);
    expect(ss.getSheetByName('Log').getRange('A2:A').getValues().length).toBe(999);
  });

  test('appendRow writes after the last row with content and grows the sheet when full', () => {
    const wb = Workbook.fromRows({ S: [['a']] });
    wb.sheet('S').maxRows = 2;
    const { ss } = open(wb);
    const s = ss.getSheetByName('S');
    s.appendRow(['b', 2]);
    s.appendRow(['c', 3]);
    expect(wb.values('S')).toEqual([
      ['a', ''],
      ['b', 2],
      ['c', 3],
    ]);
    expect(s.getMaxRows()).toBe(3);
  });
});

describe('user edits vs script writes', () => {
  test('a rejecting rule refuses typed input; a paste and a script write go through', () => {
    const wb = demoWorkbook();
    const typed = applyUserEdit(wb, {
      range: 'OKRs!E3',
      values: [['Lucas and Aiko']],
      paste: false,
      user: 'maya.chen@example.com',
    });
    expect(typed.ok).toBe(false);
    expect(!typed.ok && typed.message).toMatch(
      /violates the data validation rules.*Pick one person from the Team tab\./,
    );
    expect(wb.value('OKRs', 'E3')).toBe('lucas.meyer@example.com');

    const pasted = applyUserEdit(wb, {
      range: 'OKRs!E3',
      values: [['Lucas and Aiko']],
      paste: true,
      user: 'maya.chen@example.com',
    });
    expect(pasted).toEqual({
      ok: true,
      sheetName: 'OKRs',
      a1: 'E3',
      oldValue: 'lucas.meyer@example.com',
      value: 'Lucas and Aiko',
    });

    const { ss } = open(wb);
    ss.getSheetByName('OKRs').getRange('H3').setValue('sideways');
    expect(wb.value('OKRs', 'H3')).toBe('sideways');
  });

  test('typed input from the list, a warning-only rule, and parsing of typed dates/percents', () => {
    const wb = demoWorkbook();
    const ok = applyUserEdit(wb, {
      range: 'OKRs!E3',
      values: [['aiko.tanaka@example.com']],
      paste: false,
      user: 'maya.chen@example.com',
    });
    expect(ok.ok).toBe(true);
    // Confidence's rule only warns (allowInvalid true).
    expect(
      applyUserEdit(wb, { range: 'OKRs!N3', values: [['Great']], paste: false, user: 'x@example.com' }).ok,
    ).toBe(true);
    applyUserEdit(wb, { range: 'OKRs!Q3', values: [['2026-11-30']], paste: false, user: 'x@example.com' });
    expect((wb.value('OKRs', 'Q3') as Date).toISOString()).toBe('2026-11-30T05:00:00.000Z');
    const bad = applyUserEdit(wb, {
      range: 'OKRs!Q3',
      values: [['next week']],
      paste: false,
      user: 'x@example.com',
    });
    expect(bad.ok).toBe(false);
    applyUserEdit(wb, { range: 'OKRs!R3', values: [['45%']], paste: false, user: 'x@example.com' });
    expect(wb.value('OKRs', 'R3')).toBe(0.45);
    expect(wb.displayValue('OKRs', 'R3')).toBe('45%');
  });

  test('a multi-cell paste spreads from the anchor and reports no single value', () => {
    const wb = demoWorkbook();
    const r = applyUserEdit(wb, {
      range: 'OKRs!R2',
      values: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      paste: true,
      user: 'x@example.com',
    });
    expect(r).toEqual({ ok: true, sheetName: 'OKRs', a1: 'R2:S3' });
    expect(wb.value('OKRs', 'S3')).toBe('d');
  });
});

describe('service objects', () => {
  test('print as their class name and serialise as {} (nothing of the runtime leaks)', () => {
    const { ss, app } = open(demoWorkbook());
    const sheet = ss.getSheetByName('OKRs');
    const things = [
      app,
      ss,
      sheet,
      sheet.getRange('A1'),
      app.newDataValidation(),
      sheet.protect(),
      app.getUi(),
    ];
    expect(things.map(String)).toEqual([
      'SpreadsheetApp',
      'Spreadsheet',
      'Sheet',
      'Range',
      'DataValidationBuilder',
      'Protection',
      'Ui',
    ]);
    expect(things.map((t) => JSON.stringify(t))).toEqual(things.map(() => '{}'));
  });
});

describe('menus and ui', () => {
  test('add-on menu items reach the UiSink; alert returns OK; toast', () => {
    const { app, ss, ctx } = open(demoWorkbook());
    const ui = app.getUi();
    ui.createAddonMenu()
      .addItem('Open sidebar', 'openSidebar')
      .addSeparator()
      .addItem('Validate', 'validate')
      .addToUi();
    expect(ctx.shown.menus).toEqual([
      {
        title: '',
        addon: true,
        items: [
          { caption: 'Open sidebar', functionName: 'openSidebar' },
          { separator: true },
          { caption: 'Validate', functionName: 'validate' },
        ],
      },
    ]);
    expect(String(ui.alert('Done'))).toBe('OK');
    expect(ui.alert('Sure?', 'Delete all?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ctx.shown.alerts).toEqual(['Done', 'Sure?\nDelete all?']);
    ss.toast('Saved', 'OKR Owners');
    expect(ctx.shown.toasts).toEqual(['OKR Owners: Saved']);
    expect(ctx.calls['Menu.addItem']).toBe(2);
  });
});

describe('charts and UI-less executions', () => {
  test('charts are stored with type, ranges and options; Charts.ChartType names the type', () => {
    const wb = demoWorkbook();
    const { ss, ctx } = open(wb);
    const Charts = createChartsService(ctx) as Any;
    const okrs = ss.getSheetByName('OKRs');
    const chart = okrs
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(okrs.getRange('D1:D13'))
      .addRange(okrs.getRange('M1:M13'))
      .setOption('title', 'Progress by key result')
      .setPosition(2, 20, 0, 0)
      .build();
    okrs.insertChart(chart);
    const [stored] = okrs.getCharts();
    expect(stored.getRanges().map((r: Any) => r.getA1Notation())).toEqual(['D1:D13', 'M1:M13']);
    expect(stored.getOptions().get('title')).toBe('Progress by key result');
    expect(stored.modify().getChartType()).toBe(Charts.ChartType.BAR);
    expect(wb.charts('OKRs')).toMatchObject([{ type: 'BAR', position: { row: 2, col: 20 } }]);
    okrs.updateChart(stored.modify().setOption('title', 'Renamed').build());
    expect(wb.charts('OKRs')[0]?.options.title).toBe('Renamed');
    okrs.removeChart(stored);
    expect(wb.charts('OKRs')).toEqual([]);
    expect(ctx.calls['Sheet.insertChart']).toBe(1);
  });

  test('getUi() throws Google’s message when the execution has no UI (hasUi: false)', () => {
    const ctx = Object.assign(fakeContext(), { hasUi: false });
    const app = createSpreadsheetApp(demoWorkbook(), ctx) as Any;
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('the number format decides Date vs number when reading', () => {
  test('a serial under a date format reads as a Date; a date under a number format reads as its serial', () => {
    const wb = Workbook.fromRows({ S: [[46349, new Date('2026-11-23T05:00:00Z')]] });
    const { ss, ctx } = open(wb);
    const r = ss.getSheetByName('S').getRange('A1:B1');
    r.setNumberFormats([['yyyy-mm-dd', '0']]);
    const [[a, b]] = r.getValues();
    expect(ctx.run('a instanceof Date', { a })).toBe(true);
    expect(a.toISOString()).toBe('2026-11-23T05:00:00.000Z');
    expect(b).toBe(46349);
    expect(r.getDisplayValues()).toEqual([['2026-11-23', '46349']]);
    expect(wb.values('S')).toEqual([[new Date('2026-11-23T05:00:00Z'), 46349]]);
  });
});

describe('authorization modes', () => {
  test('AuthMode.NONE builds menus but reads nothing; LIMITED may not open other spreadsheets', () => {
    const wb = demoWorkbook();
    const none = Object.assign(fakeContext(), { authMode: 'NONE' as const });
    const app = createSpreadsheetApp(wb, none) as Any;
    app.getUi().createAddonMenu().addItem('Open', 'open').addToUi();
    expect(none.shown.menus).toHaveLength(1);
    const ss = app.getActiveSpreadsheet();
    expect(() => ss.getSheetByName('OKRs')).toThrow(
      'You do not have permission to call SpreadsheetApp.Spreadsheet.getSheetByName',
    );
    const limited = Object.assign(fakeContext(), { authMode: 'LIMITED' as const });
    const app2 = createSpreadsheetApp(wb, limited) as Any;
    expect(app2.getActiveSpreadsheet().getSheetByName('OKRs').getRange('A2').getValue()).toBe('O1');
    expect(() => app2.openById(wb.id)).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    const full = createSpreadsheetApp(wb, fakeContext()) as Any;
    expect(full.openById(wb.id).getName()).toBe(wb.name);
    expect(() => full.openById('someone-elses-file')).toThrow();
  });
});
