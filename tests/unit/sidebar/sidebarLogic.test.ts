// The sidebar's pure helpers and its words: English and Japanese have the same labels and the same
// placeholders, so no view shows a raw key or a "{count}" in one language only.
import { tr, WORDS } from '../../../sidebar/i18n';
import {
  agreementArrives,
  applyCheckIn,
  barPercent,
  countByFilter,
  filterRows,
  formatNumber,
  groupByObjective,
  isoDay,
  mayActOn,
  needsAttention,
  parseTypedNumber,
  rowVersion,
  searchPeople,
  stateArrival,
  withoutKeyResult,
} from '../../../sidebar/logic';
import type { AgreementView, KeyResultView, OkrTable, SidebarState, TeamMember } from '../../../src/api';

test('every English label has a Japanese one with the same placeholders', () => {
  const placeholders = (s: unknown) => (typeof s === 'string' ? (s.match(/\{\w+\}/g) ?? []).sort() : []);
  expect(Object.keys(WORDS.ja).sort()).toEqual(Object.keys(WORDS.en).sort());
  for (const key of Object.keys(WORDS.en) as Array<keyof typeof WORDS.en>) {
    expect([key, placeholders(WORDS.ja[key])]).toEqual([key, placeholders(WORDS.en[key])]);
    expect(WORDS.ja[key]).not.toEqual('');
  }
  expect(WORDS.ja.days).toHaveLength(7);
});

test('numbers people type', () => {
  expect(parseTypedNumber('1,200')).toBe(1200);
  expect(parseTypedNumber(' 45% ')).toBe(45);
  expect(parseTypedNumber('-3.5')).toBe(-3.5);
  expect(parseTypedNumber('１２．５')).toBe(12.5);
  expect(parseTypedNumber('.5')).toBe(0.5);
  for (const bad of ['', 'abc', '1.2.3', '--1', '12abc', 'Infinity', '1e999'])
    expect(parseTypedNumber(bad)).toBeNull();
});

test('formatting', () => {
  expect(formatNumber(1234.567, 'pts', 'en')).toBe('1,234.57 pts');
  expect(formatNumber(45, '%', 'en')).toBe('45%');
  expect(formatNumber(null, '%', 'en')).toBe('—');
  expect(barPercent(140)).toBe(100);
  expect(barPercent(-5)).toBe(0);
  expect(barPercent(null)).toBe(0);
  expect(isoDay(Date.UTC(2026, 11, 31, 20), 'Asia/Tokyo')).toBe('2027-01-01');
});

const team: TeamMember[] = [
  { name: 'Ana Owner', email: 'ana@example.com', role: 'member' },
  { name: '山田 太郎', email: 'yamada@example.com', role: 'lead' },
];
const table: OkrTable = {
  id: ['O1', 'O1.1', 'O1.2', 'O1.3'],
  title: ['Delight', 'Raise NPS', 'Cut churn', '売上を伸ばす'],
  type: 'okkk',
  owner: [1, 0, -1, -2],
  state: 'apmi',
  version: 'vvvvv1vvvvv2vvvvv3vvvvv4',
  cycle: '    ',
};

test('filtering the rows by ownership state and words', () => {
  expect(countByFilter(table)).toEqual({ missing: 1, invalid: 1, pending: 1, all: 4 });
  expect(filterRows(table, team, 'missing', '')).toEqual([2]);
  expect(filterRows(table, team, 'all', 'nps')).toEqual([1]);
  expect(filterRows(table, team, 'all', 'ana raise')).toEqual([1]);
  expect(filterRows(table, team, 'all', '山田')).toEqual([0]);
  expect(filterRows(table, team, 'all', '売上')).toEqual([3]);
  expect(searchPeople(team, 'YAMADA')).toEqual([team[1]]);
  expect(searchPeople(team, '')).toEqual(team);
});

