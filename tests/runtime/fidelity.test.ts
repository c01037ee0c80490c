// Behaviours a port of another project's Apps Script conformance checks found different from
// Google's, each as Apps Script shows it (the kit, kit/project/Conformance.gs, observes the same on
// Google's servers). Never friendlier than Google.
import crypto from 'node:crypto';
import { Runtime, Workbook } from '../../local/runtime';
import { openScript } from './harness';

const SHEET_CODE = `
function copies() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  sheet.getRange('A1:B1').setValues([[1, 2]]);
  sheet.getRange('A1').setBackground('#00ff00');
  // Into 3 rows × 4 columns: a multiple of 1 × 2, so the pair is repeated to fill it.
  sheet.getRange('A1:B1').copyTo(sheet.getRange('A3:D5'));
  // Into 3 columns: not a multiple of 2, so once.
  sheet.getRange('A1:B1').copyTo(sheet.getRange('A7:C7'));
  // Transposed: a column.
  sheet.getRange('A1:B1').copyTo(sheet.getRange('F1'), SpreadsheetApp.CopyPasteType.PASTE_NORMAL, true);
  // Values only, formats left alone.
  sheet.getRange('A1:B1').copyTo(sheet.getRange('A9'), SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
  // A formula's relative references move with it; $ stays.
  sheet.getRange('H1').setFormula('=A1+$B$1+"A1"');
  sheet.getRange('H1').copyTo(sheet.getRange('I2'));
  var get = function (a1) { return sheet.getRange(a1).getValues(); };
  return {
    tiled: get('A3:E5'), once: get('A7:D7'), transposed: get('F1:G2'), values: get('A9:B9'),
    tiledBackground: sheet.getRange('C5').getBackground(), valuesBackground: sheet.getRange('A9').getBackground(),
    formula: sheet.getRange('I2').getFormula(),
  };
}
function formulas() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  sheet.getRange('B2:C3').setFormula("=A1*$A$1+A$1+$A1+SUM(A1:A2)+LOG10(A1)&\\"B2\\"&'S'!A1");
  sheet.getRange('D1:D2').setFormula('=D1');
  return sheet.getRange('B2:D3').getFormulas();
}
function missing() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  var out = [];
  var calls = [
    function () { return sheet.getRange('A1').getBandings(); },
    function () { return sheet.getSlicers(); },
    function () { return Utilities.zip([]); },
  ];
  for (var i = 0; i < 3; i++) {
    try { calls[i](); out.push('no error'); } catch (e) { out.push([e instanceof Error, e.message]); }
  }
  // A name that is no Apps Script method stays undefined, as in Apps Script.
  out.push(typeof sheet.getRange('A1').notAMethod, typeof sheet.getRange('A1').getValues);
  return out;
}
function wrongTypes() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  var calls = [
    function () { sheet.insertRowsAfter('1', 2); },
    function () { sheet.setColumnWidth('1', 100); },
    function () { sheet.getRange('A1').offset('1', 0); },
    function () { LockService.getScriptLock().tryLock('1000'); },
    function () { Utilities.sleep('10'); },
  ];
  return calls.map(function (f) { try { f(); return 'no error'; } catch (e) { return e.message; } });
}
function formats() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  var a1 = sheet.getRange('A1'), b1 = sheet.getRange('B1');
  a1.setNumberFormat('0.00');
  a1.setNumberFormat('general');
  b1.setNumberFormats([['General']]);
  var c1 = sheet.getRange('C1');
  c1.setBackground('red');
  c1.setFontColor('cornflowerblue');
  var d1 = sheet.getRange('D1');
  d1.setBackground('RebeccaPurple');
  return {
    general: a1.getNumberFormat(), generalGrid: b1.getNumberFormat(), fresh: sheet.getRange('Z9').getNumberFormat(),
    wrap: sheet.getRange('Z9').getWrap(), wrapStrategy: String(sheet.getRange('Z9').getWrapStrategy()),
    background: c1.getBackground(), fontColor: c1.getFontColor(), purple: d1.getBackground(),
  };
}
`;

describe('Sheets', () => {
  async function open() {
    return Runtime.open({
      workbook: Workbook.fromRows({ S: [['x']] }),
      code: SHEET_CODE,
      options: { now: '2026-11-23T15:00:00Z' },
    });
  }

  test("setNumberFormat('general') reads back as Sheets' automatic format; a new cell's getWrap() is true; CSS colour names come back as hex", async () => {
    const r = (await open()).run('formats');
    expect(r.error?.message ?? 'ok').toBe('ok');
    expect(r.result).toEqual({
      general: '0.###############',
      generalGrid: '0.###############',
      fresh: '0.###############',
      wrap: true,
      wrapStrategy: 'OVERFLOW',
      background: '#ff0000',
      fontColor: '#6495ed',
      purple: '#663399',
    });
  });
});

