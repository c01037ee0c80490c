import { parseCheckIns, parseOkrSheet, parseProgressLog, parseRoster } from '../../../../src/okr/core/parse';
import { cleanOkrs, cleanTeam, HEADERS } from '../fixtures';

const opts = { sheetName: 'OKRs', timeZone: 'UTC', lang: 'en' as const };

describe('parseOkrSheet', () => {
  test('objectives and key results with links, numbers, dates, kinds, confidence', () => {
    const sheet = parseOkrSheet(cleanOkrs(), opts);
    expect(sheet.objectives.map((o) => [o.id, o.row, o.keyResultIds])).toEqual([
      ['O1', 2, ['O1.1', 'O1.2']],
      ['O2', 5, ['O2.1']],
    ]);
    const kr = sheet.keyResults[0];
    expect(kr).toMatchObject({
      id: 'O1.1',
      type: 'key-result',
      objectiveId: 'O1',
      owner: 'ann@acme.com',
      ownerText: 'ann@acme.com',
      kind: 'increase',
      start: 30,
      target: 45,
      current: 36,
      unit: '%',
      confidence: 'on-track',
      accepted: Date.UTC(2026, 10, 1),
      progress: 40,
      cycle: '2026-Q4',
    });
    expect(sheet.problems).toEqual([]);
    expect(sheet.sheetName).toBe('OKRs');
  });

  test('tolerant of what people type', () => {
    const rows = [
      HEADERS,
      ['O1', 'Objective', '', 'x', 'a@x.com'],
      ['O1.1', 'KR', 'O1', 'Revenue  ', ' a@x.com ', '', '', 'increase', '¥1,000', '¥3,000', '1,500'],
      ['O1.2', '主要な結果', 'O1', 'NPS', 'a@x.com', '', '', 'At Least', '', 40, '45%'],
      ['O1.3', 'Key Result', 'O1', 'Share', 'a@x.com', '', '', '', '10%', '20%', 0.15],
      [
        'Ｏ１．４',
        'key result',
        'O1',
        'Launch',
        'a@x.com',
        '',
        '',
        'Milestone',
        '',
        '',
        'done',
        '',
        '',
        '',
        '',
        '',
        '2026/12/31',
      ],
    ];
    const sheet = parseOkrSheet(rows, opts);
    expect(sheet.problems).toEqual([]);
    expect(
      sheet.keyResults.map((k) => [k.id, k.title, k.ownerText, k.start, k.target, k.current, k.progress]),
    ).toEqual([
      ['O1.1', 'Revenue', 'a@x.com', 1000, 3000, 1500, 25],
      ['O1.2', 'NPS', 'a@x.com', null, 40, 45, 100],
      ['O1.3', 'Share', 'a@x.com', 0.1, 0.2, 0.15, 50],
      ['O1.4', 'Launch', 'a@x.com', null, null, 1, 100],
    ]);
    expect(sheet.keyResults[3].due).toBe(Date.UTC(2026, 11, 31));
    expect(sheet.keyResults[1].unit).toBe('%');
  });

  test('a blank Type is inferred from the ID or the parent', () => {
    const rows = [
      HEADERS,
      ['O1', '', '', 'obj', 'a@x.com'],
      ['O1.1', '', 'O1', 'kr', 'a@x.com'],
      ['X', '', '', 'what?'],
    ];
    const sheet = parseOkrSheet(rows, opts);
    expect(sheet.objectives.map((o) => o.id)).toEqual(['O1']);
    expect(sheet.keyResults.map((k) => k.id)).toEqual(['O1.1']);
    expect(sheet.problems.map((p) => [p.code, p.cell])).toEqual([['type-unknown', 'OKRs!B4']]);
  });

  test('blank rows, rows with only unknown columns, and title rows above the header are skipped', () => {
    const rows = [
      ['Our OKRs'],
      [],
      [...HEADERS, 'Budget'],
      ['O1', 'Objective', '', 'obj', 'a@x.com'],
      [],
      ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 'only a budget'],
      ['O1.1', 'Key result', 'O1', 'kr', 'a@x.com'],
    ];
    const sheet = parseOkrSheet(rows, opts);
    expect(sheet.headerRow).toBe(2);
    expect(sheet.objectives.map((o) => o.row)).toEqual([4]);
    expect(sheet.keyResults.map((k) => k.row)).toEqual([7]);
  });

  test('unreadable cells become problems that name the cell, and the value is treated as blank', () => {
    const rows = [
      HEADERS,
      [
        'O1.1',
        'Key result',
        'O1',
        'kr',
        'a@x.com',
        '',
        '',
        'sideways',
        '#REF!',
        10,
        5,
        '',
        '',
        'meh',
        'yesterday',
      ],
    ];
    const sheet = parseOkrSheet(rows, opts);
    expect(sheet.problems.map((p) => [p.code, p.cell, p.column])).toEqual([
      ['date-invalid', 'OKRs!O2', 'Accepted'],
      ['kind-unknown', 'OKRs!H2', 'Kind'],
      ['value-not-number', 'OKRs!I2', 'Start'],
      ['confidence-unknown', 'OKRs!N2', 'Confidence'],
    ]);
    expect(sheet.keyResults[0]).toMatchObject({
      kind: null,
      kindUnknown: true,
      start: null,
      confidence: null,
      accepted: null,
      progress: null,
    });
  });

  test('an empty tab says so once; a tab without required headers lists each', () => {
    expect(parseOkrSheet([], opts).problems.map((p) => p.message)).toEqual(['There is no OKRs tab.']);
    const p = parseOkrSheet([['Title', 'Owner', 'Budget']], opts).problems;
    expect(p.map((x) => [x.code, x.column])).toEqual([
      ['header-missing', 'ID'],
      ['header-missing', 'Type'],
      ['header-missing', 'Parent'],
    ]);
  });

  test('never throws on odd grids', () => {
    const odd = [
      null,
      'x',
      [undefined, {}, [1, 2]],
      [new Date(Number.NaN)],
      [Symbol.for('s').toString()],
    ] as unknown as unknown[][];
    expect(() => parseOkrSheet(odd, opts)).not.toThrow();
    expect(() => parseOkrSheet(undefined as unknown as unknown[][], opts)).not.toThrow();
  });
});

