// biome-ignore-all lint/correctness/noUnusedVariables: an Apps Script file: its top-level functions are called by name (menus, triggers, the other files of the project).
// The conformance checks: every behaviour the local runtime claims (local/runtime/README.md and its
// tests), as observations. Inputs are fixed and outputs are free of ids, clocks and user names, so a
// run on Google and a run in the local runtime can be compared value by value.

/** Menu item: runs every check in the scratch tab, removes the tab, shows the JSON. */
function runConformance() {
  const result = kitResult_('conformance');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const zone = ss.getSpreadsheetTimeZone();
  ss.setSpreadsheetTimeZone('America/New_York');
  const sheet = scratchSheet_();
  try {
    checkValues_(result, sheet);
    checkTypedStrings_(result, sheet);
    checkDisplayValues_(result, sheet);
    checkDates_(result, sheet);
    checkA1_(result, sheet);
    checkErrors_(result, sheet);
    checkLastRow_(result);
    checkStructure_(result);
    checkTextFinder_(result);
    checkValidation_(result);
    checkConditionalFormats_(result);
    checkProtections_(result);
    checkProperties_(result);
    checkLocks_(result);
    checkCache_(result);
    checkTriggers_(result);
    checkSession_(result);
    checkMail_(result);
    checkHtml_(result);
    checkUtilities_(result);
    checkFidelity_(result, sheet);
  } finally {
    removeSheet_(sheet);
    ss.setSpreadsheetTimeZone(zone);
  }
  return showResult_(result);
}

function checkValues_(r, sheet) {
  const row = [1, 'text', true, new Date(Date.UTC(2026, 0, 15, 12, 30)), '', 0.1 + 0.2, -0, 1e21];
  const range = sheet.getRange(1, 1, 1, row.length);
  range.setValues([row]);
  observe_(r, 'Range.setValues + getValues', row, () => typed_(range.getValues()));
  observe_(r, 'Range.getValue', 'A1', () => typed_([[sheet.getRange('A1').getValue()]]));
  observe_(r, 'Range.getValues', 'empty cells beyond the data', () =>
    typed_(sheet.getRange('A2:C3').getValues()),
  );
  sheet.getRange('A4').setValue(42);
  observe_(r, 'Range.setValue(42) + getValue', 'A4', () => typed_([[sheet.getRange('A4').getValue()]]));
  sheet.getRange('B4').setValue(null);
  observe_(r, 'Range.setValue(null) + getValue', 'B4', () => typed_([[sheet.getRange('B4').getValue()]]));
  sheet.getRange('A1:H4').clearContent();
}

/** Strings written by a script are parsed as if typed (USER_ENTERED), unless the cell is plain text. */
function checkTypedStrings_(r, sheet) {
  const inputs = [
    '1,234',
    '1234.5',
    '12%',
    '2026-03-04',
    "'=1+1",
    "'007",
    '007',
    '=1+1',
    'TRUE',
    'false',
    'abc',
    ' 42',
    '-3',
    '1e3',
  ];
  const range = sheet.getRange(1, 1, inputs.length, 1);
  range.setValues(inputs.map((s) => [s]));
  const values = range.getValues();
  const shown = range.getDisplayValues();
  const formulas = range.getFormulas();
  inputs.forEach((s, i) => {
    observe_(r, 'Range.setValues(string) + getValue/getDisplayValue/getFormula', s, () => ({
      value: typed_([[values[i][0]]])[0][0],
      display: shown[i][0],
      formula: formulas[i][0],
    }));
  });
  range.clear();
  const text = sheet.getRange('B1');
  text.setNumberFormat('@');
  text.setValue('007');
  observe_(r, 'Range.setValue on a plain-text (@) cell', '007', () => typed_([[text.getValue()]]));
  text.clear();
}

