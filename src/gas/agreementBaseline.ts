// A new Agreements tab starts with the acceptances the sheet already shows (src/okr/ownership/
// agreementLog.ts acceptedBeforeTheLog): otherwise every Accepted date of a sheet set up before the
// log existed would read as typed by hand. One read of the new tab, one append.
import type { Lang } from '../okr/core/model';
import { parseOkrSheet } from '../okr/core/parse';
import { TAB } from '../okr/core/tabs';
import { acceptedBeforeTheLog } from '../okr/ownership/agreementLog';
import { agreementLogOf, appendAgreementSteps } from './agreementLog';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function baselineAgreements(
  sheet: Sheet,
  okrValues: unknown[][] | null,
  opts: { lang: Lang; timeZone: string },
): number {
  if (!okrValues) return 0;
  const okrs = parseOkrSheet(okrValues, { sheetName: TAB.okrs, timeZone: opts.timeZone, lang: opts.lang });
  const entries = acceptedBeforeTheLog(okrs.keyResults, opts.timeZone, opts.lang);
  if (entries.length === 0) return 0;
  appendAgreementSteps(agreementLogOf(sheet), entries, opts.lang);
  return entries.length;
}
