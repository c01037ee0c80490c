// Assign owners (Leads): filter the rows by ownership state, check some (or use the rows selected in
// the sheet), pick a person from Team, assign.
import { useMemo, useState } from 'preact/hooks';
import type { AssignRequest, Lang, SidebarState } from '../../src/api';
import { tr } from '../i18n';
import { countByFilter, cycleView, filterRows, type OwnerFilter, rowVersion, searchPeople } from '../logic';
import { FieldError, FormAlert, type FormError, useId } from '../ui';
import { CycleSwitch } from './CycleSwitch';

const SHOWN_MAX = 100;
const FILTERS: OwnerFilter[] = ['missing', 'invalid', 'pending', 'all'];
const FILTER_WORD = {
  missing: 'filterMissing',
  invalid: 'filterInvalid',
  pending: 'filterPending',
  all: 'filterAll',
} as const;

interface Props {
  state: SidebarState;
  lang: Lang;
  busy: boolean;
  selectedIds: string[];
  /** The cycle shown (index into state.cycles; -1 = every cycle) and its switch. */
  cycle: number;
  onCycle(index: number): void;
  onAssign(req: AssignRequest): Promise<FormError | null>;
}

export function Assign(props: Props) {
  const { state, lang } = props;
  const { table, team } = state;
  const counts = useMemo(() => countByFilter(table), [table]);
  const [filter, setFilter] = useState<OwnerFilter>(counts.missing || counts.invalid ? 'missing' : 'all');
  const [query, setQuery] = useState('');
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [personQuery, setPersonQuery] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const id = useId('as');

  const rows = useMemo(() => {
    const inView = cycleView(state, props.cycle);
    return filterRows(table, team, filter, query).filter((i) => inView.row(table, i));
  }, [state, table, team, filter, query, props.cycle]);
  const people = useMemo(() => searchPeople(team, personQuery), [team, personQuery]);

  function toggle(rowId: string) {
    const next = new Set(checked);
    if (next.has(rowId)) next.delete(rowId);
    else next.add(rowId);
    setChecked(next);
  }

  async function assign(ids: string[]) {
    if (!email) return setError({ field: 'email', error: tr(lang, 'pickPerson') });
    if (ids.length === 0) return setError({ field: 'ids', error: tr(lang, 'pickRows') });
    setError(null);
    // Each row's version as shown: a row changed since is refused, not overwritten unseen.
    const versions: Record<string, string> = {};
    for (const rowId of ids) versions[rowId] = rowVersion(table, table.id.indexOf(rowId));
    const res = await props.onAssign({ ids, email, versions });
    setError(res);
    if (!res) setChecked(new Set());
  }

  function ownerText(i: number): string {
    const s = table.state[i];
    if (s === 'm') return tr(lang, 'ownerNone');
    if (s === 'i') return tr(lang, 'ownerInvalid');
    const person = team[table.owner[i]];
    const name = person ? person.name || person.email : '';
    return s === 'p' ? `${name} (${tr(lang, 'ownerPending')})` : name;
  }

  const selectedKnown = props.selectedIds.filter((x) => table.id.includes(x));
  return (
    <div class="view">
      <h2>{tr(lang, 'assignTitle')}</h2>
      <CycleSwitch state={state} lang={lang} cycle={props.cycle} onCycle={props.onCycle} />
      <div class="field">
        <label for={`${id}-filter`}>{tr(lang, 'filter')}</label>
        <select
          id={`${id}-filter`}
          value={filter}
          onChange={(e) => setFilter((e.target as HTMLSelectElement).value as OwnerFilter)}
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {tr(lang, FILTER_WORD[f], { count: counts[f] })}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-q`}>{tr(lang, 'searchRows')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      <fieldset class="rows" aria-describedby={`${id}-ids-err`}>
        <legend class="sr">{tr(lang, 'assignTitle')}</legend>
        {rows.length === 0 && <p class="muted">{tr(lang, 'noRows')}</p>}
        <ul class="row-list">
          {rows.slice(0, SHOWN_MAX).map((i) => {
            const rowId = table.id[i];
            return (
              <li key={rowId} class={table.type[i] === 'o' ? 'objective-row' : 'kr-row'}>
                <label class="choice">
                  <input type="checkbox" checked={checked.has(rowId)} onChange={() => toggle(rowId)} />
                  <span class="okr-id">{rowId}</span> <span class="title-text">{table.title[i]}</span>
                  <span class={`owner-state state-${table.state[i]}`}>{ownerText(i)}</span>
                </label>
              </li>
            );
          })}
        </ul>
        {rows.length > SHOWN_MAX && (
          <p class="muted small">{tr(lang, 'showingFirst', { shown: SHOWN_MAX, total: rows.length })}</p>
        )}
      </fieldset>
      <FieldError id={`${id}-ids-err`} error={error} field="ids" />
      <div class="field">
        <label for={`${id}-pq`}>{tr(lang, 'searchPeople')}</label>
        <input
          id={`${id}-pq`}
          type="search"
          value={personQuery}
          onInput={(e) => setPersonQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-person`}>{tr(lang, 'person')}</label>
        {people.length === 0 ? (
          <p class="muted">{tr(lang, 'noPeople')}</p>
        ) : (
          <select
            id={`${id}-person`}
            size={Math.min(6, Math.max(2, people.length))}
            value={email}
            aria-invalid={error?.field === 'email'}
            aria-describedby={`${id}-email-err`}
            onChange={(e) => setEmail((e.target as HTMLSelectElement).value)}
          >
            {people.map((p) => (
              <option key={p.email} value={p.email}>
                {p.name ? `${p.name} <${p.email}>` : p.email}
              </option>
            ))}
          </select>
        )}
        <FieldError id={`${id}-email-err`} error={error} field="email" />
      </div>
      <FormAlert error={error} fields={['ids', 'email']} />
      <div class="buttons stacked">
        <button type="button" class="action" disabled={props.busy} onClick={() => assign([...checked])}>
          {tr(lang, 'assignChecked', { count: checked.size })}
        </button>
        <button
          type="button"
          disabled={props.busy || selectedKnown.length === 0}
          onClick={() => assign(selectedKnown)}
        >
          {tr(lang, 'assignSelected', { count: selectedKnown.length })}
        </button>
      </div>
    </div>
  );
}
