// The validator: every problem of the OKRs and Team tabs, each with a stable code, the row's ID, the
// cell, and a localized message and hint. Ownership first: one individual Team member per key result.

import { daysSinceTouched, ownerNeeds } from '../core/attention';
import { cycleCalendar, openCycleFilter } from '../core/cycle';
import { lookAlikeKey } from '../core/ids';
import type {
  KeyResult,
  Lang,
  Objective,
  OkrColumn,
  OkrSheet,
  Problem,
  ProblemCode,
  Roster,
  Settings,
} from '../core/model';
import { cellA1, type ProblemCounts, problem, countProblems as tally } from '../core/problems';
import { canonicalHeader, OKR_ALIASES } from '../core/schema';
import { TAB } from '../core/tabs';
import { inClosedCycle } from '../cycle/closedCycles';
import { editedAfterClose, leftClosedCycle } from '../cycle/editedAfterClose';
import type { KeyResultResult } from '../cycle/results';
import { readSources, type SourceReads } from '../source/sourceRead';
import { readsItsSource } from '../source/sourceScope';
import type { AgreementEntry } from './agreementLog';
import { agreementFindings } from './agreementProblems';
import { judgeOwner, type OwnerVerdict, teamLikeMember } from './owners';

/** More key results than this under one objective dilutes focus (a common OKR guideline). */
const MAX_KRS_PER_OBJECTIVE = 5;

export interface ValidateOptions {
  now: number;
  settings: Settings;
  lang: Lang;
  /** The spreadsheet's time zone, in which cycles are dated; default UTC. */
  timeZone?: string;
  /**
   * Closed cycles (src/okr/cycle/closedCycles.ts): their rows are final, so nothing is asked of
   * them (ownership, pending, stale, overload); only what breaks the sheet for every row (IDs,
   * parents) is still reported.
   */
  closed?: ReadonlySet<string>;
}

export type { ProblemCounts } from '../core/problems';

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  return tally(problems);
}

/**
 * `agreements`: the Agreements log's entries, when the sheet has that tab (src/okr/ownership/
 * agreementProblems.ts); without it nothing is said about agreements.
 */
