// My team: a manager's reports' key results, grouped by what needs a conversation (waiting for
// acceptance, stale, at risk, off track), each with its owner, progress, confidence and last
// check-in. Those stale for several weekly runs say so, as an invitation to talk, never as blame.
// Read-only: the manager supports; the owner checks in.
import { useEffect, useState } from 'preact/hooks';
import type { Lang, TeamKeyResult, TeamViewResult } from '../../src/api';
import { tr } from '../i18n';
import { errorText, server } from '../server';
import { ProgressBar } from '../ui';

function lastCheckIn(kr: TeamKeyResult, lang: Lang): string {
  if (kr.daysSinceCheckIn === null) return tr(lang, 'never');
  return kr.daysSinceCheckIn === 0 ? tr(lang, 'days0') : tr(lang, 'daysN', { days: kr.daysSinceCheckIn });
}

function Item(props: { kr: TeamKeyResult; lang: Lang; weeks: number }) {
  const { kr, lang } = props;
  return (
    <li class="card" data-id={kr.id}>
      <div class="card-title">
        <span class="okr-id">{kr.id}</span> <span class="title-text">{kr.title}</span>
      </div>
      <div class="muted small">{tr(lang, 'ownerIs', { name: kr.ownerName })}</div>
      <ProgressBar value={kr.progress} label={tr(lang, 'progressOf', { id: kr.id })} lang={lang} />
      <div class="meta">
        <span class={`chip conf-${kr.confidence ?? 'none'}`}>
          {kr.confidence ? tr(lang, kr.confidence) : tr(lang, 'noConfidence')}
        </span>
        <span>{lastCheckIn(kr, lang)}</span>
      </div>
      {kr.conversation && (
        <p class="talk">{tr(lang, 'teamTalk', { weeks: props.weeks, name: kr.ownerName })}</p>
      )}
    </li>
  );
}

export function MyTeam(props: { lang: Lang; onStatus(text: string, error?: boolean): void }) {
  const { lang } = props;
  const [view, setView] = useState<TeamViewResult | null>(null);

  useEffect(() => {
    server
      .getTeamView()
      .then(setView)
      .catch((e) => {
        const error = tr(lang, 'callFailed', { error: errorText(e) });
        setView({ ok: false, error });
        props.onStatus(error, true);
      });
  }, []);

  if (!view) return <p class="view">{tr(lang, 'loading')}</p>;
  if (!view.ok) return <p class="view empty">{view.error}</p>;
  return (
    <div class="view">
      <h2>{tr(lang, 'navTeam')}</h2>
      <p>{tr(lang, 'teamIntro', { n: view.people.length })}</p>
      {view.groups.length === 0 && <p class="empty">{tr(lang, 'teamNothing')}</p>}
      {view.groups.map((g) => (
        <section key={g.need} aria-labelledby={`team-${g.need}`}>
          <h3 id={`team-${g.need}`}>
            {tr(lang, `team_${g.need}`)} ({g.items.length + g.more})
          </h3>
          <ul class="cards">
            {g.items.map((kr) => (
              <Item key={kr.id} kr={kr} lang={lang} weeks={view.conversationRuns} />
            ))}
          </ul>
          {g.more > 0 && <p class="muted">{tr(lang, 'teamMore', { n: g.more })}</p>}
        </section>
      ))}
      {view.fine > 0 && <p class="muted">{tr(lang, 'teamFine', { n: view.fine })}</p>}
      {view.unread > 0 && <p class="muted">{tr(lang, 'teamUnread', { n: view.unread })}</p>}
    </div>
  );
}
