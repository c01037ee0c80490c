// A key result's history: its check-ins as a small chart with the expected-pace line (inline SVG,
// nothing loaded from outside), said in words for screen readers, and the check-ins themselves as a
// list, newest first, with their notes. The list is the chart's data: nothing is only in the picture.
import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry, KeyResultHistoryResult, KeyResultView, Lang } from '../../src/api';
import { chartGeometry, polyline } from '../historyChart';
import { tr } from '../i18n';
import { formatDate, formatDateTime, formatNumber } from '../logic';
import { errorText, server } from '../server';
import { useAutoFocus, useId } from '../ui';

type Loaded = Extract<KeyResultHistoryResult, { ok: true }>;

interface Props {
  kr: KeyResultView;
  lang: Lang;
  timeZone: string;
  busy: boolean;
  onBack(): void;
  /** Shown when the key result has a Source. */
  onUpdateFromSource(id: string): void;
}

const pct = (p: number | null) => (p === null ? '—' : `${Math.round(p)}%`);

function Chart(props: { data: Loaded; lang: Lang; timeZone: string; id: string }) {
  const { data, lang, timeZone } = props;
  const g = chartGeometry(data.entries, data.pace, data.now);
  const measured = data.entries.filter((e) => e.progress !== null);
  const last = measured[measured.length - 1];
  const summary = last
    ? tr(lang, 'historySummary', {
        count: measured.length,
        from: formatDate(measured[0].time, timeZone, lang),
        to: formatDate(last.time, timeZone, lang),
        latest: pct(last.progress),
      })
    : tr(lang, 'historyNone');
  const paceText = data.expectedToday === null ? '' : tr(lang, 'expectedToday', { pct: data.expectedToday });
  return (
    <figure class="history-chart">
      <svg role="img" aria-labelledby={`${props.id}-t ${props.id}-d`} viewBox="0 0 300 120" width="100%">
        <title id={`${props.id}-t`}>{tr(lang, 'historyChart', { id: data.item.id })}</title>
        <desc id={`${props.id}-d`}>{`${summary} ${paceText}`.trim()}</desc>
        <line class="axis" x1={32} x2={292} y1={g.y0} y2={g.y0} />
        <line class="grid" x1={32} x2={292} y1={g.y100} y2={g.y100} />
        <text x={28} y={g.y0 + 4} text-anchor="end">
          0%
        </text>
        <text x={28} y={g.y100 + 4} text-anchor="end">
          100%
        </text>
        <line class="today" x1={g.today} x2={g.today} y1={g.y100} y2={g.y0} />
        {g.pace.length > 1 && <polyline class="pace" points={polyline(g.pace)} />}
        {g.progress.length > 1 && <polyline class="line" points={polyline(g.progress)} />}
        {g.progress.map((p) => (
          <circle key={`${p.x},${p.y}`} class="dot" cx={p.x} cy={p.y} r={2.5} />
        ))}
      </svg>
      <figcaption class="muted small">
        <span class="key line">{tr(lang, 'legendProgress')}</span>{' '}
        {g.pace.length > 1 && <span class="key pace">{tr(lang, 'legendPace')}</span>} {paceText}
      </figcaption>
    </figure>
  );
}

function Entry(props: { e: HistoryEntry; kr: KeyResultView; lang: Lang; timeZone: string }) {
  const { e, kr, lang } = props;
  return (
    <li class="card">
      <div class="meta">
        <span>{formatDateTime(e.time, props.timeZone, lang)}</span>
        {e.current !== null && <span>{formatNumber(e.current, kr.unit, lang)}</span>}
        <span>{pct(e.progress)}</span>
        {e.confidence && <span class={`chip conf-${e.confidence}`}>{tr(lang, e.confidence)}</span>}
        {e.fromSource && <span class="chip">{tr(lang, 'fromSource')}</span>}
      </div>
      {!e.fromSource && e.by && <p class="muted small">{e.by}</p>}
      {e.note && <p class="note">{e.note}</p>}
    </li>
  );
}

export function History(props: Props) {
  const { kr, lang } = props;
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const id = useId('hist');
  const back = useAutoFocus<HTMLButtonElement>();

  useEffect(() => {
    let live = true;
    server
      .getKeyResultHistory({ id: kr.id })
      .then((res) => {
        if (!live) return;
        if (res.ok) setData(res);
        else setError(res.error);
      })
      .catch((e) => live && setError(tr(lang, 'callFailed', { error: errorText(e) })));
    return () => {
      live = false;
    };
  }, [kr.id, kr.version]);

  return (
    <section class="view" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{tr(lang, 'historyTitle', { id: kr.id })}</h2>
      <p class="kr-title">{kr.title}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && (
        <p class="muted" aria-busy="true">
          {tr(lang, 'loading')}
        </p>
      )}
      {data && (
        <>
          <Chart data={data} lang={lang} timeZone={props.timeZone} id={id} />
          <h3 id={`${id}-l`}>{tr(lang, 'checkInsNewest')}</h3>
          {data.truncated && (
            <p class="muted small">{tr(lang, 'historyTruncated', { count: data.entries.length })}</p>
          )}
          {data.entries.length === 0 ? (
            <p class="muted">{tr(lang, 'historyNone')}</p>
          ) : (
            <ul class="cards" aria-labelledby={`${id}-l`}>
              {[...data.entries].reverse().map((e, i) => (
                // The log is append-only: newest first, an index names an entry for this render.
                <Entry key={i} e={e} kr={kr} lang={lang} timeZone={props.timeZone} />
              ))}
            </ul>
          )}
        </>
      )}
      <div class="buttons">
        {kr.source && (
          <button
            type="button"
            class="action"
            disabled={props.busy}
            onClick={() => props.onUpdateFromSource(kr.id)}
          >
            {tr(lang, 'updateFromSource')}
          </button>
        )}
        <button type="button" ref={back} onClick={props.onBack}>
          {tr(lang, 'back')}
        </button>
      </div>
    </section>
  );
}
