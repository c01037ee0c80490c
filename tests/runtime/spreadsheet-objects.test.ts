// Validation rules, conditional formats, protections, structure changes and formats through the
// emulated SpreadsheetApp, as Google documents them.
import { demoWorkbook } from '../../local/fixtures/demo';
import {
  applyUserEdit,
  createSpreadsheetApp,
  PROTECTED_MESSAGE,
  Workbook,
} from '../../local/runtime/spreadsheet';
import { fakeContext } from '../../local/runtime/spreadsheet/testing';

// biome-ignore lint/suspicious/noExplicitAny: the emulated surface is untyped on purpose
type Any = any;

function open(wb: Workbook, opts: Parameters<typeof fakeContext>[0] = {}) {
  const ctx = fakeContext(opts);
  const app = createSpreadsheetApp(wb, ctx) as Any;
  return { ctx, app, ss: app.getActiveSpreadsheet() };
}

describe('data validation builder', () => {
  test('a new rule allows invalid input until setAllowInvalid(false); getters report criteria', () => {
    const wb = demoWorkbook();
    const { app, ss } = open(wb);
    const team = ss.getSheetByName('Team');
    const b = app.newDataValidation().requireValueInRange(team.getRange('B2:B9'), false);
    expect(b.getAllowInvalid()).toBe(true);
    const rule = b.setAllowInvalid(false).setHelpText('Pick a person').build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_RANGE);
    const [range, dropdown] = rule.getCriteriaValues();
    expect([range.getA1Notation(), range.getSheet().getName(), dropdown]).toEqual(['B2:B9', 'Team', false]);
    const okrs = ss.getSheetByName('OKRs');
    okrs.getRange('E20:E21').setDataValidation(rule);
    expect(wb.validation('OKRs', 'E21')).toEqual({
      type: 'VALUE_IN_RANGE',
      rangeA1: 'Team!B2:B9',
      showDropdown: false,
      allowInvalid: false,
      helpText: 'Pick a person',
    });
    const back = okrs.getRange('E20').getDataValidation();
    expect(back.getHelpText()).toBe('Pick a person');
    expect(back.copy().requireValueInList(['a', 'b']).build().getCriteriaValues()).toEqual([
      ['a', 'b'],
      true,
    ]);
    expect(
      okrs
        .getRange('E21:E22')
        .getDataValidations()
        .map((r: Any[]) => r[0] && String(r[0].getCriteriaType())),
    ).toEqual(['VALUE_IN_RANGE', null]);
    okrs.getRange('E20:E21').clearDataValidations();
    expect(wb.validation('OKRs', 'E21')).toBeNull();
  });

  test('number, date and checkbox rules reject typed input that breaks them', () => {
    const wb = Workbook.fromRows({ S: [['n', 'd', 'c']] });
    const { app, ss } = open(wb);
    const s = ss.getSheetByName('S');
    s.getRange('A2').setDataValidation(
      app.newDataValidation().requireNumberBetween(0, 1).setAllowInvalid(false).build(),
    );
    const start = new Date('2026-10-01T04:00:00Z');
    s.getRange('B2').setDataValidation(
      app.newDataValidation().requireDateOnOrAfter(start).setAllowInvalid(false).build(),
    );
    s.getRange('C2').insertCheckboxes();
    const edit = (range: string, v: unknown) =>
      applyUserEdit(wb, { range, values: [[v]], paste: false, user: 'u@example.com' });
    expect(edit('S!A2', '0.5').ok).toBe(true);
    expect(edit('S!A2', '1.5').ok).toBe(false);
    expect(edit('S!A2', 'half').ok).toBe(false);
    expect(edit('S!B2', '2026-10-01').ok).toBe(true);
    expect(edit('S!B2', '2026-09-30').ok).toBe(false);
    expect(wb.value('S', 'C2')).toBe(false);
    expect(edit('S!C2', 'TRUE').ok).toBe(true);
    expect(wb.value('S', 'C2')).toBe(true);
    expect(edit('S!C2', 'maybe').ok).toBe(false);
    expect(s.getRange('C2').isChecked()).toBe(true);
    // Clearing a validated cell is always allowed.
    expect(edit('S!A2', '').ok).toBe(true);
  });

  test('checkboxes: insert sets every cell unchecked, custom values, check/uncheck skip other values, remove', () => {
    const wb = Workbook.fromRows({
      S: [
        ['done', 'keep me'],
        ['x', 'y'],
      ],
    });
    const { ss } = open(wb);
    const s = ss.getSheetByName('S');
    s.getRange('A1:A2').insertCheckboxes();
    expect(wb.values('S').map((r) => r[0])).toEqual([false, false]);
    s.getRange('B1:B2').insertCheckboxes('yes', 'no');
    expect(wb.values('S').map((r) => r[1])).toEqual(['no', 'no']);
    s.getRange('B1').check();
    expect([wb.value('S', 'B1'), s.getRange('B1:B2').isChecked(), s.getRange('B1').isChecked()]).toEqual([
      'yes',
      null,
      true,
    ]);
    const edit = (v: string) =>
      applyUserEdit(wb, { range: 'S!B2', values: [[v]], paste: false, user: 'u@example.com' });
    expect(edit('maybe').ok).toBe(false);
    expect(edit('yes').ok).toBe(true);
    s.getRange('C1').insertCheckboxes('on');
    expect(wb.value('S', 'C1')).toBe('');
    wb.setValues('S', 'A2', [['other']]);
    s.getRange('A1:A2').check();
    expect(wb.values('S').map((r) => r[0])).toEqual([true, 'other']);
    s.getRange('A1:A2').removeCheckboxes();
    expect(wb.values('S').map((r) => r[0])).toEqual(['', 'other']);
    expect(wb.validation('S', 'A1')).toBeNull();
  });

  test('builder arguments are type-checked like Google’s', () => {
    const { app } = open(demoWorkbook());
    expect(() => app.newDataValidation().requireValueInList('a,b')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
    );
    expect(() => app.newDataValidation().build()).toThrow();
  });
});

