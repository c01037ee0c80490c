// A tiny stand-in for the spreadsheet module (local/runtime/spreadsheet), so the execution model is tested on its own:
// cells in a map, a metered SpreadsheetApp with the few methods the tests call, JSON "xlsx" files.
import type { ExecutionContext } from '../../local/runtime/contract';
import type { SheetsModule, WorkbookLike } from '../../local/runtime/runtime';

export class FakeWorkbook implements WorkbookLike {
  id = 'fake-spreadsheet-id';
  name = 'Fake';
  timeZone = 'America/New_York';
  locale = 'en_US';
  cells: Record<string, unknown> = {};
  sidecar() {
    return { id: this.id };
  }
}

export function fakeSheets(): SheetsModule<FakeWorkbook> & { apps: number } {
  const mod = {
    apps: 0,
    createSpreadsheetApp(wb: FakeWorkbook, ctx: ExecutionContext) {
      mod.apps++;
      const range = (sheet: string, a1: string) => ({
        getA1Notation: () => a1,
        getSheet: () => ({ getName: () => sheet }),
        getValue: () => {
          ctx.meter.call('Range.getValue', 1);
          return wb.cells[`${sheet}!${a1}`] ?? '';
        },
        getValues: () => {
          ctx.meter.call('Range.getValues', 1);
          return new ctx.realm.Array(new ctx.realm.Array(wb.cells[`${sheet}!${a1}`] ?? ''));
        },
        setValue: (v: unknown) => {
          ctx.meter.call('Range.setValue', 1);
          wb.cells[`${sheet}!${a1}`] = v;
        },
      });
      const sheet = (name: string) => ({ getName: () => name, getRange: (a1: string) => range(name, a1) });
      const ss = {
        getId: () => wb.id,
        getName: () => wb.name,
        getSpreadsheetTimeZone: () => wb.timeZone,
        getSheetByName: (name: string) => {
          ctx.meter.call('Spreadsheet.getSheetByName');
          return sheet(name);
        },
      };
      return {
        getActiveSpreadsheet: () => {
          ctx.meter.call('SpreadsheetApp.getActiveSpreadsheet');
          return ss;
        },
        getUi: () => ({
          showSidebar: (html: unknown) => ctx.ui.showSidebar(html as never),
          alert: (m: string) => ctx.ui.alert(m),
        }),
      };
    },
    applyUserEdit(
      wb: FakeWorkbook,
      req: { range: string; values: unknown[][]; paste: boolean; user: string },
    ) {
      const [sheetName, a1] = req.range.split('!');
      const v = req.values[0][0];
      if (!req.paste && sheetName === 'OKRs' && a1 === 'E5' && typeof v === 'string' && v.includes(',')) {
        return { ok: false as const, message: 'Input must be an item on the specified list.' };
      }
      const oldValue = wb.cells[req.range];
      wb.cells[req.range] = v;
      return { ok: true as const, sheetName, a1, oldValue, value: v };
    },
    async workbookToXlsx(wb: FakeWorkbook) {
      return Buffer.from(JSON.stringify({ fake: true, cells: wb.cells }));
    },
    async workbookFromXlsx(data: Buffer, sidecar?: unknown) {
      const parsed = JSON.parse(data.toString('utf8'));
      if (!parsed.fake) throw new Error('not a fake workbook');
      const wb = new FakeWorkbook();
      wb.cells = parsed.cells;
      if (sidecar && typeof sidecar === 'object' && 'id' in sidecar)
        wb.id = String((sidecar as { id: string }).id);
      return wb;
    },
  };
  return mod;
}
