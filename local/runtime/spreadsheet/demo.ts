// A small, realistic company for the sandbox and tests: a Team tab, an OKRs tab for 2026-Q4 with
// three objectives and nine key results, and a few weeks of check-ins. "Today" in the story is
// 2026-11-23 (America/New_York); one key result is stale (last check-in 20 days earlier).
import { fromWallTime } from './format';
import type { GridRef, ValidationSpec } from './types';
import { Workbook } from './workbook';

const TZ = 'America/New_York';
const day = (iso: string, h = 0, m = 0) => {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(fromWallTime(TZ, y, mo, d, h, m));
};

export const DEMO_TODAY = '2026-11-23';

const TEAM_HEADER = ['Name', 'Email', 'Team', 'Manager', 'Role', 'Language'];
const TEAM: string[][] = [
  ['Maya Chen', 'maya.chen@example.com', 'Product', '', 'Leadership', 'en'],
  ['Daniel Okafor', 'daniel.okafor@example.com', 'Engineering', 'maya.chen@example.com', 'Leadership', 'en'],
  ['Priya Natarajan', 'priya.natarajan@example.com', 'Product', 'maya.chen@example.com', 'Lead', 'en'],
  ['Lucas Meyer', 'lucas.meyer@example.com', 'Product', 'priya.natarajan@example.com', 'Member', 'en'],
  ['Aiko Tanaka', 'aiko.tanaka@example.com', 'Engineering', 'daniel.okafor@example.com', 'Member', 'ja'],
  ['Sam Rivera', 'sam.rivera@example.com', 'Engineering', 'daniel.okafor@example.com', 'Member', 'en'],
  ['Grace Liu', 'grace.liu@example.com', 'Sales', 'maya.chen@example.com', 'Member', 'en'],
  ['Omar Haddad', 'omar.haddad@example.com', 'Sales', 'grace.liu@example.com', 'Member', 'en'],
];

export const OKR_HEADER = [
  'ID',
  'Type',
  'Parent',
  'Title',
  'Owner',
  'Team',
  'Cycle',
  'Kind',
  'Start',
  'Target',
  'Current',
  'Unit',
  'Progress',
  'Confidence',
  'Accepted',
  'Last check-in',
  'Due',
  'Note',
];

type Kind = 'increase' | 'decrease' | 'at least' | 'at most' | 'milestone';

function progress(kind: Kind | '', start: number, target: number, current: number): number {
  switch (kind) {
    case 'increase':
    case 'decrease': {
      if (target === start) return current === target ? 1 : 0;
      return Math.min(1, Math.max(0, (current - start) / (target - start)));
    }
    case 'at least':
      return current >= target ? 1 : 0;
    case 'at most':
      return current <= target ? 1 : 0;
    case 'milestone':
      return current >= target ? 1 : 0;
    default:
      return 0;
  }
}

interface KrRow {
  id: string;
  title: string;
  owner: string;
  team: string;
  kind: Kind;
  start: number;
  target: number;
  current: number;
  unit: string;
  confidence: string;
  accepted: string | null;
  lastCheckIn: string;
  note?: string;
}

const DUE = '2026-12-31';

