// Workbooks through .xlsx (ExcelJS) and the sidecar: what a saved sandbox file keeps.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { demoWorkbook } from '../../local/fixtures/demo';
import {
  buildSidecar,
  createSpreadsheetApp,
  Workbook,
  workbookFromXlsx,
  workbookToXlsx,
} from '../../local/runtime/spreadsheet';
import { fakeContext } from '../../local/runtime/spreadsheet/testing';

// biome-ignore lint/suspicious/noExplicitAny: the emulated surface is untyped on purpose
type Any = any;

/** Every cell's stored state, for comparing two workbooks. */
function snapshot(wb: Workbook) {
  return wb.sheetNames().map((name) => {
    const s = wb.sheet(name);
    const cells: Record<string, unknown> = {};
    s.rows.forEach((row, i) => {
      row?.forEach((c, j) => {
        // An empty cell with nothing attached is the same as no cell.
        if (c && !(c.value === '' && Object.keys(c).length === 1))
          cells[`${i + 1},${j + 1}`] = JSON.parse(JSON.stringify(c));
      });
    });
    return {
      name,
      hidden: s.hidden,
      frozenRows: s.frozenRows,
      widths: s.columnWidths,
      rules: JSON.parse(JSON.stringify(s.conditionalRules)),
      values: wb.values(name),
      display: wb.displayValues(name),
      cells,
    };
  });
}