describe('parseRoster', () => {
  test('people with lower-cased emails, roles and languages', () => {
    const team = cleanTeam();
    team.push(['Chie', ' CHIE@ACME.COM ', 'Growth', '', '経営陣', '日本語'], ['', '', '', '', '', '']);
    const roster = parseRoster(team, { ...opts, sheetName: 'Team' });
    expect(roster.people.map((p) => [p.name, p.email, p.role, p.language, p.row])).toEqual([
      ['Ann Lee', 'ann@acme.com', 'lead', 'en', 2],
      ['Bob Stone', 'bob@acme.com', 'member', 'ja', 3],
      ['Chie', 'chie@acme.com', 'leadership', 'ja', 4],
    ]);
    expect(roster.problems).toEqual([]);
  });
  test('Japanese headers', () => {
    const roster = parseRoster(
      [
        ['名前', 'メールアドレス', '部署'],
        ['佐藤', 'sato@acme.com', '営業'],
      ],
      { ...opts, sheetName: 'チーム' },
    );
    expect(roster.people[0]).toMatchObject({ name: '佐藤', email: 'sato@acme.com', team: '営業' });
  });
});

describe('parseCheckIns', () => {
  test('the log, with progress stored as a fraction', () => {
    const rows = [
      ['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note'],
      [new Date('2026-11-20T10:00:00Z'), 'O1.1', 'Ann@acme.com', 36, 0.4, 'On track', 'ok'],
      ['2026-11-21 09:30', 'O1.2', 'bob@acme.com', '10', '57%', 'At risk', ''],
      ['', 'O1.3', 'x', 1, 1, '', ''],
    ];
    expect(
      parseCheckIns(rows, opts).map((c) => [c.time, c.id, c.by, c.current, c.progress, c.confidence, c.row]),
    ).toEqual([
      [Date.UTC(2026, 10, 20, 10), 'O1.1', 'ann@acme.com', 36, 40, 'on-track', 2],
      [Date.UTC(2026, 10, 21, 9, 30), 'O1.2', 'bob@acme.com', 10, 57, 'at-risk', 3],
    ]);
  });
  test('no log headers: nothing', () => {
    expect(parseCheckIns([['a', 'b']], opts)).toEqual([]);
    expect(parseProgressLog([['a', 'b']], opts)).toEqual([]);
  });
  test('parseProgressLog gives the same rows as parseCheckIns, with only time, ID, progress and row', () => {
    const rows = [
      ['Note', 'Progress', 'ID', 'Time'],
      ['a', 0.4, 'O1.1', new Date('2026-11-20T10:00:00Z')],
      ['b', '57%', 'Ｏ１.２', '2026-11-21 09:30'],
      ['c', '', 'O1.3', '2026-11-22'],
      ['d', 0.1, '', '2026-11-22'],
      ['e', 0.1, 'O1.4', 'not a date'],
      ['f', 250, 'O1.5', '2026-11-23'],
    ];
    const full = parseCheckIns(rows, opts);
    expect(full).toHaveLength(4);
    expect(parseProgressLog(rows, opts)).toEqual(
      full.map(({ time, id, progress, row }) => ({ time, id, progress, row })),
    );
  });
});

test('a flat list kept in the OKRs tab gets one problem that says how to import it', () => {
  const flat = [
    ['Objective', 'Key result', 'Owner', 'Target'],
    ['Grow', 'ARR', 'a@x.com', 10],
  ];
  const p = parseOkrSheet(flat, opts).problems;
  expect(p.map((x) => [x.code, x.column])).toEqual([['header-missing', 'ID']]);
  expect(p[0].hint).toContain('Import OKRs from this tab');
});
