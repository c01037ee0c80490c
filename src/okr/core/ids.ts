// New IDs follow the sheet's scheme: objectives O1, O2 …; key results <objective>.1, .2 … under
// their objective. The next number is one past the highest in use (not the count), so deleting a
// row never makes a new row reuse an old ID that Check-ins history still refers to.

/**
 * The one ID rule. A row is found by its exact ID (trimmed): "o1.1" and "O1.1" are different rows for
 * every read and write, so a check-in can never land on a look-alike. People cannot tell such IDs
 * apart, though, so the validator reports look-alikes as duplicates and new IDs never create one:
 * both compare lookAlikeKey.
 */
export function sameId(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

/** What two IDs share when a person would read them as the same ID. */
export function lookAlikeKey(id: string): string {
  return id.trim().toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression for a search over whole cells (TextFinder with useRegularExpression and
 * matchEntireCell, case kept) that finds the cells holding `id` by the one ID rule (sameId): the ID
 * with any blank String.prototype.trim() removes around it (an ideographic space typed by a Japanese
 * input method, a no-break space…). The blanks are written as the characters themselves, so Google's
 * search (RE2) and the local runtime read the class alike.
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder#useRegularExpression(Boolean)
 */
export function idSearchPattern(id: string): string {
  const blank = '[ \t\n\r\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*';
  return `${blank}${escapeRegExp(id.trim())}${blank}`;
}

function nextFree(prefix: string, pattern: RegExp, existing: readonly string[]): string {
  const taken = new Set(existing.map(lookAlikeKey));
  let max = 0;
  for (const id of existing) {
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (taken.has(lookAlikeKey(`${prefix}${n}`))) n++;
  return `${prefix}${n}`;
}

export function nextObjectiveId(existing: readonly string[]): string {
  return nextFree('O', /^O(\d+)$/i, existing);
}

export function nextKeyResultId(objectiveId: string, existing: readonly string[]): string {
  return nextFree(`${objectiveId}.`, new RegExp(`^${escapeRegExp(objectiveId)}\\.(\\d+)$`, 'i'), existing);
}
