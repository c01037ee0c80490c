// A proposal waiting for the caller as its approver: agree, counter with other figures and a
// reason, or refuse with a reason. The key result's agreement history below.
import { useState } from 'preact/hooks';
import type { AgreementView, Lang } from '../../src/api';
import { tr } from '../i18n';
import { FormAlert, type FormError, useAutoFocus } from '../ui';
import { FiguresForm, type FiguresRequest, figuresLine, History, trWith, Who } from './AgreementParts';

export type RespondCall = (
  req: FiguresRequest & {
    id: string;
    version: string;
    answer: 'agree' | 'counter' | 'refuse';
  },
) => Promise<FormError | null>;

interface Props {
  agreement: AgreementView;
  lang: Lang;
  busy: boolean;
  timeZone: string;
  onRespond: RespondCall;
  onCancel(): void;
}

export function Agreement(props: Props) {
  const { agreement: a, lang } = props;
  const [open, setOpen] = useState<'counter' | 'refuse' | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const first = useAutoFocus<HTMLButtonElement>();
  const base = { id: a.id, version: a.version };

  async function respond(answer: 'agree' | 'counter' | 'refuse', req: FiguresRequest = { reason: '' }) {
    if (answer !== 'agree' && !req.reason)
      return setError({ field: 'reason', error: tr(lang, 'reasonRequired') });
    setError(await props.onRespond({ ...req, ...base, answer }));
  }
  const toggle = (which: 'counter' | 'refuse') => {
    setError(null);
    setOpen(open === which ? null : which);
  };

  return (
    <div class="view">
      <h2>{tr(lang, 'agreementTitle', { id: a.id })}</h2>
      <p class="kr-title">{a.title}</p>
      <p>
        {trWith(
          lang,
          'proposedBy',
          { to: figuresLine(a.offer, lang), from: figuresLine(a.current, lang) },
          'by',
          <Who name={a.offeredByName} email={a.offeredBy} />,
        )}
      </p>
      {a.reason && <p class="note">{tr(lang, 'reasonOf', { reason: a.reason })}</p>}
      <div class="buttons">
        <button
          ref={first}
          type="button"
          class="action"
          disabled={props.busy}
          onClick={() => respond('agree')}
        >
          {tr(lang, 'agree')}
        </button>
        <button type="button" aria-expanded={open === 'counter'} onClick={() => toggle('counter')}>
          {tr(lang, 'counter')}
        </button>
        <button type="button" aria-expanded={open === 'refuse'} onClick={() => toggle('refuse')}>
          {tr(lang, 'refuse')}
        </button>
        <button type="button" class="link" onClick={props.onCancel}>
          {tr(lang, 'back')}
        </button>
      </div>
      {open && (
        <FiguresForm
          key={open}
          lang={lang}
          busy={props.busy}
          base={a.offer ?? a.current}
          submit={tr(lang, open === 'counter' ? 'sendCounter' : 'sendRefusal')}
          error={error}
          withFigures={open === 'counter'}
          onSubmit={(req) => respond(open, req)}
        />
      )}
      <FormAlert error={error} fields={open ? ['reason', 'target', 'start', 'due'] : []} />
      <History agreement={a} lang={lang} timeZone={props.timeZone} />
    </div>
  );
}
