// A saved workbook read by programs other than ExcelJS: the test's own OOXML reader (always runs,
// so CI checks the file's bytes without ExcelJS reading its own output) and LibreOffice's CSV
// export (runs where `soffice` is installed; it is not part of CI's image).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoWorkbook } from '../../local/fixtures/demo';
import { Runtime, Workbook } from '../../local/runtime';
import { cellA1 } from '../../local/runtime/spreadsheet/a1';
import { dateSerial, isDateFormat, parseCsv, readXlsx, type XlsxValue } from './ooxml';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** What the runtime's value must look like in the file: Google's types mapped to OOXML's. */
function expected(v: unknown, timeZone: string): XlsxValue | undefined {
  if (v === '') return undefined;
  if (typeof v === 'number') return { type: 'number', value: v };
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  if (typeof v === 'string')
    return /^#[A-Z0-9/!?]+[!?A]?$/.test(v) ? { type: 'error', value: v } : { type: 'string', value: v };
  if (isDate(v)) return { type: 'date', serial: dateSerial(v, timeZone), format: '' };
  throw new Error(`unexpected value ${String(v)}`);
}

/** Compares every sheet's values (and formulas) with what the independent reader finds. */
function expectFileMatches(file: Buffer, wb: Workbook): number {
  const sheets = readXlsx(file);
  expect(sheets.map((s) => s.name)).toEqual(wb.sheetNames());
  let compared = 0;
  for (const sheet of sheets) {
    const values = wb.values(sheet.name);
    expect(sheet.state).toBe(wb.isHidden(sheet.name) ? 'hidden' : 'visible');
    values.forEach((row, i) => {
      row.forEach((v, j) => {
        const a1 = cellA1(i + 1, j + 1);
        const cell = sheet.cells.get(a1);
        const want = expected(v, wb.timeZone);
        const got = cell?.value;
        const where = `${sheet.name}!${a1}`;
        if (want?.type === 'date') {
          expect({ where, type: got?.type }).toEqual({ where, type: 'date' });
          if (got?.type === 'date') {
            // Within a millisecond: serials are days, written as decimal text.
            expect(Math.abs(got.serial - want.serial) * 86_400_000).toBeLessThan(1);
            expect(isDateFormat(got.format)).toBe(true);
          }
        } else if (want?.type === 'number' && got?.type === 'number') {
          expect({ where, value: got.value }).toEqual({ where, value: want.value });
        } else {
          expect({ where, value: got }).toEqual({ where, value: want });
        }
        const f = wb.formula(sheet.name, a1);
        expect({ where, formula: cell?.formula === undefined ? '' : `=${cell.formula}` }).toEqual({
          where,
          formula: f,
        });
        compared++;
      });
    });
    // Nothing outside the data range carries a value.
    for (const c of sheet.cells.values()) {
      if (c.value === undefined) continue;
      expect({
        where: `${sheet.name}!${c.ref}`,
        inside: c.row <= values.length && c.col <= (values[0]?.length ?? 0),
      }).toEqual({
        where: `${sheet.name}!${c.ref}`,
        inside: true,
      });
    }
  }
  return compared;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-xlsx-readers-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Saves a workbook the way `okr-sandbox demo` / `run` do (Runtime.save: xlsx + state, atomically). */
async function saveWithRuntime(wb: Workbook, name: string): Promise<Buffer> {
  const file = path.join(dir, name);
  const rt = await Runtime.open({ workbook: wb, workbookPath: file, code: '' });
  await rt.save();
  return fs.readFileSync(file);
}

describe('the saved xlsx read without ExcelJS', () => {
  test('the demo workbook: every value, type and formula of every sheet', async () => {
    const wb = demoWorkbook();
    const file = await saveWithRuntime(wb, 'demo.xlsx');
    const compared = expectFileMatches(file, wb);
    // The demo has dates (Accepted, Last check-in, Due, check-in times) and formulas-free numbers.
    expect(compared).toBeGreaterThan(200);
    const okrs = readXlsx(file).find((s) => s.name === 'OKRs');
    expect(okrs?.cells.get('O2')?.value?.type).toBe('date');
  });

  test('tricky values: text that looks like numbers, booleans, dates or markup stays text; dates in other zones; formulas', async () => {
    for (const timeZone of ['Asia/Tokyo', 'Europe/Berlin', 'America/Los_Angeles']) {
      const wb = new Workbook({ timeZone });
      const s = wb.addSheet('Data');
      const rows: unknown[][] = [
        ['007', 'TRUE', '2026-11-30', '45%', '=1+1 as text'],
        [true, false, 0, -12.5, 1e21],
        ['<a & "b">', '日本語のメモ', '  spaced  ', 'line\nbreak', 0.1 + 0.2],
        [
          new Date('2026-03-29T01:30:00Z'), // the hour Europe changes to summer time
          new Date('2026-11-01T09:00:00Z'), // US back to winter time
          new Date('1999-12-31T23:59:59Z'),
          new Date('2026-06-15T00:00:00.250Z'),
          '',
        ],
      ];
      rows.forEach((r, i) => {
        r.forEach((v, j) => {
          s.cellForWrite(i + 1, j + 1).value = v as never;
        });
      });
      const f1 = s.cellForWrite(5, 1);
      f1.formula = '=B2*2';
      f1.value = 0;
      const f2 = s.cellForWrite(5, 2);
      f2.formula = '=UPPER(A1)';
      f2.value = '007';
      const f3 = s.cellForWrite(5, 3);
      f3.formula = '=1/0';
      f3.value = '#DIV/0!';
      const f4 = s.cellForWrite(5, 4);
      f4.formula = '=A2';
      f4.value = true;
      const file = await saveWithRuntime(wb, `tricky-${timeZone.replace('/', '-')}.xlsx`);
      expect(expectFileMatches(file, wb)).toBe(25);
      const cells = readXlsx(file)[0]?.cells;
      // A number stored as text must never become a number in the file.
      expect(cells?.get('A1')?.value).toEqual({ type: 'string', value: '007' });
      expect(cells?.get('C5')?.value).toEqual({ type: 'error', value: '#DIV/0!' });
    }
  });

  test('the checker can fail: a changed value or a date off by an hour is caught', async () => {
    const wb = demoWorkbook();
    const file = await saveWithRuntime(wb, 'changed.xlsx');
    const other = demoWorkbook();
    other.setValues('Team', 'A2', [['Someone Else']]);
    expect(() => expectFileMatches(file, other)).toThrow(/Team!A2/);
    const shifted = demoWorkbook();
    const due = shifted.value('OKRs', 'Q2') as Date;
    shifted.sheet('OKRs').cellForWrite(2, 17).value = new Date(due.getTime() + 3_600_000);
    expect(() => expectFileMatches(file, shifted)).toThrow();
  });
});

// LibreOffice, where installed (`apt-get install libreoffice-calc-nogui`; too large for CI's image).
const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], {
  encoding: 'utf8',
}).stdout.trim();

describe('the saved xlsx opened by LibreOffice', () => {
  (soffice ? test : test.skip)(
    'every sheet converts to CSV with the values the runtime shows (getDisplayValues)',
    async () => {
      const file = path.join(dir, 'lo.xlsx');
      await saveWithRuntime(demoWorkbook(), 'lo.xlsx');
      const out = path.join(dir, 'csv');
      // Filter options: comma, double quote, UTF-8, from line 1, …, "save cell contents as shown",
      // and sheet -1 = one CSV per sheet (<name>-<sheet>.csv). A private profile keeps parallel
      // runs from fighting over ~/.config/libreoffice.
      execFileSync(
        soffice,
        [
          `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
          '--outdir',
          out,
          file,
        ],
        { timeout: 120_000, stdio: 'pipe' },
      );
      const back = (await Runtime.open({ workbookPath: file, code: '' })).workbook;
      for (const name of back.sheetNames()) {
        const csv = parseCsv(fs.readFileSync(path.join(out, `lo-${name}.csv`), 'utf8'));
        expect(csv).toEqual(back.displayValues(name));
      }
    },
    180_000,
  );
});
