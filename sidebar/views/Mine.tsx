// My key results: what needs the signed-in person first, then everything they own by objective.
import { useEffect } from 'preact/hooks';
import type { AgreementView, KeyResultView, Lang, Need, RetrospectiveAsk, SidebarState } from '../../src/api';
import { reminderCounts, reminderText } from '../../src/okr/core/reminder';
import { tr } from '../i18n';
import { cycleView, formatDate, groupByObjective, needsAttention } from '../logic';
import { ProgressBar } from '../ui';
import { CycleSwitch } from './CycleSwitch';
import { Waiting } from './Waiting';

const NEED_WORD = {
  pending: 'needPending',
  stale: 'needStale',
  'at-risk': 'at-risk',
  'missing-values': 'needMissing',
} as const satisfies Record<Need, string>;

interface Props {
  state: SidebarState;
  lang: Lang;
  activeId: string | null;
  /** The cycle shown (index into state.cycles; -1 = every cycle) and its switch. */
  cycle: number;
  onCycle(index: number): void;
  onCheckIn(kr: KeyResultView): void;
  onOwnership(kr: KeyResultView): void;
  onHistory(kr: KeyResultView): void;
  /** Opens an agreement step waiting for the caller (src/api.ts AgreementsState.waiting). */
  onAgreement?(agreement: AgreementView): void;
  /** A closed cycle's key result: the owner writes its retrospective. */
  onRetrospective(ask: RetrospectiveAsk): void;
}

/** A need in words; "at risk" says what the owner set (At risk or Off track), as the chip does. */
function needWord(kr: KeyResultView, n: Need, lang: Lang): string {
  if (n === 'at-risk' && kr.confidence === 'off-track') return tr(lang, 'off-track');
  return tr(lang, NEED_WORD[n]);
}

function lastCheckInText(kr: KeyResultView, lang: Lang): string {
  if (kr.daysSinceCheckIn === null) return tr(lang, 'never');
  return kr.daysSinceCheckIn === 0 ? tr(lang, 'days0') : tr(lang, 'daysN', { days: kr.daysSinceCheckIn });
}

function Actions(
  props: Pick<Props, 'lang' | 'onCheckIn' | 'onOwnership' | 'onHistory'> & { kr: KeyResultView },
) {
  const { kr, lang } = props;
  const pending = kr.needs.includes('pending');
  // Each button's name says which key result it acts on ("Check in O1.1").
  const button = (
    word: 'accept' | 'checkIn' | 'decline' | 'history',
    style: string,
    open: (kr: KeyResultView) => void,
  ) => (
    <button type="button" class={style} onClick={() => open(kr)}>
      {tr(lang, word)}
      <span class="sr"> {kr.id}</span>
    </button>
  );
  return (
    <div class="actions">
      {pending && button('accept', 'action', props.onOwnership)}
      {button('checkIn', pending ? '' : 'action', props.onCheckIn)}
      {pending && button('decline', 'link', props.onOwnership)}
      {button('history', 'link', props.onHistory)}
    </div>
  );
}

function Card(props: Props & { kr: KeyResultView }) {
  const { kr, lang, state } = props;
  const active = props.activeId !== null && props.activeId.toLowerCase() === kr.id.toLowerCase();
  // The confidence chip already says at risk / off track.
  const needs = kr.needs.filter((n) => n !== 'at-risk');
  return (
    <li class={active ? 'card active' : 'card'} id={`kr-${kr.id}`} data-id={kr.id}>
      <div class="card-title">
        <span class="okr-id">{kr.id}</span> <span class="title-text">{kr.title}</span>
      </div>
      <ProgressBar value={kr.progress} label={tr(lang, 'progressOf', { id: kr.id })} lang={lang} />
      <div class="meta">
        <span class={`chip conf-${kr.confidence ?? 'none'}`}>
          {kr.confidence ? tr(lang, kr.confidence) : tr(lang, 'noConfidence')}
        </span>
        <span>{lastCheckInText(kr, lang)}</span>
        {kr.due !== null && (
          <span>{tr(lang, 'due', { date: formatDate(kr.due, state.timeZone, lang) })}</span>
        )}
        {/* Pace is arithmetic beside the owner's own confidence, never instead of it. */}
        {kr.pace && (
          <span class="pace">
            {tr(lang, 'paceExpected', { n: kr.pace.expected })}
            {kr.pace.behind && <strong class="behind"> · {tr(lang, 'behindPace')}</strong>}
          </span>
        )}
      </div>
      {kr.note && <p class="note">{kr.note}</p>}
      {needs.length > 0 && (
        <ul class="needs">
          {needs.map((n) => (
            <li key={n} class={`need need-${n}`}>
              {tr(lang, NEED_WORD[n])}
            </li>
          ))}
        </ul>
      )}
      <Actions {...props} kr={kr} />
    </li>
  );
}

