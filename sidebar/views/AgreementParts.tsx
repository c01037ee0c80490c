// Pieces the agreement views share: the figures in words, the form for other figures and a reason
// (a proposal, a counter), a key result's agreement history, and people named as Team names them.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AgreementFigures, AgreementStepName, AgreementView, Lang } from '../../src/api';
import { format } from '../../src/okr/core/i18n';
import { tr, WORDS } from '../i18n';
import { formatDate } from '../logic';
import { FieldError, type FormError, useId } from '../ui';

export const REASON_MAX = 500;

/** A moment's calendar day (YYYY-MM-DD) in the spreadsheet's time zone, as the server writes it. */
export function dayIn(time: number | null, timeZone: string): string | null {
  if (time === null) return null;
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(time);
  } catch {
    return new Date(time).toISOString().slice(0, 10);
  }
}

/** "Target 80 · Start 0 · Due 2026-12-31" (blank figures left out). */
export function figuresLine(f: AgreementFigures | null, lang: Lang): string {
  if (!f) return '—';
  const parts: string[] = [];
  if (f.target !== null) parts.push(`${tr(lang, 'target')} ${f.target}`);
  if (f.start !== null) parts.push(`${tr(lang, 'start')} ${f.start}`);
  if (f.due) parts.push(`${tr(lang, 'dueDate')} ${f.due}`);
  return parts.join(' · ') || '—';
}

export interface FiguresRequest {
  target?: number;
  start?: number;
  due?: string;
  reason: string;
}

/** Other figures and a reason; only the figures changed are sent (the rest stay the row's). */
export function FiguresForm(props: {
  lang: Lang;
  busy: boolean;
  base: AgreementFigures;
  submit: string;
  error: FormError | null;
  withFigures: boolean;
  onSubmit(req: FiguresRequest): void;
}) {
  const { lang, base } = props;
  const id = useId('fig');
  const [target, setTarget] = useState(base.target === null ? '' : String(base.target));
  const [start, setStart] = useState(base.start === null ? '' : String(base.start));
  const [due, setDue] = useState(base.due ?? '');
  const [reason, setReason] = useState('');
  function send(e: Event) {
    e.preventDefault();
    const req: FiguresRequest = { reason: reason.trim() };
    if (props.withFigures) {
      if (target.trim() !== '' && Number(target) !== base.target) req.target = Number(target);
      if (start.trim() !== '' && Number(start) !== base.start) req.start = Number(start);
      if (due && due !== base.due) req.due = due;
    }
    props.onSubmit(req);
  }
  const field = (name: 'target' | 'start', value: string, set: (v: string) => void) => (
    <div class="field">
      <label for={`${id}-${name}`}>{tr(lang, name)}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        type="number"
        step="any"
        value={value}
        aria-invalid={props.error?.field === name}
        aria-describedby={`${id}-${name}-err`}
        onInput={(e) => set((e.target as HTMLInputElement).value)}
      />
      <FieldError id={`${id}-${name}-err`} error={props.error} field={name} />
    </div>
  );
  return (
    <form onSubmit={send} noValidate>
      {props.withFigures && (
        <>
          {field('target', target, setTarget)}
          {field('start', start, setStart)}
          <div class="field">
            <label for={`${id}-due`}>{tr(lang, 'dueDate')}</label>
            <input
              id={`${id}-due`}
              name="due"
              type="date"
              value={due}
              aria-invalid={props.error?.field === 'due'}
              aria-describedby={`${id}-due-err`}
              onInput={(e) => setDue((e.target as HTMLInputElement).value)}
            />
            <FieldError id={`${id}-due-err`} error={props.error} field="due" />
          </div>
        </>
      )}
      <div class="field">
        <label for={`${id}-reason`}>{tr(lang, 'reason')}</label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          aria-invalid={props.error?.field === 'reason'}
          aria-describedby={`${id}-reason-err`}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
        />
        <FieldError id={`${id}-reason-err`} error={props.error} field="reason" />
      </div>
      <div class="buttons">
        <button type="submit" class="action" disabled={props.busy}>
          {props.submit}
        </button>
      </div>
    </form>
  );
}

const STEP_WORD = {
  accepted: 'stepAccepted',
  proposed: 'stepProposed',
  countered: 'stepCountered',
  agreed: 'stepAgreed',
  refused: 'stepRefused',
  declined: 'stepDeclined',
  cleared: 'stepCleared',
} as const satisfies Record<AgreementStepName, string>;

/** The key result's last agreement steps, oldest first. */
export function History(props: { agreement: AgreementView; lang: Lang; timeZone: string }) {
  const { agreement, lang } = props;
  if (agreement.history.length === 0) return null;
  return (
    <section class="history" aria-label={tr(lang, 'agreementHistory')}>
      <h3>{tr(lang, 'agreementHistory')}</h3>
      <ol>
        {agreement.history.map((h) => (
          <li key={`${h.time}-${h.step}`}>
            <span class="muted">{formatDate(h.time, props.timeZone, lang)}</span>{' '}
            <b>{tr(lang, STEP_WORD[h.step])}</b> <Who name={h.byName} email={h.by} />
            {(h.from || h.to) && (
              <span class="figures"> {h.from && h.to ? `${h.from} → ${h.to}` : h.to || h.from}</span>
            )}
            {h.reason && <span class="muted"> — {h.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A person by their name in Team (the server's), their email as the title; text, never HTML. */
export function Who(props: { name: string; email: string }) {
  return <span title={props.email}>{props.name || props.email}</span>;
}

/**
 * A label whose `{slot}` is an element (a person), its other placeholders filled in as tr does. The
 * template is split before filling, so no text filled in can move the slot.
 */
export function trWith(
  lang: Lang,
  key: Parameters<typeof tr>[1],
  params: Record<string, string>,
  slot: string,
  node: ComponentChildren,
) {
  const [before, after = ''] = (WORDS[lang][key] as string).split(`{${slot}}`);
  return (
    <>
      {format(before, params)}
      {node}
      {format(after, params)}
    </>
  );
}

/** Who answers a proposal: the Manager by name (email as title), or "a Lead". */
export function approverWord(
  agreement: Pick<AgreementView, 'approver' | 'approverName'> | undefined,
  lang: Lang,
): ComponentChildren {
  // In Japanese a person's name takes さん (as {by} does in the texts); "a Lead" does not.
  return agreement?.approver ? (
    <>
      <Who name={agreement.approverName} email={agreement.approver} />
      {lang === 'ja' ? 'さん' : ''}
    </>
  ) : (
    tr(lang, 'anyLead')
  );
}
