// ScriptApp: installable triggers (time-driven and spreadsheet), AuthMode, authorization info.
// https://developers.google.com/apps-script/reference/script/script-app
// https://developers.google.com/apps-script/guides/triggers/installable
// Editor add-on restrictions (options.addon, default on):
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
//   "Each add-on can only have one trigger of each type, per user, per document."
//   "Time-driven triggers cannot run more frequently than once per hour."
import { MESSAGES } from '../errors';
import { nextFireAfter } from '../schedule';
import type { TriggerRecord } from '../types';
import { isValidTimeZone } from '../wallClock';
import { fail, makeEnum, requireFullAuth, type ServiceEnv } from './env';

const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
/** Google: 20 triggers per user per script. https://developers.google.com/apps-script/guides/services/quotas */
export const MAX_TRIGGERS_PER_USER = 20;
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
const EVENT_KIND: Record<TriggerRecord['eventType'], string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

export function makeScriptEnums(env: ServiceEnv) {
  return {
    AuthMode: makeEnum(env.realm, ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const),
    AuthorizationStatus: makeEnum(env.realm, ['REQUIRED', 'NOT_REQUIRED'] as const),
    EventType: makeEnum(env.realm, [
      'CLOCK',
      'ON_OPEN',
      'ON_EDIT',
      'ON_FORM_SUBMIT',
      'ON_CHANGE',
      'ON_EVENT_UPDATED',
    ] as const),
    TriggerSource: makeEnum(env.realm, ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const),
    WeekDay: makeEnum(env.realm, WEEKDAYS),
    InstallationSource: makeEnum(env.realm, [
      'APPS_MARKETPLACE_DOMAIN_ADD_ON',
      'NONE',
      'WEB_STORE_ADD_ON',
    ] as const),
  };
}

export type ScriptEnums = ReturnType<typeof makeScriptEnums>;

