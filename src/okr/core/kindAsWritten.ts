// How a new row's Kind is spelled: as the sheet already spells it. A team whose rows say "increase"
// (or "増加") gets "increase" from the sidebar's Add, not set-up's "Increase": one sheet, one
// spelling, so its filters, dropdown and conditional formats keep matching.
import type { Kind } from './model';
import { cellText, readKind } from './parseValues';

/**
 * The Kind cell text for `kind`, given the Kind cells already in the sheet: the spelling a row of the
 * same kind uses (the most common one); else, when every written kind is lower-case, the label in
 * lower case; else `label`, the word set-up's dropdown offers.
 */
export function kindAsWritten(kind: Kind, written: readonly unknown[], label: string): string {
  const counts = new Map<string, number>();
  let lowerCase = false;
  let otherCase = false;
  for (const cell of written) {
    const text = cellText(cell).trim();
    if (!text || !readKind(text)) continue;
    if (text === text.toLowerCase() && text !== text.toUpperCase()) lowerCase = true;
    else otherCase = true;
    if (readKind(text) === kind) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const same = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (same) return same[0];
  return lowerCase && !otherCase ? label.toLowerCase() : label;
}