test('an Apps Script method the runtime does not emulate throws one clear error, not a TypeError', async () => {
  const rt = await Runtime.open({
    workbook: Workbook.fromRows({ S: [['x']] }),
    code: SHEET_CODE,
    options: { now: '2026-11-23T15:00:00Z' },
  });
  const r = rt.run('missing');
  expect(r.error?.message ?? 'ok').toBe('ok');
  expect(r.result).toEqual([
    [true, 'Range.getBandings is not implemented in the local runtime'],
    [true, 'Sheet.getSlicers is not implemented in the local runtime'],
    [true, 'Utilities.zip is not implemented in the local runtime'],
    'undefined',
    'function',
  ]);
});

test("arguments of the wrong type throw Google's signature error naming the method called", async () => {
  const rt = await Runtime.open({
    workbook: Workbook.fromRows({ S: [['x']] }),
    code: SHEET_CODE,
    options: { now: '2026-11-23T15:00:00Z' },
  });
  const m = (types: string, method: string) =>
    `The parameters (${types}) don't match the method signature for ${method}.`;
  expect(rt.run('wrongTypes').result).toEqual([
    m('String,number', 'SpreadsheetApp.Sheet.insertRowsAfter'),
    m('String,number', 'SpreadsheetApp.Sheet.setColumnWidth'),
    m('String,number', 'SpreadsheetApp.Range.offset'),
    m('String', 'LockService.Lock.tryLock'),
    m('String', 'Utilities.sleep'),
  ]);
});

describe('copyTo and setFormula', () => {
  async function open() {
    return Runtime.open({
      workbook: Workbook.fromRows({ S: [['x']] }),
      code: SHEET_CODE,
      options: { now: '2026-11-23T15:00:00Z' },
    });
  }

  test('copyTo repeats the source over a destination a multiple of its size, transposes, pastes values only', async () => {
    const r = (await open()).run('copies');
    expect(r.error?.message ?? 'ok').toBe('ok');
    expect(r.result).toEqual({
      tiled: [
        [1, 2, 1, 2, ''],
        [1, 2, 1, 2, ''],
        [1, 2, 1, 2, ''],
      ],
      once: [[1, 2, '', '']],
      transposed: [
        [1, ''],
        [2, ''],
      ],
      values: [[1, 2]],
      tiledBackground: '#00ff00',
      valuesBackground: '#ffffff',
      formula: '=B2+$B$1+"A1"',
    });
  });

  test('setFormula on many cells moves relative references with each cell, as the top left one reads', async () => {
    const r = (await open()).run('formulas');
    expect(r.error?.message ?? 'ok').toBe('ok');
    const f = (a: string, b: string, c: string, d: string) =>
      `=${a}*$A$1+${b}$1+$A${d}+SUM(${a}:${c})+LOG10(${a})&"B2"&'S'!${a}`;
    expect(r.result).toEqual([
      [f('A1', 'A', 'A2', '1'), f('B1', 'B', 'B2', '1'), '=D2'],
      [f('A2', 'A', 'A3', '2'), f('B2', 'B', 'B3', '2'), ''],
    ]);
  });
});

describe('services', () => {
  const code = `
    function cache() { var c = CacheService.getScriptCache(); return [c.put('k', 'v'), c.remove('k'), c.get('k')]; }
    function tryNegative() { var l = LockService.getScriptLock(); return [l.tryLock(-1), l.hasLock(), l.tryLock(0)]; }
    function waitNegative() { LockService.getScriptLock().waitLock(-1); }
    function blob() { return [Utilities.newBlob('hello').getContentType(), Utilities.newBlob([104, 105]).getContentType(),
      Utilities.newBlob('x', 'text/csv').getContentType()]; }
    function digest(s) { return [Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, s),
      Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, s, Utilities.Charset.UTF_8)]; }
  `;

  test('Cache.put and Cache.remove answer null', async () => {
    const rt = await openScript(code);
    expect(rt.run('cache').result).toEqual([null, null, null]);
  });

  test('a negative lock timeout never gets the lock: tryLock(-1) is false, waitLock(-1) throws', async () => {
    const rt = await openScript(code);
    expect(rt.run('tryNegative').result).toEqual([false, false, true]);
    const r = rt.run('waitNegative');
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe('Lock timeout: another process was holding the lock for too long.');
  });

  test('a blob made from text is text/plain; one from bytes has no content type', async () => {
    const rt = await openScript(code);
    expect(rt.run('blob').result).toEqual(['text/plain', null, 'text/csv']);
  });

  test('computeDigest without a charset digests US-ASCII (a character outside it becomes ?)', async () => {
    const rt = await openScript(code);
    const signed = (s: string, enc: 'latin1' | 'utf8') =>
      [...crypto.createHash('md5').update(Buffer.from(s, enc)).digest()].map((b) => (b > 127 ? b - 256 : b));
    const [ascii, utf8] = rt.run('digest', ['héllo']).result as number[][];
    expect(ascii).toEqual(signed('h?llo', 'latin1'));
    expect(utf8).toEqual(signed('héllo', 'utf8'));
    // Plain ASCII is the same either way.
    const [a, b] = rt.run('digest', ['abc']).result as number[][];
    expect(a).toEqual(b);
  });
});