function checkDisplayValues_(r, sheet) {
  const cases = [
    [0.125, '0.00%'],
    [1234567.891, '#,##0'],
    [1234567.891, '#,##0.00'],
    [1.23456, '0.00'],
    [0.5, '0%'],
    [-2, '0'],
    [46000, 'yyyy-mm-dd'],
  ];
  const range = sheet.getRange(1, 1, cases.length, 1);
  range.setValues(cases.map((c) => [c[0]]));
  range.setNumberFormats(cases.map((c) => [c[1]]));
  const shown = range.getDisplayValues();
  const formats = range.getNumberFormats();
  const values = range.getValues();
  cases.forEach((c, i) => {
    observe_(r, 'Range.setNumberFormat + getDisplayValue/getNumberFormat/getValue', c, () => ({
      display: shown[i][0],
      format: formats[i][0],
      value: typed_([[values[i][0]]])[0][0],
    }));
  });
  range.clear();
  sheet.getRange('C1').setValue(5);
  observe_(r, 'Range.getNumberFormat', 'a number written without a format', () =>
    sheet.getRange('C1').getNumberFormat(),
  );
  sheet.getRange('C1').clear();
}

/** Dates: the spreadsheet time zone (set to America/New_York by the run) vs the script's (Asia/Tokyo). */
function checkDates_(r, sheet) {
  const ss = sheet.getParent();
  const instant = new Date(Date.UTC(2026, 2, 8, 6, 30)); // 01:30 in New York, the night clocks go forward
  const cell = sheet.getRange('A1');
  cell.setValue(instant);
  cell.setNumberFormat('yyyy-mm-dd hh:mm');
  observe_(r, 'Range.setValue(Date) + getValue/getDisplayValue', instant, () => ({
    value: cell.getValue(),
    display: cell.getDisplayValue(),
  }));
  ss.setSpreadsheetTimeZone('Asia/Tokyo');
  observe_(
    r,
    'Spreadsheet.setSpreadsheetTimeZone then getValue/getDisplayValue',
    'America/New_York → Asia/Tokyo',
    () => ({ zone: ss.getSpreadsheetTimeZone(), value: cell.getValue(), display: cell.getDisplayValue() }),
  );
  ss.setSpreadsheetTimeZone('America/New_York');
  cell.clear();
  sheet.getRange('A2').setValue('2026-11-30');
  observe_(r, 'Range.setValue(date text) + getValue', '2026-11-30 in America/New_York', () =>
    sheet.getRange('A2').getValue(),
  );
  sheet.getRange('A2').clear();
  observe_(r, 'new Date(y, m, d) in the script time zone', [2026, 0, 1], () => {
    const d = new Date(2026, 0, 1);
    return { iso: d.toISOString(), hours: d.getHours(), offset: d.getTimezoneOffset() };
  });
  observe_(r, 'Utilities.formatDate across daylight saving time', 'America/New_York', () => [
    Utilities.formatDate(
      new Date(Date.UTC(2026, 2, 8, 6, 30)),
      'America/New_York',
      "yyyy-MM-dd'T'HH:mm:ssXXX",
    ),
    Utilities.formatDate(
      new Date(Date.UTC(2026, 2, 8, 7, 30)),
      'America/New_York',
      "yyyy-MM-dd'T'HH:mm:ssXXX",
    ),
    Utilities.formatDate(new Date(Date.UTC(2026, 10, 1, 5, 30)), 'America/New_York', 'yyyy-MM-dd HH:mm z'),
    Utilities.formatDate(new Date(Date.UTC(2026, 10, 1, 6, 30)), 'America/New_York', 'yyyy-MM-dd HH:mm z'),
  ]);
  observe_(r, 'Utilities.formatDate', ['Asia/Tokyo', 'EEE, d MMM yyyy HH:mm'], () =>
    Utilities.formatDate(new Date(Date.UTC(2026, 11, 31, 20, 0)), 'Asia/Tokyo', 'EEE, d MMM yyyy HH:mm'),
  );
  observe_(r, 'Utilities.parseDate', ['2026-03-08 02:30', 'America/New_York', 'yyyy-MM-dd HH:mm'], () =>
    Utilities.parseDate('2026-03-08 02:30', 'America/New_York', 'yyyy-MM-dd HH:mm'),
  );
  observe_(r, 'Utilities.parseDate', ['30/11/2026', 'Asia/Tokyo', 'dd/MM/yyyy'], () =>
    Utilities.parseDate('30/11/2026', 'Asia/Tokyo', 'dd/MM/yyyy'),
  );
  observe_(r, 'Utilities.parseDate', ['not a date', 'UTC', 'yyyy-MM-dd'], () =>
    Utilities.parseDate('not a date', 'UTC', 'yyyy-MM-dd'),
  );
}

