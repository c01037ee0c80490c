// The shared shape of the sidebar's whole-sheet writes: parse → lock → re-read → decide → write →
// the fresh state. A refusal (RequestError) answers { ok: false, error } localized, with the
// current state when the sidebar's picture was out of date; a busy lock answers 'busy'; anything
// else is a bug and is thrown. actQuickFirst tries a quick write first under the same lock (the
// writes to one key result: src/endpoints/rowWrites.ts).
import type { ActionOk, ActionResult, CheckInOk, CheckInResult, LeftOk } from '../api';
import { BusyError, withDocumentLock } from '../gas/lock';
import { t } from '../okr/core/i18n';
import type { Lang } from '../okr/core/model';
import { headerConflicts } from '../okr/core/parse';
import { OKR_ALIASES } from '../okr/core/schema';
import { type Context, context } from './context';
import { localize, type Parsed, RequestError } from './sidebar/requests';
import { REQUEST_MESSAGES } from './sidebar/requestsMessages';
import { type Snapshot, snapshot, stateOf } from './snapshot';

export function act<T>(
  raw: unknown,
  parse: (raw: unknown, lang: Lang) => Parsed<T>,
  perform: (req: T, snap: Snapshot, ctx: Context) => string,
  withLog = false,
): ActionResult {
  const ctx = context();
  const parsed = parse(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  return run(ctx, parsed.value, perform, withLog, null) as ActionResult;
}

/**
 * act with a quick attempt first, under the same lock: `quick` answers without reading the whole
 * sheet, or null to leave the write to the whole-sheet one; a refusal it throws is answered by the
 * whole-sheet write, which refuses again on the fresh snapshot and sends the fresh state.
 */
export function actQuickFirst<T>(
  raw: unknown,
  parse: (raw: unknown, lang: Lang) => Parsed<T>,
  quick: (req: T, ctx: Context) => CheckInOk | ActionOk | LeftOk | null,
  perform: (req: T, snap: Snapshot, ctx: Context) => string,
  withLog = false,
): CheckInResult {
  const ctx = context();
  const parsed = parse(raw, ctx.lang);
  if (!parsed.ok) return parsed;
  return run(ctx, parsed.value, perform, withLog, quick);
}

function run<T>(
  ctx: Context,
  req: T,
  perform: (req: T, snap: Snapshot, ctx: Context) => string,
  withLog: boolean,
  quick: ((req: T, ctx: Context) => CheckInOk | ActionOk | LeftOk | null) | null,
): CheckInResult {
  const held: { snap?: Snapshot } = {};
  try {
    const done = withDocumentLock((): { answer: CheckInOk | ActionOk | LeftOk } | { message: string } => {
      if (quick) {
        try {
          const answer = quick(req, ctx);
          if (answer) return { answer };
        } catch (e) {
          if (!(e instanceof RequestError)) throw e;
        }
      }
      const snap = snapshot(ctx, withLog);
      held.snap = snap;
      if (!snap.tabs.okrs) throw new RequestError('not-set-up');
      // A required column named twice: no write until one is left (the parser reports it).
      const conflict = headerConflicts(snap.okrValues, OKR_ALIASES, snap.okrName, ctx.lang)[0];
      if (conflict)
        throw new RequestError('header-conflict', undefined, {
          problem: conflict.message,
          hint: conflict.hint,
        });
      return { message: perform(req, snap, ctx) };
    });
    if ('answer' in done) return done.answer;
    return { ok: true, message: done.message, state: stateOf(held.snap as Snapshot, ctx) };
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, error: busy(ctx.lang) };
    if (!(e instanceof RequestError)) throw e;
    const refused = localize(e, ctx.lang);
    // The sidebar's picture was out of date: send the current one along with the refusal.
    const stale = e.key === 'changed' || e.key === 'id-unknown';
    const state = held.snap ? stateOf(held.snap, ctx) : undefined;
    return { ok: false, ...refused, ...(stale ? { changed: true } : {}), ...(state ? { state } : {}) };
  }
}

/** The refusal when another write holds the document lock. */
export function busy(lang: Lang): string {
  return t(REQUEST_MESSAGES, lang, 'busy');
}
