// Small building blocks shared by the views. Every input gets a <label>, its error is linked with
// aria-describedby, and all text goes through JSX children (escaped by Preact, never parsed as HTML).
import { useEffect, useRef } from 'preact/hooks';
import type { Lang } from '../src/api';
import { tr } from './i18n';
import { barPercent } from './logic';

export interface FormError {
  error: string;
  field?: string;
}

let nextId = 0;
/** A stable id per component instance, for label/aria wiring. */
export function useId(prefix: string): string {
  const ref = useRef('');
  if (!ref.current) ref.current = `${prefix}-${++nextId}`;
  return ref.current;
}

/** Focus the element when the view opens, so keyboard users land where the work is. */
export function useAutoFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

export function FieldError(props: { id: string; error: FormError | null; field: string }) {
  const { error, field } = props;
  if (!error || error.field !== field) return null;
  return (
    <p class="field-error" id={props.id}>
      {error.error}
    </p>
  );
}

/** The form-level error when it is not about one field. */
export function FormAlert(props: { error: FormError | null; fields: string[] }) {
  const { error } = props;
  if (!error || (error.field && props.fields.includes(error.field))) return null;
  return (
    <p class="form-error" role="alert">
      {error.error}
    </p>
  );
}

export function ProgressBar(props: { value: number | null; label: string; lang: Lang }) {
  const pct = barPercent(props.value);
  return (
    <div class="progress-row">
      <div
        class="bar"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={props.value === null ? undefined : pct}
        aria-valuetext={props.value === null ? tr(props.lang, 'noProgress') : `${pct}%`}
      >
        <div class="fill" style={{ width: `${pct}%` }} />
      </div>
      <span class="pct">{props.value === null ? '—' : `${pct}%`}</span>
    </div>
  );
}
