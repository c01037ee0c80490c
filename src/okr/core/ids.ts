// New IDs follow the sheet's scheme: objectives O1, O2 …; key results <objective>.1, .2 … under
// their objective. The next number is one past the highest in use (not the count), so deleting a
// row never makes a new row reuse an old ID that Check-ins history still refers to.

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function nextFree(prefix: string, pattern: RegExp, existing: readonly string[]): string {
  const taken = new Set(existing.map((id) => id.toLowerCase()));
  let max = 0;
  for (const id of existing) {
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (taken.has(`${prefix}${n}`.toLowerCase())) n++;
  return `${prefix}${n}`;
}

export function nextObjectiveId(existing: readonly string[]): string {
  return nextFree('O', /^O(\d+)$/i, existing);
}

export function nextKeyResultId(objectiveId: string, existing: readonly string[]): string {
  return nextFree(`${objectiveId}.`, new RegExp(`^${escapeRegExp(objectiveId)}\\.(\\d+)$`, 'i'), existing);
}
