// Accept a pending key result, or decline it with a reason.
import { useState } from 'preact/hooks';
import type { KeyResultView, Lang } from '../../src/api';
import { tr } from '../i18n';
import { FieldError, FormAlert, type FormError, useAutoFocus, useId } from '../ui';

export const REASON_MAX = 500;

interface Props {
  kr: KeyResultView;
  lang: Lang;
  busy: boolean;
  onAccept(req: { id: string; version: string }): Promise<FormError | null>;
  onDecline(req: { id: string; reason: string; version: string }): Promise<FormError | null>;
  onCancel(): void;
}

export function Ownership(props: Props) {
  const { kr, lang } = props;
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const id = useId('own');
  const first = useAutoFocus<HTMLButtonElement>();

  async function accept() {
    setError(await props.onAccept({ id: kr.id, version: kr.version }));
  }

  async function decline(e: Event) {
    e.preventDefault();
    if (!reason.trim()) return setError({ field: 'reason', error: tr(lang, 'reasonRequired') });
    setError(await props.onDecline({ id: kr.id, reason: reason.trim(), version: kr.version }));
  }

  return (
    <div class="view">
      <h2>{tr(lang, 'ownershipTitle', { id: kr.id })}</h2>
      <p class="kr-title">{kr.title}</p>
      {kr.objectiveTitle && <p class="muted">{kr.objectiveTitle}</p>}
      <p>{tr(lang, 'acceptExplain')}</p>
      <div class="buttons">
        <button ref={first} type="button" class="action" disabled={props.busy} onClick={accept}>
          {tr(lang, 'accept')}
        </button>
        <button type="button" aria-expanded={declining} onClick={() => setDeclining(!declining)}>
          {tr(lang, 'decline')}…
        </button>
        <button type="button" class="link" onClick={props.onCancel}>
          {tr(lang, 'back')}
        </button>
      </div>
      {declining && (
        <form onSubmit={decline} noValidate>
          <p class="muted">{tr(lang, 'declineExplain')}</p>
          <div class="field">
            <label for={`${id}-reason`}>{tr(lang, 'declineReason')}</label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={3}
              maxLength={REASON_MAX}
              value={reason}
              aria-invalid={error?.field === 'reason'}
              aria-describedby={`${id}-reason-err`}
              onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
            />
            <FieldError id={`${id}-reason-err`} error={error} field="reason" />
          </div>
          <div class="buttons">
            <button type="submit" class="danger" disabled={props.busy}>
              {tr(lang, 'decline')}
            </button>
          </div>
        </form>
      )}
      <FormAlert error={error} fields={['reason']} />
    </div>
  );
}
