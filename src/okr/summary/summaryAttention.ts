// The Summary's "needs attention" list: one line per reason (off track, at risk, and each problem
// the validator reported on a shown row, plus sheet-wide errors), so each problem keeps its own row
// and message; ordered by reason, then by row.

import { daysSinceTouched } from '../core/attention';
import { daysSince } from '../core/days';
import { t } from '../core/i18n';
import type { KeyResult, Objective, Problem } from '../core/model';
import { cellA1 } from '../core/problems';
import { progressOf } from '../core/progress';
import { TAB } from '../core/tabs';
import type { AttentionItem, AttentionReason } from './summary';
import { REASON_LABELS, SUMMARY_MESSAGES } from './summaryMessages';
import { OWNERSHIP_CODES, ownerLabel, type SummaryScope } from './summaryScope';

/**
 * The Summary lists at most this many attention lines, the most urgent first, then one line saying
 * how many more there are and where to find them (Check problems lists the problems among them, the
 * OKRs tab's Confidence column the key results off track or at risk). A reader acts on the first ones;
 * thousands of lines (a big sheet has over 5,000) are noise, and every Summary row costs a refresh
 * about 5 ms (added to the staging sheet, written, formatted, copied: BENCHMARKS.md). The headline
 * numbers still count every key result.
 */
export const ATTENTION_CAP = 100;

const ATTENTION_ORDER: readonly AttentionReason[] = [
  'sheet',
  'off-track',
  'at-risk',
  'stale',
  'pending',
  'owner-missing',
  'owner-multiple',
  'owner-not-person',
  'owner-unknown',
  'objective-owner-missing',
];

function attentionLine(
  scope: SummaryScope,
  reason: AttentionReason,
  item: Objective | KeyResult,
  extra: Partial<Pick<AttentionItem, 'cell' | 'days' | 'detail'>> = {},
): AttentionItem {
  return {
    reason,
    id: item.id,
    title: item.title,
    type: item.type,
    owner: ownerLabel(scope, item),
    row: item.row,
    cell: extra.cell ?? null,
    progress: item.type === 'key-result' ? progressOf(item) : null,
    days: extra.days ?? null,
    detail: extra.detail ?? '',
    pace: item.type === 'key-result' ? scope.pace(item) : null,
  };
}

/**
 * An off-track or at-risk key result: its Confidence cell, the days since its last check-in, and what
 * the owner said then (the row's Note), so a reader sees why without opening the row.
 */
function confidenceLine(scope: SummaryScope, reason: 'off-track' | 'at-risk', kr: KeyResult): AttentionItem {
  const { okrs, now, lang } = scope.input;
  const column = okrs.columns.confidence;
  const confidence = t(REASON_LABELS, lang, reason);
  const days = daysSince(kr.lastCheckIn, now);
  const said =
    days === null
      ? t(SUMMARY_MESSAGES, lang, 'confidenceNoCheckIn', { confidence })
      : t(SUMMARY_MESSAGES, lang, 'confidenceSince', { confidence, days });
  const note = kr.note.trim();
  return attentionLine(scope, reason, kr, {
    cell: column === undefined ? null : cellA1(okrs.sheetName ?? TAB.okrs, kr.row, column),
    days,
    detail: note ? t(SUMMARY_MESSAGES, lang, 'confidenceNote', { detail: said, note }) : said,
  });
}

/** A problem on a shown row, as its attention line; null for problems the list does not show. */
function problemLine(scope: SummaryScope, p: Problem): AttentionItem | null {
  const item = p.row === null ? undefined : scope.itemByRow.get(p.row);
  if (!item) return null;
  if (p.code === 'stale' && item.type === 'key-result') {
    const days = daysSinceTouched(item, scope.input.now);
    return attentionLine(scope, 'stale', item, { days, detail: p.message });
  }
  if (p.code === 'owner-pending') return attentionLine(scope, 'pending', item, { detail: p.message });
  if (OWNERSHIP_CODES.includes(p.code)) {
    return attentionLine(scope, p.code as AttentionReason, item, { cell: p.cell, detail: p.message });
  }
  return null;
}

/** A sheet-wide error (a missing tab or column): the numbers may be incomplete. */
function sheetLine(p: Problem): AttentionItem {
  return {
    reason: 'sheet',
    id: '',
    title: '',
    type: 'objective',
    owner: '',
    row: 0,
    cell: p.cell,
    progress: null,
    days: null,
    detail: p.message,
    pace: null,
  };
}

/** Every attention line, ordered by reason (ATTENTION_ORDER), then by row. */
export function attentionItems(scope: SummaryScope): AttentionItem[] {
  const { problems } = scope.input;
  const attention: AttentionItem[] = [];
  for (const kr of scope.keyResults) {
    if (kr.confidence === 'off-track' || kr.confidence === 'at-risk') {
      attention.push(confidenceLine(scope, kr.confidence, kr));
    }
  }
  for (const p of problems) {
    const line = problemLine(scope, p);
    if (line) attention.push(line);
  }
  for (const p of problems) if (p.row === null && p.severity === 'error') attention.push(sheetLine(p));
  const ranks = new Map(ATTENTION_ORDER.map((r, i) => [r, i] as const));
  const rank = (r: AttentionReason) => ranks.get(r) ?? -1;
  return attention.sort((a, b) => rank(a.reason) - rank(b.reason) || a.row - b.row);
}

/** The lines the Summary shows (the first ATTENTION_CAP, in order) and how many it leaves out. */
export function cappedAttention(items: readonly AttentionItem[]): { shown: AttentionItem[]; more: number } {
  return { shown: items.slice(0, ATTENTION_CAP), more: Math.max(0, items.length - ATTENTION_CAP) };
}
