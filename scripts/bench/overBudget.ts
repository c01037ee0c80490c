// Why a budget is over, printed under its line in BENCHMARKS.md while it is: where the modeled time
// goes (which calls, how many cells), found with the runtime's call trace on the 10,000-key-result
// workbook, and what meeting it would take. Only printed for a budget that is over.

const REASONS: Array<[RegExp, string]> = [
  [
    /^getSidebarStart .* modeled time/,
    'On the calibrated model every read is a round trip of about 122 ms whatever its size (and the ' +
      "execution's first about 52 ms more), while a cell costs 0.02 ms. The quick open makes 15 of them at " +
      "10,000 key results: Team (its data range, its values: 366 ms), the OKRs tab's size (one getDataRange), " +
      'its header rows, its Owner column (12,000 cells, 362 ms), and up to QUICK_READS = 10 runs of the ' +
      "caller's rows (126 ms each). About 1.1 s goes before the first of the caller's rows, so 1.5 s would leave " +
      "room for three runs: a member's ten key results sit about 1,200 rows apart, and reading the rows " +
      'between them instead of a run each would cost 3.9 s of cells. QUICK_READS = 3 would meet the budget ' +
      "(about 1,480 ms) but show seven of that member's ten key results only with the whole state; the " +
      "sidebar's contract (src/api.ts) keeps ten.",
  ],
  [
    /^checkIn modeled time/,
    "Ten reads of about 124 ms each: the OKRs tab's top rows (no size asked for), the ID search " +
      'and the rows around it, Team (data range, values), the Parent search and, under an objective others ' +
      "align to, the Parent and Type cells between its first and last match (24,000 cells, 600 ms), the log's " +
      "size and header, then the commit of the writes (the log's inserted row is a structure change) before " +
      "the lock is released. The bench's sample (O1.1) sits under O1, which a tenth of the generated " +
      "objectives align to. Team is read for the caller's role and for the problems the check-in resolves " +
      '(an owner not found in Team has no stale or pending problem to resolve), so it stays.',
  ],
  [
    /^getTeamView .* modeled time/,
    "My team reads as the quick open does (Team, the OKRs tab's size, header and Owner column, the " +
      "manager's people's rows in runs: about 1.65 s at 10,000 key results), then of the Agreements log its " +
      'size, header rows and ID and Step columns (9,050 steps × 2 columns, about 0.73 s) to tell which key ' +
      'results have a proposal or counter on the table (the Owner cells only of those the steps leave ' +
      'waiting). Meeting the check-in budget takes an index of the open negotiations kept beside the log (checked against ' +
      "the log's size) instead of the log, and fewer round trips for the people's rows.",
  ],
  [
    /^(proposeAgreement|respondAgreement) .* modeled time/,
    "An agreement step takes a check-in's quick path (src/endpoints/quickAgreementStep.ts). The call trace " +
      "of the bench's answer at 10,000 key results (2,436 ms on 2026-12-05): the OKRs tab's top rows (177 ms, " +
      "the execution's first read; no size asked for), ID search (182) and the rows around the key result " +
      "(134); Team (124 + 242); the Agreements log's header rows with the 50 rows under them, where set-up's " +
      'acceptance is (148), the search of its ID column (172) and the proposal at its end (122); then, ' +
      "because an agreement changes the key result's Progress and so its objective's, the Parent search " +
      '(182) and the Parent and Type cells between its first and last match (24,000 cells, 600 ms: a tenth ' +
      'of the generated objectives align to O1, so its matches span the tab), as a check-in does; the ' +
      "commit (180) and the sheet's version (59). Telling the objective's key results from the objectives " +
      'aligned to it without those cells would take a call per match, which the calls budget forbids. The ' +
      "OKRs tab's size is not asked for: the saving rests on the model charging an open-ended range's " +
      'resolution nothing apart from the read or search that uses it (src/gas/okrData.ts, topOfGrid).',
  ],
  [
    /^refreshSummary modeled time/,
    'The Summary (3,185 rows × 12 columns at 10,000 key results: 2,003 rows of objectives, each with its ' +
      'trend by week in one cell; the 100 most urgent of 5,623 lines needing attention and one line counting ' +
      'the rest; 1,053 rows of owners) is built in a staging sheet kept between refreshes and copied over ' +
      'the tab, so a failed refresh keeps the previous one. Every cell a write touches is paid when Sheets ' +
      'commits it (0.132 ms each): the values (38,200 cells, 5 s), only the formats a new cell lacks (22,900 ' +
      'cells, 3 s) and the copy (38,200 cells, 5 s), after about 8.8 s of reads (the OKRs tab, 216,000 cells, ' +
      "and the Check-ins log's Time, ID and Progress columns, 163,000 of its 380,000 cells): 23.4 s in all " +
      'on 2026-12-05, about 4.6 ms per Summary row over the reads. A new sheet renamed in place of the tab ' +
      "would save the copy but gives the tab a new id (the summary-refresh test pins the chart's id). " +
      'Otherwise fewer rows: the Owners table is a third of them.',
  ],
];

/** The reason a budget line is over, or null when none is written down. */
export function overBudgetReason(budget: string): string | null {
  return REASONS.find(([re]) => re.test(budget))?.[1] ?? null;
}
