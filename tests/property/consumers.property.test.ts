// One sheet, four consumers, the same figures. Random small sheets (objectives, key results of every
// kind, owners in and out of Team, people owning many key results, check-ins with and without a
// baseline a week ago, accepted or pending, stale or fresh) are parsed as the add-on parses them, and
// the sidebar's state, the Summary model, the weekly emails' model and the validator must agree on
// progress, score, weekly change, stale, pending and overloaded.
import fc from 'fast-check';
import { buildSidebarState } from '../../src/endpoints/sidebar/sidebarState';
import { DEFAULT_SETTINGS, type Settings } from '../../src/okr/core/model';
import { parseCheckIns, parseOkrSheet, parseRoster } from '../../src/okr/core/parse';
import { score } from '../../src/okr/core/progress';
import { validateOkrs } from '../../src/okr/ownership/validate';
import { buildSummary } from '../../src/okr/summary/summary';
import { digestModel, leadershipReport, ownerReport } from '../../src/okr/weekly/digest';

const DAY = 86_400_000;
/** Monday 23 November 2026, 09:00 UTC: cycle 2026-Q4 is live. */
const NOW = Date.UTC(2026, 10, 23, 9);
const opts = { timeZone: 'UTC', lang: 'en' as const };
const settings: Settings = { ...DEFAULT_SETTINGS, staleDays: 14, overloadLimit: 3 };

const TEAM = [
  ['Ann Lee', 'ann@acme.com', 'Growth', 'Member'],
  ['Bob Stone', 'bob@acme.com', 'Platform', 'Lead'],
  ["Dan O'Neil", "d.o'neil@acme.com", 'Growth', 'Member'],
  ['Eve', 'eve+okr@acme.com', '', 'Member'],
  ['Cy', 'cy@acme.com', '', 'Leadership'],
];
const roster = parseRoster([['Name', 'Email', 'Team', 'Role'], ...TEAM], { ...opts, sheetName: 'Team' });
const EMAILS = TEAM.map((p) => p[1]);

const day = (daysAgo: number) => new Date(NOW - daysAgo * DAY);

const owner = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EMAILS) },
  { weight: 1, arbitrary: fc.constantFrom('zed@acme.com', '', 'Ann and Bob', 'Growth team', 'Ann Lee') },
);
const maybeDay = (max: number) => fc.option(fc.integer({ min: 0, max }).map(day), { nil: '' });
const value = fc.option(fc.integer({ min: -5, max: 120 }), { nil: '' });

const keyResult = fc.record({
  owner,
  kind: fc.constantFrom('increase', 'decrease', 'at least', 'at most', 'milestone', ''),
  start: value,
  target: value,
  current: value,
  confidence: fc.constantFrom('On track', 'At risk', 'Off track', ''),
  accepted: maybeDay(60),
  lastCheckIn: maybeDay(40),
  cycle: fc.constantFrom('2026-Q4', '2026-Q4', ''),
  checkIns: fc.array(
    fc.record({
      // In hours: fc.double would crowd its values near 0 (it samples floats, not the interval).
      daysAgo: fc.integer({ min: 0, max: 20 * 24 }).map((h) => h / 24),
      progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: '' }),
    }),
    { maxLength: 3 },
  ),
});

const objective = fc.record({
  owner,
  accepted: maybeDay(60),
  keyResults: fc.array(keyResult, { maxLength: 5 }),
});

const sheetArb = fc.array(objective, { minLength: 1, maxLength: 4 });
type SheetSpec = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

const HEADER = [
  'ID',
  'Type',
  'Parent',
  'Title',
  'Owner',
  'Cycle',
  'Kind',
  'Start',
  'Target',
  'Current',
  'Confidence',
  'Accepted',
  'Last check-in',
];

function grids(objectives: SheetSpec) {
  const okrRows: unknown[][] = [HEADER];
  const logRows: unknown[][] = [['Time', 'ID', 'By', 'Current', 'Progress', 'Confidence', 'Note']];
  objectives.forEach((o, i) => {
    const oid = `O${i + 1}`;
    okrRows.push([
      oid,
      'Objective',
      '',
      `Objective ${oid}`,
      o.owner,
      '2026-Q4',
      '',
      '',
      '',
      '',
      '',
      o.accepted,
      '',
    ]);
    o.keyResults.forEach((k, j) => {
      const id = `${oid}.${j + 1}`;
      okrRows.push([
        id,
        'Key result',
        oid,
        `Key result ${id}`,
        k.owner,
        k.cycle,
        k.kind,
        k.start,
        k.target,
        k.current,
        k.confidence,
        k.accepted,
        k.lastCheckIn,
      ]);
      for (const c of k.checkIns) {
        // Progress is logged as a fraction in a percent-formatted cell.
        logRows.push([
          new Date(NOW - c.daysAgo * DAY),
          id,
          k.owner,
          '',
          typeof c.progress === 'number' ? c.progress / 100 : '',
          '',
          '',
        ]);
      }
    });
  });
  return { okrRows, logRows };
}

const idsWith = <T>(items: Iterable<T>, pick: (t: T) => string | null) =>
  [...items]
    .map(pick)
    .filter((id): id is string => id !== null)
    .sort();

