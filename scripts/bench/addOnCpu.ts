// The add-on's own CPU for validate and the Summary, without the local runtime around it. The Node
// CPU of an execution in the runtime also counts the emulation of Google's servers (building the
// values getValues returns, storing what setValues writes, a vm realm per execution) — work that Apps
// Script does on Google's side and that the latency model already prices. Here the same pure code the
// endpoints run (src/okr: parse, validate, summary model, Summary grid) gets the tab values straight
// from the workbook, so the figure is what our code costs on this machine.
import type { Workbook } from '../../local/runtime';
import { DEFAULT_SETTINGS, type Lang } from '../../src/okr/model';
import { parseCheckIns, parseOkrSheet, parseRoster } from '../../src/okr/parse';
import { buildSummary } from '../../src/okr/summary';
import { summaryToGrid } from '../../src/okr/summaryGrid';
import { TAB } from '../../src/okr/tabs';
import { validateOkrs } from '../../src/okr/validate';

export interface AddOnWork {
  validate(): number;
  summary(): number;
}

/** Tab values read once (outside the timing); each call runs one operation's pure pipeline. */
export function addOnWork(workbook: Workbook, now: number, lang: Lang = 'en'): AddOnWork {
  const timeZone = workbook.timeZone;
  const okrValues = workbook.values(TAB.okrs);
  const teamValues = workbook.values(TAB.team);
  const checkInValues = workbook.values(TAB.checkIns);
  const settings = { ...DEFAULT_SETTINGS };
  const parse = (checkIns: boolean) => ({
    okrs: parseOkrSheet(okrValues, { sheetName: TAB.okrs, timeZone, lang }),
    roster: parseRoster(teamValues, { sheetName: TAB.team, timeZone, lang }),
    checkIns: checkIns ? parseCheckIns(checkInValues, { sheetName: TAB.checkIns, timeZone, lang }) : [],
  });
  return {
    // validateOkrs: parse OKRs and Team, validate (Check-ins are not read).
    validate: () => validateOkrs(parse(false), { now, settings, lang }).length,
    // refreshSummary: parse all three tabs, validate, build the model and the grid it writes.
    summary: () => {
      const data = parse(true);
      const problems = validateOkrs(data, { now, settings, lang });
      const model = buildSummary({ ...data, problems, now, timeZone, settings, lang });
      return summaryToGrid(model, lang, timeZone).rows;
    },
  };
}
