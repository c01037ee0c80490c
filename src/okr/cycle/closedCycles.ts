// Which cycles a Lead has closed. Stored as one document property (JSON), so every reader (the
// sidebar's endpoints, the weekly run, which reads all properties in one call anyway) learns it
// without reading a tab, and a close is a single atomic write. The scores and retrospectives live in
// the Results tab (results.ts): the log is the truth for what was said; this list says only "closed".

/** The document property holding the closed cycles. */
export const CLOSED_CYCLES_KEY = 'okrOwners.cycles.closed';

export interface ClosedCycle {
  /** The cycle's name as the Cycle column spells it (trimmed). */
  name: string;
  closedAt: number;
  /** The Lead who closed it (lower-cased email). */
  closedBy: string;
  /**
   * The weekly period (ISO week) whose run took on the closing email to leadership; null until a run
   * takes it. Set in the same properties write that starts the run, so it is announced exactly once.
   */
  announced: string | null;
}

function isClosedCycle(v: unknown): v is ClosedCycle {
  const c = v as ClosedCycle;
  return (
    !!c &&
    typeof c.name === 'string' &&
    c.name.trim() !== '' &&
    typeof c.closedAt === 'number' &&
    typeof c.closedBy === 'string'
  );
}

/** The stored list; a missing or unreadable value is "none closed" (never a crash of every endpoint). */
export function parseClosedCycles(raw: string | null | undefined): ClosedCycle[] {
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(isClosedCycle).map((c) => ({
      ...c,
      name: c.name.trim(),
      announced: typeof c.announced === 'string' ? c.announced : null,
    }));
  } catch (_e) {
    return [];
  }
}

export function serializeClosedCycles(list: readonly ClosedCycle[]): string {
  return JSON.stringify(list);
}

/** The names of the closed cycles, for isOpenCycle (core/cycle.ts) and the writes' refusal. */
export function closedNames(list: readonly ClosedCycle[]): Set<string> {
  return new Set(list.map((c) => c.name));
}

/** Whether a row's cycle is closed: the one test the writes, problems, sidebar and emails make. */
export function inClosedCycle(item: { cycle: string }, closed: ReadonlySet<string> | undefined): boolean {
  return !!closed && closed.size > 0 && closed.has(item.cycle.trim());
}
