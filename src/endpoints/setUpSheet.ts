// Set up OKR sheet: create or repair the OKRs, Team, Check-ins and Summary tabs (src/gas/setUp.ts),
// for those who may manage, under the document lock, reading Team inside it. The rules run against
// SetUpPorts so they are unit-tested with plain data (tests/unit/endpoints/setUpSheet.test.ts);
// setUpOkrSheet binds them to the active spreadsheet.
import type { SetUpReport, SetUpResult } from '../api';
import { BusyError, withDocumentLock } from '../gas/lock';
import { type SetUpOptions, SetUpRefusal, setUpSheets } from '../gas/setUp';
import { findNamedTabs } from '../gas/tabs';
import { readTeam } from '../gas/team';
import { todaysQuarter } from '../okr/core/cycle';
import { t } from '../okr/core/i18n';
import type { Person } from '../okr/core/model';
import { TAB } from '../okr/core/tabs';
import { type Context, context } from './context';
import { ambiguityRefusal, SHEET_TEXT, structureRefusal } from './sheetMessages';

export interface SetUpPorts {
  /** Runs fn under the document lock; null when another write holds it. */
  withLock<T>(fn: () => T): T | null;
  /** Team's people, read inside the lock. */
  readTeam(): ReadonlyArray<Pick<Person, 'email' | 'role'>>;
  /** The spreadsheet's time zone (the example rows' cycle is today's there). */
  timeZone(): string;
  setUp(opts: SetUpOptions): SetUpReport;
  /** The tabs two sheets could each be (nothing may be written while one is). */
  ambiguousTabs?(): Partial<Record<string, string[]>>;
  toast(message: string): void;
}

export function setUpWith(ports: SetUpPorts, ctx: Context): SetUpResult {
  const { lang } = ctx;
  const answer = ports.withLock((): SetUpResult => {
    const refusal = structureRefusal(ctx.email, ports.readTeam(), lang, 'setUp');
    if (refusal) return { ok: false, error: refusal };
    const ambiguity = ambiguityRefusal(ports.ambiguousTabs?.() ?? {}, TAB, lang);
    if (ambiguity) return { ok: false, error: ambiguity };
    let report: SetUpReport;
    try {
      report = ports.setUp({
        lang,
        userEmail: ctx.email,
        cycle: todaysQuarter(ports.timeZone(), ctx.now),
        examples: true,
      });
    } catch (e) {
      if (e instanceof SetUpRefusal) return { ok: false, error: e.message };
      throw e;
    }
    const none = lang === 'ja' ? 'なし' : 'none';
    const message = report.changed
      ? t(SHEET_TEXT, lang, 'set-up-done', {
          created: report.created.join(', ') || none,
          headers: report.headersAdded.map((h) => `${h.tab} (${h.headers.length})`).join(', ') || none,
          examples: report.exampleRows,
        })
      : t(SHEET_TEXT, lang, 'set-up-unchanged');
    ports.toast(message);
    return { ok: true, message, ...report };
  });
  return answer ?? { ok: false, error: t(SHEET_TEXT, lang, 'busy') };
}

export function setUpOkrSheet(): SetUpResult {
  const ctx = context();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let found: ReturnType<typeof findNamedTabs> | null = null;
  return setUpWith(
    {
      withLock: (fn) => {
        try {
          return withDocumentLock(fn);
        } catch (e) {
          if (e instanceof BusyError) return null;
          throw e;
        }
      },
      readTeam: () => readTeam(ss, { lang: ctx.lang }).people,
      timeZone: () => ss.getSpreadsheetTimeZone() || 'Etc/GMT',
      // One listing of the sheets serves both the ambiguity check and set-up (same lock, in order).
      setUp: (opts) => setUpSheets(ss, opts, found?.tabs),
      ambiguousTabs: () => {
        found = findNamedTabs(ss);
        return found.ambiguous;
      },
      toast: (message) => ss.toast(message, 'OKR Owners', 8),
    },
    ctx,
  );
}