function view(id: string, objectiveId: string | null, needs: KeyResultView['needs']): KeyResultView {
  return {
    id,
    title: id,
    objectiveId,
    objectiveTitle: objectiveId ?? '',
    owner: 'a',
    kind: 'increase',
    start: 0,
    target: 1,
    current: 0,
    unit: '',
    progress: 0,
    confidence: null,
    lastCheckIn: null,
    accepted: null,
    due: null,
    note: '',
    daysSinceCheckIn: null,
    needs,
    version: 'v',
    cycle: '',
    pace: null,
  };
}

test('grouping by objective and ordering what needs attention', () => {
  const items = [
    view('O1.1', 'O1', ['stale']),
    view('O2.1', 'O2', []),
    view('O1.2', 'O1', ['pending']),
    view('X', null, ['at-risk']),
  ];
  expect(groupByObjective(items).map((g) => [g.objectiveId, g.items.map((i) => i.id)])).toEqual([
    ['O1', ['O1.1', 'O1.2']],
    ['O2', ['O2.1']],
    [null, ['X']],
  ]);
  expect(needsAttention(items).map((i) => i.id)).toEqual(['O1.2', 'X', 'O1.1']);
});

test("a quick state's group takes its objective's title from any key result that has it", () => {
  const unread = { ...view('O1.1', 'O1', []), objectiveTitle: '' };
  const groups = groupByObjective([
    unread,
    view('O1.2', 'O1', []),
    { ...view('O2.1', 'O2', []), objectiveTitle: '' },
  ]);
  expect(groups.map((g) => [g.objectiveId, g.objectiveTitle])).toEqual([
    ['O1', 'O1'],
    ['O2', ''],
  ]);
});

test('the rows a quick state did not read are counted as rows (they may be objectives), singular and plural', () => {
  expect(tr('en', 'minePending', { count: 1 })).toBe('1 more of your row loads with the whole sheet…');
  expect(tr('en', 'minePending', { count: 3 })).toBe('3 more of your rows load with the whole sheet…');
  expect(tr('ja', 'minePending', { count: 3 })).toBe(
    'あなたがオーナーの残り3行は、シート全体の読み込み後に表示されます…',
  );
});

test('problem counts read "1 error", "2 errors" in English; Japanese has no plural', () => {
  expect(tr('en', 'problemCounts', { errors: 1, warnings: 1 })).toBe('1 error, 1 warning');
  expect(tr('en', 'problemCounts', { errors: 0, warnings: 2 })).toBe('0 errors, 2 warnings');
  expect(tr('ja', 'problemCounts', { errors: 1, warnings: 2 })).toBe('エラー1件、警告2件');
  expect(tr('en', 'charsLeft', { count: 1 })).toBe('1 character left');
});

test('no English label puts a count before a fixed plural noun ("{n} errors" reads "1 errors")', () => {
  const fixedPlural = Object.entries(WORDS.en).filter(
    ([, s]) => typeof s === 'string' && /\{\w+\} [a-z]*[^s]s\b/.test(s),
  );
  expect(fixedPlural).toEqual([]);
});

test('who may act on a row: a Lead on any, anyone else on their own (the server decides again on save)', () => {
  const team: TeamMember[] = [
    { name: 'Lee', email: 'lead@example.com', role: 'lead' },
    { name: 'Ana', email: 'ana@example.com', role: 'member' },
    { name: 'Ben', email: 'ben@example.com', role: 'member' },
  ];
  // O2.9's owner is someone not in Team (-2): only the caller's own list knows it is theirs.
  const table = { id: ['O1', 'O1.1', 'O1.3', 'O2.9', 'O3.1'], owner: [0, 1, 2, -2, -1] } as OkrTable;
  const as = (email: string, role: TeamMember['role'] | null, mine: string[] = []) => ({
    me: { email, name: '', role, inTeam: role !== null },
    mine: mine.map((id) => ({ id }) as KeyResultView),
    table,
    team,
  });
  const may = (state: ReturnType<typeof as>) => table.id.filter((id) => mayActOn(state, id));
  expect(may(as('lead@example.com', 'lead'))).toEqual(table.id);
  expect(may(as('ana@example.com', 'member'))).toEqual(['O1.1']);
  expect(may(as('ben@example.com', 'member', ['O1.3']))).toEqual(['O1.3']);
  expect(may(as('carl@example.com', null, ['O2.9']))).toEqual(['O2.9']);
  expect(may(as('boss@example.com', 'leadership'))).toEqual([]);
  expect(may(as('', null))).toEqual([]);
});

