// The owner's retrospective of a closed cycle's key result: what happened, what we learned, and the
// final score, which the owner may adjust from the computed one with a reason.
import { useState } from 'preact/hooks';
import type { Lang, RetrospectiveAsk, RetrospectiveRequest } from '../../src/api';
import { tr } from '../i18n';
import { FieldError, FormAlert, type FormError, useAutoFocus, useId } from '../ui';

interface Props {
  ask: RetrospectiveAsk;
  lang: Lang;
  busy: boolean;
  onSave(req: RetrospectiveRequest): Promise<FormError | null>;
  onCancel(): void;
}

const score = (n: number | null) => (n === null ? '—' : n.toFixed(1));

export function Retrospective(props: Props) {
  const { ask, lang } = props;
  const [happened, setHappened] = useState('');
  const [learned, setLearned] = useState('');
  const [value, setValue] = useState(ask.score === null ? '' : ask.score.toFixed(1));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const id = useId('retro');
  const first = useAutoFocus<HTMLTextAreaElement>();
  const typed = value.trim() === '' ? null : Number(value.replace(',', '.'));
  const adjusted = typed !== null && typed !== ask.computed;

  async function submit(e: Event) {
    e.preventDefault();
    if (!happened.trim() && !learned.trim())
      return setError({ field: 'happened', error: tr(lang, 'retroEmpty') });
    if (typed !== null && !(typed >= 0 && typed <= 1))
      return setError({ field: 'score', error: tr(lang, 'scoreRange') });
    if (adjusted && !reason.trim()) return setError({ field: 'reason', error: tr(lang, 'scoreReason') });
    setError(null);
    const req: RetrospectiveRequest = {
      id: ask.id,
      cycle: ask.cycle,
      happened: happened.trim(),
      learned: learned.trim(),
    };
    if (adjusted && typed !== null) Object.assign(req, { score: typed, reason: reason.trim() });
    const res = await props.onSave(req);
    if (res) setError(res);
  }

  const area = (field: 'happened' | 'learned', text: string, set: (v: string) => void) => (
    <div class="field">
      <label for={`${id}-${field}`}>
        {tr(lang, field === 'happened' ? 'retroHappened' : 'retroLearned')}
      </label>
      <textarea
        id={`${id}-${field}`}
        ref={field === 'happened' ? first : undefined}
        rows={3}
        maxLength={2000}
        value={text}
        aria-invalid={error?.field === field}
        aria-describedby={`${id}-${field}-err`}
        onInput={(e) => set((e.target as HTMLTextAreaElement).value)}
      />
      <FieldError id={`${id}-${field}-err`} error={error} field={field} />
    </div>
  );

  return (
    <form class="view" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h2 id={`${id}-h`}>{tr(lang, 'retroTitle', { id: ask.id, cycle: ask.cycle })}</h2>
      <p class="kr-title">{ask.title}</p>
      <p class="muted">{tr(lang, 'retroComputed', { score: score(ask.computed) })}</p>
      {area('happened', happened, setHappened)}
      {area('learned', learned, setLearned)}
      <div class="field">
        <label for={`${id}-score`}>{tr(lang, 'retroScore')}</label>
        <input
          id={`${id}-score`}
          type="number"
          min={0}
          max={1}
          step={0.1}
          value={value}
          aria-invalid={error?.field === 'score'}
          aria-describedby={`${id}-score-err`}
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        />
        <FieldError id={`${id}-score-err`} error={error} field="score" />
      </div>
      {adjusted && (
        <div class="field">
          <label for={`${id}-reason`}>{tr(lang, 'retroReason')}</label>
          <input
            id={`${id}-reason`}
            type="text"
            maxLength={500}
            value={reason}
            aria-invalid={error?.field === 'reason'}
            aria-describedby={`${id}-reason-err`}
            onInput={(e) => setReason((e.target as HTMLInputElement).value)}
          />
          <FieldError id={`${id}-reason-err`} error={error} field="reason" />
        </div>
      )}
      <FormAlert error={error} fields={['happened', 'learned', 'score', 'reason']} />
      <div class="buttons">
        <button type="submit" class="action" disabled={props.busy}>
          {props.busy ? tr(lang, 'saving') : tr(lang, 'save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {tr(lang, 'cancel')}
        </button>
      </div>
    </form>
  );
}