function checkA1_(r, sheet) {
  const forms = [
    'A1',
    'a1:b2',
    'B2:C3',
    '$B$2:$C$3',
    "'" + KIT_SCRATCH + "'!B2:C3",
    'R2C3:R4C5',
    'R1C1',
    '2:3',
    'A2:C',
  ];
  forms.forEach((a1) => {
    observe_(r, 'Spreadsheet.getRange(a1) → getA1Notation/getRow/getColumn/getNumColumns', a1, () => {
      const range = a1.indexOf('!') >= 0 ? sheet.getParent().getRange(a1) : sheet.getRange(a1);
      return {
        a1: range.getA1Notation(),
        row: range.getRow(),
        column: range.getColumn(),
        numColumns: range.getNumColumns(),
        sheet: range.getSheet().getName() === KIT_SCRATCH,
      };
    });
  });
  observe_(r, 'Sheet.getRange(a1) whole columns', 'A:B', () => {
    const range = sheet.getRange('A:B');
    return { a1: range.getA1Notation(), rowsAreTheSheet: range.getNumRows() === sheet.getMaxRows() };
  });
  observe_(r, 'Sheet.getRange(row, column, numRows, numColumns).getA1Notation', [2, 3, 4, 5], () =>
    sheet.getRange(2, 3, 4, 5).getA1Notation(),
  );
  observe_(r, 'Range.offset', ['B2', 1, 2, 2, 2], () =>
    sheet.getRange('B2').offset(1, 2, 2, 2).getA1Notation(),
  );
  observe_(r, 'Range.getCell', ['B2:D4', 2, 3], () => sheet.getRange('B2:D4').getCell(2, 3).getA1Notation());
  sheet.getRange('A1').setFormula('=B1*2');
  observe_(r, 'Range.setFormula + getFormula', '=B1*2 in A1', () => sheet.getRange('A1').getFormula());
  sheet.getRange('A1').clear();
}

function checkErrors_(r, sheet) {
  const ss = sheet.getParent();
  observe_(r, 'Sheet.getRange', [0, 1], () => sheet.getRange(0, 1).getA1Notation());
  observe_(r, 'Sheet.getRange', [1, 0], () => sheet.getRange(1, 0).getA1Notation());
  observe_(r, 'Sheet.getRange', [1, 1, 0, 1], () => sheet.getRange(1, 1, 0, 1).getA1Notation());
  observe_(r, 'Sheet.getRange', 'not a range', () => sheet.getRange('not a range').getA1Notation());
  observe_(r, 'Spreadsheet.getRange', 'Missing tab!A1', () => ss.getRange('Missing tab!A1').getA1Notation());
  observe_(r, 'Spreadsheet.getSheetByName', 'Missing tab', () => ss.getSheetByName('Missing tab'));
  observe_(r, 'Range.setValues', 'a 1×2 array into A1:A2', () => {
    sheet.getRange('A1:A2').setValues([[1, 2]]);
    return 'written';
  });
  observe_(r, 'Range.setValues', 'a 2×1 array into A1:B1', () => {
    sheet.getRange('A1:B1').setValues([[1], [2]]);
    return 'written';
  });
  observe_(r, 'Range.setValue', 'a text of 50,001 characters', () => {
    sheet.getRange('A1').setValue(new Array(50002).join('x'));
    return 'written';
  });
  observe_(r, 'Range.getValue', 'A1 after the refused writes', () => sheet.getRange('A1').getValue());
}