const OBJECTIVES: Array<{
  id: string;
  title: string;
  owner: string;
  team: string;
  accepted: string;
  krs: KrRow[];
}> = [
  {
    id: 'O1',
    title: 'Make onboarding effortless for new customers',
    owner: 'priya.natarajan@example.com',
    team: 'Product',
    accepted: '2026-10-01',
    krs: [
      {
        id: 'O1.1',
        title: 'Raise trial-to-paid conversion',
        owner: 'lucas.meyer@example.com',
        team: 'Product',
        kind: 'increase',
        start: 12,
        target: 20,
        current: 16,
        unit: '%',
        confidence: 'On track',
        accepted: '2026-10-02',
        lastCheckIn: '2026-11-16',
      },
      {
        id: 'O1.2',
        title: 'Cut median time to first report',
        owner: 'priya.natarajan@example.com',
        team: 'Product',
        kind: 'decrease',
        start: 45,
        target: 10,
        current: 30,
        unit: 'min',
        confidence: 'At risk',
        accepted: '2026-10-01',
        lastCheckIn: '2026-11-19',
      },
      {
        id: 'O1.3',
        title: 'Ship the guided setup wizard',
        owner: 'aiko.tanaka@example.com',
        team: 'Engineering',
        kind: 'milestone',
        start: 0,
        target: 1,
        current: 0,
        unit: '',
        confidence: 'On track',
        accepted: '2026-10-03',
        lastCheckIn: '2026-11-21',
        note: 'Beta behind a flag since Nov 10',
      },
    ],
  },
  {
    id: 'O2',
    title: 'Run a platform customers can rely on',
    owner: 'daniel.okafor@example.com',
    team: 'Engineering',
    accepted: '2026-10-01',
    krs: [
      {
        id: 'O2.1',
        title: 'Keep monthly uptime at least 99.9%',
        owner: 'sam.rivera@example.com',
        team: 'Engineering',
        kind: 'at least',
        start: 99.5,
        target: 99.9,
        current: 99.95,
        unit: '%',
        confidence: 'On track',
        accepted: '2026-10-04',
        lastCheckIn: '2026-11-20',
      },
      {
        id: 'O2.2',
        title: 'Keep p95 API latency at most 300 ms',
        owner: 'aiko.tanaka@example.com',
        team: 'Engineering',
        kind: 'at most',
        start: 450,
        target: 300,
        current: 340,
        unit: 'ms',
        confidence: 'Off track',
        accepted: '2026-10-05',
        lastCheckIn: '2026-11-03',
        note: 'Search endpoint regressed after the index migration',
      },
      {
        id: 'O2.3',
        title: 'Reduce open sev-2 incidents',
        owner: 'sam.rivera@example.com',
        team: 'Engineering',
        kind: 'decrease',
        start: 14,
        target: 4,
        current: 9,
        unit: 'incidents',
        confidence: 'At risk',
        accepted: null,
        lastCheckIn: '2026-11-14',
      },
    ],
  },
  {
    id: 'O3',
    title: 'Grow revenue from mid-size teams',
    owner: 'grace.liu@example.com',
    team: 'Sales',
    accepted: '2026-10-02',
    krs: [
      {
        id: 'O3.1',
        title: 'Close new annual contracts',
        owner: 'omar.haddad@example.com',
        team: 'Sales',
        kind: 'increase',
        start: 0,
        target: 25,
        current: 11,
        unit: 'deals',
        confidence: 'At risk',
        accepted: '2026-10-06',
        lastCheckIn: '2026-11-18',
      },
      {
        id: 'O3.2',
        title: 'Grow qualified pipeline',
        owner: 'grace.liu@example.com',
        team: 'Sales',
        kind: 'increase',
        start: 400000,
        target: 1200000,
        current: 950000,
        unit: 'USD',
        confidence: 'On track',
        accepted: '2026-10-02',
        lastCheckIn: '2026-11-17',
      },
      {
        id: 'O3.3',
        title: 'Launch the partner referral program',
        owner: 'omar.haddad@example.com',
        team: 'Sales',
        kind: 'milestone',
        start: 0,
        target: 1,
        current: 0,
        unit: '',
        confidence: 'On track',
        accepted: null,
        lastCheckIn: '2026-11-12',
      },
    ],
  },
];