describe('conditional format rules', () => {
  test('built, set and read back with ranges and a boolean condition', () => {
    const wb = demoWorkbook();
    const { app, ss } = open(wb);
    const okrs = ss.getSheetByName('OKRs');
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$P2<TODAY()-14')
      .setBackground('red')
      .setBold(true)
      .setRanges([okrs.getRange('A2:R13')])
      .build();
    const rules = okrs.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    rules.push(rule);
    okrs.setConditionalFormatRules(rules);
    const read = okrs.getConditionalFormatRules();
    expect(read).toHaveLength(3);
    const cond = read[2].getBooleanCondition();
    expect(String(cond.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(cond.getCriteriaValues()).toEqual(['=$P2<TODAY()-14']);
    expect([cond.getBackground(), cond.getBold(), cond.getFontColor()]).toEqual(['#ff0000', true, null]);
    expect(read[2].getRanges().map((r: Any) => r.getA1Notation())).toEqual(['A2:R13']);
    expect(wb.conditionalRules('OKRs')[2]).toMatchObject({
      rangesA1: ['A2:R13'],
      condition: { type: 'CUSTOM_FORMULA' },
    });
    expect(String(read[0].getBooleanCondition().getCriteriaType())).toBe('TEXT_EQUAL_TO');
  });
});

describe('protections', () => {
  test('a fresh protection protects nothing until its editors change; then only editors (and the owner) write', () => {
    const wb = demoWorkbook();
    const lead = open(wb, { user: 'priya.natarajan@example.com' });
    const p = lead.ss.getSheetByName('OKRs').getRange('A1:R1').protect().setDescription('Header');
    expect(p.canEdit()).toBe(true);
    expect(
      applyUserEdit(wb, {
        range: 'OKRs!A1',
        values: [['Key']],
        paste: false,
        user: 'lucas.meyer@example.com',
      }).ok,
    ).toBe(true);
    p.removeEditors(p.getEditors());
    // The owner and the current user always stay editors.
    expect(p.getEditors().map((u: Any) => u.getEmail())).toEqual([
      'owner@example.com',
      'priya.natarajan@example.com',
    ]);
    expect(String(p.getProtectionType())).toBe('RANGE');
    expect(p.getRange().getA1Notation()).toBe('A1:R1');

    const member = open(wb, { user: 'lucas.meyer@example.com' });
    expect(() => member.ss.getSheetByName('OKRs').getRange('B1').setValue('x')).toThrow(PROTECTED_MESSAGE);
    expect(
      member.ss.getSheetByName('OKRs').getProtections(member.app.ProtectionType.RANGE)[0].canEdit(),
    ).toBe(false);
    expect(
      applyUserEdit(wb, { range: 'OKRs!B1', values: [['x']], paste: true, user: 'lucas.meyer@example.com' }),
    ).toEqual({
      ok: false,
      message: PROTECTED_MESSAGE,
    });
    expect(() =>
      open(wb, { user: 'owner@example.com' }).ss.getSheetByName('OKRs').getRange('B1').setValue('Kind'),
    ).not.toThrow();
    // Emails compare case-insensitively, as Google accounts do.
    p.addEditor('Lucas.Meyer@Example.com');
    expect(() => member.ss.getSheetByName('OKRs').getRange('B1').setValue('Kind')).not.toThrow();
    p.removeEditor('lucas.meyer@example.com');
    expect(() => member.ss.getSheetByName('OKRs').getRange('B1').setValue('x')).toThrow(PROTECTED_MESSAGE);
    p.setWarningOnly(true);
    expect(() => member.ss.getSheetByName('OKRs').getRange('B1').setValue('Type')).not.toThrow();
    expect(wb.protectionsOf('OKRs')[0]).toMatchObject({
      type: 'RANGE',
      rangeA1: 'A1:R1',
      warningOnly: true,
      description: 'Header',
    });
  });

  test('sheet protection with an unprotected range; protect() twice returns the same protection', () => {
    const wb = demoWorkbook();
    const { ss } = open(wb);
    const sheet = ss.getSheetByName('Team');
    const p = sheet.protect();
    p.setUnprotectedRanges([sheet.getRange('F2:F9')]).removeEditors(['x@example.com']);
    expect(
      sheet
        .protect()
        .getUnprotectedRanges()
        .map((r: Any) => r.getA1Notation()),
    ).toEqual(['F2:F9']);
    const edit = (range: string, v: string) =>
      applyUserEdit(wb, { range, values: [[v]], paste: false, user: 'aiko.tanaka@example.com' });
    expect(edit('Team!F6', 'en').ok).toBe(true);
    expect(edit('Team!A6', 'Aiko T.').ok).toBe(false);
    p.remove();
    expect(wb.protectionsOf('Team')).toEqual([]);
    expect(edit('Team!A6', 'Aiko T.').ok).toBe(true);
  });
});

describe('structure', () => {
  test('inserting and deleting rows moves values, validation sources, named ranges, protections and rules', () => {
    const wb = demoWorkbook();
    const { ss } = open(wb);
    const okrs = ss.getSheetByName('OKRs');
    // The demo's conditional rule covers its data rows: it grows by the two rows inserted.
    const lastRow = wb.values('OKRs').length;
    ss.setNamedRange('KRs', okrs.getRange('A3:A5'));
    okrs.getRange('A3:A5').protect().setDescription('KR ids');
    okrs.insertRowsBefore(3, 2);
    expect(wb.value('OKRs', 'A5')).toBe('O1.1');
    expect(wb.value('OKRs', 'A3')).toBe('');
    expect(wb.namedRangeA1('KRs')).toBe('OKRs!A5:A7');
    expect(wb.protectionsOf('OKRs')[0]?.rangeA1).toBe('A5:A7');
    expect(wb.conditionalRules('OKRs')[0]?.rangesA1).toEqual([`N2:N${lastRow + 2}`]);
    // New rows take the formats and validation of the row before them.
    expect(wb.validation('OKRs', 'E3')?.type).toBe('VALUE_IN_RANGE');
    expect(wb.numberFormat('OKRs', 'M3')).toBe('0%');
    const team = ss.getSheetByName('Team');
    team.insertRowsBefore(2, 1);
    expect(wb.validation('OKRs', 'E5')?.rangeA1).toBe('Team!B3:B1001');
    okrs.deleteRows(3, 2);
    expect(wb.value('OKRs', 'A3')).toBe('O1.1');
    expect(wb.namedRangeA1('KRs')).toBe('OKRs!A3:A5');
    okrs.deleteColumn(1);
    expect(wb.value('OKRs', 'A1')).toBe('Type');
    expect(() => okrs.deleteRows(990, 20)).toThrow('Those rows are out of bounds.');
    expect(() => okrs.deleteRows(1, okrs.getMaxRows())).toThrow();
  });

  test('sheets: insert (active, after the active sheet), rename, duplicate names, hide, delete', () => {
    const wb = demoWorkbook();
    const { ss } = open(wb);
    ss.setActiveSheet(ss.getSheetByName('Team'));
    const sum = ss.insertSheet('Summary');
    expect(wb.sheetNames()).toEqual(['Team', 'Summary', 'OKRs', 'Check-ins', 'Agreements']);
    expect(ss.getActiveSheet().getName()).toBe('Summary');
    expect(sum.getIndex()).toBe(2);
    expect(() => ss.insertSheet('okrs')).toThrow(
      'A sheet with the name "okrs" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('check-ins').getName()).toBe('Check-ins');
    sum.setName('Leadership summary').hideSheet();
    expect(wb.isHidden('Leadership summary')).toBe(true);
    // The demo's four tabs and the Summary: index 5 is after the last.
    ss.insertSheet('Last', 5);
    expect(wb.sheetNames().at(-1)).toBe('Last');
    ss.deleteSheet(ss.getSheetByName('Last'));
    expect(ss.getNumSheets()).toBe(5);
    expect(ss.getSheetByName('Last')).toBeNull();
  });

  test('frozen rows, column widths, row groups, merges', () => {
    const wb = demoWorkbook();
    const { ss } = open(wb);
    const okrs = ss.getSheetByName('OKRs');
    okrs.setFrozenRows(2);
    okrs.setColumnWidths(2, 3, 150);
    expect([
      wb.frozenRows('OKRs'),
      okrs.getColumnWidth(3),
      wb.columnWidth('OKRs', 4),
      okrs.getColumnWidth(1),
    ]).toEqual([2, 150, 150, 100]);
    okrs.getRange('3:5').shiftRowGroupDepth(1);
    const g = okrs.getRowGroup(4, 1);
    expect([g.getDepth(), g.getRange().getA1Notation(), g.isCollapsed()]).toEqual([1, 'A3:Z5', false]);
    g.collapse();
    expect(wb.sheet('OKRs').rowGroups()).toEqual([{ start: 3, count: 3, depth: 1, collapsed: true }]);
    okrs.getRange('T1:U1').merge();
    expect(okrs.getRange('U1').isPartOfMerge()).toBe(true);
    expect(
      okrs
        .getRange('A1:Z1')
        .getMergedRanges()
        .map((r: Any) => r.getA1Notation()),
    ).toEqual(['T1:U1']);
  });
});

describe('formats and display values', () => {
  test('number formats: percent, grouping, decimals, dates in the spreadsheet time zone, text', () => {
    const wb = Workbook.fromRows({
      S: [[0.309, 1234567.891, 0.5, new Date('2026-11-23T03:30:00Z'), 42, -3.14259, 'text', true]],
    });
    const { ss } = open(wb);
    const r = ss.getSheetByName('S').getRange('A1:H1');
    r.setNumberFormats([['0%', '#,##0.00', '0.0%', 'yyyy-mm-dd', '"$"#,##0', '0.00', '@', '0']]);
    expect(r.getDisplayValues()).toEqual([
      ['31%', '1,234,567.89', '50.0%', '2026-11-22', '$42', '-3.14', 'text', 'TRUE'],
    ]);
    r.setNumberFormats([
      [
        '0.###############',
        '0',
        'dddd, mmmm d',
        'M/d/yyyy h:mm AM/PM',
        '#,##0',
        '0;(0)',
        'General',
        'General',
      ],
    ]);
    // 0.5 under a date format is noon of day 0 (1899-12-30).
    expect(r.getDisplayValues()).toEqual([
      ['0.309', '1234568', 'Saturday, December 30', '11/22/2026 10:30 PM', '42', '(3)', 'text', 'TRUE'],
    ]);
    expect(r.getNumberFormats()[0][0]).toBe('0.###############');
    const plain = ss.getSheetByName('S').getRange('J1');
    expect(plain.getNumberFormat()).toBe('0.###############');
    plain.setValue(45987); // a date serial under a date format
    plain.setNumberFormat('yyyy-mm-dd');
    expect(plain.getDisplayValue()).toBe('2025-11-26');
  });

  test('backgrounds, fonts, notes and alignment, with defaults Google reports', () => {
    const wb = demoWorkbook();
    const { ss, ctx } = open(wb);
    const r = ss.getSheetByName('OKRs').getRange('A2:B3');
    expect([
      r.getBackground(),
      r.getFontWeight(),
      r.getFontColor(),
      r.getFontSize(),
      r.getFontFamily(),
    ]).toEqual(['#ffffff', 'normal', '#000000', 10, 'Arial']);
    r.setBackground('#FFF')
      .setFontWeight('bold')
      .setFontColor('#990000')
      .setFontStyle('italic')
      .setHorizontalAlignment('center')
      .setWrap(true);
    r.setNotes([
      ['a', null],
      ['', 'd'],
    ]);
    expect(r.getBackgrounds()).toEqual([
      ['#ffffff', '#ffffff'],
      ['#ffffff', '#ffffff'],
    ]);
    expect(r.getNotes()).toEqual([
      ['a', ''],
      ['', 'd'],
    ]);
    expect(wb.fontWeight('OKRs', 'B3')).toBe('bold');
    expect(wb.fontColor('OKRs', 'A2')).toBe('#990000');
    r.clearFormat();
    expect(wb.fontWeight('OKRs', 'B3')).toBe('normal');
    expect(wb.note('OKRs', 'B3')).toBe('d');
    expect(ctx.calls['Range.setBackground']).toBe(1);
    expect(ctx.cells['Range.setNotes']).toBe(4);
  });
});

describe('selection', () => {
  test('the runtime’s selection becomes the active range; activate() moves it', () => {
    const wb = demoWorkbook();
    const { ss, app } = open(wb, { user: 'lucas.meyer@example.com', activeRange: 'OKRs!E5' });
    expect(ss.getActiveRange().getA1Notation()).toBe('E5');
    expect(app.getActiveSheet().getName()).toBe('OKRs');
    ss.getSheetByName('Team').getRange('B2:B3').activate();
    expect(ss.getSelection().getActiveRange().getA1Notation()).toBe('B2:B3');
    expect(ss.getActiveSheet().getName()).toBe('Team');
    expect(wb.selections.get('lucas.meyer@example.com')?.range).toMatchObject({ row: 2, col: 2, numRows: 2 });
  });
});

describe('time zone', () => {
  test('changing the spreadsheet time zone keeps the wall-clock dates shown; instants move', () => {
    const wb = demoWorkbook();
    const { ss } = open(wb);
    // The log's last check-in: a November date, when New York is 14 hours behind Tokyo (an earlier
    // one may fall in daylight saving time, 13 hours).
    const last = wb.values('Check-ins').length;
    const before = wb.displayValues('Check-ins')[last - 1]?.[0];
    const instant = (wb.value('Check-ins', `A${last}`) as Date).getTime();
    expect(new Date(instant).getUTCMonth()).toBe(10);
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    expect(wb.displayValues('Check-ins')[last - 1]?.[0]).toBe(before);
    expect(instant - (wb.value('Check-ins', `A${last}`) as Date).getTime()).toBe(14 * 3600_000);
  });

  test('range protections do not stop inserting rows elsewhere; a sheet protection does', () => {
    const wb = demoWorkbook();
    const owner = open(wb);
    const okrs = owner.ss.getSheetByName('OKRs');
    okrs.getRange('A1:R1').protect().removeEditors(['x@example.com']);
    const member = open(wb, { user: 'lucas.meyer@example.com' }).ss.getSheetByName('OKRs');
    expect(() => member.insertRowsAfter(5, 1)).not.toThrow();
    expect(() => member.deleteRow(1)).toThrow(PROTECTED_MESSAGE);
    owner.ss.getSheetByName('Team').protect().removeEditors(['x@example.com']);
    expect(() =>
      open(wb, { user: 'lucas.meyer@example.com' }).ss.getSheetByName('Team').insertRowsAfter(2, 1),
    ).toThrow(PROTECTED_MESSAGE);
    const teamAsMember = open(wb, { user: 'lucas.meyer@example.com' }).ss.getSheetByName('Team');
    expect(() => teamAsMember.setName('People')).toThrow(PROTECTED_MESSAGE);
    expect(() => teamAsMember.setFrozenRows(2)).toThrow(PROTECTED_MESSAGE);
    expect(() => member.setColumnWidth(2, 200)).not.toThrow();
  });
});

describe('sorting, copying, finding, limits', () => {
  test('sort moves whole rows (formats and validation too); empty cells last; descending', () => {
    const wb = demoWorkbook();
    const { ss } = open(wb);
    const okrs = ss.getSheetByName('OKRs');
    // Every data row of the demo (its two cycles).
    const rows = `A2:R${wb.values('OKRs').length}`;
    okrs.getRange(rows).sort({ column: 13, ascending: false });
    const progress = wb
      .values('OKRs')
      .slice(1)
      .map((r) => r[12] as number);
    expect(progress).toEqual([...progress].sort((a, b) => b - a));
    const row = wb.values('OKRs').findIndex((r) => r[0] === 'O2.2') + 1;
    expect(wb.validation('OKRs', `E${row}`)?.type).toBe('VALUE_IN_RANGE');
    expect(wb.displayValue('OKRs', `Q${row}`)).toBe('2026-12-31');
    okrs.getRange(rows).sort([{ column: 3 }, 1]);
    expect(
      wb
        .values('OKRs')
        .slice(1, 4)
        .map((r) => r[0]),
    ).toEqual(['O1.1', 'O1.2', 'O1.3']);
    expect(() => okrs.getRange('A2:B3').sort(5)).toThrow();
  });

  test('copyTo copies values, formulas and formats; createTextFinder finds and replaces', () => {
    const wb = demoWorkbook();
    const { ss } = open(wb);
    const okrs = ss.getSheetByName('OKRs');
    okrs.getRange('A1:B2').copyTo(okrs.getRange('T1'));
    expect(wb.values('OKRs')[1]?.slice(19, 21)).toEqual(['O1', 'Objective']);
    expect(wb.fontWeight('OKRs', 'T1')).toBe('bold');
    const hits = ss.getSheetByName('Team').createTextFinder('example.com').findAll();
    expect(hits).toHaveLength(15);
    const finder = okrs.createTextFinder('at risk').matchEntireCell(true);
    expect(finder.findNext().getA1Notation()).toBe('N4');
    expect(okrs.getRange('N2:N13').createTextFinder('At risk').replaceAllWith('Watch')).toBe(3);
    expect(wb.value('OKRs', 'N4')).toBe('Watch');
  });

  test('a TextFinder with useRegularExpression matches the pattern (the whole cell with matchEntireCell)', () => {
    const wb = demoWorkbook();
    const { ss } = open(wb);
    const okrs = ss.getSheetByName('OKRs');
    okrs.getRange('A3').setValue(' O1.1 ');
    const ids = okrs.getRange('A2:A13');
    const rows = (f: { findAll(): Array<{ getRow(): number }> }) => f.findAll().map((r) => r.getRow());
    expect(rows(ids.createTextFinder('O1.1').matchCase(true).matchEntireCell(true))).toEqual([]);
    expect(
      rows(
        ids
          .createTextFinder('[ \\t]*O1\\.1[ \\t]*')
          .matchCase(true)
          .matchEntireCell(true)
          .useRegularExpression(true),
      ),
    ).toEqual([3]);
    // Without matchEntireCell a pattern matches inside a cell; the dot is escaped, so "O1x1" is no match.
    expect(rows(ids.createTextFinder('O1\\.1').useRegularExpression(true)).length).toBeGreaterThanOrEqual(1);
    expect(rows(ids.createTextFinder('^o1\\.1$').matchCase(true).useRegularExpression(true))).toEqual([]);
  });

  test('a cell over 50,000 characters is refused before anything is written', () => {
    const wb = demoWorkbook();
    const { ss } = open(wb);
    const long = 'x'.repeat(50_001);
    const r = ss.getSheetByName('OKRs').getRange('R2:R3');
    expect(() => r.setValues([['fine'], [long]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(wb.value('OKRs', 'R2')).toBe('');
    expect(
      applyUserEdit(wb, { range: 'OKRs!R2', values: [[long]], paste: true, user: 'x@example.com' }).ok,
    ).toBe(false);
    expect(() => r.setValue('x'.repeat(50_000))).not.toThrow();
  });
});

describe('range lists', () => {
  test('getRangeList formats several ranges at once; the active range list', () => {
    const wb = demoWorkbook();
    const { ss, ctx } = open(wb);
    const okrs = ss.getSheetByName('OKRs');
    const list = okrs.getRangeList(['A2', 'A6', 'Team!A1:B1']);
    list.setBackground('#fce8b2').setFontWeight('bold');
    expect([wb.background('OKRs', 'A2'), wb.background('OKRs', 'A6'), wb.background('Team', 'B1')]).toEqual([
      '#fce8b2',
      '#fce8b2',
      '#fce8b2',
    ]);
    expect(list.getRanges().map((r: Any) => r.getA1Notation())).toEqual(['A2', 'A6', 'A1:B1']);
    expect(ctx.calls['RangeList.setBackground']).toBe(1);
    expect(() => okrs.getRangeList('A1')).toThrow(
      "don't match the method signature for SpreadsheetApp.Sheet.getRangeList",
    );
    expect(ss.getActiveRangeList().getRanges()).toHaveLength(1);
  });
});

test('a range list is one call, its cells metered once', () => {
  const wb = demoWorkbook();
  const { ss, ctx } = open(wb);
  const traced: Array<[string, number]> = [];
  const meter = ctx.meter.call.bind(ctx.meter);
  ctx.meter.call = (method: string, cells?: number) => {
    traced.push([method, cells ?? 0]);
    meter(method, cells);
  };
  ss.getSheetByName('OKRs').getRangeList(['A2:B3', 'D5']).setNumberFormat('0%');
  expect(traced.filter(([m]) => /setNumberFormat/.test(m))).toEqual([['RangeList.setNumberFormat', 5]]);
  expect(wb.numberFormat('OKRs', 'B3')).toBe('0%');
  expect(wb.numberFormat('OKRs', 'D5')).toBe('0%');
});
