// Import's preview: what reading a tab would create (objectives, key results with owners, targets and
// kinds), what is skipped and why, what looks doubtful, the people added to Team and the team's tabs
// renamed first, before anything is written. Confirming sends back the preview's fingerprint; the
// server refuses when the tab changed since, and the view then shows the new preview.
import { useEffect, useState } from 'preact/hooks';
import type { ImportConfirmResult, ImportPreviewResult, Lang } from '../../src/api';
import { tr } from '../i18n';
import { errorText, server } from '../server';
import { useId } from '../ui';

interface Props {
  lang: Lang;
  busy: boolean;
  onStatus(text: string, error?: boolean): void;
  /** Runs the confirm as a write (the sidebar's state is refreshed after it). */
  onConfirm(call: () => Promise<ImportConfirmResult>): Promise<ImportConfirmResult | null>;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function Import(props: Props) {
  const { lang } = props;
  const id = useId('imp');
  const [preview, setPreview] = useState<ImportPreviewResult | null>(null);
  const [renames, setRenames] = useState(false);
  const [done, setDone] = useState('');

  async function read(sheetName?: string) {
    setDone('');
    setPreview(null);
    setRenames(false);
    try {
      setPreview(await server.previewImport(sheetName ? { sheetName } : {}));
    } catch (e) {
      props.onStatus(tr(lang, 'callFailed', { error: errorText(e) }), true);
    }
  }
  useEffect(() => {
    read();
  }, []);

  async function confirm() {
    if (!preview?.ok) return;
    const p = preview;
    const res = await props.onConfirm(() =>
      server.confirmImport({
        sheetName: p.sheetName,
        fingerprint: p.fingerprint,
        renames: p.collisions.map((c) => ({ from: c.tab, to: c.renameTo })),
      }),
    );
    // The tab changed since: the new preview, with the message kept in the status line.
    if (res && !res.ok && res.changed) {
      await read(p.sheetName);
      props.onStatus(res.error, true);
    } else if (res?.ok) setDone(res.message);
  }

  const name = preview?.sheetName;
  const tabs = preview ? [...(name ? [name] : []), ...(preview.tabs ?? [])] : [];
  return (
    <div class="view">
      <h2>{tr(lang, 'importTitle')}</h2>
      <p class="muted small">{tr(lang, 'importIntro')}</p>
      {tabs.length > 0 && (
        <div class="field">
          <label for={`${id}-tab`}>{tr(lang, 'importTab')}</label>
          <select id={`${id}-tab`} value={name} onChange={(e) => read((e.target as HTMLSelectElement).value)}>
            {tabs.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      )}
      {done && (
        <div class="empty">
          <p>{done}</p>
          <button type="button" onClick={() => read()}>
            {tr(lang, 'importAgain')}
          </button>
        </div>
      )}
      {!preview && !done && (
        <p class="muted" aria-busy="true">
          {tr(lang, 'importReading')}
        </p>
      )}
      {preview && !preview.ok && (
        <p class="form-error" role="alert">
          {preview.error}
        </p>
      )}
      {preview?.ok && !done && (
        <>
          <p>
            {tr(lang, 'importWillAdd', preview.counts)}{' '}
            {preview.counts.existingObjectives > 0 &&
              tr(lang, 'importExisting', { count: preview.counts.existingObjectives })}
          </p>
          {preview.setUp && <p class="muted small">{tr(lang, 'importSetUp')}</p>}
          {preview.doubts.length > 0 && (
            <section class="notice" aria-labelledby={`${id}-d`}>
              <h3 id={`${id}-d`}>{tr(lang, 'importDoubts')}</h3>
              {preview.doubts.map((d) => (
                <p key={d.code}>{d.message}</p>
              ))}
            </section>
          )}
          {preview.collisions.length > 0 && (
            <section class="notice" aria-labelledby={`${id}-c`}>
              <h3 id={`${id}-c`}>{tr(lang, 'importTabs')}</h3>
              {preview.collisions.map((c) => (
                <p key={c.tab}>{c.message}</p>
              ))}
              <label class="choice">
                <input
                  type="checkbox"
                  checked={renames}
                  onChange={(e) => setRenames((e.target as HTMLInputElement).checked)}
                />
                {preview.collisions
                  .map((c) => tr(lang, 'importRename', { from: c.tab, to: c.renameTo }))
                  .join(', ')}
              </label>
            </section>
          )}
          <section aria-labelledby={`${id}-w`}>
            <h3 id={`${id}-w`}>{tr(lang, 'importWhat')}</h3>
            <ul class="rows">
              {preview.objectives.map((o) => (
                <li key={o.id}>
                  <span class="okr-id">{o.id}</span> <span class="card-title">{o.title}</span>{' '}
                  <span class="muted small">{text(o.owner) || tr(lang, 'importNoOwner')}</span>
                  <ul>
                    {o.keyResults.map((k) => (
                      <li key={k.id}>
                        <span class="okr-id">{k.id}</span> {k.title}{' '}
                        <span class="muted small">
                          {[
                            text(k.owner) || tr(lang, 'importNoOwner'),
                            text(k.kind),
                            text(k.target) && tr(lang, 'importTarget', { target: text(k.target) }),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            {preview.shownKeyResults < preview.counts.keyResults && (
              <p class="muted small">
                {tr(lang, 'importShown', {
                  shown: preview.shownKeyResults,
                  total: preview.counts.keyResults,
                })}
              </p>
            )}
          </section>
          <section aria-labelledby={`${id}-p`}>
            <h3 id={`${id}-p`}>{tr(lang, 'importPeople')}</h3>
            <p class="muted small">{tr(lang, 'importOnTeam', { count: preview.counts.onTeam })}</p>
            <People
              title={tr(lang, 'importNewPeople')}
              items={preview.people.newPeople.map((p) => `${p.name} <${p.email}>`)}
            />
            <People
              title={tr(lang, 'importMatched')}
              items={preview.people.matched.map((m) => `${m.text} → ${m.email}`)}
            />
            <People title={tr(lang, 'importUnknown')} items={preview.people.unknown.map((u) => u.message)} />
          </section>
          {preview.counts.skipped > 0 && (
            <details>
              <summary>{tr(lang, 'importSkipped', { count: preview.counts.skipped })}</summary>
              <ul class="small">
                {preview.skipped.map((s) => (
                  <li key={s.row}>{s.reason}</li>
                ))}
              </ul>
            </details>
          )}
          {preview.columns.ignored.length > 0 && (
            <p class="muted small">
              {tr(lang, 'importIgnored', { columns: preview.columns.ignored.join(', ') })}
            </p>
          )}
          <div class="buttons">
            <button
              type="button"
              class="action"
              disabled={
                props.busy ||
                preview.counts.keyResults + preview.counts.objectives === 0 ||
                (preview.collisions.length > 0 && !renames)
              }
              onClick={confirm}
            >
              {tr(lang, 'importConfirm', { count: preview.counts.keyResults })}
            </button>
            <button type="button" onClick={() => read(preview.sheetName)}>
              {tr(lang, 'importAgain')}
            </button>
          </div>
          {preview.counts.keyResults + preview.counts.objectives === 0 && (
            <p class="muted">{tr(lang, 'importNothing')}</p>
          )}
        </>
      )}
    </div>
  );
}

function People(props: { title: string; items: string[] }) {
  if (props.items.length === 0) return null;
  return (
    <>
      <p class="small">{props.title}</p>
      <ul class="small">
        {props.items.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </>
  );
}
