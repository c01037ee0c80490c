// The whole public surface of the add-on. Every function exported here becomes a top-level
// Apps Script function (the build generates one delegating stub per export) and is therefore
// callable by any editor through google.script.run: each must validate its input, check the
// caller's right and return JSON-safe data. Nothing else in src/ is global.

// --- menu and sheet structure (issue 4) ---
export function onOpen(): void {
  // Runs in AuthMode.NONE before the add-on is used in this document: build the menu, nothing else.
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('OKR Owners'));
}
// --- end ---
