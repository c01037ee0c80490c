// A spreadsheet file as Google Sheets exports it, written here by hand (raw OOXML parts in a
// stored zip) so the loader is tested against XML it did not write itself: shared strings, a
// styles part with built-in and custom number formats, formulas with cached results (number,
// string, boolean, error), a data validation list, frozen header, a hidden second sheet.
import { workbookFromXlsx } from '../../local/runtime/spreadsheet';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip with stored (uncompressed) entries. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const files = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr/><sheets><sheet state="visible" name="OKRs" sheetId="1" r:id="rId3"/><sheet state="hidden" name="Lists" sheetId="2" r:id="rId4"/></sheets><definedNames/><calcPr/></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
  'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/></font><font><b/><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF1F3F4"/><bgColor rgb="FFF1F3F4"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0"/></cellStyleXfs><cellXfs count="5"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0"/><xf borderId="0" fillId="2" fontId="1" numFmtId="0" xfId="0" applyFont="1" applyFill="1"/><xf borderId="0" fillId="0" fontId="0" numFmtId="9" xfId="0" applyNumberFormat="1"/><xf borderId="0" fillId="0" fontId="0" numFmtId="164" xfId="0" applyNumberFormat="1"/><xf borderId="0" fillId="0" fontId="0" numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles></styleSheet>`,
  'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="9" uniqueCount="9"><si><t>ID</t></si><si><t>Title</t></si><si><t>Progress</t></si><si><t>Due</t></si><si><t>Status</t></si><si><t>O1.1</t></si><si><t xml:space="preserve">Raise conversion </t></si><si><t>On track</t></si><si><t>At risk</t></si></sst>`,
  'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}" xmlns:r="${R}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1.0" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="14.43" defaultRowHeight="15.75"/><cols><col customWidth="1" min="2" max="2" width="45.71"/></cols><sheetData><row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c><c r="D1" s="1" t="s"><v>3</v></c><c r="E1" s="1" t="s"><v>4</v></c><c r="F1" s="1" t="inlineStr"><is><t>Double</t></is></c><c r="G1" s="1" t="str"><f>UPPER("ok")</f><v>OK</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2" s="2"><v>0.5</v></c><c r="D2" s="3"><v>46387.0</v></c><c r="E2" t="s"><v>7</v></c><c r="F2"><f>C2*2</f><v>1.0</v></c><c r="G2" t="b"><f>C2&gt;0.4</f><v>1</v></c><c r="H2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="I2" t="str"><f>A2&amp;"!"</f><v>O1.1!</v></c><c r="J2" s="4"><v>46349</v></c></row></sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="E2:E20"><formula1>Lists!$A$1:$A$3</formula1></dataValidation></dataValidations></worksheet>`,
  'xl/worksheets/sheet2.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row><row r="2"><c r="A2" t="s"><v>8</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Off track</t></is></c></row></sheetData></worksheet>`,
};

describe('an xlsx as Google Sheets exports it', () => {
  test('loads values with their types, cached formula results, formats, validation and sheet state', async () => {
    const wb = await workbookFromXlsx(zip(files));
    expect(wb.sheetNames()).toEqual(['OKRs', 'Lists']);
    expect(wb.isHidden('Lists')).toBe(true);
    expect(wb.frozenRows('OKRs')).toBe(1);
    const [header, row] = wb.values('OKRs');
    expect(header).toEqual(['ID', 'Title', 'Progress', 'Due', 'Status', 'Double', 'OK', '', '', '']);
    expect(row).toEqual([
      'O1.1',
      'Raise conversion ',
      0.5,
      new Date('2026-12-31T05:00:00Z'),
      'On track',
      1,
      true,
      '#DIV/0!',
      'O1.1!',
      new Date('2026-11-23T05:00:00Z'),
    ]);
    expect(wb.displayValues('OKRs')[1]).toEqual([
      'O1.1',
      'Raise conversion ',
      '50%',
      '2026-12-31',
      'On track',
      '1',
      'TRUE',
      '#DIV/0!',
      'O1.1!',
      '11/23/2026',
    ]);
    expect([wb.formula('OKRs', 'F2'), wb.formula('OKRs', 'H2'), wb.formula('OKRs', 'I2')]).toEqual([
      '=C2*2',
      '=1/0',
      '=A2&"!"',
    ]);
    expect(wb.fontWeight('OKRs', 'A1')).toBe('bold');
    expect(wb.background('OKRs', 'A1')).toBe('#f1f3f4');
    expect(wb.columnWidth('OKRs', 2)).toBe(320);
    expect(wb.validation('OKRs', 'E20')).toEqual({
      type: 'VALUE_IN_RANGE',
      rangeA1: 'Lists!A1:A3',
      showDropdown: true,
      allowInvalid: false,
      helpText: '',
    });
  });
});
