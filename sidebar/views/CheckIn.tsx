// Check in on one key result: new value (kind-aware), confidence, optional note.
import { useState } from 'preact/hooks';
import type { Confidence, KeyResultView, Lang, SidebarState } from '../../src/api';
import { tr } from '../i18n';
import { formatNumber, isPercent, milestoneValues, parseTypedNumber } from '../logic';
import { FieldError, FormAlert, type FormError, useAutoFocus, useId } from '../ui';

const CONFIDENCES: Confidence[] = ['on-track', 'at-risk', 'off-track'];
export const NOTE_MAX = 1000;

interface Props {
  kr: KeyResultView;
  state: SidebarState;
  lang: Lang;
  busy: boolean;
  onSave(req: {
    id: string;
    current: number;
    confidence: Confidence;
    note: string;
    version: string;
  }): Promise<FormError | null>;
  onCancel(): void;
  /** A key result with a Source may take its figure from there instead (the owner still checks in). */
  onUpdateFromSource?(id: string): void;
}

export function CheckIn(props: Props) {
  const { kr, lang } = props;
  const milestone = kr.kind === 'milestone';
  const ms = milestoneValues(kr);
  const [value, setValue] = useState(kr.current === null ? '' : String(kr.current));
  const [done, setDone] = useState(kr.current !== null && kr.current === ms.done);
  const [confidence, setConfidence] = useState<Confidence | null>(kr.confidence);
  const [note, setNote] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const id = useId('ci');
  const first = useAutoFocus<HTMLInputElement>();

  async function submit(e: Event) {
    e.preventDefault();
    const current = milestone ? (done ? ms.done : ms.notDone) : parseTypedNumber(value);
    if (current === null) return setError({ field: 'current', error: tr(lang, 'enterNumber') });
    if (!confidence) return setError({ field: 'confidence', error: tr(lang, 'pickConfidence') });
    setError(null);
    const res = await props.onSave({
      id: kr.id,
      current,
      confidence,
      note: note.trim(),
      version: kr.version,
    });
    if (res) setError(res);
  }

  const unitLabel = isPercent(kr) ? '%' : kr.unit;
  return (
    <form class="view" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h2 id={`${id}-h`}>{tr(lang, 'checkInTitle', { id: kr.id })}</h2>
      <p class="kr-title">{kr.title}</p>
      <p class="muted">
        {kr.kind && tr(lang, `kindHint_${kr.kind}` as const)}{' '}
        {!milestone && kr.start !== null && kr.target !== null && (
          <span>
            {tr(lang, 'startTarget', {
              start: formatNumber(kr.start, kr.unit, lang),
              target: formatNumber(kr.target, kr.unit, lang),
            })}
          </span>
        )}
      </p>
      {milestone ? (
        <fieldset aria-describedby={`${id}-cur-err`}>
          <legend>{tr(lang, 'kind_milestone')}</legend>
          <label class="choice">
            <input
              ref={first}
              type="radio"
              name={`${id}-done`}
              checked={!done}
              onChange={() => setDone(false)}
            />
            {tr(lang, 'notDone')}
          </label>
          <label class="choice">
            <input type="radio" name={`${id}-done`} checked={done} onChange={() => setDone(true)} />
            {tr(lang, 'done')}
          </label>
        </fieldset>
      ) : (
        <div class="field">
          <label for={`${id}-cur`}>
            {unitLabel ? tr(lang, 'currentIn', { unit: unitLabel }) : tr(lang, 'currentValue')}
          </label>
          <div class="with-unit">
            <input
              ref={first}
              id={`${id}-cur`}
              name="current"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={value}
              aria-invalid={error?.field === 'current'}
              aria-describedby={`${id}-last ${id}-cur-err`}
              onInput={(e) => setValue((e.target as HTMLInputElement).value)}
            />
            {unitLabel && <span class="unit">{unitLabel}</span>}
          </div>
          <p class="muted small" id={`${id}-last`}>
            {tr(lang, 'lastValue', { value: formatNumber(kr.current, kr.unit, lang) })}
          </p>
        </div>
      )}
      <FieldError id={`${id}-cur-err`} error={error} field="current" />
      <fieldset aria-describedby={`${id}-conf-err`}>
        <legend>{tr(lang, 'confidence')}</legend>
        {CONFIDENCES.map((c) => (
          <label class={`choice conf-choice conf-${c}`} key={c}>
            <input
              type="radio"
              name={`${id}-conf`}
              value={c}
              checked={confidence === c}
              onChange={() => setConfidence(c)}
            />
            {tr(lang, c)}
          </label>
        ))}
      </fieldset>
      <FieldError id={`${id}-conf-err`} error={error} field="confidence" />
      <div class="field">
        <label for={`${id}-note`}>{tr(lang, 'note')}</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          aria-describedby={`${id}-note-count ${id}-note-err`}
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
        <p class="muted small" id={`${id}-note-count`}>
          {tr(lang, 'charsLeft', { count: NOTE_MAX - note.length })}
        </p>
        <FieldError id={`${id}-note-err`} error={error} field="note" />
      </div>
      <FormAlert error={error} fields={['current', 'confidence', 'note']} />
      <div class="buttons">
        <button type="submit" class="action" disabled={props.busy}>
          {props.busy ? tr(lang, 'saving') : tr(lang, 'save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {tr(lang, 'cancel')}
        </button>
        {kr.source && props.onUpdateFromSource && (
          <button
            type="button"
            class="link"
            disabled={props.busy}
            onClick={() => props.onUpdateFromSource?.(kr.id)}
          >
            {tr(lang, 'updateFromSource')}
          </button>
        )}
      </div>
    </form>
  );
}