describe('xlsx round trip', () => {
  test('demo → xlsx → load (with sidecar) → identical values, formats, validation, rules, protections', async () => {
    const wb = demoWorkbook();
    const back = await workbookFromXlsx(await workbookToXlsx(wb), JSON.parse(JSON.stringify(wb.sidecar())));
    expect(snapshot(back)).toEqual(snapshot(wb));
    expect(back.id).toBe(wb.id);
    expect(back.timeZone).toBe('America/New_York');
    expect(back.protectionsOf()).toEqual(wb.protectionsOf());
    expect(back.sheetNames()).toEqual(['Team', 'OKRs', 'Check-ins', 'Agreements']);
  });

  test('without a sidecar, the xlsx alone keeps values, types, formats, notes, validation, frozen rows, widths and rules', async () => {
    const wb = demoWorkbook();
    const back = await workbookFromXlsx(await workbookToXlsx(wb));
    for (const name of wb.sheetNames()) {
      expect(back.values(name)).toEqual(wb.values(name));
      expect(back.displayValues(name)).toEqual(wb.displayValues(name));
      expect(back.frozenRows(name)).toBe(1);
    }
    expect(back.validation('OKRs', 'E5')).toEqual(wb.validation('OKRs', 'E5'));
    expect(back.validation('OKRs', 'E5')?.rangeA1).toBe('Team!B2:B1000');
    expect(back.validation('OKRs', 'B2')).toEqual({
      type: 'VALUE_IN_LIST',
      values: ['Objective', 'Key result'],
      showDropdown: true,
      allowInvalid: false,
      helpText: '',
    });
    expect(back.validation('OKRs', 'N2')?.allowInvalid).toBe(true);
    expect(back.validation('OKRs', 'Q2')).toEqual(wb.validation('OKRs', 'Q2'));
    expect(back.note('OKRs', 'E1')).toBe(wb.note('OKRs', 'E1'));
    expect(back.numberFormat('OKRs', 'M3')).toBe('0%');
    expect(back.fontWeight('OKRs', 'A1')).toBe('bold');
    expect(back.background('OKRs', 'A1')).toBe('#f1f3f4');
    expect(back.columnWidth('OKRs', 4)).toBe(320);
    expect(back.conditionalRules('OKRs').map((r) => [r.rangesA1, r.condition, r.format])).toEqual(
      wb.conditionalRules('OKRs').map((r) => [r.rangesA1, r.condition, r.format]),
    );
    const okrDates = back.values('OKRs').map((r) => r[14]);
    expect(Object.prototype.toString.call(okrDates[1])).toBe('[object Date]');
  });

  test('formulas keep their text and cached result; hidden sheets, merges, groups and sheet protection survive', async () => {
    const wb = Workbook.fromRows({
      Data: [
        ['n', 'double'],
        [2, '=A2*2'],
        [3, '=A3*2'],
      ],
      Hidden: [['x']],
    });
    wb.sheet('Data').cellForWrite(2, 2).value = 4; // a cached result, as a Google export carries
    wb.sheet('Data').cellForWrite(3, 2).value = '#REF!';
    const { app } = (() => {
      const ctx = fakeContext();
      return { app: createSpreadsheetApp(wb, ctx) as Any };
    })();
    const ss = app.getActiveSpreadsheet();
    ss.getSheetByName('Hidden').hideSheet();
    ss.getSheetByName('Data').getRange('D1:E1').merge();
    ss.getSheetByName('Data').getRange('2:3').shiftRowGroupDepth(1);
    ss.getSheetByName('Data').protect().removeEditors(['someone@example.com']);
    ss.getSheetByName('Data').hideColumns(3);
    ss.getSheetByName('Data').setTabColor('#00ff00');
    const back = await workbookFromXlsx(await workbookToXlsx(wb));
    expect(back.formula('Data', 'B2')).toBe('=A2*2');
    expect(back.value('Data', 'B2')).toBe(4);
    expect(back.value('Data', 'B3')).toBe('#REF!');
    expect(back.isHidden('Hidden')).toBe(true);
    expect(back.mergedRanges('Data')).toEqual(['D1:E1']);
    expect([...back.sheet('Data').hiddenCols]).toEqual([3]);
    expect(back.sheet('Data').tabColor).toBe('#00ff00');
    expect(back.sheet('Data').rowGroups()).toEqual([{ start: 2, count: 2, depth: 1, collapsed: false }]);
    expect(back.protectionsOf('Data').map((p) => [p.type, p.warningOnly])).toEqual([['SHEET', false]]);
  });

  test('the sidecar is JSON-safe and carries what xlsx cannot (editors, warning-only, named ranges, charts, checkboxes)', async () => {
    const wb = demoWorkbook();
    const ctx = fakeContext({ user: 'maya.chen@example.com' });
    const ss = (createSpreadsheetApp(wb, ctx) as Any).getActiveSpreadsheet();
    const okrs = ss.getSheetByName('OKRs');
    const p = okrs.getRange('A1:R1').protect().setDescription('Header').setWarningOnly(false);
    p.removeEditors(p.getEditors());
    p.addEditor('priya.natarajan@example.com');
    ss.setNamedRange('Owners', okrs.getRange('E2:E13'));
    okrs.insertChart(
      okrs
        .newChart()
        .asBarChart()
        .addRange(okrs.getRange('D1:D13'))
        .addRange(okrs.getRange('M1:M13'))
        .setOption('title', 'Progress')
        .setPosition(2, 20, 0, 0)
        .build(),
    );
    okrs.getRange('T2:T3').insertCheckboxes();
    const side = JSON.parse(JSON.stringify(wb.sidecar()));
    expect(buildSidecar(wb)).toEqual(side);
    const back = await workbookFromXlsx(await workbookToXlsx(wb), side);
    const header = back.protectionsOf('OKRs').find((x) => x.description === 'Header');
    expect(header?.editors).toEqual([
      'owner@example.com',
      'maya.chen@example.com',
      'priya.natarajan@example.com',
    ]);
    expect(header?.rangeA1).toBe('A1:R1');
    expect(back.namedRangeA1('Owners')).toBe('OKRs!E2:E13');
    expect(back.charts('OKRs')).toEqual(wb.charts('OKRs'));
    expect(back.charts('OKRs')[0]?.type).toBe('BAR');
    expect(back.validation('OKRs', 'T2')?.type).toBe('CHECKBOX');
    expect(back.value('OKRs', 'T2')).toBe(false);
    expect(back.protectionsOf('Check-ins')[0]?.warningOnly).toBe(true);
  });

  test('an ordinary xlsx (shared strings, styles, formulas with cached results, no sidecar) loads', async () => {
    // Built the way spreadsheet exporters write files: shared strings, a styles part, cached results.
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet('Exported Sheet');
    ws.addRow(['Name', 'Score', 'Double', 'When']);
    ws.addRow(['Ann', 2.5, { formula: 'B2*2', result: 5 }, new Date(Date.UTC(2026, 10, 30))]);
    ws.addRow(['Bo', 4, { formula: 'B3*2', result: 8 }, new Date(Date.UTC(2026, 11, 1, 12))]);
    ws.getCell('D2').numFmt = 'yyyy-mm-dd';
    ws.getCell('D3').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('A1').font = { bold: true };
    ws.getCell('B4').value = { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] };
    ws.getCell('E1').value = 'Shared';
    ws.fillFormula('E2:E3', 'B2+1', [3.5, 5]);
    ws.getCell('F2').value = { formula: 'NOPE()', result: { error: '#NAME?' } } as never;
    const buf = Buffer.from(await x.xlsx.writeBuffer({ useSharedStrings: true } as never));
    const wb = await workbookFromXlsx(buf);
    expect(wb.sheetNames()).toEqual(['Exported Sheet']);
    expect(wb.values('Exported Sheet').slice(0, 3)).toEqual([
      ['Name', 'Score', 'Double', 'When', 'Shared', ''],
      ['Ann', 2.5, 5, new Date('2026-11-30T05:00:00Z'), 3.5, '#NAME?'],
      ['Bo', 4, 8, new Date('2026-12-01T17:00:00Z'), 5, ''],
    ]);
    expect(wb.displayValues('Exported Sheet')[2]?.[3]).toBe('2026-12-01 12:00');
    expect(wb.formula('Exported Sheet', 'C2')).toBe('=B2*2');
    expect(wb.value('Exported Sheet', 'B4')).toBe('rich text');
    expect([wb.formula('Exported Sheet', 'E3'), wb.value('Exported Sheet', 'E3')]).toEqual(['=B3+1', 5]);
    expect([wb.formula('Exported Sheet', 'F2'), wb.value('Exported Sheet', 'F2')]).toEqual([
      '=NOPE()',
      '#NAME?',
    ]);
    expect(wb.fontWeight('Exported Sheet', 'A1')).toBe('bold');
  });
  // Other programs reading the saved file (an independent OOXML reader, LibreOffice): xlsx-readers.test.ts.
});

