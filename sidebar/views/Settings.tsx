// Settings (Leads): weekly email schedule, stale threshold, overload limit, language, the weekly
// emails switch, and how the last weekly run went; the cycles (fiscal-year start, pace margin, the
// Summary's cycle, and the sheet's cycles with their dates).
import { useEffect, useState } from 'preact/hooks';
import type { CycleView, Lang, SaveSettingsRequest, SettingsResult, SettingsView } from '../../src/api';
import { tr, WORDS } from '../i18n';
import { formatDate, formatDateTime } from '../logic';
import { errorText, server } from '../server';
import { FieldError, FormAlert, type FormError, useId } from '../ui';
import { MyEmail } from './MyEmail';

interface Props {
  lang: Lang;
  onStatus(text: string, error?: boolean): void;
  /** The language or the fiscal year changed: the whole sidebar reloads its state (words, cycle dates). */
  onLanguageChanged(): void;
  /** The sheet's cycles and the current one, from the sidebar's state. */
  cycles: CycleView[];
  currentCycle: string | null;
}

const NUMBER_FIELDS = ['staleDays', 'overloadLimit', 'conversationRuns', 'paceMargin'] as const;
const CYCLE_FIELDS = ['fiscalYearStartMonth', 'summaryCycle'] as const;

export function Settings(props: Props) {
  const { lang } = props;
  const [view, setView] = useState<SettingsView | null>(null);
  const [form, setForm] = useState<SaveSettingsRequest | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  /** The switch's position while the server installs or removes the trigger (then the server's word). */
  const [weeklyWanted, setWeeklyWanted] = useState<boolean | null>(null);
  const id = useId('set');

  function apply(res: SettingsResult) {
    if (res.ok) {
      setView(res.view);
      const { weeklyEmails: _w, ...values } = res.view.settings;
      setForm(values);
      setError(null);
    } else {
      if (res.view) setView(res.view);
      setError({ error: res.error, field: res.field });
    }
  }

  useEffect(() => {
    server
      .getSettings()
      .then(apply)
      .catch((e) => setError({ error: errorText(e) }));
  }, []);

  if (!view || !form) return <p class="view">{error ? error.error : tr(lang, 'loading')}</p>;
  const disabled = !view.canEdit || busy;

  async function save(e: Event) {
    e.preventDefault();
    if (!form) return;
    setBusy(true);
    try {
      const before = view?.settings;
      const res = await server.saveSettings(form);
      apply(res);
      if (res.ok) {
        props.onStatus(res.message);
        const now = res.view.settings;
        if (now.language !== before?.language || now.fiscalYearStartMonth !== before?.fiscalYearStartMonth) {
          props.onLanguageChanged();
        }
      }
    } catch (err) {
      setError({ error: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  async function toggleWeekly(on: boolean) {
    setWeeklyWanted(on);
    setBusy(true);
    try {
      const res = await (on ? server.enableWeeklyEmails() : server.disableWeeklyEmails());
      // A refusal (not a Lead, busy) is an answer: shown like a failure.
      if (!res.ok) throw res.error;
      apply(await server.getSettings());
      props.onStatus(tr(lang, on ? 'weeklyOn' : 'weeklyOff'));
    } catch (err) {
      const error = errorText(err);
      setError({ error });
      props.onStatus(error, true);
    } finally {
      setWeeklyWanted(null);
      setBusy(false);
    }
  }

  async function sendTest() {
    setBusy(true);
    try {
      const res = await server.sendTestWeeklyEmail();
      props.onStatus(res.message, res.sent.length === 0);
    } catch (err) {
      props.onStatus(errorText(err), true);
    } finally {
      setBusy(false);
    }
  }

  const num = (field: (typeof NUMBER_FIELDS)[number]) => (
    <div class="field">
      <label for={`${id}-${field}`}>{tr(lang, field)}</label>
      <input
        id={`${id}-${field}`}
        type="number"
        min={field === 'paceMargin' ? 0 : 1}
        step={1}
        value={form[field]}
        disabled={disabled}
        aria-invalid={error?.field === field}
        aria-describedby={`${id}-${field}-err`}
        onInput={(e) => setForm({ ...form, [field]: Number((e.target as HTMLInputElement).value) })}
      />
      <FieldError id={`${id}-${field}-err`} error={error} field={field} />
    </div>
  );

  const run = view.weeklyRun;
  return (
    <div class="view">
      <h2>{tr(lang, 'navSettings')}</h2>
      {view.myWeeklyEmail && (
        <MyEmail
          lang={lang}
          choice={view.myWeeklyEmail}
          weeklyOn={view.settings.weeklyEmails}
          onStatus={props.onStatus}
        />
      )}
      {!view.canEdit && <p class="notice">{tr(lang, 'settingsLeadsOnly')}</p>}
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            checked={weeklyWanted ?? view.settings.weeklyEmails}
            disabled={disabled}
            onChange={(e) => toggleWeekly((e.target as HTMLInputElement).checked)}
          />
          {tr(lang, 'weeklyEmails')}
        </label>
      </div>
      <form onSubmit={save} noValidate>
        <div class="field">
          <label for={`${id}-day`}>{tr(lang, 'weeklyDay')}</label>
          <select
            id={`${id}-day`}
            value={form.weeklyDay}
            disabled={disabled}
            onChange={(e) => setForm({ ...form, weeklyDay: Number((e.target as HTMLSelectElement).value) })}
          >
            {WORDS[lang].days.map((d, i) => (
              <option key={d} value={i}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-hour`}>{tr(lang, 'weeklyHour', { tz: view.timeZone })}</label>
          <select
            id={`${id}-hour`}
            value={form.weeklyHour}
            disabled={disabled}
            onChange={(e) => setForm({ ...form, weeklyHour: Number((e.target as HTMLSelectElement).value) })}
          >
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
            ))}
          </select>
        </div>
        {num('staleDays')}
        {num('overloadLimit')}
        {num('conversationRuns')}
        <div class="field">
          <label for={`${id}-lang`}>{tr(lang, 'language')}</label>
          <select
            id={`${id}-lang`}
            value={form.language}
            disabled={disabled}
            onChange={(e) =>
              setForm({
                ...form,
                language: (e.target as HTMLSelectElement).value as SaveSettingsRequest['language'],
              })
            }
          >
            <option value="auto">{tr(lang, 'langAuto')}</option>
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </select>
        </div>
        {/* Set once a year: folded, so Save and the weekly run stay on screen (opened on an error). */}
        <details
          class="cycle-settings"
          open={CYCLE_FIELDS.some((f) => f === error?.field) || error?.field === 'paceMargin'}
        >
          <summary>{tr(lang, 'cycleSettings')}</summary>
          {num('paceMargin')}
          <div class="field">
            <label for={`${id}-fy`}>{tr(lang, 'fiscalYearStartMonth')}</label>
            <select
              id={`${id}-fy`}
              value={form.fiscalYearStartMonth}
              disabled={disabled}
              aria-invalid={error?.field === 'fiscalYearStartMonth'}
              aria-describedby={`${id}-fy-err`}
              onChange={(e) =>
                setForm({ ...form, fiscalYearStartMonth: Number((e.target as HTMLSelectElement).value) })
              }
            >
              {WORDS[lang].months.map((name, i) => (
                <option key={name} value={i + 1}>
                  {name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-fy-err`} error={error} field="fiscalYearStartMonth" />
          </div>
          <div class="field">
            <label for={`${id}-sc`}>{tr(lang, 'summaryCycle')}</label>
            <select
              id={`${id}-sc`}
              value={form.summaryCycle ?? ''}
              disabled={disabled}
              aria-invalid={error?.field === 'summaryCycle'}
              aria-describedby={`${id}-sc-err`}
              onChange={(e) => setForm({ ...form, summaryCycle: (e.target as HTMLSelectElement).value })}
            >
              <option value="">
                {props.currentCycle
                  ? tr(lang, 'summaryCycleCurrent', { name: props.currentCycle })
                  : tr(lang, 'summaryCycleNone')}
              </option>
              {props.cycles.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-sc-err`} error={error} field="summaryCycle" />
          </div>
          <section aria-labelledby={`${id}-cycles`}>
            <h3 id={`${id}-cycles`}>{tr(lang, 'cyclesTitle')}</h3>
            {props.cycles.length === 0 ? (
              <p class="muted">{tr(lang, 'noCycles')}</p>
            ) : (
              <ul class="cycles">
                {props.cycles.map((c) => (
                  <li key={c.name}>
                    {c.name === props.currentCycle ? tr(lang, 'cycleCurrent', { name: c.name }) : c.name}
                    <span class="muted">
                      {' · '}
                      {c.start !== null && c.end !== null
                        ? `${formatDate(c.start, view.timeZone, lang)} – ${formatDate(c.end - 1, view.timeZone, lang)}`
                        : tr(lang, 'cycleUndated')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </details>
        <FormAlert error={error} fields={[...NUMBER_FIELDS, ...CYCLE_FIELDS]} />
        <div class="buttons">
          <button type="submit" class="action" disabled={disabled}>
            {busy ? tr(lang, 'saving') : tr(lang, 'save')}
          </button>
        </div>
      </form>
      <section aria-labelledby={`${id}-run`}>
        <h3 id={`${id}-run`}>{tr(lang, 'weeklyRun')}</h3>
        {/* Anyone may: it mails only the caller, what they would get this week (outside the ledger). */}
        <div class="buttons">
          <button type="button" disabled={busy} onClick={() => void sendTest()}>
            {tr(lang, 'sendTest')}
          </button>
        </div>
        {run?.nextRunAt != null && view.settings.weeklyEmails && (
          <p class="muted">
            {tr(lang, 'runNext', { date: formatDateTime(run.nextRunAt, view.timeZone, lang) })}
          </p>
        )}
        {!run?.period ? (
          <p class="muted">{tr(lang, 'noRun')}</p>
        ) : (
          <div class="run">
            <p>{tr(lang, 'runPeriod', { period: run.period })}</p>
            <p>
              {tr(lang, 'runCounts', {
                sent: run.sent,
                failed: run.failed,
                remaining: run.remaining,
              })}
            </p>
            <p>
              {run.finishedAt !== null
                ? tr(lang, 'runFinished', { date: formatDate(run.finishedAt, view.timeZone, lang) })
                : tr(lang, run.waitingFor === 'quota' ? 'runQuota' : 'runUnfinished')}
            </p>
            {run.problem && (
              <p class="form-error" role="alert">
                {run.problem}
              </p>
            )}
            {run.sources && <p class="note">{run.sources}</p>}
            {run.failures.length > 0 && (
              <ul class="failures">
                {run.failures.map((f) => (
                  <li key={f.email}>
                    {f.email}: {f.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
