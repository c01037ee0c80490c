// biome-ignore-all lint/correctness/noUnusedVariables: an Apps Script file: its top-level functions are called by name (menus, triggers, the other files of the project).
// The OKR Owners runtime kit: an Apps Script project bound to a scratch spreadsheet. Its checks run
// the same source on Google and in the project's local runtime; each one records an observation
// (the method called, its input, what came back) into one JSON result, and `npm run kit:compare`
// lists every observation where the two disagree. Plain ES2019, no build step: what clasp pushes is
// what the local runtime runs.

const KIT_VERSION = 1;
const KIT_SCRATCH = 'Kit scratch';
const KIT_ON_OPEN_KEY = 'kit.onOpen';

/** A simple trigger (LIMITED auth): the menu, and what Session shows in this mode. */
function onOpen(e) {
  SpreadsheetApp.getUi()
    .createMenu('OKR kit')
    .addItem('Run conformance checks', 'runConformance')
    .addItem('Run timing measurements', 'runTiming')
    .addToUi();
  const seen = {
    authMode: e && e.authMode !== undefined ? String(e.authMode) : 'no event',
    activeUserEmail: Session.getActiveUser().getEmail(),
    effectiveUserEmail: Session.getEffectiveUser().getEmail(),
  };
  PropertiesService.getDocumentProperties().setProperty(KIT_ON_OPEN_KEY, JSON.stringify(seen));
}

/** A result: what ran where, and the observations in the order they were made. */
function kitResult_(kind) {
  return {
    kit: kind,
    version: KIT_VERSION,
    scriptTimeZone: Session.getScriptTimeZone(),
    observations: [],
  };
}

/**
 * Records one observation. `fn` is called once; its value (or the error it threw) is the output.
 * Outputs are JSON: Dates as {date: ISO}, errors as {error: message, name}.
 */
function observe_(result, method, input, fn) {
  let output;
  try {
    output = kitJson_(fn());
  } catch (e) {
    const thrown = e instanceof Object ? e : { message: e, name: typeof e };
    output = { error: String(thrown.message), name: String(thrown.name) };
  }
  result.observations.push({ method: method, input: kitJson_(input), output: output });
}

function kitJson_(v) {
  if (v === undefined) return { undefined: true };
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v) || v === Infinity || v === -Infinity) return { number: String(v) };
    return Object.is(v, -0) ? { number: '-0' } : v;
  }
  if (Object.prototype.toString.call(v) === '[object Date]') {
    return Number.isNaN(v.getTime()) ? { date: 'Invalid Date' } : { date: v.toISOString() };
  }
  if (Array.isArray(v)) return v.map(kitJson_);
  if (typeof v === 'object') {
    const out = {};
    Object.keys(v).forEach((k) => {
      out[k] = kitJson_(v[k]);
    });
    return out;
  }
  return { type: typeof v };
}

/** Each value with its type, as a script sees it. */
function typed_(values) {
  return values.map((row) =>
    row.map((v) => {
      const type = Object.prototype.toString.call(v).slice(8, -1);
      return { type: type, value: v };
    }),
  );
}

/** A fresh scratch tab (an earlier, interrupted run may have left one). */
function scratchSheet_(name) {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const old = ss.getSheetByName(name || KIT_SCRATCH);
  if (old) ss.deleteSheet(old);
  return ss.insertSheet(name || KIT_SCRATCH);
}

function removeSheet_(sheet) {
  sheet.getParent().deleteSheet(sheet);
}

/** Shows the result in a dialog to copy or download; the JSON is returned too (the local runtime reads it). */
function showResult_(result) {
  const json = JSON.stringify(result, null, 1);
  Logger.log(
    'kit result: %s observations, %s characters',
    String(result.observations.length),
    String(json.length),
  );
  try {
    // JSON inside a script element: "<" escaped so that no "</script" can end it early.
    const call =
      'kitShow(' +
      JSON.stringify(json).replace(/</g, '\\u003c') +
      ', ' +
      JSON.stringify(result.kit + '-result.json') +
      ');';
    const page = HtmlService.createHtmlOutputFromFile('Result').append('<script>' + call + '</script>');
    SpreadsheetApp.getUi().showModalDialog(page.setWidth(720).setHeight(520), 'OKR kit: ' + result.kit);
  } catch (e) {
    // Run from the editor without the spreadsheet open: the execution log still has the JSON.
    Logger.log(json);
  }
  return json;
}
