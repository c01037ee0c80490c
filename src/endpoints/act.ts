// The shared shape of the sidebar's whole-sheet writes: parse → lock → re-read → decide → write →
// the fresh state. A refusal (RequestError) answers { ok: false, error } localized, with the
// current state when the sidebar's picture was out of date; a busy lock answers 'busy'; anything
// else is a bug and is thrown.
import type { ActionResult } from '../api';
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
  const held: { snap?: Snapshot } = {};
  try {
    const message = withDocumentLock(() => {
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
      return perform(parsed.value, snap, ctx);
    });
    return { ok: true, message, state: stateOf(held.snap as Snapshot, ctx) };
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