describe('which arriving state the sidebar shows', () => {
  const quick = { complete: false };
  const whole = { complete: true };

  test('nothing shown yet, or only a quick state: any answer asked for since the last write is shown', () => {
    expect(stateArrival(null, quick, 0, 0)).toBe('adopt');
    expect(stateArrival(null, whole, 0, 0)).toBe('adopt');
    expect(stateArrival(quick, whole, 2, 2)).toBe('adopt');
    expect(stateArrival(quick, quick, 2, 2)).toBe('adopt'); // a refresh before the whole state came
    expect(stateArrival(whole, whole, 1, 1)).toBe('adopt');
  });

  test('a quick state never replaces a complete one (the whole state came first)', () => {
    expect(stateArrival(whole, quick, 0, 0)).toBe('drop');
  });

  test('an answer asked for before a write is dropped; the whole state is asked again while only a quick one is shown', () => {
    // A write answered with a whole state: nothing older may replace it.
    expect(stateArrival(whole, whole, 0, 1)).toBe('drop');
    expect(stateArrival(whole, quick, 0, 1)).toBe('drop');
    // A check-in was applied to the quick state: the stale whole state is asked for again.
    expect(stateArrival(quick, whole, 0, 1)).toBe('again');
    // A stale quick state is just dropped: the whole state is on its way.
    expect(stateArrival(quick, quick, 0, 1)).toBe('drop');
  });
});

test('applying a check-in: the fresh key result replaces the old one, fixed problems leave the list and counts', () => {
  const view = (id: string, over: Partial<KeyResultView> = {}): KeyResultView => ({
    id,
    title: `KR ${id}`,
    objectiveId: 'O1',
    objectiveTitle: 'Delight customers',
    owner: 'ana@example.com',
    kind: 'increase',
    start: 0,
    target: 10,
    current: 2,
    unit: '',
    progress: 20,
    confidence: 'at-risk',
    lastCheckIn: 1,
    accepted: 1,
    due: null,
    note: '',
    daysSinceCheckIn: 30,
    needs: ['stale', 'at-risk'],
    version: 'v1',
    cycle: '',
    pace: null,
    ...over,
  });
  const problem = (id: string, code: string, cell: string, severity: 'error' | 'warning') => ({
    code,
    severity,
    id,
    cell,
    column: null,
    message: code,
    hint: '',
  });
  const state = {
    mine: [view('O1.1'), view('O1.2')],
    table: { id: ['O1', 'O1.1', 'O1.2'], title: ['', '', ''], type: 'okk', owner: [0, 0, 0], state: 'aap' },
    problems: {
      errors: 3,
      warnings: 5,
      list: [
        problem('O1.1', 'value-not-number', 'OKRs!K3', 'error'),
        problem('O1.1', 'stale', 'OKRs!P3', 'warning'),
        problem('O1.2', 'stale', 'OKRs!P4', 'warning'),
      ],
    },
  } as unknown as SidebarState;
  const fresh = view('O1.1', {
    objectiveTitle: '',
    current: 8,
    version: 'v2',
    needs: [],
    daysSinceCheckIn: 0,
  });
  const next = applyCheckIn(state, {
    item: fresh,
    resolved: [
      { code: 'stale', cell: 'OKRs!P3', severity: 'warning' },
      { code: 'value-not-number', cell: 'OKRs!K3', severity: 'error' },
      // Beyond the list's cap: only the count changes.
      { code: 'confidence-unknown', cell: 'OKRs!N3', severity: 'warning' },
    ],
  });
  expect(next.mine[0]).toEqual({ ...fresh, objectiveTitle: 'Delight customers' });
  expect(next.mine[1]).toBe(state.mine[1]);
  expect(next.problems).toEqual({ errors: 2, warnings: 3, list: [state.problems.list[2]] });
  // The row moved since the list was made (sorted): matched by its column.
  const moved = applyCheckIn(state, {
    item: fresh,
    resolved: [{ code: 'stale', cell: 'OKRs!P12', severity: 'warning' }],
  });
  expect(moved.problems.list.map((p) => p.cell)).toEqual(['OKRs!K3', 'OKRs!P4']);
  // The state it was given is left as it was (Preact compares by reference).
  expect(state.problems.list).toHaveLength(3);
  expect(state.mine[0].version).toBe('v1');
  // A check-in leaves the table as it was.
  expect(next.table).toBe(state.table);
});