function checkLastRow_(r) {
  const sheet = scratchSheet_('Kit scratch 2');
  try {
    observe_(r, 'Sheet.getLastRow/getLastColumn', 'a new sheet', () => [
      sheet.getLastRow(),
      sheet.getLastColumn(),
      sheet.getMaxRows(),
      sheet.getMaxColumns(),
    ]);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A9').setBackground('#ffff00');
    sheet.getRange('F12').setNote('a note');
    sheet.getRange('B7').setValue('');
    observe_(
      r,
      'Sheet.getLastRow/getLastColumn',
      'C5 has a value; A9 a background, F12 a note, B7 ""',
      () => [sheet.getLastRow(), sheet.getLastColumn(), sheet.getRange('A1:H20').getLastRow()],
    );
    sheet.appendRow(['appended', 2]);
    observe_(r, 'Sheet.appendRow', "['appended', 2]", () => ({
      lastRow: sheet.getLastRow(),
      values: sheet.getRange('A6:B6').getValues(),
    }));
  } finally {
    removeSheet_(sheet);
  }
}

function checkStructure_(r) {
  const sheet = scratchSheet_('Kit scratch 2');
  try {
    sheet.getRange('A1:B4').setValues([
      ['h1', 'h2'],
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ]);
    sheet.insertRowsAfter(2, 2);
    observe_(r, 'Sheet.insertRowsAfter', [2, 2], () => ({
      values: sheet.getRange('A1:B6').getValues(),
      maxRows: sheet.getMaxRows(),
    }));
    sheet.deleteRows(3, 2);
    observe_(r, 'Sheet.deleteRows', [3, 2], () => ({
      values: sheet.getRange('A1:B4').getValues(),
      maxRows: sheet.getMaxRows(),
    }));
    sheet.insertColumnBefore(1);
    observe_(r, 'Sheet.insertColumnBefore', 1, () => ({
      values: sheet.getRange('A1:C2').getValues(),
      maxColumns: sheet.getMaxColumns(),
    }));
    sheet.deleteColumn(1);
    sheet.insertRowBefore(1);
    observe_(r, 'Sheet.insertRowBefore', 1, () => sheet.getRange('A1:B2').getValues());
    observe_(r, 'Sheet.deleteRows', 'every row of the sheet', () => {
      sheet.deleteRows(1, sheet.getMaxRows());
      return 'deleted';
    });
    sheet.setFrozenRows(1);
    observe_(r, 'Sheet.setFrozenRows + getFrozenRows', 1, () => sheet.getFrozenRows());
    observe_(r, 'Sheet.setName', 'a name already used', () => {
      sheet.setName(KIT_SCRATCH);
      return sheet.getName();
    });
  } finally {
    removeSheet_(sheet);
  }
}

function checkTextFinder_(r) {
  const sheet = scratchSheet_('Kit scratch 2');
  try {
    sheet.getRange('A1:C3').setValues([
      ['Apple', 'pineapple', 'APPLE'],
      ['banana', 'apple', 'apples'],
      [1, 12, 'x'],
    ]);
    const a1s = (ranges) => ranges.map((range) => range.getA1Notation());
    observe_(r, 'TextFinder.findAll', 'apple', () => a1s(sheet.createTextFinder('apple').findAll()));
    observe_(r, 'TextFinder.matchCase(true).findAll', 'apple', () =>
      a1s(sheet.createTextFinder('apple').matchCase(true).findAll()),
    );
    observe_(r, 'TextFinder.matchEntireCell(true).findAll', 'apple', () =>
      a1s(sheet.createTextFinder('apple').matchEntireCell(true).findAll()),
    );
    observe_(r, 'TextFinder.findAll', '1 (numbers are searched as shown)', () =>
      a1s(sheet.createTextFinder('1').findAll()),
    );
    observe_(r, 'TextFinder.findNext twice', 'banana', () => {
      const finder = sheet.createTextFinder('banana');
      const first = finder.findNext();
      const second = finder.findNext();
      return [first ? first.getA1Notation() : null, second ? second.getA1Notation() : null];
    });
    observe_(r, 'TextFinder.replaceAllWith', ['apple', 'pear'], () => {
      const count = sheet.createTextFinder('apple').matchCase(true).replaceAllWith('pear');
      return { count: count, values: sheet.getRange('A1:C2').getValues() };
    });
    observe_(r, 'Range.createTextFinder.findAll', ['B1:C2', 'p'], () =>
      a1s(sheet.getRange('B1:C2').createTextFinder('p').findAll()),
    );
  } finally {
    removeSheet_(sheet);
  }
}

