// The validator's problems, errors first; choosing one selects its cell in the sheet.
import type { Lang, ProblemView, SidebarState } from '../../src/api';
import { tr } from '../i18n';

interface Props {
  state: SidebarState;
  lang: Lang;
  onSelect(p: ProblemView): void;
}

function List(props: { items: ProblemView[]; lang: Lang; onSelect(p: ProblemView): void }) {
  return (
    <ul class="problems">
      {props.items.map((p, i) => (
        <li key={`${p.code}-${p.cell}-${i}`} class={`problem ${p.severity}`}>
          <button
            type="button"
            class="row-button"
            disabled={!p.cell && !p.id}
            title={p.cell ? tr(props.lang, 'selectCellHint', { cell: p.cell }) : undefined}
            onClick={() => props.onSelect(p)}
          >
            {p.cell && <span class="cell">{p.cell}</span>} <span class="message">{p.message}</span>
            {p.hint && <span class="hint">{p.hint}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function Problems(props: Props) {
  const { state, lang } = props;
  const { errors, warnings, list } = state.problems;
  const errorItems = list.filter((p) => p.severity === 'error');
  const warningItems = list.filter((p) => p.severity === 'warning');
  return (
    <div class="view">
      <h2>{tr(lang, 'navProblems')}</h2>
      <p class="muted">{tr(lang, 'problemCounts', { errors, warnings })}</p>
      {list.length === 0 && <p class="empty">{tr(lang, 'noProblems')}</p>}
      {errorItems.length > 0 && (
        <section aria-labelledby="pe-h">
          <h3 id="pe-h">{tr(lang, 'errors')}</h3>
          <List items={errorItems} lang={lang} onSelect={props.onSelect} />
        </section>
      )}
      {warningItems.length > 0 && (
        <section aria-labelledby="pw-h">
          <h3 id="pw-h">{tr(lang, 'warnings')}</h3>
          <List items={warningItems} lang={lang} onSelect={props.onSelect} />
        </section>
      )}
      {errors + warnings > list.length && (
        <p class="muted small">{tr(lang, 'moreProblems', { shown: list.length })}</p>
      )}
    </div>
  );
}