test('the sidebar, the Summary, the weekly emails and the validator give the same figures for the same sheet', () => {
  fc.assert(
    fc.property(sheetArb, (objectives) => {
      const { okrRows, logRows } = grids(objectives);
      const okrs = parseOkrSheet(okrRows, { ...opts, sheetName: 'OKRs' });
      const checkIns = parseCheckIns(logRows, { ...opts, sheetName: 'Check-ins' });
      const problems = validateOkrs({ okrs, roster }, { now: NOW, settings, lang: 'en' });
      const summary = buildSummary({
        okrs,
        roster,
        checkIns,
        problems,
        now: NOW,
        timeZone: 'UTC',
        settings,
        lang: 'en',
      });
      const model = digestModel({
        objectives: okrs.objectives,
        keyResults: okrs.keyResults,
        people: roster.people,
        checkIns,
        now: NOW,
        staleDays: settings.staleDays,
      });
      const leadership = leadershipReport(model);
      const reports = EMAILS.map((email) => ownerReport(model, email));
      const lines = [...model.lines.values()];
      const sidebars = roster.people.map((p) =>
        buildSidebarState({
          okrs,
          roster,
          problems,
          caller: { email: p.email, person: p, isLead: p.role === 'lead', canManage: p.role === 'lead' },
          now: NOW,
          lang: 'en',
          timeZone: 'UTC',
          staleDays: settings.staleDays,
        }),
      );
      const mine = sidebars.flatMap((s) => s.mine);

      // Every key result is live, listed once by each consumer.
      expect(lines.length).toBe(okrs.keyResults.length);
      expect(summary.headline.keyResults).toBe(okrs.keyResults.length);

      // Progress of each key result: the emails, the sidebar and the Summary's attention list.
      for (const v of mine) expect([v.id, v.progress]).toEqual([v.id, model.lines.get(v.id)?.progress]);
      for (const a of summary.attention.filter((x) => x.type === 'key-result'))
        expect([a.id, a.progress]).toEqual([a.id, model.lines.get(a.id)?.progress]);

      // Objectives: progress, score and weekly change in the Summary tab and both emails.
      const emailed = new Map(leadership.objectives.map((o) => [o.id, o]));
      expect(summary.objectives.map((o) => o.id)).toEqual(leadership.objectives.map((o) => o.id));
      for (const o of summary.objectives) {
        const e = emailed.get(o.id);
        expect([o.id, o.progress, o.score, o.change]).toEqual([
          o.id,
          e?.progress,
          score(e?.progress ?? null),
          e?.change,
        ]);
        for (const report of reports) {
          const group = report.groups.find((g) => g.objective?.id === o.id);
          if (group)
            expect([o.id, group.objective?.progress, group.objective?.change]).toEqual([
              o.id,
              o.progress,
              o.change,
            ]);
        }
      }
      expect(summary.headline.averageProgress).toBe(leadership.headline.averageProgress);

      // Stale: the validator's problems, the Summary, the emails and each owner's sidebar.
      const staleProblems = idsWith(problems, (p) => (p.code === 'stale' ? p.id : null));
      expect(idsWith(lines, (l) => (l.needs.includes('stale') ? l.id : null))).toEqual(staleProblems);
      expect(idsWith(summary.attention, (a) => (a.reason === 'stale' ? a.id : null))).toEqual(staleProblems);
      expect(summary.headline.stale).toBe(staleProblems.length);
      expect(leadership.headline.stale).toBe(staleProblems.length);
      expect(idsWith(mine, (v) => (v.needs.includes('stale') ? v.id : null))).toEqual(
        staleProblems.filter((id) => mine.some((v) => v.id === id)),
      );

      // Pending: the same four, and the sidebar's table state.
      const krIds = new Set(okrs.keyResults.map((k) => k.id));
      const pendingProblems = idsWith(problems, (p) =>
        p.code === 'owner-pending' && p.id && krIds.has(p.id) ? p.id : null,
      );
      expect(idsWith(lines, (l) => (l.needs.includes('pending') ? l.id : null))).toEqual(pendingProblems);
      expect(summary.headline.pending).toBe(pendingProblems.length);
      expect(leadership.headline.pending).toBe(pendingProblems.length);
      expect(idsWith(mine, (v) => (v.needs.includes('pending') ? v.id : null))).toEqual(
        pendingProblems.filter((id) => mine.some((v) => v.id === id)),
      );
      const table = sidebars[0].table;
      expect(
        idsWith(table.id.keys(), (i) =>
          table.type[i] === 'k' && table.state[i] === 'p' ? table.id[i] : null,
        ),
      ).toEqual(pendingProblems);
      for (const report of reports) {
        const { email } = report;
        const owned = lines.filter((l) => l.owner === email);
        expect([email, report.counts.stale]).toEqual([
          email,
          owned.filter((l) => staleProblems.includes(l.id)).length,
        ]);
      }

      // Ownership gaps and confidence counts in both headlines.
      expect(summary.headline.ownershipGaps).toBe(leadership.headline.ownershipGaps);
      expect(summary.headline.atRisk).toBe(leadership.headline.atRisk);
      expect(summary.headline.offTrack).toBe(leadership.headline.offTrack);

      // Overloaded: the validator's owners and the Summary's.
      const overloaded = [
        ...new Set(
          problems
            .filter((p) => p.code === 'owner-overloaded')
            .map((p) => okrs.keyResults.find((k) => k.row === p.row)?.owner),
        ),
      ].sort();
      expect(idsWith(summary.owners, (o) => (o.overloaded ? o.email : null))).toEqual(overloaded);
    }),
    { numRuns: 300 },
  );
});
