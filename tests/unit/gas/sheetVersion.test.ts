// The sheet's version stamp on fake services: a write under the document lock is committed, then
// the stamp bumped, then the lock released; a refusal and a throw bump nothing; the stamp carries the
// OKRs and Team tabs' size; onEdit commits what it wrote before bumping.
import { withDocumentLock } from '../../../src/gas/lock';
import { markEdited, sheetVersion } from '../../../src/gas/sheetVersion';

const log: string[] = [];
const props = new Map<string, string>();
const g = globalThis as unknown as Record<string, unknown>;

beforeEach(() => {
  log.length = 0;
  props.clear();
  g.PropertiesService = {
    getDocumentProperties: () => ({
      getProperty: (k: string) => props.get(k) ?? null,
      setProperty: (k: string, v: string) => {
        log.push('bump');
        props.set(k, v);
      },
    }),
  };
  g.LockService = {
    getDocumentLock: () => ({
      tryLock: () => true,
      releaseLock: () => log.push('release'),
    }),
  };
  g.SpreadsheetApp = { flush: () => log.push('flush') };
});

const ss = (sizes: Record<string, [number, number]>) =>
  ({
    getSheetByName: (name: string) =>
      // The size is read as the data range's bounds (one call per tab).
      sizes[name]
        ? { getDataRange: () => ({ getLastRow: () => sizes[name][0], getLastColumn: () => sizes[name][1] }) }
        : null,
  }) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

test('a write is committed, then the stamp bumped, then the lock released', () => {
  const book = ss({ OKRs: [9, 18], Team: [5, 6] });
  const before = sheetVersion(book);
  const write = () => {
    log.push('write');
    return { ok: true };
  };
  expect(withDocumentLock(write)).toEqual({ ok: true });
  expect(log).toEqual(['write', 'flush', 'bump', 'release']);
  const after = sheetVersion(book);
  expect(after).not.toBe(before);
  // Two writes in the same millisecond still leave two stamps.
  withDocumentLock(() => undefined);
  expect(sheetVersion(book)).not.toBe(after);
});

test('a refusal answered or thrown bumps nothing, and the lock is released', () => {
  expect(withDocumentLock(() => ({ ok: false, error: 'no' }))).toEqual({ ok: false, error: 'no' });
  expect(() =>
    withDocumentLock(() => {
      throw new Error('refused');
    }),
  ).toThrow('refused');
  expect(log).toEqual(['release', 'release']);
  expect(props.size).toBe(0);
});

test("the stamp carries the OKRs and Team tabs' size: rows added with no trigger move it", () => {
  expect(sheetVersion(ss({ OKRs: [9, 18], Team: [5, 6] }))).toBe('|9x18|5x6');
  expect(sheetVersion(ss({ OKRs: [10, 18], Team: [5, 6] }))).toBe('|10x18|5x6');
  expect(sheetVersion(ss({}))).toBe('|-|-');
});

test('after an edit, what the trigger wrote is committed before the bump; nothing to commit, no flush', () => {
  markEdited(true);
  markEdited(false);
  expect(log).toEqual(['flush', 'bump', 'bump']);
});
