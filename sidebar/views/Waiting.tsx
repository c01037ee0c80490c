// What waits for the caller in an agreement, at the top of Needs you: proposals they answer as the
// approver, and counters or refusals of their own key results. Shown as soon as the whole state
// (which reads the Agreements log) arrives, so a proposal reaches its approver on their next load.
import type { AgreementView, Lang, SidebarState } from '../../src/api';
import { tr } from '../i18n';
import { Who } from './AgreementParts';

export function Waiting(props: { state: SidebarState; lang: Lang; onOpen(agreement: AgreementView): void }) {
  const { lang } = props;
  const waiting = props.state.agreements?.waiting ?? [];
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="waiting-h">
      <h2 id="waiting-h">{tr(lang, 'waitsForYou')}</h2>
      <ul class="needs-list">
        {waiting.map((a) => (
          <li key={a.id}>
            <button type="button" class="row-button" onClick={() => props.onOpen(a)}>
              <span class="okr-id">{a.id}</span> <span class="title-text">{a.title}</span>
              <span class="need-inline">
                {tr(lang, a.waitsFor === 'me-approver' ? 'waitApprove' : 'waitOwner')} ·{' '}
                <Who name={a.ownerName} email={a.owner} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