const CHECK_INS: Array<[string, string, string, number, string, string]> = [
  // time, id, by, current, confidence, note
  ['2026-11-02 10:15', 'O1.1', 'lucas.meyer@example.com', 14, 'On track', 'New pricing page live'],
  ['2026-11-03 09:40', 'O2.2', 'aiko.tanaka@example.com', 340, 'Off track', 'Index migration slowed search'],
  ['2026-11-05 16:05', 'O1.2', 'priya.natarajan@example.com', 36, 'At risk', ''],
  ['2026-11-09 11:20', 'O1.1', 'lucas.meyer@example.com', 15, 'On track', ''],
  ['2026-11-10 14:00', 'O3.1', 'omar.haddad@example.com', 8, 'At risk', 'Two deals slipped to December'],
  ['2026-11-12 13:30', 'O3.3', 'omar.haddad@example.com', 0, 'On track', 'Partner contract in legal review'],
  ['2026-11-14 17:45', 'O2.3', 'sam.rivera@example.com', 9, 'At risk', ''],
  ['2026-11-16 10:00', 'O1.1', 'lucas.meyer@example.com', 16, 'On track', ''],
  [
    '2026-11-17 15:10',
    'O3.2',
    'grace.liu@example.com',
    950000,
    'On track',
    'Two large opportunities qualified',
  ],
  ['2026-11-18 09:25', 'O3.1', 'omar.haddad@example.com', 11, 'At risk', ''],
  [
    '2026-11-19 12:00',
    'O1.2',
    'priya.natarajan@example.com',
    30,
    'At risk',
    'Template gallery helps; import still slow',
  ],
  ['2026-11-20 08:50', 'O2.1', 'sam.rivera@example.com', 99.95, 'On track', ''],
  ['2026-11-21 16:30', 'O1.3', 'aiko.tanaka@example.com', 0, 'On track', 'Beta feedback positive'],
];

