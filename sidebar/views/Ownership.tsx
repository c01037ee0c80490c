// A key result the caller owns and has not accepted: accept as is, propose other figures (target,
// start, due) with a reason for the approver to answer, agree to a counter, or decline. Its
// agreement history below.
import { useState } from 'preact/hooks';
import type { AgreementView, KeyResultView, Lang } from '../../src/api';
import { tr } from '../i18n';
import { FieldError, FormAlert, type FormError, useAutoFocus, useId } from '../ui';
import {
  approverWord,
  dayIn,
  FiguresForm,
  type FiguresRequest,
  figuresLine,
  History,
  REASON_MAX,
  trWith,
  Who,
} from './AgreementParts';

interface Props {
  kr: KeyResultView;
  lang: Lang;
  busy: boolean;
  timeZone: string;
  /** The key result's agreement (from the whole state), when known. */
  agreement?: AgreementView;
  onAccept(req: { id: string; version: string }): Promise<FormError | null>;
  onDecline(req: { id: string; reason: string; version: string }): Promise<FormError | null>;
  onPropose(req: FiguresRequest & { id: string; version: string }): Promise<FormError | null>;
  onAgree(req: { id: string; version: string; answer: 'agree' }): Promise<FormError | null>;
  onCancel(): void;
}

export function Ownership(props: Props) {
  const { kr, lang, agreement } = props;
  const [open, setOpen] = useState<'decline' | 'propose' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const id = useId('own');
  const first = useAutoFocus<HTMLButtonElement>();
  const status = agreement?.status ?? 'open';
  const approver = approverWord(agreement, lang);
  const offeredBy = agreement && <Who name={agreement.offeredByName} email={agreement.offeredBy} />;

  async function accept() {
    setError(await props.onAccept({ id: kr.id, version: kr.version }));
  }

  async function decline(e: Event) {
    e.preventDefault();
    if (!reason.trim()) return setError({ field: 'reason', error: tr(lang, 'reasonRequired') });
    setError(await props.onDecline({ id: kr.id, reason: reason.trim(), version: kr.version }));
  }

  async function propose(req: FiguresRequest) {
    if (!req.reason) return setError({ field: 'reason', error: tr(lang, 'reasonRequired') });
    setError(await props.onPropose({ ...req, id: kr.id, version: kr.version }));
  }

  const toggle = (which: 'decline' | 'propose') => {
    setError(null);
    setOpen(open === which ? null : which);
  };

  return (
    <div class="view">
      <h2>{tr(lang, 'ownershipTitle', { id: kr.id })}</h2>
      <p class="kr-title">{kr.title}</p>
      {kr.objectiveTitle && <p class="muted">{kr.objectiveTitle}</p>}
      <p class="figures">{figuresLine(agreement?.current ?? figuresOf(kr, props.timeZone), lang)}</p>
      {status === 'proposed' && (
        <p class="notice">
          {trWith(lang, 'waitingFor', {}, 'approver', approver)} {figuresLine(agreement?.offer ?? null, lang)}
        </p>
      )}
      {status === 'countered' && (
        <p class="notice">
          {trWith(
            lang,
            'counteredBy',
            { figures: figuresLine(agreement?.offer ?? null, lang) },
            'by',
            offeredBy,
          )}{' '}
          {agreement?.reason && tr(lang, 'reasonOf', { reason: agreement.reason })}
        </p>
      )}
      {status === 'refused' && (
        <p class="notice">
          {trWith(lang, 'refusedBy', {}, 'by', offeredBy)}{' '}
          {agreement?.reason && tr(lang, 'reasonOf', { reason: agreement.reason })}
        </p>
      )}
      <p>{tr(lang, 'acceptExplain')}</p>
      <div class="buttons">
        {status === 'countered' && (
          <button
            type="button"
            class="action"
            disabled={props.busy}
            onClick={async () =>
              setError(await props.onAgree({ id: kr.id, version: kr.version, answer: 'agree' }))
            }
          >
            {tr(lang, 'agreeTo')}
          </button>
        )}
        <button
          ref={first}
          type="button"
          class={status === 'countered' ? '' : 'action'}
          disabled={props.busy}
          onClick={accept}
        >
          {tr(lang, 'accept')}
        </button>
        {status !== 'proposed' && (
          <button type="button" aria-expanded={open === 'propose'} onClick={() => toggle('propose')}>
            {tr(lang, 'propose')}…
          </button>
        )}
        <button type="button" aria-expanded={open === 'decline'} onClick={() => toggle('decline')}>
          {tr(lang, 'decline')}…
        </button>
        <button type="button" class="link" onClick={props.onCancel}>
          {tr(lang, 'back')}
        </button>
      </div>
      {open === 'propose' && (
        <>
          <p class="muted">{trWith(lang, 'proposeExplain', {}, 'approver', approver)}</p>
          <FiguresForm
            lang={lang}
            busy={props.busy}
            base={agreement?.current ?? figuresOf(kr, props.timeZone)}
            submit={tr(lang, 'sendProposal')}
            error={error}
            withFigures
            onSubmit={propose}
          />
        </>
      )}
      {open === 'decline' && (
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
      <FormAlert error={error} fields={open ? ['reason', 'target', 'start', 'due'] : []} />
      {agreement && <History agreement={agreement} lang={lang} timeZone={props.timeZone} />}
    </div>
  );
}

/** The row's figures as the key result view carries them. */
function figuresOf(kr: KeyResultView, timeZone: string) {
  return { target: kr.target, start: kr.start, due: dayIn(kr.due, timeZone) };
}