function checkValidation_(r) {
  const sheet = scratchSheet_('Kit scratch 2');
  try {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['On track', 'At risk'], true).build();
    observe_(r, 'DataValidationBuilder.requireValueInList.build', ['On track', 'At risk'], () => ({
      type: String(rule.getCriteriaType()),
      values: rule.getCriteriaValues(),
      allowInvalid: rule.getAllowInvalid(),
    }));
    const strict = rule.copy().setAllowInvalid(false).setHelpText('Pick one').build();
    sheet.getRange('A1:A3').setDataValidation(strict);
    observe_(r, 'Range.setDataValidation + getDataValidation', 'A2', () => {
      const back = sheet.getRange('A2').getDataValidation();
      return {
        type: String(back.getCriteriaType()),
        allowInvalid: back.getAllowInvalid(),
        help: back.getHelpText(),
      };
    });
    observe_(r, 'Range.setValue breaking a rejecting rule (a script write)', 'Nope', () => {
      sheet.getRange('A1').setValue('Nope');
      return sheet.getRange('A1').getValue();
    });
    observe_(r, 'Range.getDataValidations', 'A1:B1', () =>
      sheet
        .getRange('A1:B1')
        .getDataValidations()[0]
        .map((v) => (v === null ? null : String(v.getCriteriaType()))),
    );
    observe_(r, 'DataValidationBuilder.requireNumberBetween.build', [1, 10], () => {
      const n = SpreadsheetApp.newDataValidation().requireNumberBetween(1, 10).build();
      return { type: String(n.getCriteriaType()), values: n.getCriteriaValues() };
    });
    observe_(r, 'DataValidationBuilder.requireCheckbox.build', [], () =>
      String(SpreadsheetApp.newDataValidation().requireCheckbox().build().getCriteriaType()),
    );
    observe_(r, 'DataValidationBuilder.requireValueInList', 'a string instead of an array', () =>
      String(SpreadsheetApp.newDataValidation().requireValueInList('On track').build().getCriteriaType()),
    );
    sheet.getRange('B1:B2').insertCheckboxes();
    observe_(r, 'Range.insertCheckboxes + getValues', 'B1:B2', () => {
      sheet.getRange('B1').check();
      return sheet.getRange('B1:B2').getValues();
    });
    sheet.getRange('A1:A3').clearDataValidations();
    observe_(r, 'Range.clearDataValidations + getDataValidation', 'A2', () =>
      sheet.getRange('A2').getDataValidation(),
    );
  } finally {
    removeSheet_(sheet);
  }
}

function checkConditionalFormats_(r) {
  const sheet = scratchSheet_('Kit scratch 2');
  try {
    const range = sheet.getRange('A1:A10');
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberGreaterThan(5)
      .setBackground('#FF0000')
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([rule]);
    observe_(r, 'ConditionalFormatRuleBuilder + Sheet.getConditionalFormatRules', 'number > 5, red', () => {
      const back = sheet.getConditionalFormatRules();
      const cond = back[0].getBooleanCondition();
      return {
        count: back.length,
        type: String(cond.getCriteriaType()),
        values: cond.getCriteriaValues(),
        background: cond.getBackground(),
        ranges: back[0].getRanges().map((x) => x.getA1Notation()),
      };
    });
    observe_(r, 'ConditionalFormatRuleBuilder.whenTextContains', 'stale', () => {
      const c = SpreadsheetApp.newConditionalFormatRule()
        .whenTextContains('stale')
        .setFontColor('#0000ff')
        .setRanges([range])
        .build()
        .getBooleanCondition();
      return { type: String(c.getCriteriaType()), values: c.getCriteriaValues() };
    });
    sheet.setConditionalFormatRules([]);
    observe_(
      r,
      'Sheet.setConditionalFormatRules([])',
      'then get',
      () => sheet.getConditionalFormatRules().length,
    );
  } finally {
    removeSheet_(sheet);
  }
}

