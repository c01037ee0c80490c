// A Japanese team's sheet in Japanese, through the built add-on: with Japanese headers, set-up writes
// its example and dropdowns in Japanese (主要な結果, 増加, 順調), the sidebar's check-in and Add write
// Japanese values, and everything reads them back. An English sheet keeps English values, even for
// a Japanese user.
import { type RunResult, Workbook } from '../../local/runtime';
import { LEAD, openRuntime } from '../fixtures/okr/runtime';

const JA_HEADERS = [
  'ID',
  '種類',
  '親',
  'タイトル',
  '担当者',
  'チーム',
  'サイクル',
  '指標の種類',
  '開始値',
  '目標値',
  '現在値',
  '単位',
  '進捗',
  '自信度',
];

function result<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} threw: ${res.error?.message}`);
  return res.result as T;
}

/** Column of a header in the OKRs tab's first row. */
function column(rt: { workbook: Workbook }, header: string): number {
  return rt.workbook.values('OKRs')[0].indexOf(header);
}

describe('Japanese values under Japanese headers', () => {
  test('set-up of a sheet whose headers are Japanese writes a Japanese example and Japanese dropdowns', async () => {
    // An English-speaking Lead (locale en) sets up a sheet the team wrote in Japanese.
    const rt = await openRuntime(Workbook.fromRows({ OKRs: [JA_HEADERS] }, { timeZone: 'Asia/Tokyo' }));
    expect(result<{ ok: boolean }>(rt.run('setUpOkrSheet', [], { as: LEAD })).ok).toBe(true);
    const rows = rt.workbook.values('OKRs').slice(1);
    const at = (h: string) => rows.map((r) => r[column(rt, h)]);
    expect(at('種類')).toEqual(['目標', '主要な結果', '主要な結果', '主要な結果']);
    expect(at('指標の種類')).toEqual(['', '増加', '減少', 'マイルストーン']);
    expect(at('自信度')).toEqual(['', '順調', '順調', '順調']);
    const letter = (h: string) => String.fromCharCode(65 + column(rt, h));
    expect(rt.workbook.validation('OKRs', `${letter('種類')}500`)).toMatchObject({
      values: ['目標', '主要な結果'],
    });
    expect(rt.workbook.validation('OKRs', `${letter('自信度')}3`)).toMatchObject({
      values: ['順調', '要注意', '遅れ'],
    });
    expect(rt.workbook.validation('OKRs', `${letter('指標の種類')}3`)).toMatchObject({
      values: ['増加', '減少', '以上', '以下', 'マイルストーン'],
    });
    // Read back: the example is three key results under one objective, with no value problem.
    const { problems } = result<{ problems: Array<{ code: string }> }>(
      rt.run('validateOkrs', [], { as: LEAD }),
    );
    expect(problems.filter((p) => /unknown/.test(p.code))).toEqual([]);
  });

  test('check-in and Add write Japanese values; the log and the sidebar read them back', async () => {
    const rt = await openRuntime(Workbook.fromRows({ OKRs: [JA_HEADERS] }, { timeZone: 'Asia/Tokyo' }));
    result(rt.run('setUpOkrSheet', [], { as: LEAD }));
    result(rt.run('acceptOwnership', [{ id: 'O1.1' }], { as: LEAD }));
    const checkIn = result<{ ok: boolean; error?: string }>(
      rt.run('checkIn', [{ id: 'O1.1', current: 35, confidence: 'at-risk', note: '遅れ気味' }], { as: LEAD }),
    );
    expect(checkIn).toMatchObject({ ok: true });
    const row = rt.workbook.values('OKRs').find((r) => r[0] === 'O1.1') as unknown[];
    expect(row[column(rt, '自信度')]).toBe('要注意');

    const added = result<{ ok: boolean; error?: string }>(
      rt.run(
        'addKeyResult',
        [{ objectiveId: 'O1', title: '解約率を下げる', owner: LEAD, kind: 'at-most', start: 5, target: 3 }],
        { as: LEAD },
      ),
    );
    expect(added).toMatchObject({ ok: true });
    const kr = rt.workbook
      .values('OKRs')
      .find((r) => r[column(rt, 'タイトル')] === '解約率を下げる') as unknown[];
    expect(kr[column(rt, '種類')]).toBe('主要な結果');
    expect(kr[column(rt, '指標の種類')]).toBe('以下');
    const objective = result<{ ok: boolean }>(
      rt.run('addObjective', [{ title: '新しい目標', owner: LEAD }], { as: LEAD }),
    );
    expect(objective.ok).toBe(true);
    const o = rt.workbook.values('OKRs').find((r) => r[column(rt, 'タイトル')] === '新しい目標') as unknown[];
    expect(o[column(rt, '種類')]).toBe('目標');

    // Everything reads the Japanese values back: the sidebar's state has the confidence and kind.
    const state = result<{ table: { id: string[]; confidence?: unknown[] } }>(
      rt.run('getSidebarState', [], { as: LEAD }),
    );
    expect(JSON.stringify(state)).toContain('at-risk');
    const { problems } = result<{ problems: Array<{ code: string }> }>(
      rt.run('validateOkrs', [], { as: LEAD }),
    );
    expect(problems.filter((p) => /unknown/.test(p.code))).toEqual([]);
  });

  test('an English sheet keeps English values, even for a Japanese user', async () => {
    const rt = await openRuntime(Workbook.fromRows({}, { timeZone: 'UTC' }));
    result(rt.run('setUpOkrSheet', [], { as: LEAD }));
    rt.options.userLocales = { [LEAD]: 'ja' };
    result(rt.run('acceptOwnership', [{ id: 'O1.1' }], { as: LEAD }));
    expect(
      result<{ ok: boolean }>(
        rt.run('checkIn', [{ id: 'O1.1', current: 35, confidence: 'off-track' }], { as: LEAD }),
      ).ok,
    ).toBe(true);
    const row = rt.workbook.values('OKRs').find((r) => r[0] === 'O1.1') as unknown[];
    expect(row[column(rt, 'Confidence')]).toBe('Off track');
  });
});
