// Cycles (Leads): each cycle of the sheet, open or closed. Closing one scores its key results and
// asks their owners for a retrospective; a closed cycle's unfinished key results can be carried into
// the next cycle one at a time or all at once (new IDs, agreed again).
import { useEffect, useState } from 'preact/hooks';
import type { CycleCloseView, CyclesResult, CyclesView, Lang } from '../../src/api';
import { tr } from '../i18n';
import { formatDate } from '../logic';
import { errorText, server } from '../server';
import { type FormError, useId } from '../ui';

interface Props {
  lang: Lang;
  timeZone: string;
  onStatus(text: string, error?: boolean): void;
  /** A write changed the sheet: the sidebar's state is read again. */
  onChanged(): void;
}

export function Cycles(props: Props) {
  const { lang } = props;
  const [view, setView] = useState<CyclesView | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  /** The cycle whose close, or reopen, is being confirmed. */
  const [confirm, setConfirm] = useState<string | null>(null);
  const [reopen, setReopen] = useState<string | null>(null);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const id = useId('cyc');

  function apply(res: CyclesResult) {
    if (res.ok) {
      setView(res.view);
      setError(null);
      if (res.message) props.onStatus(res.message);
    } else {
      if (res.view) setView(res.view);
      setError({ error: res.error, field: res.field });
      props.onStatus(res.error, true);
    }
  }

  useEffect(() => {
    server
      .getCycles()
      .then(apply)
      .catch((e) => setError({ error: errorText(e) }));
  }, []);

  async function run(call: () => Promise<CyclesResult>) {
    setBusy(true);
    try {
      const res = await call();
      apply(res);
      if (res.ok) props.onChanged();
    } catch (e) {
      const text = errorText(e);
      setError({ error: text });
      props.onStatus(tr(lang, 'callFailed', { error: text }), true);
    } finally {
      setBusy(false);
      setConfirm(null);
      setReopen(null);
    }
  }

  if (!view) return <p class="view">{error ? error.error : tr(lang, 'loading')}</p>;
  const date = (t: number | null) => formatDate(t, props.timeZone, lang);

  /** A step before a change that is not undone by a click: what it does, then yes or cancel. */
  function Confirm(p: { text: string; yes: string; onYes(): void; onNo(): void }) {
    return (
      <div class="notice">
        <p>{p.text}</p>
        <div class="buttons">
          <button type="button" class="action" disabled={busy} onClick={p.onYes}>
            {p.yes}
          </button>
          <button type="button" onClick={p.onNo}>
            {tr(lang, 'cancel')}
          </button>
        </div>
      </div>
    );
  }

  function Cycle({ c }: { c: CycleCloseView }) {
    const to = targets[c.name] ?? c.next ?? '';
    const toId = `${id}-${c.name}-to`;
    return (
      <li class="card" data-cycle={c.name}>
        <div class="card-title">
          <strong>{c.name}</strong>{' '}
          <span class={c.closed ? 'chip' : 'chip conf-on-track'}>
            {c.closed ? tr(lang, 'cycleClosedOn', { date: date(c.closedAt) }) : tr(lang, 'cycleOpen')}
          </span>
        </div>
        <p class="muted small">
          {c.start !== null && c.end !== null && `${date(c.start)} – ${date(c.end - 1)} · `}
          {tr(lang, 'cycleKeyResults', { count: c.keyResults })}
        </p>
        {!c.closed && view?.canClose && confirm !== c.name && (
          <div class="buttons">
            <button type="button" disabled={busy} onClick={() => setConfirm(c.name)}>
              {tr(lang, 'closeCycle', { cycle: c.name })}
            </button>
          </div>
        )}
        {confirm === c.name && (
          <Confirm
            text={tr(lang, 'closeCycleExplain', { cycle: c.name, count: c.keyResults })}
            yes={tr(lang, 'closeCycleYes', { cycle: c.name })}
            onYes={() => run(() => server.closeCycle({ cycle: c.name }))}
            onNo={() => setConfirm(null)}
          />
        )}
        {c.closed && view?.canClose && reopen !== c.name && (
          <div class="buttons">
            <button type="button" disabled={busy} onClick={() => setReopen(c.name)}>
              {tr(lang, 'reopenCycle', { cycle: c.name })}
            </button>
          </div>
        )}
        {reopen === c.name && (
          <Confirm
            text={tr(lang, 'reopenCycleExplain', { cycle: c.name })}
            yes={tr(lang, 'reopenCycleYes', { cycle: c.name })}
            onYes={() => run(() => server.reopenCycle({ cycle: c.name }))}
            onNo={() => setReopen(null)}
          />
        )}
        {c.closed && c.unfinished.length > 0 && view?.canClose && (
          <section aria-label={tr(lang, 'carryTitle', { cycle: c.name })}>
            <h3>{tr(lang, 'carryTitle', { cycle: c.name })}</h3>
            <div class="field">
              <label for={toId}>{tr(lang, 'carryInto')}</label>
              <input
                id={toId}
                type="text"
                value={to}
                maxLength={40}
                onInput={(e) => setTargets({ ...targets, [c.name]: (e.target as HTMLInputElement).value })}
              />
            </div>
            <ul class="needs-list">
              {c.unfinished.map((u) => (
                <li key={u.id}>
                  <span class="okr-id">{u.id}</span> <span class="title-text">{u.title}</span>{' '}
                  <span class="muted">{u.progress === null ? '—' : `${Math.round(u.progress)}%`}</span>{' '}
                  <button
                    type="button"
                    class="link"
                    disabled={busy || !to.trim()}
                    onClick={() => run(() => server.rollOver({ cycle: c.name, to: to.trim(), ids: [u.id] }))}
                  >
                    {tr(lang, 'carryOne')}
                    <span class="sr"> {u.id}</span>
                  </button>
                </li>
              ))}
            </ul>
            <div class="buttons">
              <button
                type="button"
                class="action"
                disabled={busy || !to.trim()}
                onClick={() => run(() => server.rollOver({ cycle: c.name, to: to.trim() }))}
              >
                {tr(lang, 'carryAll', { count: c.unfinished.length })}
              </button>
            </div>
          </section>
        )}
      </li>
    );
  }

  return (
    <div class="view">
      <h2>{tr(lang, 'navCycles')}</h2>
      {!view.canClose && <p class="notice">{tr(lang, 'cyclesLeadsOnly')}</p>}
      {error && !busy && (
        <p class="form-error" role="alert">
          {error.error}
        </p>
      )}
      {view.cycles.length === 0 ? (
        <p class="muted">{tr(lang, 'noCycles')}</p>
      ) : (
        <ul class="cards">
          {view.cycles.map((c) => (
            <Cycle key={c.name} c={c} />
          ))}
        </ul>
      )}
    </div>
  );
}