function checkProtections_(r) {
  const sheet = scratchSheet_('Kit scratch 2');
  try {
    const p = sheet.getRange('A1:B2').protect().setDescription('kit');
    observe_(r, 'Range.protect', 'A1:B2', () => ({
      description: p.getDescription(),
      range: p.getRange().getA1Notation(),
      warningOnly: p.isWarningOnly(),
      canEdit: p.canEdit(),
      count: sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).length,
    }));
    p.setWarningOnly(true);
    observe_(r, 'Protection.setWarningOnly', true, () => p.isWarningOnly());
    p.remove();
    observe_(
      r,
      'Protection.remove',
      'then getProtections(RANGE)',
      () => sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).length,
    );
    const whole = sheet.protect();
    observe_(r, 'Sheet.protect twice', 'the same protection', () => {
      const again = sheet.protect();
      return {
        sameDescription: again.getDescription() === whole.getDescription(),
        count: sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length,
        type: String(again.getProtectionType()),
      };
    });
    whole.remove();
  } finally {
    removeSheet_(sheet);
  }
}

function checkProperties_(r) {
  const props = PropertiesService.getDocumentProperties();
  props.deleteProperty('kit.n');
  props.setProperty('kit.n', 5);
  observe_(r, 'Properties.setProperty(number) + getProperty', 5, () => props.getProperty('kit.n'));
  observe_(r, 'Properties.getProperty', 'a missing key', () => props.getProperty('kit.missing'));
  observe_(r, 'Properties.getProperties returns a copy', 'mutate the copy', () => {
    const copy = props.getProperties();
    copy['kit.n'] = 'changed';
    return props.getProperty('kit.n');
  });
  observe_(r, 'Properties.setProperty', 'a value of 9,217 characters', () => {
    props.setProperty('kit.big', new Array(9218).join('x'));
    return props.getProperty('kit.big') === null ? 'not stored' : 'stored';
  });
  props.deleteProperty('kit.big');
  observe_(r, 'Properties.setProperties(…, true) keeps only the given keys', "{'kit.a': '1'}", () => {
    const user = PropertiesService.getUserProperties();
    user.setProperty('kit.b', '2');
    user.setProperties({ 'kit.a': '1' }, true);
    const keys = user.getKeys().sort();
    user.deleteAllProperties();
    return keys;
  });
  props.deleteProperty('kit.n');
  observe_(r, 'Properties.deleteProperty + getProperty', 'kit.n', () => props.getProperty('kit.n'));
}

function checkLocks_(r) {
  const lock = LockService.getDocumentLock();
  observe_(r, 'Lock.tryLock + hasLock', 1000, () => {
    const got = lock.tryLock(1000);
    const has = lock.hasLock();
    lock.releaseLock();
    return { got: got, has: has, afterRelease: lock.hasLock() };
  });
  observe_(r, 'Lock.waitLock + releaseLock twice', 1000, () => {
    lock.waitLock(1000);
    lock.releaseLock();
    lock.releaseLock();
    return lock.hasLock();
  });
  observe_(r, 'LockService.getScriptLock/getUserLock', 'tryLock(0)', () => {
    const s = LockService.getScriptLock();
    const u = LockService.getUserLock();
    const out = [s.tryLock(0), u.tryLock(0)];
    s.releaseLock();
    u.releaseLock();
    return out;
  });
}

function checkCache_(r) {
  const cache = CacheService.getScriptCache();
  cache.put('kit.c', 'v', 60);
  observe_(r, 'Cache.put + get', ['kit.c', 'v', 60], () => cache.get('kit.c'));
  cache.remove('kit.c');
  observe_(r, 'Cache.remove + get', 'kit.c', () => cache.get('kit.c'));
  observe_(r, 'Cache.put', 'expiration over 6 hours (21601 s)', () => {
    cache.put('kit.d', 'v', 21601);
    const back = cache.get('kit.d');
    cache.remove('kit.d');
    return back;
  });
}