export function Mine(props: Props) {
  const { state, lang } = props;
  useEffect(() => {
    if (!props.activeId) return;
    document.getElementById(`kr-${props.activeId}`)?.scrollIntoView({ block: 'nearest' });
  }, [props.activeId]);

  if (!state.setUp) {
    return (
      <div class="empty">
        <h2>{tr(lang, 'notSetUpTitle')}</h2>
        <p>{tr(lang, 'notSetUp')}</p>
      </div>
    );
  }
  if (!state.me.email) {
    return <p class="empty">{tr(lang, 'noIdentity')}</p>;
  }
  // One cycle at a time: the key results of the cycle shown (and of no cycle).
  const inView = cycleView(state, props.cycle);
  const mine = state.mine.filter((kr) => inView.kr(kr.cycle));
  const filtered = mine.length !== state.mine.length;
  const attention = needsAttention(mine);
  const retros = state.retrospectives ?? [];
  // On a quick state, the caller's rows its read did not reach come with the whole sheet.
  const pending = state.minePending > 0 && (
    <p class="muted">{tr(lang, 'minePending', { count: state.minePending })}</p>
  );
  // The reminder onOpen cannot give when Google hides who opened the file (src/endpoints/openReminder.ts).
  const reminder = reminderText(reminderCounts(state.mine), lang);
  return (
    <div>
      {!state.me.inTeam && <p class="notice">{tr(lang, 'notInTeam', { email: state.me.email })}</p>}
      {reminder && <p class="notice reminder">{reminder}</p>}
      {props.onAgreement && <Waiting state={state} lang={lang} onOpen={props.onAgreement} />}
      <CycleSwitch state={state} lang={lang} cycle={props.cycle} onCycle={props.onCycle} />
      {mine.length === 0 ? (
        pending || <p class="empty">{tr(lang, 'ownNothing')}</p>
      ) : (
        <>
          <section aria-labelledby="needs-h">
            <h2 id="needs-h">{tr(lang, 'needsYou')}</h2>
            {retros.length > 0 && (
              <ul class="needs-list">
                {retros.map((r) => (
                  <li key={`${r.cycle}:${r.id}`}>
                    <button type="button" class="row-button" onClick={() => props.onRetrospective(r)}>
                      <span class="okr-id">{r.id}</span> <span class="title-text">{r.title}</span>
                      <span class="need-inline">{tr(lang, 'needRetro', { cycle: r.cycle })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {attention.length === 0 ? (
              retros.length > 0 ? null : (
                // Not "nothing" while some of the caller's rows are still to come.
                pending || <p class="muted">{tr(lang, 'nothingNeedsYou')}</p>
              )
            ) : (
              <ul class="needs-list">
                {attention.map((kr) => (
                  <li key={kr.id}>
                    <button
                      type="button"
                      class="row-button"
                      onClick={() =>
                        kr.needs.includes('pending') ? props.onOwnership(kr) : props.onCheckIn(kr)
                      }
                    >
                      <span class="okr-id">{kr.id}</span> <span class="title-text">{kr.title}</span>
                      <span class="need-inline">
                        {kr.needs.map((n) => needWord(kr, n, lang)).join(' · ')}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="mine-h">
            <h2 id="mine-h">
              {tr(lang, 'myKeyResults', { count: filtered ? mine.length : state.mineTotal })}
            </h2>
            {groupByObjective(mine).map((g) => (
              <div class="group" key={g.objectiveId ?? ''}>
                <h3>
                  {g.objectiveId && <span class="okr-id">{g.objectiveId}</span>}{' '}
                  {g.objectiveId ? g.objectiveTitle : tr(lang, 'noObjective')}
                </h3>
                <ul class="cards">
                  {g.items.map((kr) => (
                    <Card key={kr.id} {...props} kr={kr} />
                  ))}
                </ul>
              </div>
            ))}
            {attention.length > 0 && pending}
          </section>
        </>
      )}
    </div>
  );
}
