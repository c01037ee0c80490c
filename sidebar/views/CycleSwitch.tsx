// The cycle switch above Mine and Assign: one cycle at a time, the current one marked. Shown only
// when the sheet has more than one cycle to choose from.
import type { Lang, SidebarState } from '../../src/api';
import { tr } from '../i18n';
import { useId } from '../ui';

interface Props {
  state: SidebarState;
  lang: Lang;
  /** Index into state.cycles. */
  cycle: number;
  onCycle(index: number): void;
}

export function CycleSwitch(props: Props) {
  const { state, lang } = props;
  const id = useId('cy');
  if (state.cycles.length < 2 || props.cycle < 0) return null;
  return (
    <div class="field cycle-switch">
      <label for={id}>{tr(lang, 'showCycle')}</label>
      <select
        id={id}
        value={props.cycle}
        onChange={(e) => props.onCycle(Number((e.target as HTMLSelectElement).value))}
      >
        {state.cycles.map((c, i) => (
          <option key={c.name} value={i}>
            {c.name === state.currentCycle ? tr(lang, 'cycleCurrent', { name: c.name }) : c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