describe('a saved file edited by another tool', () => {
  test('a sheet renamed outside the sandbox keeps its cells; sidecar state for the old name is dropped', async () => {
    const wb = demoWorkbook();
    wb.namedRanges.set('Owners', { sheetId: wb.sheet('OKRs').id, row: 2, col: 5, numRows: 12, numCols: 1 });
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await workbookToXlsx(wb)) as never);
    (x.getWorksheet('OKRs') as ExcelJS.Worksheet).name = 'Goals';
    x.addWorksheet('Notes').getCell('A1').value = 'added elsewhere';
    const edited = Buffer.from(await x.xlsx.writeBuffer());
    const back = await workbookFromXlsx(edited, JSON.parse(JSON.stringify(wb.sidecar())));
    expect(back.sheetNames()).toEqual(['Team', 'Goals', 'Check-ins', 'Agreements', 'Notes']);
    expect(back.values('Goals')).toEqual(wb.values('OKRs'));
    expect(back.namedRangeA1('Owners')).toBeNull();
    const ids = back.sheets.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(back.protectionsOf('Check-ins')[0]?.warningOnly).toBe(true);
  });
});

describe('xlsx round trip over generated workbooks', () => {
  const value = fc.oneof(
    fc.constant(''),
    fc.integer({ min: -1e9, max: 1e9 }),
    // A sheet cell has no negative zero (a value crosses as JSON, where -0 is 0): x + 0 turns -0 into 0.
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
    fc.boolean(),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '007',
      '=1+1 as text',
      "'quoted",
      '2026-11-30',
      '45%',
      'TRUE',
      '  spaced  ',
      '日本語のメモ',
    ),
    fc
      .date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })
      .map((d) => new Date(Math.round(d.getTime() / 1000) * 1000)),
  );

  test('values keep their types and text stays text, whatever it looks like', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          const wb = new Workbook({ timeZone: 'Europe/Berlin' });
          const s = wb.addSheet('Data');
          // Host writes store values as given (no parsing), like values read back from Sheets.
          rows.forEach((r, i) => {
            r.forEach((v, j) => {
              s.cellForWrite(i + 1, j + 1).value = v;
            });
          });
          const back = await workbookFromXlsx(
            await workbookToXlsx(wb),
            JSON.parse(JSON.stringify(wb.sidecar())),
          );
          expect(back.values('Data')).toEqual(wb.values('Data'));
        },
      ),
      { numRuns: 25 },
    );
  });
});
