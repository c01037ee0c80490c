// Runtime validation of the Cycles view's requests (close, roll over, retrospective), with the same
// helpers and messages as every other request (requests.ts).
import type { CloseCycleRequest, RetrospectiveRequest, RollOverRequest } from '../../api';
import type { Lang } from '../../okr/core/model';
import { LIMITS, number, object, type Parsed, parseWith, RequestError, text } from './requests';

/** A retrospective's two answers are short: a few sentences each. */
const RETRO_MAX = 2000;

export function parseCloseCycle(raw: unknown, lang: Lang): Parsed<CloseCycleRequest> {
  return parseWith(lang, () => ({ cycle: text(object(raw), 'cycle', LIMITS.cycle, true) }));
}

export function parseRollOver(raw: unknown, lang: Lang): Parsed<RollOverRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    const req: RollOverRequest = {
      cycle: text(o, 'cycle', LIMITS.cycle, true),
      to: text(o, 'to', LIMITS.cycle, true),
    };
    if (o.ids !== undefined) {
      const ids = o.ids;
      if (
        !Array.isArray(ids) ||
        ids.some((id) => typeof id !== 'string' || !id.trim() || id.length > LIMITS.id)
      )
        throw new RequestError('not-list', 'ids');
      if (ids.length === 0) throw new RequestError('list-empty', 'ids');
      if (ids.length > LIMITS.ids)
        throw new RequestError('list-too-long', 'ids', { length: ids.length, max: LIMITS.ids });
      req.ids = (ids as string[]).map((id) => id.trim());
    }
    return req;
  });
}

export function parseRetrospective(raw: unknown, lang: Lang): Parsed<RetrospectiveRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    const req: RetrospectiveRequest = {
      id: text(o, 'id', LIMITS.id, true),
      cycle: text(o, 'cycle', LIMITS.cycle, true),
      happened: text(o, 'happened', RETRO_MAX, false),
      learned: text(o, 'learned', RETRO_MAX, false),
    };
    if (!req.happened && !req.learned) throw new RequestError('field-missing', 'happened');
    if (o.score !== undefined && o.score !== null && o.score !== '') {
      // Scores are given in tenths (0.0–1.0), as the computed one is.
      req.score = Math.round(number(o, 'score', 0, 1) * 10) / 10;
      req.reason = text(o, 'reason', LIMITS.reason, false);
    }
    return req;
  });
}