function checkTriggers_(r) {
  const before = ScriptApp.getProjectTriggers().length;
  const trigger = ScriptApp.newTrigger('kitTriggerFired').timeBased().everyHours(1).create();
  observe_(r, 'ScriptApp.newTrigger(…).timeBased().everyHours(1).create', 'kitTriggerFired', () => ({
    handler: trigger.getHandlerFunction(),
    eventType: String(trigger.getEventType()),
    source: String(trigger.getTriggerSource()),
    added: ScriptApp.getProjectTriggers().length - before,
  }));
  ScriptApp.deleteTrigger(trigger);
  observe_(
    r,
    'ScriptApp.deleteTrigger',
    'the trigger just created',
    () => ScriptApp.getProjectTriggers().length - before,
  );
  observe_(r, 'ClockTriggerBuilder.everyMinutes', 7, () => {
    ScriptApp.newTrigger('kitTriggerFired').timeBased().everyMinutes(7);
    return 'accepted';
  });
  observe_(r, 'ClockTriggerBuilder.create', 'no schedule', () => {
    const t = ScriptApp.newTrigger('kitTriggerFired').timeBased().create();
    ScriptApp.deleteTrigger(t);
    return 'created';
  });
}

/** Trigger handler used by the trigger checks (they delete the trigger before it fires). */
function kitTriggerFired() {
  Logger.log('kit trigger fired');
}

function checkSession_(r) {
  observe_(r, 'Session.getActiveUser/getEffectiveUser (FULL, run by the user)', 'emails', () => {
    const active = Session.getActiveUser().getEmail();
    const effective = Session.getEffectiveUser().getEmail();
    return { activeIsEmail: /@/.test(active), same: active === effective };
  });
  observe_(r, 'Session.getScriptTimeZone', 'appsscript.json timeZone', () => Session.getScriptTimeZone());
  observe_(r, 'Session.getActiveUserLocale/getTemporaryActiveUserKey', 'types', () => [
    typeof Session.getActiveUserLocale(),
    typeof Session.getTemporaryActiveUserKey(),
  ]);
  observe_(r, 'Session in onOpen (simple trigger, LIMITED)', 'recorded by onOpen', () => {
    const seen = PropertiesService.getDocumentProperties().getProperty(KIT_ON_OPEN_KEY);
    if (!seen) return 'onOpen has not run: reload the spreadsheet, then run the checks again';
    const o = JSON.parse(seen);
    return {
      authMode: o.authMode,
      activeUserEmail: o.activeUserEmail,
      effectiveUserEmail: o.effectiveUserEmail,
    };
  });
}

function checkMail_(r) {
  observe_(r, 'MailApp.getRemainingDailyQuota', 'type and range', () => {
    const q = MailApp.getRemainingDailyQuota();
    return { type: typeof q, integer: Math.floor(q) === q, inRange: q >= 0 && q <= 1500 };
  });
  observe_(r, 'MailApp.sendEmail to the effective user', 'quota before − after', () => {
    const before = MailApp.getRemainingDailyQuota();
    MailApp.sendEmail(
      Session.getEffectiveUser().getEmail(),
      'OKR kit: conformance check',
      'Sent by the OKR kit.',
    );
    return before - MailApp.getRemainingDailyQuota();
  });
  observe_(r, 'MailApp.sendEmail', 'not an email', () => {
    MailApp.sendEmail('not an email', 'subject', 'body');
    return 'sent';
  });
  observe_(r, 'MailApp.sendEmail', 'an empty recipient', () => {
    MailApp.sendEmail({ to: '', subject: 'subject', body: 'body' });
    return 'sent';
  });
}

function checkHtml_(r) {
  observe_(r, 'HtmlService.createHtmlOutput.getContent/setTitle/getTitle', '<b>x</b>', () => {
    const out = HtmlService.createHtmlOutput('<b>x</b>').setTitle('Kit');
    return { content: out.getContent(), title: out.getTitle() };
  });
  observe_(r, 'HtmlService.createTemplate.evaluate', '<?= ?>, <?!= ?>, <? ?>', () => {
    const t = HtmlService.createTemplate(
      '<p><?= v ?>|<?!= v ?>|<? for (var i = 0; i < 2; i++) { ?>i<? } ?></p>',
    );
    t.v = '<a&b>';
    return t.evaluate().getContent();
  });
  observe_(r, 'HtmlService.createHtmlOutputFromFile', 'Missing', () =>
    HtmlService.createHtmlOutputFromFile('Missing').getContent(),
  );
  observe_(
    r,
    'HtmlService.createHtmlOutputFromFile',
    'Result (a file of this project)',
    () => HtmlService.createHtmlOutputFromFile('Result').getContent().indexOf('kit:compare') >= 0,
  );
}

