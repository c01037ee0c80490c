// Runtime validation of what the sidebar (or anyone calling google.script.run by hand) sends.
// TypeScript types vanish at runtime, so every endpoint parses its argument here first: wrong types,
// blank or oversized text, out-of-range numbers and malformed emails/dates become a localized error
// naming the field, before anything is read or written.
import type {
  AcceptRequest,
  AddKeyResultRequest,
  AddObjectiveRequest,
  AssignRequest,
  CheckInRequest,
  DeclineRequest,
  KeyResultRequest,
  MyWeeklyEmailRequest,
  ProposeRequest,
  RespondRequest,
  SaveSettingsRequest,
  SelectCellRequest,
  TeamViewRequest,
} from '../../api';
import { isEmail } from '../../okr/core/emailAddress';
import { t } from '../../okr/core/i18n';
import type { Confidence, Kind, Lang } from '../../okr/core/model';
import { FIELD_NAMES, type FieldName, REQUEST_MESSAGES, type RequestMessage } from './requestsMessages';

export const LIMITS = {
  id: 40,
  note: 1000,
  reason: 500,
  title: 500,
  unit: 20,
  cycle: 40,
  email: 254,
  version: 40,
  ids: 500,
  column: 100,
  cell: 120,
  /** Larger magnitudes are typos, and lose precision in Sheets. */
  number: 1e12,
} as const;

export const CONFIDENCES: readonly Confidence[] = ['on-track', 'at-risk', 'off-track'];
export const KINDS: readonly Kind[] = ['increase', 'decrease', 'at-least', 'at-most', 'milestone'];

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

/** A refusal with a message key; turned into localized text at the endpoint boundary. */
export class RequestError extends Error {
  constructor(
    readonly key: RequestMessage,
    readonly field?: FieldName,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export function localize(e: RequestError, lang: Lang): { error: string; field?: string } {
  const params: Record<string, string | number> = { ...e.params };
  if (e.field) params.field = FIELD_NAMES[e.field][lang];
  const error = t(REQUEST_MESSAGES, lang, e.key, params);
  return e.field ? { error, field: e.field } : { error };
}

export function parseWith<T>(lang: Lang, parse: () => T): Parsed<T> {
  try {
    return { ok: true, value: parse() };
  } catch (e) {
    if (e instanceof RequestError) return { ok: false, ...localize(e, lang) };
    throw e;
  }
}

export function object(raw: unknown): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new RequestError('not-an-object');
  return raw as Record<string, unknown>;
}

export function text(o: Record<string, unknown>, field: FieldName, max: number, required: boolean): string {
  const v = o[field];
  if (v === undefined || v === null || v === '') {
    if (required) throw new RequestError('field-missing', field);
    return '';
  }
  if (typeof v !== 'string') throw new RequestError('not-text', field);
  if (v.length > max) throw new RequestError('text-too-long', field, { length: v.length, max });
  const trimmed = v.trim();
  if (required && trimmed === '') throw new RequestError('text-blank', field);
  return trimmed;
}

export function number(
  o: Record<string, unknown>,
  field: FieldName,
  min: number = -LIMITS.number,
  max: number = LIMITS.number,
): number {
  const v = o[field];
  if (v === undefined || v === null || v === '') throw new RequestError('field-missing', field);
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RequestError('not-number', field);
  if (v < min || v > max) throw new RequestError('number-out-of-range', field, { min, max });
  return v;
}

function integer(o: Record<string, unknown>, field: FieldName, min: number, max: number): number {
  const v = number(o, field, min, max);
  if (!Number.isInteger(v)) throw new RequestError('not-integer', field);
  return v;
}

function choice<T extends string>(o: Record<string, unknown>, field: FieldName, choices: readonly T[]): T {
  const v = o[field];
  if (v === undefined || v === null || v === '') throw new RequestError('field-missing', field);
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
    throw new RequestError('not-choice', field, { choices: choices.join(', ') });
  }
  return v as T;
}

function okrId(o: Record<string, unknown>, field: FieldName = 'id'): string {
  return text(o, field, LIMITS.id, true);
}

