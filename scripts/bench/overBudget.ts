// Why a budget is over, printed under its line in BENCHMARKS.md while it is: where the modeled time
// goes (which calls, how many cells), found with the runtime's call trace on the 10,000-key-result
// workbook, and what meeting it would take. Only printed for a budget that is over.

const REASONS: Array<[RegExp, string]> = [
  [
    /^getSidebarStart .* modeled time/,
    'On the calibrated model every read is a round trip of about 122 ms whatever its size (and the ' +
      "execution's first about 52 ms more). The quick open makes 16 of them at 10,000 key results: Team (its data " +
      "range, its values), the OKRs tab's last row and last column, its header rows, its Owner column, and up to " +
      "QUICK_READS = 10 runs of the caller's rows (a member's ten key results sit about 1,200 rows apart, too far " +
      "apart to share a run). About 1.2 s goes before the first of the caller's rows. Meeting 1.5 s takes fewer " +
      "round trips for those rows (QUICK_READS is the sidebar's contract, src/api.ts) or one call for the tab's " +
      "size (the endpoint tests pin today's calls).",
  ],
  [
    /^checkIn modeled time/,
    "Twelve reads of about 124 ms each: the OKRs tab's last row and column and its header, the ID search " +
      'and the row around it, Team (data range, values), the Parent search and, under an objective others ' +
      "align to, the Parent and Type cells between its first and last match, the log's last row and column and " +
      "its header, then the commit of the writes before the lock is released. The bench's sample (O1.1) sits " +
      'under O1, which a tenth of the generated objectives align to (before: the rows from its first to its last ' +
      "match, nearly the whole tab, 6.4 s). One call for each tab's size would save about 250 ms; the " +
      "endpoint tests pin today's calls.",
  ],
  [
    /^refreshSummary modeled time/,
    'The Summary (10,708 rows × 12 columns at 10,000 key results: 2,003 rows of objectives, 2,004 of ' +
      'progress by week, 5,623 of key results needing attention, 1,053 of owners) is built in a staging sheet ' +
      'and copied over the tab, so a failed refresh keeps the previous one. Every cell a write or a structure ' +
      'change touches is paid when Sheets commits it (0.132 ms each): the staging sheet cut to 12 columns ' +
      '(14,000 cells, 1.8 s) before its rows are added (116,500 cells, 15.4 s), the values (128,500 cells, 17 s), ' +
      'only the formats a new cell lacks (54,000 cells, 7.1 s) and the copy (128,500 cells, 17 s), after 12.9 s ' +
      'of reads (the OKRs tab, 216,000 cells, and the 54,000-row Check-ins log, 380,000 cells). So each row of ' +
      'the Summary costs about 5.4 ms, and 30 s holds about 2,600 rows. A new sheet renamed in place of the tab ' +
      'would save the copy (about 3,700 rows) but gives the tab a new id (links to it, formulas pointing at it ' +
      "and the chart a reader placed are lost; the summary-refresh test pins the chart's id). Meeting 30 s at " +
      'this size takes a decision about what the Summary lists (the attention list is half its rows).',
  ],
];

/** The reason a budget line is over, or null when none is written down. */
export function overBudgetReason(budget: string): string | null {
  return REASONS.find(([re]) => re.test(budget))?.[1] ?? null;
}