test("applying a write's answer gives the row its new version in the table too (an assignment then is not refused)", () => {
  const state = {
    mine: [],
    table,
    problems: { errors: 0, warnings: 0, list: [] },
  } as unknown as SidebarState;
  const item = { id: 'O1.1', version: 'new--2', accepted: 1 } as unknown as KeyResultView;
  const next = applyCheckIn(state, { item, resolved: [] });
  expect(next.table.version).toBe('vvvvv1new--2vvvvv3vvvvv4');
  expect([0, 1, 2, 3].map((i) => rowVersion(next.table, i))).toEqual([
    'vvvvv1',
    'new--2',
    'vvvvv3',
    'vvvvv4',
  ]);
  expect(table.version).toBe('vvvvv1vvvvv2vvvvv3vvvvv4');
  // The same version: the table is left as it was.
  expect(applyCheckIn(state, { item: { ...item, id: 'O1', version: 'vvvvv1' }, resolved: [] }).table).toBe(
    table,
  );
});

test('applying an acceptance: the row is no longer pending in the table nor in the problems', () => {
  const pending = { ...view('O1.2', 'O1', ['pending']), accepted: null };
  const state = {
    mine: [pending],
    table: { id: ['O1', 'O1.1', 'O1.2'], title: ['', '', ''], type: 'okk', owner: [0, 1, 1], state: 'app' },
    problems: {
      errors: 0,
      warnings: 1,
      list: [
        {
          code: 'owner-not-accepted',
          severity: 'warning',
          id: 'O1.2',
          cell: 'OKRs!O4',
          column: null,
          message: '',
          hint: '',
        },
      ],
    },
  } as unknown as SidebarState;
  const accepted = { ...pending, needs: [], accepted: 1, objectiveTitle: '' };
  const next = applyCheckIn(state, {
    item: accepted,
    resolved: [{ code: 'owner-not-accepted', cell: 'OKRs!O4', severity: 'warning' }],
  });
  expect(next.table.state).toBe('apa');
  expect(next.problems).toEqual({ errors: 0, warnings: 0, list: [] });
  expect(next.mine).toEqual([{ ...accepted, objectiveTitle: 'O1' }]);
  expect(state.table.state).toBe('app');
  // On a quick state the table is empty: nothing to mark.
  const quick = applyCheckIn(
    { ...state, table: { id: [], title: [], type: '', owner: [], state: '', version: '', cycle: '' } },
    {
      item: accepted,
      resolved: [],
    },
  );
  expect(quick.table.state).toBe('');
});

