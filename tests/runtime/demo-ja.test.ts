// The demo company as a Japanese team writes it (the screenshots' Japanese pictures come from it):
// the same rows as the English demo, only its free text translated, everyone's Language ja and the
// spreadsheet's locale ja_JP; the English demo keeps its English.
import { demoWorkbook } from '../../local/fixtures/demo';
import { inJapanese } from '../../local/fixtures/demoJa';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const TABS = ['Team', 'OKRs', 'Check-ins', 'Agreements'];

describe("demoWorkbook({ language: 'ja' })", () => {
  const en = demoWorkbook();
  const ja = demoWorkbook({ language: 'ja' });
  const column = (tab: string, header: string) => {
    const rows = ja.values(tab);
    const c = rows[0].indexOf(header);
    expect(c).toBeGreaterThanOrEqual(0);
    return rows.slice(1).map((r) => r[c]);
  };

  test('same tabs and time zone; locale ja_JP and a Japanese name', () => {
    expect(ja.sheetNames()).toEqual(TABS);
    expect([ja.timeZone, ja.locale]).toEqual(['America/New_York', 'ja_JP']);
    expect(ja.name).toMatch(JAPANESE);
  });

  test("every cell is the English demo's, translated where it is free text; Language is ja for everyone", () => {
    for (const tab of TABS) {
      const e = en.values(tab);
      const j = ja.values(tab);
      expect(j.length).toBe(e.length);
      for (const [r, row] of e.entries())
        for (const [c, cell] of row.entries()) {
          const language = tab === 'Team' && r > 0 && e[0][c] === 'Language';
          expect([tab, r, c, j[r][c]]).toEqual([tab, r, c, language ? 'ja' : inJapanese(cell)]);
        }
    }
  });

  test('names, titles, notes and reasons are Japanese; the words the add-on reads stay English', () => {
    const text = [
      ...column('Team', 'Name'),
      ...column('Team', 'Team'),
      ...column('OKRs', 'Title'),
      ...column('OKRs', 'Note'),
      ...column('Check-ins', 'Note'),
      ...column('Agreements', 'Reason'),
    ].filter((v) => v !== '');
    expect(text.filter((v) => !JAPANESE.test(String(v)))).toEqual([]);
    expect(new Set(column('OKRs', 'Type'))).toEqual(new Set(['Objective', 'Key result']));
    expect(new Set(column('Agreements', 'Step'))).toEqual(
      new Set(['Accepted', 'Proposed', 'Countered', 'Agreed']),
    );
  });

  test('each person has one email, used wherever they appear (owner, manager, check-ins, agreements)', () => {
    const emails = column('Team', 'Email');
    expect(new Set(emails).size).toBe(emails.length);
    const known = new Set(emails);
    const used = [
      ...column('Team', 'Manager'),
      ...column('OKRs', 'Owner'),
      ...column('Check-ins', 'By'),
      ...column('Agreements', 'By'),
      ...column('Agreements', 'Owner'),
    ].filter((v) => v !== '');
    expect(used.filter((v) => !known.has(v))).toEqual([]);
  });

  test("the English demo has no Japanese but its one Japanese member's language", () => {
    const okrs = en.values('OKRs').flat();
    expect(okrs.filter((v) => JAPANESE.test(String(v)))).toEqual([]);
    expect(en.locale).toBe('en_US');
  });
});