function email(o: Record<string, unknown>, field: FieldName, required: boolean): string {
  const v = text(o, field, LIMITS.email, required).toLowerCase();
  if (v !== '' && !isEmail(v)) throw new RequestError('not-email', field);
  return v;
}

function date(o: Record<string, unknown>, field: FieldName): string {
  const v = text(o, field, 10, false);
  if (v === '') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) throw new RequestError('not-date', field);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new RequestError('not-date', field);
  }
  return v;
}

function version(o: Record<string, unknown>): string | undefined {
  const v = text(o, 'version', LIMITS.version, false);
  return v === '' ? undefined : v;
}

export function parseKeyResultRequest(raw: unknown, lang: Lang): Parsed<KeyResultRequest> {
  return parseWith(lang, () => ({ id: okrId(object(raw)) }));
}

export function parseCheckIn(raw: unknown, lang: Lang): Parsed<CheckInRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    return {
      id: okrId(o),
      current: number(o, 'current'),
      confidence: choice(o, 'confidence', CONFIDENCES),
      note: text(o, 'note', LIMITS.note, false),
      version: version(o),
    };
  });
}

export function parseAccept(raw: unknown, lang: Lang): Parsed<AcceptRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    return { id: okrId(o), version: version(o) };
  });
}

export function parseDecline(raw: unknown, lang: Lang): Parsed<DeclineRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    return { id: okrId(o), reason: text(o, 'reason', LIMITS.reason, true), version: version(o) };
  });
}

export function parseAssign(raw: unknown, lang: Lang): Parsed<AssignRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    const ids = o.ids;
    if (!Array.isArray(ids)) throw new RequestError('not-list', 'ids');
    if (ids.length === 0) throw new RequestError('list-empty', 'ids');
    if (ids.length > LIMITS.ids)
      throw new RequestError('list-too-long', 'ids', { length: ids.length, max: LIMITS.ids });
    const clean = ids.map((id) => {
      if (typeof id !== 'string' || id.trim() === '' || id.length > LIMITS.id)
        throw new RequestError('not-list', 'ids');
      return id.trim();
    });
    const unique = [...new Set(clean)];
    const versions = rowVersions(o, unique);
    return { ids: unique, email: email(o, 'email', true), ...(versions ? { versions } : {}) };
  });
}

/**
 * The versions sent with an assignment: one short text per ID (none for an ID is malformed, not "no
 * check"). Kept in an object without a prototype, so an ID such as "__proto__" is only an ID.
 */
function rowVersions(o: Record<string, unknown>, ids: readonly string[]): Record<string, string> | undefined {
  const raw = o.versions;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new RequestError('not-versions', 'versions');
  const given = new Map(Object.entries(raw));
  const out: Record<string, string> = Object.create(null);
  for (const id of ids) {
    const v = given.get(id);
    if (typeof v !== 'string' || v === '' || v.length > LIMITS.version)
      throw new RequestError('not-versions', 'versions');
    out[id] = v;
  }
  return out;
}

export function parseAddObjective(raw: unknown, lang: Lang): Parsed<AddObjectiveRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    return {
      title: text(o, 'title', LIMITS.title, true),
      owner: email(o, 'owner', false),
      cycle: text(o, 'cycle', LIMITS.cycle, false),
      due: date(o, 'due'),
    };
  });
}

export function parseAddKeyResult(raw: unknown, lang: Lang): Parsed<AddKeyResultRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    const kind = choice(o, 'kind', KINDS);
    const start = number(o, 'start');
    const target = number(o, 'target');
    if (start === target && kind !== 'at-least' && kind !== 'at-most') {
      throw new RequestError('target-equals-start', 'target');
    }
    return {
      objectiveId: okrId(o, 'objectiveId'),
      title: text(o, 'title', LIMITS.title, true),
      owner: email(o, 'owner', false),
      kind,
      start,
      target,
      unit: text(o, 'unit', LIMITS.unit, false),
      due: date(o, 'due'),
    };
  });
}

