// A required column named by two headers ("Owner" and "owner email", two ID columns) is reported,
// naming both headers and their letters, in English and Japanese; neither column is read.
import { headerConflicts, parseOkrSheet, parseRoster } from '../../../../src/okr/core/parse';
import { OKR_ALIASES } from '../../../../src/okr/core/schema';
import { planOkrsTab } from '../../../../src/okr/setup/structure';

const opts = { sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' as const };

const twoOwners = [
  ['ID', 'Type', 'Parent', 'Title', 'Owner', 'Team', 'owner email'],
  ['O1', 'Objective', '', 'Grow', 'ann@example.com', '', 'ann@example.com'],
  ['O1.1', 'Key result', 'O1', 'Sign up 10', 'ann@example.com', '', 'ben@example.com'],
];

describe('a duplicated required header', () => {
  test('two Owner columns (an alias) are one problem naming both, and no owner is read', () => {
    const sheet = parseOkrSheet(twoOwners, opts);
    const dup = sheet.problems.filter((p) => /more than one/.test(p.message));
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({
      code: 'header-missing',
      severity: 'error',
      row: null,
      column: 'Owner',
      cell: 'OKRs!G1',
    });
    expect(dup[0].message).toBe(
      'The OKRs tab has more than one Owner column: "Owner" in column E and "owner email" in column G. The add-on cannot tell which one is meant, so it writes nothing to the tab until one is left.',
    );
    expect(dup[0].hint).toMatch(/^Keep one of the columns E, G/);
    // Not also reported as a missing Owner column.
    expect(sheet.problems.filter((p) => p.code === 'header-missing')).toHaveLength(1);
    expect(sheet.columns.owner).toBeUndefined();
    expect(sheet.keyResults[0].owner).toBeNull();
  });

  test('in Japanese', () => {
    const sheet = parseOkrSheet(
      [
        ['ID', '種類', '親', 'タイトル', '担当者', 'ID'],
        ['O1', '目標', '', 'x', 'ann@example.com', 'O9'],
      ],
      { ...opts, lang: 'ja' },
    );
    const dup = sheet.problems.find((p) => /複数/.test(p.message));
    expect(dup?.message).toBe(
      'OKRsタブに「ID」列が複数あります：A列「ID」とF列「ID」。どちらを使うか判断できないため、1つになるまでアドオンはこのタブに何も書き込みません。',
    );
    expect(dup?.hint).toMatch(/^A・F列のうち1つだけを残し/);
    expect(sheet.columns.id).toBeUndefined();
  });

  test('case and spacing look-alikes count too; two Team email columns are reported for Team', () => {
    const sheet = parseOkrSheet(
      [
        ['ID', 'Type', 'Parent', 'Title', 'Owner', 'id '],
        ['O1', 'Objective', '', 'x', 'ann@example.com', ''],
      ],
      opts,
    );
    expect(sheet.problems.map((p) => p.cell)).toContain('OKRs!F1');
    const roster = parseRoster(
      [
        ['Name', 'Email', 'E-mail'],
        ['Ann', 'ann@example.com', 'ann@example.com'],
      ],
      { ...opts, sheetName: 'Team' },
    );
    expect(roster.problems.map((p) => p.message)).toEqual([
      'The Team tab has more than one Email column: "Email" in column B and "E-mail" in column C. The add-on cannot tell which one is meant, so it writes nothing to the tab until one is left.',
    ]);
    expect(roster.people).toEqual([]);
  });

  test('headerConflicts gives set-up and import the same problem; set-up plans no third column', () => {
    expect(headerConflicts(twoOwners, OKR_ALIASES, 'OKRs', 'en').map((p) => p.cell)).toEqual(['OKRs!G1']);
    expect(
      headerConflicts(
        twoOwners.slice(0, 1).map((r) => r.slice(0, 5)),
        OKR_ALIASES,
        'OKRs',
        'en',
      ),
    ).toEqual([]);
    const plan = planOkrsTab(twoOwners, { lang: 'en', userEmail: '', cycle: '', examples: false });
    expect(plan.addHeaders?.headers ?? []).not.toContain('Owner');
  });
});
