// "Your weekly email" in Settings: each person chooses for themselves, whatever their role. Saved at
// once on change; the server stores only the signed-in person's own choice.
import { useState } from 'preact/hooks';
import type { EmailChoice, Lang } from '../../src/api';
import { tr } from '../i18n';
import { errorText, server } from '../server';
import { useId } from '../ui';

const CHOICES: readonly EmailChoice[] = ['always', 'needed', 'never'];

export function MyEmail(props: {
  lang: Lang;
  choice: EmailChoice;
  /** The Lead's switch: off means no weekly email for anyone, whatever is chosen here. */
  weeklyOn: boolean;
  onStatus(text: string, error?: boolean): void;
}) {
  const { lang } = props;
  const [choice, setChoice] = useState<EmailChoice>(props.choice);
  const [busy, setBusy] = useState(false);
  const id = useId('my-email');

  async function choose(next: EmailChoice) {
    const before = choice;
    setChoice(next);
    setBusy(true);
    try {
      const res = await server.saveMyWeeklyEmail({ choice: next });
      if (!res.ok) throw res.error;
      props.onStatus(res.message);
    } catch (e) {
      setChoice(before);
      props.onStatus(errorText(e), true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset>
      <legend id={id}>{tr(lang, 'myEmailTitle')}</legend>
      {CHOICES.map((c) => (
        <label class="choice" key={c}>
          <input
            type="radio"
            name={id}
            value={c}
            checked={choice === c}
            disabled={busy}
            onChange={() => void choose(c)}
          />
          {tr(lang, `choice_${c}`)}
        </label>
      ))}
      {!props.weeklyOn && <p class="muted small">{tr(lang, 'myEmailOff')}</p>}
    </fieldset>
  );
}