export function demoWorkbook(): Workbook {
  const wb = new Workbook({ name: 'OKRs 2026-Q4 (demo)', timeZone: TZ, locale: 'en_US' });

  // ---- Team ----
  const team = wb.addSheet('Team');
  wb.writeRect(team, 1, 1, [TEAM_HEADER, ...TEAM]);

  // ---- OKRs ----
  const okrs = wb.addSheet('OKRs');
  const rows: unknown[][] = [OKR_HEADER];
  const kindOf = new Map<string, { kind: Kind; start: number; target: number }>();
  for (const o of OBJECTIVES) {
    const krProgress = o.krs.map((k) => progress(k.kind, k.start, k.target, k.current));
    const objProgress = krProgress.reduce((a, b) => a + b, 0) / krProgress.length;
    const lastObj = o.krs
      .map((k) => k.lastCheckIn)
      .sort()
      .at(-1) as string;
    rows.push([
      o.id,
      'Objective',
      '',
      o.title,
      o.owner,
      o.team,
      '2026-Q4',
      '',
      '',
      '',
      '',
      '',
      objProgress,
      '',
      day(o.accepted),
      day(lastObj),
      day(DUE),
      '',
    ]);
    o.krs.forEach((k, i) => {
      kindOf.set(k.id, k);
      rows.push([
        k.id,
        'Key result',
        o.id,
        k.title,
        k.owner,
        k.team,
        '2026-Q4',
        k.kind,
        k.start,
        k.target,
        k.current,
        k.unit,
        krProgress[i],
        k.confidence,
        k.accepted ? day(k.accepted) : '',
        day(k.lastCheckIn),
        day(DUE),
        k.note ?? '',
      ]);
    });
  }
  wb.writeRect(okrs, 1, 1, rows);
  const last = rows.length;

  // ---- Check-ins ----
  const checkIns = wb.addSheet('Check-ins');
  const ciRows: unknown[][] = [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']];
  for (const [t, id, by, current, conf, note] of CHECK_INS) {
    const [d, hm] = t.split(' ') as [string, string];
    const [h, m] = hm.split(':').map(Number) as [number, number];
    const k = kindOf.get(id);
    ciRows.push([
      day(d, h, m),
      id,
      by,
      current,
      k ? progress(k.kind, k.start, k.target, current) : 0,
      conf,
      note,
    ]);
  }
  wb.writeRect(checkIns, 1, 1, ciRows);

  // ---- formats, as a team would have set them up ----
  const fmtCol = (s: typeof okrs, col: number, from: number, to: number, f: string) => {
    for (let r = from; r <= to; r++) s.cellForWrite(r, col).numberFormat = f;
  };
  for (const s of [team, okrs, checkIns]) {
    s.frozenRows = 1;
    const width = s.lastColumn();
    for (let c = 1; c <= width; c++) {
      const cell = s.cellForWrite(1, c);
      cell.fontWeight = 'bold';
      cell.background = '#f1f3f4';
    }
  }
  fmtCol(okrs, 13, 2, last, '0%');
  for (const col of [15, 16, 17]) fmtCol(okrs, col, 2, last, 'yyyy-mm-dd');
  fmtCol(checkIns, 1, 2, ciRows.length, 'yyyy-mm-dd hh:mm');
  fmtCol(checkIns, 5, 2, ciRows.length, '0%');
  okrs.columnWidths[4] = 320;
  okrs.columnWidths[5] = 220;
  okrs.columnWidths[18] = 260;
  team.columnWidths[2] = 220;
  checkIns.columnWidths[7] = 300;

  // ---- validation: dropdowns as a lead would set them up ----
  const teamEmails: GridRef = { sheetId: team.id, row: 2, col: 2, numRows: 999, numCols: 1 };
  const rule = (
    criteria: ValidationSpec['criteria'],
    values: unknown[],
    allowInvalid: boolean,
    helpText = '',
  ): ValidationSpec => ({
    criteria,
    values,
    allowInvalid,
    helpText,
  });
  for (let r = 2; r <= last; r++) {
    okrs.cellForWrite(r, 2).validation = rule('VALUE_IN_LIST', [['Objective', 'Key result'], true], false);
    okrs.cellForWrite(r, 5).validation = rule(
      'VALUE_IN_RANGE',
      [{ ...teamEmails }, true],
      false,
      'Pick one person from the Team tab.',
    );
    okrs.cellForWrite(r, 8).validation = rule(
      'VALUE_IN_LIST',
      [['increase', 'decrease', 'at least', 'at most', 'milestone'], true],
      false,
    );
    okrs.cellForWrite(r, 14).validation = rule(
      'VALUE_IN_LIST',
      [['On track', 'At risk', 'Off track'], true],
      true,
    );
    okrs.cellForWrite(r, 17).validation = rule(
      'DATE_IS_VALID_DATE',
      [],
      false,
      'Enter a date, e.g. 2026-12-31.',
    );
  }
  for (let r = 2; r <= TEAM.length + 1; r++) {
    team.cellForWrite(r, 5).validation = rule(
      'VALUE_IN_LIST',
      [['Member', 'Lead', 'Leadership'], true],
      false,
    );
    team.cellForWrite(r, 6).validation = rule('VALUE_IN_LIST', [['en', 'ja'], true], false);
  }

  // ---- a note and a conditional rule a lead left behind ----
  okrs.cellForWrite(1, 5).note = 'One person per key result: their email from the Team tab.';
  okrs.conditionalRules.push({
    ranges: [{ sheetId: okrs.id, row: 2, col: 14, numRows: last - 1, numCols: 1 }],
    condition: { type: 'TEXT_EQUAL_TO', values: ['Off track'] },
    format: { background: '#f4cccc', fontColor: '#990000' },
  });
  okrs.conditionalRules.push({
    ranges: [{ sheetId: okrs.id, row: 2, col: 14, numRows: last - 1, numCols: 1 }],
    condition: { type: 'TEXT_EQUAL_TO', values: ['At risk'] },
    format: { background: '#fff2cc' },
  });
  // The check-in log is edited by the add-on only: a warning-only protection, as a lead would add.
  wb.protections.push({
    id: wb.nextProtectionId++,
    type: 'SHEET',
    sheetId: checkIns.id,
    description: 'Written by OKR Owners; edit through the sidebar',
    warningOnly: true,
    editors: null,
    domainEdit: true,
    unprotected: [],
  });
  wb.selections.set('', {
    sheetId: okrs.id,
    range: { sheetId: okrs.id, row: 1, col: 1, numRows: 1, numCols: 1 },
    cell: { row: 1, col: 1 },
  });
  return wb;
}
