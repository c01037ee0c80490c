import {
  columnOf,
  findHeaderRow,
  headerKey,
  matchHeaders,
  OKR_ALIASES as OKR,
  TEAM_ALIASES as TEAM,
} from '../../../../src/okr/core/schema';

describe('header aliases', () => {
  test.each([
    ['Owner', 'owner'],
    ['Owner email', 'owner'],
    ['OWNER_EMAIL', 'owner'],
    ['Owner_Email_ID', 'owner'],
    ['DRI', 'owner'],
    ['担当者', 'owner'],
    ['オーナー', 'owner'],
    ['所有者', 'owner'],
    ['責任者', 'owner'],
    ['ＯＷＮＥＲ　ＥＭＡＩＬ', 'owner'],
    ['  owner-e-mail  ', 'owner'],
    ['Confidence', 'confidence'],
    ['自信度', 'confidence'],
    ['Last check-in', 'lastCheckIn'],
    ['LAST CHECKIN', 'lastCheckIn'],
    ['最終チェックイン', 'lastCheckIn'],
    ['Metric_Start_Value', 'start'],
    ['Metric_Target_Value', 'target'],
    ['Due_Date', 'due'],
    ['KR title', 'title'],
    ['Key result title', 'title'],
    ['期限', 'due'],
    ['Parent ID', 'parent'],
    ['親', 'parent'],
    ['Type', 'type'],
    ['種類', 'type'],
    ['Kind', 'kind'],
    ['指標の種類', 'kind'],
    ['% complete', 'progress'],
    ['進捗率', 'progress'],
  ])('%s → %s', (header, column) => {
    expect(columnOf(header, OKR)).toBe(column);
  });

  test('unknown headers match nothing', () => {
    expect(columnOf('Budget', OKR)).toBeNull();
    expect(columnOf('', OKR)).toBeNull();
  });

  test('headerKey folds width, case, spaces and punctuation', () => {
    expect(headerKey('Ｏｗｎｅｒ（Ｅ－ｍａｉｌ）')).toBe('owneremail');
    expect(headerKey(' Owner  E-mail ')).toBe('owneremail');
    expect(headerKey(null)).toBe('');
  });

  test('headerKey stays right past its cache of distinct texts (a sheet of 30,000 different cells)', () => {
    for (let i = 0; i < 30_000; i++) expect(headerKey(`Row－${i}`)).toBe(`row${i}`);
    // Texts seen before the cache was emptied are keyed again, the same way.
    expect(headerKey('Row－0')).toBe('row0');
    expect(headerKey('Ｏｗｎｅｒ（Ｅ－ｍａｉｌ）')).toBe('owneremail');
  });

  test('every alias of one column is unambiguous within its table', () => {
    for (const table of [OKR, TEAM] as Array<Record<string, readonly string[]>>) {
      const owners = new Map<string, string>();
      for (const [column, aliases] of Object.entries(table)) {
        for (const alias of aliases) {
          const key = headerKey(alias);
          const previous = owners.get(key);
          if (previous && previous !== column)
            throw new Error(`${alias} is claimed by ${previous} and ${column}`);
          owners.set(key, column);
        }
      }
    }
  });
});

describe('matchHeaders', () => {
  // An optional column named twice: the first wins (as before). A required one (Owner and DRI were
  // here, first wins, before a duplicated required header was reported): see the next test.
  test('columns in any order, unknown kept and listed, first duplicate wins', () => {
    const m = matchHeaders(['Notes', 'Budget', 'Title', 'ID', 'Owner', 'Comments'], OKR);
    expect(m.columns).toEqual({ note: 0, title: 2, id: 3, owner: 4 });
    expect(m.unknown).toEqual([1, 5]);
    expect(m.headers).toEqual(['Notes', 'Budget', 'Title', 'ID', 'Owner', 'Comments']);
    expect(m.matched).toBe(4);
    expect(m.duplicates).toEqual({});
  });

  test('a required column named twice (even by an alias or another case) is left unmapped and listed', () => {
    const m = matchHeaders(['Notes', 'Budget', 'Title', 'ID', 'Owner', 'DRI'], OKR);
    expect(m.columns).toEqual({ note: 0, title: 2, id: 3 });
    expect(m.duplicates).toEqual({ owner: [4, 5] });
    expect(m.unknown).toEqual([1, 4, 5]);
    const ids = matchHeaders(['id', 'Type', 'ID', 'Owner', 'owner email', 'Parent'], OKR);
    expect(ids.duplicates).toEqual({ id: [0, 2], owner: [3, 4] });
    expect(ids.columns).toEqual({ type: 1, parent: 5 });
    const team = matchHeaders(['Name', 'Email', 'E-mail'], TEAM);
    expect(team.duplicates).toEqual({ email: [1, 2] });
  });
});

describe('findHeaderRow', () => {
  test('skips title rows above the table', () => {
    const grid = [
      ['Company OKRs 2026'],
      [],
      ['ID', 'Type', 'Title', 'Owner'],
      ['O1', 'Objective', 'x', 'a@x.com'],
    ];
    expect(findHeaderRow(grid, OKR)).toBe(2);
  });
  test('falls back to the first row when no row names three columns', () => {
    expect(
      findHeaderRow(
        [
          ['a', 'b'],
          ['ID', 'Owner'],
        ],
        OKR,
      ),
    ).toBe(0);
  });
  test('only looks at the first five rows', () => {
    const grid = [[], [], [], [], [], ['ID', 'Type', 'Title']];
    expect(findHeaderRow(grid, OKR)).toBe(0);
  });
});
