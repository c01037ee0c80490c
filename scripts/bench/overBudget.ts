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
    'The Summary (8,704 rows × 12 columns at 10,000 key results) is built in a staging sheet and copied over the ' +
      "tab, so a failure keeps the previous one: the staging sheet's rows (8,704 × its 26 columns, about 30 s of " +
      'committed cells at 0.132 ms each), values and three kinds of formats over every cell (about 55 s) and the ' +
      'copy (about 14 s), after about 12.5 s of reads (OKRs, Team and the 54,000-row Check-ins log). Formats ' +
      "written only where they differ from a new cell's (a range list per value: about 36,000 cells instead of " +
      "313,000) and the staging sheet cut to the Summary's 12 columns before its rows are added would save about " +
      '50 s; the copy and the values alone are about 28 s. The summary-refresh artifact test pins the rewrite to ' +
      'its 25 calls, so that design change is left for a decision.',
  ],
];

/** The reason a budget line is over, or null when none is written down. */
export function overBudgetReason(budget: string): string | null {
  return REASONS.find(([re]) => re.test(budget))?.[1] ?? null;
}