test("an agreement step's answer replaces the key result's agreement: in Needs you while it waits for the caller, among their own when theirs", () => {
  const view = (id: string, waitsFor: AgreementView['waitsFor'], owner = 'ana@example.com') =>
    ({ id, owner, waitsFor, status: 'proposed' }) as AgreementView;
  const state = {
    me: { email: 'ana@example.com' },
    mine: [],
    table,
    problems: { errors: 0, warnings: 0, list: [] },
    agreements: {
      waiting: [view('O1.1', 'me-owner'), view('O1.2', 'me-approver', 'ben@example.com')],
      mine: [view('O1.1', 'me-owner')],
    },
  } as unknown as SidebarState;
  const item = { id: 'O1.1', version: 'vvvvv2', accepted: null } as unknown as KeyResultView;
  // Ana agreed to the counter: it waits for nobody, and stays among her own with its new status.
  const agreed = { ...view('O1.1', null), status: 'agreed' } as AgreementView;
  const next = applyCheckIn(state, { item, resolved: [], agreement: agreed });
  expect(next.agreements).toEqual({ waiting: [state.agreements?.waiting[1]], mine: [agreed] });
  // Ben's proposal, countered by Ana as his approver: it leaves her Needs you, never her own list.
  const countered = { ...view('O1.2', 'other', 'ben@example.com'), status: 'countered' } as AgreementView;
  expect(applyCheckIn(state, { item, resolved: [], agreement: countered }).agreements).toEqual({
    waiting: [state.agreements?.waiting[0]],
    mine: state.agreements?.mine,
  });
  // A step that now waits for the caller joins Needs you; a check-in leaves the agreements as they are.
  const asked = view('O1.3', 'me-approver', 'ben@example.com');
  expect(
    applyCheckIn(state, { item, resolved: [], agreement: asked }).agreements?.waiting.map((a) => a.id),
  ).toEqual(['O1.1', 'O1.2', 'O1.3']);
  expect(applyCheckIn(state, { item, resolved: [] }).agreements).toBe(state.agreements);
});

test('a decline answered with the key result that left: it leaves the list and its count, the rest kept', () => {
  const state = {
    mine: [view('O1.1', 'O1', []), view('O1.2', 'O1', ['pending'])],
    mineTotal: 12,
    complete: true,
  } as unknown as SidebarState;
  const next = withoutKeyResult(state, 'O1.2');
  expect(next.mine.map((k) => k.id)).toEqual(['O1.1']);
  expect(next.mineTotal).toBe(11);
  expect(next.complete).toBe(true);
  // An ID not in the list (a Lead declining for the owner) changes nothing.
  expect(withoutKeyResult(state, 'O9.9')).toEqual(state);
});

test("a decline also drops the key result's agreement from Needs you and the caller's own list", () => {
  const agreement = (id: string) => ({ id, owner: 'ana@example.com', waitsFor: 'me-owner' }) as AgreementView;
  const state = {
    mine: [view('O1.1', 'O1', []), view('O1.2', 'O1', [])],
    mineTotal: 2,
    agreements: { waiting: [agreement('O1.1'), agreement('O1.2')], mine: [agreement('O1.2')] },
  } as unknown as SidebarState;
  const next = withoutKeyResult(state, 'O1.2');
  expect(next.agreements).toEqual({ waiting: [agreement('O1.1')], mine: [] });
});

test("an agreement answer new to Needs you or to the caller's own list asks for the whole state; one already there does not", () => {
  const view = (id: string, waitsFor: AgreementView['waitsFor'], owner = 'ana@example.com') =>
    ({ id, owner, waitsFor, status: 'proposed' }) as AgreementView;
  const state = {
    me: { email: 'ana@example.com' },
    agreements: { waiting: [view('O1.1', 'me-owner')], mine: [view('O1.1', 'me-owner')] },
  } as unknown as SidebarState;
  expect(agreementArrives(state, view('O1.1', 'me-owner'))).toBe(false);
  expect(agreementArrives(state, undefined)).toBe(false);
  // Ben's proposal now waits for Ana as his approver: new to her Needs you.
  expect(agreementArrives(state, view('O2.1', 'me-approver', 'ben@example.com'))).toBe(true);
  // Her own key result she proposed on, not yet in her list.
  expect(agreementArrives(state, view('O3.1', 'other'))).toBe(true);
  // Someone else's, waiting for someone else: no list of hers changes.
  expect(agreementArrives(state, view('O4.1', 'other', 'ben@example.com'))).toBe(false);
});
