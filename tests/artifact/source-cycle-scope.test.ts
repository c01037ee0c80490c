// Which Sources are read, through the built add-on in the local runtime: those of an open cycle only.
// A cycle a Lead has closed is the graded record: neither the weekly run nor a Lead's
// updateAllFromSources writes its rows or logs check-ins on them. And "open" is judged on the team's
// calendar: with an April fiscal year, FY2026-Q4 runs January to March 2027, so its Sources are
// still read (and checked) in February 2027.
import { type RunResult, Runtime, Workbook } from '../../local/runtime';
import type { CheckSheetResult, CyclesResult, UpdateSourcesResult } from '../../src/api';
import { okrHeaderRow, okrRow, teamHeaderRow, teamRow } from '../fixtures/okr/build';
import { CYCLE_PEOPLE, twoCycleWorkbook } from '../fixtures/okr/cycles';
import { ensureBuilt } from '../helpers/build';

const { LEAD, ANA, NOW } = CYCLE_PEOPLE;

function ok<T>(res: RunResult): T {
  if (!res.ok) throw new Error(`${res.function} failed: ${res.error?.message}`);
  return res.result as T;
}

/** `base` with a Source column (`sources` by key result ID) and a Sales data tab (B2 = 55, B3 = 66). */
function withSources(base: Workbook, sources: Record<string, string>): Workbook {
  const tabs: Record<string, unknown[][]> = {};
  for (const name of base.sheetNames()) tabs[name] = base.values(name);
  const [head, ...rows] = tabs.OKRs;
  tabs.OKRs = [[...head, 'Source'], ...rows.map((r) => [...r, sources[String(r[0])] ?? ''])];
  tabs['Sales data'] = [
    ['Period', 'Revenue'],
    ['Q3', 55],
    ['Q4', 66],
  ];
  return Workbook.fromRows(tabs, { timeZone: 'UTC' });
}

function okrCell(rt: Runtime, id: string, header: string): unknown {
  const [head, ...rows] = rt.workbook.values('OKRs');
  return (rows.find((r) => r[0] === id) as unknown[])[head.indexOf(header)];
}

const sourceLog = (rt: Runtime, id: string) =>
  rt.workbook
    .values('Check-ins')
    .slice(1)
    .filter((r) => r[1] === id && r[2] === 'source');

describe('a closed cycle’s Sources are not read', () => {
  async function openClosed(): Promise<Runtime> {
    const workbook = withSources(twoCycleWorkbook(), {
      'O1.1': "'Sales data'!B2",
      'O2.1': "'Sales data'!B3",
    });
    const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: NOW } });
    // 2026-Q3 ended on 1 October: still live (within its grace days), but closed by the Lead.
    expect(ok<CyclesResult>(rt.run('closeCycle', [{ cycle: '2026-Q3' }], { as: LEAD })).ok).toBe(true);
    return rt;
  }

  test('the weekly run updates the open cycle’s key result and leaves the closed one’s as graded', async () => {
    const rt = await openClosed();
    expect(rt.run('enableWeeklyEmails', [], { as: LEAD }).result).toMatchObject({ enabled: true });
    // Friday 2 October → the run is due Monday 5 October 09:00 UTC.
    rt.tick('2026-10-05T12:00:00Z');
    expect(okrCell(rt, 'O2.1', 'Current')).toBe(66);
    expect(sourceLog(rt, 'O2.1')).toHaveLength(1);
    expect(okrCell(rt, 'O1.1', 'Current')).toBe(38);
    expect(sourceLog(rt, 'O1.1')).toHaveLength(0);
    // Nothing the run did is blamed on anyone as an edit after the close.
    const check = ok<CheckSheetResult>(rt.run('validateOkrs', [], { as: LEAD }));
    expect(check.ok && check.problems.filter((p) => p.code === 'edited-after-close')).toEqual([]);
  });

  test('a Lead’s updateAllFromSources does the same', async () => {
    const rt = await openClosed();
    const res = ok<UpdateSourcesResult>(rt.run('updateAllFromSources', [], { as: LEAD }));
    expect(res).toMatchObject({ ok: true, recorded: ['O2.1'], problems: [] });
    expect(okrCell(rt, 'O1.1', 'Current')).toBe(38);
    expect(sourceLog(rt, 'O1.1')).toHaveLength(0);
  });
});

describe('open is judged on the team’s fiscal year', () => {
  /** 1 February 2027: FY2026-Q4 is January–March 2027 from April, but was over by mid-January from January. */
  const FEB = '2027-02-01T09:00:00Z';
  const kr = (id: string) =>
    okrRow({
      ID: id,
      Type: 'Key result',
      Parent: 'O1',
      Title: `Result ${id}`,
      Owner: ANA,
      Cycle: 'FY2026-Q4',
      Kind: 'increase',
      Start: 0,
      Target: 100,
      Current: 10,
      Confidence: 'On track',
      Accepted: new Date('2027-01-05T00:00:00Z'),
      'Last check-in': new Date('2027-01-25T00:00:00Z'),
    });

  async function openFiscal(): Promise<Runtime> {
    const base = Workbook.fromRows(
      {
        OKRs: [
          okrHeaderRow(),
          okrRow({ ID: 'O1', Type: 'Objective', Title: 'Grow', Owner: LEAD, Cycle: 'FY2026-Q4' }),
          kr('O1.1'),
          kr('O1.2'),
        ],
        Team: [
          teamHeaderRow(),
          teamRow({ Name: 'Lee', Email: LEAD, Role: 'Lead' }),
          teamRow({ Name: 'Ana', Email: ANA, Role: 'Member' }),
        ],
        'Check-ins': [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']],
      },
      { timeZone: 'UTC' },
    );
    const workbook = withSources(base, { 'O1.1': "'Sales data'!B3", 'O1.2': 'Nope!A1' });
    const rt = await Runtime.open({ workbook, projectDir: ensureBuilt(), options: { now: FEB } });
    const saved = rt.run(
      'saveSettings',
      [
        {
          language: 'en',
          staleDays: 14,
          overloadLimit: 5,
          weeklyDay: 1,
          weeklyHour: 9,
          fiscalYearStartMonth: 4,
        },
      ],
      { as: LEAD },
    );
    expect(ok<{ ok: boolean }>(saved).ok).toBe(true);
    return rt;
  }

  test('a Lead’s updateAllFromSources reads the Sources of FY2026-Q4 in February 2027', async () => {
    const rt = await openFiscal();
    const res = ok<UpdateSourcesResult>(rt.run('updateAllFromSources', [], { as: LEAD }));
    expect(res).toMatchObject({ ok: true, recorded: ['O1.1'] });
    expect(res.ok && res.problems.map((p) => p.id)).toEqual(['O1.2']);
    expect(okrCell(rt, 'O1.1', 'Current')).toBe(66);
    expect(sourceLog(rt, 'O1.1')).toHaveLength(1);
  });

  test('Check problems checks them: the broken Source is source-unreadable', async () => {
    const rt = await openFiscal();
    const check = ok<CheckSheetResult>(rt.run('validateOkrs', [], { as: LEAD }));
    const unreadable = check.ok ? check.problems.filter((p) => p.code === 'source-unreadable') : [];
    expect(unreadable.map((p) => p.id)).toEqual(['O1.2']);
  });
});
