// The hourly tick's second job (after the weekly run): email each approver the proposals and
// declines logged since the last tick (src/okr/weekly/agreementNotices.ts). Only from the trigger
// the enabling Lead installed, as that Lead (as the weekly run); only when the properties the run
// already read say a step waits, so an idle tick costs nothing more; under the document lock.
import { readAgreementLog } from '../gas/agreementLog';
import { spreadsheetLanguage } from '../gas/language';
import { withDocumentLock } from '../gas/lock';
import { remainingMailQuota, sendMail } from '../gas/mail';
import { readOkrData } from '../gas/okrData';
import { effectiveUserEmail, now } from '../gas/session';
import {
  NOTICE_DUE_KEY,
  NOTICE_KEY,
  type NoticeOutcome,
  noticesDue,
  sendAgreementNotices,
} from '../okr/weekly/agreementNotices';
import { stateFromProperties } from '../okr/weekly/weeklyRun';
import { settingsFromProperties } from '../okr/weekly/weeklyRunExecute';

/** After a tick: the notices, when due and this is the enabling Lead's trigger; null otherwise. */
export function tickAgreementNotices(
  triggerUid: string | null,
  seen: Record<string, string> | null,
): NoticeOutcome | null {
  if (!seen || !triggerUid || !noticesDue(seen, now())) return null;
  const weekly = stateFromProperties(seen);
  if (!weekly.enabled || triggerUid !== weekly.triggerId || effectiveUserEmail() !== weekly.enabledBy)
    return null;
  const props = PropertiesService.getDocumentProperties();
  return withDocumentLock(() =>
    sendAgreementNotices(
      {
        now,
        readState: () => props.getProperty(NOTICE_KEY),
        writeState: (value) => props.setProperty(NOTICE_KEY, value),
        remainingQuota: remainingMailQuota,
        send: sendMail,
      },
      () => {
        const ss = SpreadsheetApp.getActive();
        const lang = spreadsheetLanguage(ss, settingsFromProperties(seen));
        const data = readOkrData(ss, { lang });
        return {
          entries: readAgreementLog(ss)?.entries ?? [],
          keyResults: data.okrs.keyResults,
          people: data.roster.people,
          defaultLang: lang,
          spreadsheetName: ss.getName(),
          spreadsheetUrl: ss.getUrl(),
        };
      },
    ),
  );
}

/** A proposal or a decline was logged at `time`: the next tick emails its approver. */
export function markNoticeDue(time: number): void {
  PropertiesService.getDocumentProperties().setProperty(NOTICE_DUE_KEY, String(time));
}
