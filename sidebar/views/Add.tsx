// Add an objective or a key result; the server generates the ID, places the row and fills in what
// is left open (the current cycle, the owner's team). A key result's objective is the last one added.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AddKeyResultRequest, AddObjectiveRequest, Kind, Lang, SidebarState } from '../../src/api';
import { tr } from '../i18n';
import { KINDS, parseTypedNumber } from '../logic';
import { FieldError, FormAlert, type FormError, useId } from '../ui';

interface Props {
  state: SidebarState;
  lang: Lang;
  busy: boolean;
  onAddObjective(req: AddObjectiveRequest): Promise<FormError | null>;
  onAddKeyResult(req: AddKeyResultRequest): Promise<FormError | null>;
}

const FIELDS = ['title', 'owner', 'cycle', 'due', 'objectiveId', 'kind', 'start', 'target', 'unit'];

export function Add(props: Props) {
  const { state, lang } = props;
  const objectives = state.table.id
    .map((id, i) => ({ id, title: state.table.title[i], type: state.table.type[i] }))
    .filter((r) => r.type === 'o');
  const [what, setWhat] = useState<'objective' | 'key-result'>(
    objectives.length ? 'key-result' : 'objective',
  );
  const [f, setF] = useState({
    title: '',
    owner: '',
    cycle: '',
    due: '',
    objectiveId: objectives[objectives.length - 1]?.id ?? '',
    kind: 'increase' as Kind,
    start: '0',
    target: '',
    unit: '',
  });
  const [error, setError] = useState<FormError | null>(null);
  // The objectives before an objective was added: the new one is then the key results' default.
  const before = useRef<string[] | null>(null);
  useEffect(() => {
    const added = before.current && objectives.find((o) => !before.current?.includes(o.id));
    if (added) {
      before.current = null;
      setF((x) => ({ ...x, objectiveId: added.id }));
    }
  }, [state]);
  const id = useId('add');
  const set = (k: keyof typeof f) => (e: Event) =>
    setF({ ...f, [k]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  const invalid = (field: string) => error?.field === field;
  const described = (field: string) => `${id}-${field}-err`;

  async function submit(e: Event) {
    e.preventDefault();
    if (!f.title.trim()) return setError({ field: 'title', error: tr(lang, 'titleRequired') });
    let res: FormError | null;
    if (what === 'objective') {
      before.current = objectives.map((o) => o.id);
      res = await props.onAddObjective({ title: f.title, owner: f.owner, cycle: f.cycle, due: f.due });
      if (res) before.current = null;
    } else {
      if (!f.objectiveId) return setError({ field: 'objectiveId', error: tr(lang, 'pickObjective') });
      const milestone = f.kind === 'milestone';
      const start = milestone ? 0 : parseTypedNumber(f.start);
      const target = milestone ? 1 : parseTypedNumber(f.target);
      if (start === null) return setError({ field: 'start', error: tr(lang, 'enterNumber') });
      if (target === null) return setError({ field: 'target', error: tr(lang, 'enterNumber') });
      res = await props.onAddKeyResult({
        objectiveId: f.objectiveId,
        title: f.title,
        owner: f.owner,
        kind: f.kind,
        start,
        target,
        unit: f.unit,
        due: f.due,
      });
    }
    setError(res);
    // As it is now: the objective just added may already be chosen.
    if (!res) setF((x) => ({ ...x, title: '', target: '', due: '' }));
  }

  const input = (
    field: 'title' | 'cycle' | 'start' | 'target' | 'unit' | 'due',
    label: string,
    type: 'text' | 'date' = 'text',
  ) => (
    <div class="field">
      <label for={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        name={field}
        // Preact's input types are a union per `type`; both branches here accept the same attributes.
        type={type as 'text'}
        inputMode={field === 'start' || field === 'target' ? ('decimal' as const) : undefined}
        value={f[field]}
        aria-invalid={invalid(field)}
        aria-describedby={described(field)}
        onInput={set(field)}
      />
      <FieldError id={described(field)} error={error} field={field} />
    </div>
  );

  return (
    <form class="view" onSubmit={submit} noValidate>
      <h2>{tr(lang, 'navAdd')}</h2>
      <fieldset>
        <legend>{tr(lang, 'addWhat')}</legend>
        <label class="choice">
          <input
            type="radio"
            name={`${id}-what`}
            checked={what === 'objective'}
            onChange={() => setWhat('objective')}
          />
          {tr(lang, 'objective')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name={`${id}-what`}
            checked={what === 'key-result'}
            onChange={() => setWhat('key-result')}
          />
          {tr(lang, 'keyResult')}
        </label>
      </fieldset>
      {what === 'key-result' && (
        <div class="field">
          <label for={`${id}-objectiveId`}>{tr(lang, 'objective')}</label>
          {objectives.length === 0 ? (
            <p class="muted">{tr(lang, 'noObjectives')}</p>
          ) : (
            <select
              id={`${id}-objectiveId`}
              value={f.objectiveId}
              aria-invalid={invalid('objectiveId')}
              aria-describedby={described('objectiveId')}
              onChange={set('objectiveId')}
            >
              {objectives.map((o) => (
                <option key={o.id} value={o.id}>{`${o.id} ${o.title}`}</option>
              ))}
            </select>
          )}
          <FieldError id={described('objectiveId')} error={error} field="objectiveId" />
        </div>
      )}
      {input('title', tr(lang, 'title'))}
      <div class="field">
        <label for={`${id}-owner`}>{tr(lang, 'owner')}</label>
        <select
          id={`${id}-owner`}
          value={f.owner}
          aria-invalid={invalid('owner')}
          aria-describedby={described('owner')}
          onChange={set('owner')}
        >
          <option value="">{tr(lang, 'noOwner')}</option>
          {state.team.map((p) => (
            <option key={p.email} value={p.email}>
              {p.name ? `${p.name} <${p.email}>` : p.email}
            </option>
          ))}
        </select>
        <FieldError id={described('owner')} error={error} field="owner" />
      </div>
      {what === 'objective' && input('cycle', tr(lang, 'cycle'))}
      {what === 'key-result' && (
        <>
          <div class="field">
            <label for={`${id}-kind`}>{tr(lang, 'kind')}</label>
            <select id={`${id}-kind`} value={f.kind} onChange={set('kind')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {tr(lang, `kind_${k}` as const)}
                </option>
              ))}
            </select>
          </div>
          {f.kind !== 'milestone' && (
            <div class="two">
              {input('start', tr(lang, 'start'))}
              {input('target', tr(lang, 'target'))}
            </div>
          )}
          {f.kind !== 'milestone' && input('unit', tr(lang, 'unit'))}
        </>
      )}
      {input('due', tr(lang, 'dueDate'), 'date')}
      <FormAlert error={error} fields={FIELDS} />
      <div class="buttons">
        <button type="submit" class="action" disabled={props.busy}>
          {props.busy ? tr(lang, 'saving') : tr(lang, 'navAdd')}
        </button>
      </div>
    </form>
  );
}