function checkUtilities_(r) {
  observe_(r, 'Utilities.base64Encode', 'héllo', () =>
    Utilities.base64Encode('héllo', Utilities.Charset.UTF_8),
  );
  observe_(r, 'Utilities.computeDigest(MD5)', 'abc', () =>
    Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc'),
  );
  observe_(r, 'Utilities.formatString', ['%s-%d-%05.1f', 'a', 5, 1.23456], () =>
    Utilities.formatString('%s-%d-%05.1f', 'a', 5, 1.23456),
  );
  observe_(r, 'Utilities.getUuid', 'shape', () =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(Utilities.getUuid()),
  );
}

// Behaviours a port of another project's conformance checks found the local runtime got wrong
// (tests/runtime/fidelity.test.ts asserts what these observe).
function checkFidelity_(r, sheet) {
  sheet.clear();
  observe_(r, 'Range.setNumberFormat + getNumberFormat', 'general', () => {
    const cell = sheet.getRange('A1');
    cell.setNumberFormat('0.00');
    cell.setNumberFormat('general');
    return cell.getNumberFormat();
  });
  observe_(r, 'Range.getWrap', 'a new cell', () => sheet.getRange('Z99').getWrap());
  observe_(r, 'Range.setBackground + getBackground', ['red', 'cornflowerblue'], () => {
    const cell = sheet.getRange('B1');
    cell.setBackground('red');
    const red = cell.getBackground();
    cell.setBackground('cornflowerblue');
    return [red, cell.getBackground()];
  });
  observe_(r, 'Range.copyTo', 'A1:B1 into A3:D5 (a multiple), A7:C7 (not), F1 transposed', () => {
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A3:D5'));
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A7:C7'));
    sheet.getRange('A1:B1').copyTo(sheet.getRange('F1'), SpreadsheetApp.CopyPasteType.PASTE_NORMAL, true);
    return [
      sheet.getRange('A3:E5').getValues(),
      sheet.getRange('A7:D7').getValues(),
      sheet.getRange('F1:G2').getValues(),
    ];
  });
  observe_(r, 'Range.setFormula', ['B2:C3', '=A1*$A$1'], () => {
    sheet.getRange('B2:C3').setFormula('=A1*$A$1');
    return sheet.getRange('B2:C3').getFormulas();
  });
  observe_(r, 'Range.offset', ['1', 0], () => sheet.getRange('A1').offset('1', 0).getA1Notation());
  observe_(r, 'Sheet.insertRowsAfter', ['1', 2], () => {
    sheet.insertRowsAfter('1', 2);
    return 'inserted';
  });
  observe_(r, 'Cache.put / Cache.remove', 'return values', () => {
    const cache = CacheService.getScriptCache();
    return [cache.put('kit.e', 'v', 60), cache.remove('kit.e')];
  });
  observe_(r, 'Lock.tryLock', -1, () => {
    const lock = LockService.getScriptLock();
    const got = lock.tryLock(-1);
    lock.releaseLock();
    return got;
  });
  observe_(r, 'Lock.waitLock', -1, () => {
    const lock = LockService.getScriptLock();
    lock.waitLock(-1);
    lock.releaseLock();
    return 'locked';
  });
  observe_(r, 'Lock.tryLock', '1000', () => {
    const lock = LockService.getScriptLock();
    const got = lock.tryLock('1000');
    lock.releaseLock();
    return got;
  });
  observe_(r, 'Utilities.newBlob(text).getContentType', 'hello', () =>
    Utilities.newBlob('hello').getContentType(),
  );
  observe_(r, 'Utilities.computeDigest(MD5) without a charset', 'héllo', () =>
    Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'héllo'),
  );
}