export function makeScriptApp(env: ServiceEnv, enums: ScriptEnums) {
  const addon = env.options.addon !== false;
  const triggerObject = (t: TriggerRecord) => ({
    getHandlerFunction: () => {
      env.meter.call('Trigger.getHandlerFunction');
      return t.handler;
    },
    getUniqueId: () => {
      env.meter.call('Trigger.getUniqueId');
      return t.id;
    },
    getEventType: () => {
      env.meter.call('Trigger.getEventType');
      return (enums.EventType as Record<string, object>)[t.eventType];
    },
    getTriggerSource: () => {
      env.meter.call('Trigger.getTriggerSource');
      return (enums.TriggerSource as Record<string, object>)[t.source];
    },
    getTriggerSourceId: () => {
      env.meter.call('Trigger.getTriggerSourceId');
      return t.source === 'CLOCK' ? null : t.documentId;
    },
  });

  const create = (
    draft: Omit<TriggerRecord, 'id' | 'owner' | 'createdAt' | 'documentId'>,
    documentId = env.documentId,
  ) => {
    const owner = env.effectiveUser;
    const mine = env.state.triggers.filter((t) => t.owner === owner);
    if (addon) {
      if (draft.everyMinutes !== undefined) {
        // Text modeled: Google documents the rule but not the message.
        fail(env, 'Add-ons may not create time-based triggers that run more frequently than once per hour.');
      }
      if (mine.some((t) => t.documentId === documentId && t.eventType === draft.eventType)) {
        fail(env, MESSAGES.addonTooManyTriggers(EVENT_KIND[draft.eventType]));
      }
    }
    if (mine.length >= MAX_TRIGGERS_PER_USER) {
      fail(
        env,
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    env.state.seq += 1;
    const t: TriggerRecord = {
      ...draft,
      id: String(1_000_000 + env.state.seq),
      owner,
      createdAt: env.now(),
      documentId,
    };
    if (t.source === 'CLOCK') t.nextAt = nextFireAfter(t, t.createdAt, env.scriptTimeZone);
    env.state.triggers.push(t);
    return triggerObject(t);
  };

  const clockBuilder = (handler: string) => {
    const d: Partial<TriggerRecord> = {};
    const positive = (n: unknown, what: string) => {
      const v = Number(n);
      if (!Number.isInteger(v) || v < 1) fail(env, `Invalid argument: ${what}`);
      return v;
    };
    const b = {
      after(ms: number) {
        d.at = env.now() + Math.max(0, Number(ms));
        return b;
      },
      at(date: Date) {
        d.at = new Date(date as unknown as number).getTime();
        return b;
      },
      atDate(year: number, month: number, day: number) {
        d.at = Date.UTC(year, month - 1, day);
        return b;
      },
      atHour(hour: number) {
        const h = Number(hour);
        if (!Number.isInteger(h) || h < 0 || h > 23) fail(env, 'Invalid argument: hour');
        d.atHour = h;
        return b;
      },
      nearMinute(minute: number) {
        const m = Number(minute);
        if (!Number.isInteger(m) || m < 0 || m > 59) fail(env, 'Invalid argument: minute');
        // Google rounds to the nearest 15 minutes and then fires within ±15 minutes.
        d.nearMinute = Math.min(45, Math.round(m / 15) * 15);
        return b;
      },
      everyMinutes(n: number) {
        const v = Number(n);
        if (![1, 5, 10, 15, 30].includes(v))
          fail(env, 'Invalid argument: minutes. Only 1, 5, 10, 15 or 30 minutes are allowed.');
        d.everyMinutes = v;
        return b;
      },
      everyHours(n: number) {
        d.everyHours = positive(n, 'hours');
        return b;
      },
      everyDays(n: number) {
        d.everyDays = positive(n, 'days');
        return b;
      },
      everyWeeks(n: number) {
        d.everyWeeks = positive(n, 'weeks');
        return b;
      },
      onWeekDay(day: unknown) {
        const name = String(day);
        const i = WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]);
        if (i < 0) fail(env, 'Invalid argument: day');
        d.onWeekDay = i + 1;
        return b;
      },
      onMonthDay(day: number) {
        const v = Number(day);
        if (!Number.isInteger(v) || v < 1 || v > 31) fail(env, 'Invalid argument: day');
        d.onMonthDay = v;
        return b;
      },
      inTimezone(timezone: string) {
        if (!isValidTimeZone(String(timezone))) fail(env, `Invalid argument: timezone`);
        d.timeZone = String(timezone);
        return b;
      },
      create() {
        env.meter.call('ClockTriggerBuilder.create');
        const schedules = [
          d.at,
          d.everyMinutes,
          d.everyHours,
          d.onWeekDay,
          d.everyDays,
          d.everyWeeks,
          d.onMonthDay,
        ].filter((x) => x !== undefined).length;
        if (schedules === 0)
          fail(
            env,
            'The trigger has no schedule: call everyHours(), everyDays(), everyWeeks(), at() or after().',
          );
        if (d.onWeekDay !== undefined && d.everyWeeks === undefined) d.everyWeeks = 1;
        return create({ ...d, handler, eventType: 'CLOCK', source: 'CLOCK' });
      },
    };
    return b;
  };

  const spreadsheetBuilder = (handler: string, sourceId: string) => {
    let eventType: TriggerRecord['eventType'] | undefined;
    const b = {
      onOpen() {
        eventType = 'ON_OPEN';
        return b;
      },
      onEdit() {
        eventType = 'ON_EDIT';
        return b;
      },
      onChange() {
        eventType = 'ON_CHANGE';
        return b;
      },
      onFormSubmit() {
        eventType = 'ON_FORM_SUBMIT';
        return b;
      },
      create() {
        env.meter.call('SpreadsheetTriggerBuilder.create');
        if (!eventType)
          fail(env, 'The trigger has no event: call onOpen(), onEdit(), onChange() or onFormSubmit().');
        return create({ handler, eventType, source: 'SPREADSHEETS' }, sourceId);
      },
    };
    return b;
  };

  const byOwner = () => env.state.triggers.filter((t) => t.owner === env.effectiveUser);

  return {
    ...enums,
    newTrigger(functionName: string) {
      env.meter.call('ScriptApp.newTrigger');
      requireFullAuth(env, 'ScriptApp.newTrigger', SCRIPTAPP_SCOPE);
      const handler = String(functionName);
      return {
        timeBased: () => clockBuilder(handler),
        forSpreadsheet: (ss: unknown) => {
          const id =
            typeof ss === 'string'
              ? ss
              : env.meter.unmetered(() => String((ss as { getId(): string }).getId()));
          return spreadsheetBuilder(handler, id);
        },
        forDocument: () => fail(env, 'forDocument is not available in a spreadsheet-bound script.'),
        forForm: () => fail(env, 'forForm is not available in a spreadsheet-bound script.'),
      };
    },
    /** The current user's triggers in this project. */
    getProjectTriggers() {
      env.meter.call('ScriptApp.getProjectTriggers');
      requireFullAuth(env, 'ScriptApp.getProjectTriggers', SCRIPTAPP_SCOPE);
      return env.realm.Array.from(byOwner().map(triggerObject));
    },
    /** The current user's triggers for this document. */
    getUserTriggers(doc: unknown) {
      env.meter.call('ScriptApp.getUserTriggers');
      requireFullAuth(env, 'ScriptApp.getUserTriggers', SCRIPTAPP_SCOPE);
      const id =
        typeof doc === 'string'
          ? doc
          : env.meter.unmetered(() => String((doc as { getId(): string }).getId()));
      return env.realm.Array.from(
        byOwner()
          .filter((t) => t.documentId === id)
          .map(triggerObject),
      );
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      env.meter.call('ScriptApp.deleteTrigger');
      requireFullAuth(env, 'ScriptApp.deleteTrigger', SCRIPTAPP_SCOPE);
      const id = env.meter.unmetered(() => trigger.getUniqueId());
      const i = env.state.triggers.findIndex((t) => t.id === id && t.owner === env.effectiveUser);
      if (i >= 0) env.state.triggers.splice(i, 1);
    },
    getScriptId() {
      env.meter.call('ScriptApp.getScriptId');
      return env.state.scriptId;
    },
    getOAuthToken() {
      env.meter.call('ScriptApp.getOAuthToken');
      requireFullAuth(env, 'ScriptApp.getOAuthToken', SCRIPTAPP_SCOPE);
      return `local-oauth-token-${env.effectiveUser}`;
    },
    getInstallationSource() {
      env.meter.call('ScriptApp.getInstallationSource');
      return enums.InstallationSource.NONE;
    },
    /** Every user of the sandbox has authorized the add-on; LIMITED executions still cannot use FULL services. */
    getAuthorizationInfo(_authMode: unknown) {
      env.meter.call('ScriptApp.getAuthorizationInfo');
      return {
        getAuthorizationStatus: () => enums.AuthorizationStatus.NOT_REQUIRED,
        getAuthorizationUrl: () => null,
        getAuthorizedScopes: () => env.realm.Array.from([]),
      };
    },
    invalidateAuth() {
      fail(env, 'invalidateAuth is not supported by the local runtime.');
    },
  };
}