export function validateOkrs(
  data: {
    okrs: OkrSheet;
    roster: Roster;
    agreements?: readonly AgreementEntry[] | null;
    /**
     * The Results tab's latest record per cycle and ID (cycle/results.ts parseResults), when the
     * caller read it: closed cycles' rows are compared with it (edited-after-close).
     */
    results?: ReadonlyMap<string, KeyResultResult> | null;
    /** The cells the Sources point at (source/sourceRead.ts), when the caller read them. */
    sources?: SourceReads | null;
  },
  opts: ValidateOptions,
): Problem[] {
  const { okrs, roster } = data;
  const { lang, settings, now } = opts;
  // Asking the owner (accept, check in) is for open cycles only: a cycle that is over or closed is
  // history. Each cycle name is judged once (a sheet has a handful of cycles and thousands of rows).
  const calendar = cycleCalendar(settings, opts.timeZone ?? 'UTC');
  const isOpen = openCycleFilter(now, calendar, opts.closed);
  const sheet = okrs.sheetName ?? TAB.okrs;
  const teamTab = roster.sheetName ?? TAB.team;
  const problems: Problem[] = [];
  const header = (c: OkrColumn) => {
    const i = okrs.columns[c];
    return i !== undefined && okrs.headers[i] ? okrs.headers[i] : canonicalHeader(c, OKR_ALIASES);
  };
  const cellOf = (row: number, c: OkrColumn) => {
    const i = okrs.columns[c];
    return i === undefined ? null : cellA1(sheet, row, i);
  };
  const add = (
    code: ProblemCode,
    item: Objective | KeyResult,
    column: OkrColumn | null,
    extra: {
      value?: string;
      variant?: Parameters<typeof problem>[1]['variant'];
      params?: Record<string, string | number>;
      severity?: 'error' | 'warning';
    } = {},
  ) =>
    problems.push(
      problem(
        code,
        {
          id: item.id,
          row: item.row,
          what: item.type,
          column: column ? header(column) : null,
          cell: column ? cellOf(item.row, column) : null,
          value: extra.value,
          variant: extra.variant,
          severity: extra.severity,
          params: { team: teamTab, ...(extra.params ?? {}) },
        },
        lang,
      ),
    );

  const items: Array<Objective | KeyResult> = [...okrs.objectives, ...okrs.keyResults].sort(
    (a, b) => a.row - b.row,
  );
  const firstRowOfId = new Map<string, number>();
  const itemById = new Map<string, Objective | KeyResult>();
  // A missing column is reported once (header-missing), not once per row.
  const has = (c: OkrColumn) => okrs.columns[c] !== undefined;
  // Without a Team tab (or its Email column) nobody can be "known": that is reported once too.
  const rosterKnown = roster.columns.email !== undefined;
  for (const item of items) {
    if (!has('id')) break;
    if (!item.id) {
      add('id-missing', item, 'id');
      continue;
    }
    // Look-alikes (o1.1 and O1.1) count as duplicates: people cannot tell them apart.
    const first = firstRowOfId.get(lookAlikeKey(item.id));
    if (first !== undefined) {
      add('id-duplicate', item, 'id', { params: { other: first } });
      continue;
    }
    firstRowOfId.set(lookAlikeKey(item.id), item.row);
    itemById.set(item.id, item);
  }

  const krsOf = new Map<string, KeyResult[]>();
  // Key results owned by one Team member: the only ones an agreement can be about (an owner that is
  // not is already an error of its own).
  const ownedByMember: KeyResult[] = [];
  const owned = new Map<string, KeyResult[]>();
  // The same few hundred Owner cells repeat over thousands of rows: each distinct text is judged once.
  const verdicts = new Map<string, OwnerVerdict>();
  for (const item of items) {
    let judged = verdicts.get(item.ownerText);
    if (!judged) {
      judged = judgeOwner(item.ownerText, roster.people);
      verdicts.set(item.ownerText, judged);
    }
    const verdict: OwnerVerdict | null =
      !has('owner') || (!rosterKnown && !judged.ok && judged.code === 'owner-unknown') ? null : judged;
    const parentId = item.type === 'key-result' ? item.objectiveId : item.parentId;
    if (!has('parent') || !has('id')) {
      // Reported once as header-missing.
    } else if (item.type === 'key-result' && !parentId) {
      add('parent-missing', item, 'parent', { variant: 'parent-missing-blank' });
    } else if (parentId) {
      const parent = itemById.get(parentId);
      if (!parent) add('parent-missing', item, 'parent', { value: parentId });
      else if (parent.type !== 'objective') add('parent-not-objective', item, 'parent', { value: parentId });
      else if (item.type === 'key-result') {
        const list = krsOf.get(parentId) ?? [];
        // A duplicate ID's key results are reported once (id-duplicate); count each row once here.
        if (!list.includes(item)) list.push(item);
        krsOf.set(parentId, list);
      }
    }
    if (inClosedCycle(item, opts.closed)) continue;

    // One person must be accountable: a Team row that is a team ("Platform Team", platform@…) can
    // be picked from the dropdown, so it is accepted as an owner, with a warning.
    if (verdict?.ok && teamLikeMember(verdict.person)) {
      add('owner-not-person', item, 'owner', {
        value: verdict.email,
        severity: 'warning',
        variant: 'owner-team-member',
        params: { name: verdict.person.name },
      });
    }
    if (item.type === 'objective') {
      if (!verdict || verdict.ok) continue;
      if (verdict.code === 'owner-missing') add('objective-owner-missing', item, 'owner');
      else ownerProblem(verdict, item, 'warning');
      continue;
    }

    if (verdict && !verdict.ok) ownerProblem(verdict, item, 'error');
    const kind = item.kind ?? 'increase';
    if (
      (kind === 'increase' || kind === 'decrease') &&
      item.start !== null &&
      item.target !== null &&
      item.start === item.target
    ) {
      add('target-equals-start', item, 'target', { value: String(item.start) });
    }
    if (!verdict?.ok) continue;
    ownedByMember.push(item);
    const needs = isOpen(item.cycle)
      ? ownerNeeds(item, true, now, settings.staleDays)
      : { pending: false, stale: false };
    // Without an Accepted column (set-up adds it) acceptance cannot be recorded yet: not every row's fault.
    if (needs.pending && has('accepted')) add('owner-pending', item, 'accepted', { value: verdict.email });
    const key = `${verdict.email}\u0000${item.cycle}`;
    const list = owned.get(key) ?? [];
    list.push(item);
    owned.set(key, list);
    if (needs.stale) {
      add('stale', item, item.lastCheckIn !== null ? 'lastCheckIn' : 'accepted', {
        value: verdict.email,
        params: { count: daysSinceTouched(item, now) ?? 0 },
      });
    }
  }

  function ownerProblem(
    verdict: Exclude<OwnerVerdict, { ok: true }>,
    item: Objective | KeyResult,
    severity: 'error' | 'warning',
  ) {
    switch (verdict.code) {
      case 'owner-missing':
        add('owner-missing', item, 'owner', { severity });
        break;
      case 'owner-multiple':
        add('owner-multiple', item, 'owner', { value: item.ownerText, severity });
        break;
      case 'owner-not-person':
        add('owner-not-person', item, 'owner', { value: verdict.text, severity });
        break;
      case 'owner-unknown':
        if (verdict.suggestion) {
          add('owner-unknown', item, 'owner', {
            value: verdict.text,
            severity,
            variant: 'owner-unknown-suggest',
            params: { name: verdict.suggestion.name, email: verdict.suggestion.email },
          });
        } else add('owner-unknown', item, 'owner', { value: verdict.text, severity });
        break;
    }
  }

  for (const o of okrs.objectives) {
    // Without IDs or parents, key results cannot be linked: already reported as header-missing.
    if (!has('parent') || !o.id || firstRowOfId.get(lookAlikeKey(o.id)) !== o.row) continue;
    const krs = krsOf.get(o.id) ?? [];
    if (krs.length === 0) add('objective-without-krs', o, 'id');
    else if (krs.length > MAX_KRS_PER_OBJECTIVE) {
      add('objective-too-many-krs', o, 'id', { params: { count: krs.length, limit: MAX_KRS_PER_OBJECTIVE } });
    }
  }

  for (const [key, krs] of owned) {
    if (krs.length <= settings.overloadLimit) continue;
    const [email, cycle] = key.split('\u0000');
    const first = krs[settings.overloadLimit];
    add('owner-overloaded', first, 'owner', {
      value: email,
      params: {
        count: krs.length,
        limit: settings.overloadLimit,
        cycle: cycle || (lang === 'ja' ? 'このサイクル' : 'this cycle'),
      },
    });
  }

  if (data.agreements) {
    for (const f of agreementFindings(ownedByMember, data.agreements)) {
      if (has(f.column)) add(f.code, f.kr, f.column, { value: f.kr.owner ?? '', params: f.params });
    }
  }

  if (data.results && opts.closed?.size) {
    for (const f of editedAfterClose(okrs.keyResults, data.results, opts.closed)) {
      const shown = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
      if (f.recorded === undefined) {
        if (has('cycle'))
          add('edited-after-close', f.kr, 'cycle', {
            variant: 'edited-after-close-added',
            params: { cycle: f.cycle },
          });
      } else {
        add('edited-after-close', f.kr, has('current') ? 'current' : null, {
          params: { cycle: f.cycle, now: shown(f.now), recorded: shown(f.recorded) },
        });
      }
    }
    // Records whose key result left the closed cycle: on its Cycle cell, else on the record's row.
    for (const f of leftClosedCycle(okrs.keyResults, data.results, opts.closed)) {
      if (f.kr) {
        add('edited-after-close', f.kr, has('cycle') ? 'cycle' : null, {
          variant: 'edited-after-close-moved',
          params: { cycle: f.cycle, now: f.kr.cycle.trim() || '—' },
        });
      } else {
        problems.push(
          problem(
            'edited-after-close',
            {
              id: f.id,
              row: f.at?.row ?? null,
              what: 'key-result',
              cell: f.at ? cellA1(TAB.results, f.at.row, f.at.column) : null,
              variant: 'edited-after-close-removed',
              params: { cycle: f.cycle },
            },
            lang,
          ),
        );
      }
    }
  }

  const sourceColumn = okrs.columns.source;
  if (data.sources && sourceColumn !== undefined) {
    const reads = readsItsSource(now, calendar, opts.closed);
    const read = okrs.keyResults.filter((kr) => kr.source && reads(kr));
    const byRow = new Map(read.map((kr) => [kr.row, kr] as const));
    for (const p of readSources(read, data.sources, { sheetName: sheet, sourceColumn, lang }).problems) {
      const kr = byRow.get(p.row);
      if (!kr) continue;
      add('source-unreadable', kr, 'source', {
        severity: p.code === 'empty' ? 'warning' : undefined,
        params: { detail: p.message },
      });
    }
  }

  // Sheet-wide problems first, then the OKRs tab by row (each row's problems in the order found),
  // then the Team tab's.
  const okrProblems = [...okrs.problems, ...problems];
  const sheetWide = [...okrProblems, ...roster.problems].filter((p) => p.row === null);
  const byRow = okrProblems
    .filter((p) => p.row !== null)
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row as number) - (b.p.row as number) || a.i - b.i)
    .map(({ p }) => p);
  return [...sheetWide, ...byRow, ...roster.problems.filter((p) => p.row !== null)];
}
