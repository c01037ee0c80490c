// biome-ignore-all lint/correctness/noUnusedVariables: an Apps Script file: its top-level functions are called by name (menus, triggers, the other files of the project).
// The timing measurements the latency model (local/runtime/latency.ts) is fitted on. Each one does
// the steps of a calibration replay (local/runtime/calibration/replay.ts, named in `replay`) between
// two Date.now() readings, after a warm-up read so that no measurement pays the execution's first
// data call; repeated, the median kept. `npm run kit:calibrate` adds them to the calibration data.

const TIMING_REPEAT = 5;

/** Menu item: measures, removes the scratch tab, shows the JSON. */
function runTiming() {
  const result = kitResult_('timing');
  result.repeat = TIMING_REPEAT;
  result.measurements = [];
  const sheet = scratchSheet_('Kit timing');
  try {
    sheet.getRange(1, 1, 1000, 10).setValues(timingRows_(1000, 10, 'v'));
    SpreadsheetApp.flush();
    // Warm-up: the execution's first read is slower (latency.ts firstDataCallMs); the replays of
    // these records do the same read before their timer starts (`warm: true`).
    sheet.getRange(1, 1).getValues();
    [10, 100, 996].forEach((rows) => {
      measure_(result, { name: 'firstRead', rows: rows, cols: 10, warm: true }, 1, () => {
        sheet.getRange(4, 1, rows, 10).getValues();
      });
    });
    [10, 100, 1000].forEach((rows) => {
      const data = timingRows_(rows, 10, 'text');
      measure_(result, { name: 'setValuesBlock', rows: rows, cols: 10, flush: true, warm: true }, 1, () => {
        sheet.getRange(1, 1, rows, 10).setValues(data);
        SpreadsheetApp.flush();
      });
    });
    const big = timingRows_(1000, 10, 'text');
    measure_(result, { name: 'setValuesBlock', rows: 1000, cols: 10, flush: false, warm: true }, 1, () => {
      sheet.getRange(1, 1, 1000, 10).setValues(big);
    });
    [false, true].forEach((flushEachRow) => {
      const rows = timingRows_(20, 10, 'text');
      measure_(
        result,
        { name: 'setValuesPerRow', rows: 20, cols: 10, flushEachRow: flushEachRow, warm: true },
        1,
        () => {
          for (let r = 0; r < rows.length; r++) {
            sheet.getRange(r + 1, 1, 1, 10).setValues([rows[r]]);
            if (flushEachRow) SpreadsheetApp.flush();
          }
        },
      );
    });
    measure_(result, { name: 'sheetWriteRead', iterations: 20, warm: true }, 20, () => {
      for (let i = 0; i < 20; i++) {
        const cell = sheet.getRange(1, 1);
        cell.setValue('x' + i);
        cell.getValue();
      }
    });
    const payload = new Array(101).join('x');
    measure_(result, { name: 'propertiesSetGet', iterations: 20, warm: true }, 20, () => {
      for (let i = 0; i < 20; i++) {
        const props = PropertiesService.getScriptProperties();
        props.setProperty('benchmark_test', payload);
        props.getProperty('benchmark_test');
      }
    });
    PropertiesService.getScriptProperties().deleteProperty('benchmark_test');
    measure_(result, { name: 'cachePutGet', iterations: 20, warm: true }, 20, () => {
      for (let i = 0; i < 20; i++) {
        const cache = CacheService.getScriptCache();
        cache.put('benchmark_test', payload, 10);
        cache.get('benchmark_test');
      }
    });
    // No calibration replay does these yet: measured and kept in the result, not fitted.
    measure_(result, { name: 'textFinderFindAll', rows: 1000, cols: 10 }, 1, () => {
      sheet.createTextFinder('v999-9').findAll();
    });
    measure_(result, { name: 'triggerCreateDelete' }, 1, () => {
      ScriptApp.deleteTrigger(ScriptApp.newTrigger('kitTriggerFired').timeBased().everyHours(1).create());
    });
    measure_(result, { name: 'mailRemainingQuota' }, 1, () => {
      MailApp.getRemainingDailyQuota();
    });
    const body = new Array(100 * 1024 + 1).join('x');
    const me = Session.getEffectiveUser().getEmail();
    measure_(
      result,
      { name: 'sendEmail', warm: true },
      1,
      () => {
        MailApp.sendEmail({ to: me, subject: 'OKR kit: timing (100 KB)', htmlBody: body });
      },
      3,
    );
  } finally {
    removeSheet_(sheet);
  }
  return showResult_(result);
}

/** Times `fn` `repeat` times (queued writes committed between runs, outside the timer); keeps the median. */
function measure_(result, replay, perIteration, fn, repeat) {
  const samples = [];
  for (let i = 0; i < (repeat || TIMING_REPEAT); i++) {
    SpreadsheetApp.flush();
    const t0 = Date.now();
    fn();
    samples.push(Date.now() - t0);
    SpreadsheetApp.flush();
  }
  const sorted = samples.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  result.measurements.push({
    replay: replay,
    iterations: perIteration,
    samplesMs: samples,
    medianMs: median / perIteration,
  });
}

function timingRows_(n, cols, prefix) {
  const out = [];
  for (let r = 0; r < n; r++) {
    const row = [];
    for (let c = 0; c < cols; c++)
      row.push(prefix === 'v' ? 'v' + r + '-' + c : c % 2 ? r * c : 'text ' + r + '/' + c);
    out.push(row);
  }
  return out;
}