export function parseSelectCell(raw: unknown, lang: Lang): Parsed<SelectCellRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    const id = text(o, 'id', LIMITS.id, false);
    const column = text(o, 'column', LIMITS.column, false);
    const cell = text(o, 'cell', LIMITS.cell, false);
    if (!id && !cell) throw new RequestError('field-missing', 'id');
    // A name every object has ("__proto__", "constructor", "toString") is no column of any sheet:
    // only a hand-made request sends one.
    if (column && column in Object.prototype) {
      throw new RequestError('cell-invalid', 'column', { cell: column });
    }
    return { id: id || null, column: column || null, cell: cell || null };
  });
}

export function parseSaveSettings(raw: unknown, lang: Lang): Parsed<SaveSettingsRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    return {
      language: choice(o, 'language', ['auto', 'en', 'ja'] as const),
      staleDays: integer(o, 'staleDays', 1, 365),
      overloadLimit: integer(o, 'overloadLimit', 1, 100),
      weeklyDay: integer(o, 'weeklyDay', 0, 6),
      weeklyHour: integer(o, 'weeklyHour', 0, 23),
      ...laterSettings(o),
    };
  });
}

/** getTeamView: nothing, or { manager } (an email) for a Lead looking at someone's team. */
export function parseTeamViewRequest(raw: unknown, lang: Lang): Parsed<TeamViewRequest> {
  return parseWith(lang, () => {
    if (raw === undefined || raw === null) return {};
    const manager = email(object(raw), 'manager', false);
    return manager ? { manager } : {};
  });
}

/** saveMyWeeklyEmail: { choice } of 'always', 'needed', 'never'. */
export function parseMyWeeklyEmail(raw: unknown, lang: Lang): Parsed<MyWeeklyEmailRequest> {
  return parseWith(lang, () => ({
    choice: choice(object(raw), 'choice', ['always', 'needed', 'never'] as const),
  }));
}

/** The settings added after the first release, each only when sent (a save without them keeps what is stored). */
function laterSettings(o: Record<string, unknown>): Partial<SaveSettingsRequest> {
  const out: Partial<SaveSettingsRequest> = {};
  if (o.conversationRuns !== undefined) out.conversationRuns = integer(o, 'conversationRuns', 1, 52);
  if (o.fiscalYearStartMonth !== undefined) {
    out.fiscalYearStartMonth = integer(o, 'fiscalYearStartMonth', 1, 12);
  }
  if (o.paceMargin !== undefined) out.paceMargin = integer(o, 'paceMargin', 0, 100);
  if (o.summaryCycle !== undefined) out.summaryCycle = text(o, 'summaryCycle', LIMITS.cycle, false);
  return out;
}

// --- ownership as an agreement: figures left out keep the row's own ---

function optionalNumber(o: Record<string, unknown>, field: FieldName): number | undefined {
  return o[field] === undefined || o[field] === null || o[field] === '' ? undefined : number(o, field);
}

function figures(o: Record<string, unknown>): Pick<ProposeRequest, 'target' | 'start' | 'due'> {
  const out: Pick<ProposeRequest, 'target' | 'start' | 'due'> = {};
  const target = optionalNumber(o, 'target');
  const start = optionalNumber(o, 'start');
  const due = date(o, 'due');
  if (target !== undefined) out.target = target;
  if (start !== undefined) out.start = start;
  if (due) out.due = due;
  return out;
}

export function parsePropose(raw: unknown, lang: Lang): Parsed<ProposeRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    return {
      id: okrId(o),
      version: version(o),
      ...figures(o),
      reason: text(o, 'reason', LIMITS.reason, true),
    };
  });
}

export function parseRespond(raw: unknown, lang: Lang): Parsed<RespondRequest> {
  return parseWith(lang, () => {
    const o = object(raw);
    const answer = choice(o, 'answer', ['agree', 'counter', 'refuse'] as const);
    // Counter and refuse say why; an agreement needs no reason.
    const reason = text(o, 'reason', LIMITS.reason, answer !== 'agree');
    return { id: okrId(o), version: version(o), answer, ...(answer === 'counter' ? figures(o) : {}), reason };
  });
}
