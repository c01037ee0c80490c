// The self-check's Apps Script calls: its switch (a document property), and the two scratch tabs it
// works in so that the real OKRs and Check-ins tabs are never touched.
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property that shows the self-check in the menu ('on'); absent: hidden. */
export const SELF_CHECK_KEY = 'okrOwners.selfCheck';

export function selfCheckEnabled(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(SELF_CHECK_KEY) === 'on';
}

export function setSelfCheckEnabled(on: boolean): void {
  const props = PropertiesService.getDocumentProperties();
  if (on) props.setProperty(SELF_CHECK_KEY, 'on');
  else props.deleteProperty(SELF_CHECK_KEY);
}

/** A new tab holding `rows` (one setValues); an old one of the same name (an interrupted run) is replaced. */
export function createScratchTab(ss: Spreadsheet, name: string, rows: unknown[][]): Sheet {
  const old = ss.getSheetByName(name);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return sheet;
}

/** Removes the tabs; answers whether every one is gone. */
export function removeScratchTabs(ss: Spreadsheet, names: readonly string[]): boolean {
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (sheet) ss.deleteSheet(sheet);
  }
  return names.every((name) => ss.getSheetByName(name) === null);
}
