// The conformance kit: the same Apps Script source runs here in the local runtime and, by hand, on
// Google; `npm run kit:compare` lists where the two disagree. Google's side cannot run on this
// machine (no Google account, no network): these tests prove the kit and the comparison work.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareResults } from '../../scripts/kitCompare';
import { type KitResult, runKitLocally } from '../../scripts/kitRun';
import { repoRoot } from '../helpers/build';

const tmp = mkdtempSync(join(tmpdir(), 'kit-'));

function kitCompare(file: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'local/bin/tsx-run.cjs'), join(repoRoot, 'scripts/kitCompare.ts'), file],
      { cwd: repoRoot, timeout: 240_000 },
      (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: String(stdout) }),
    );
  });
}

let own: KitResult;
beforeAll(async () => {
  own = await runKitLocally('conformance');
});

test('the kit runs every area the runtime claims and records one observation per behaviour', () => {
  const methods = own.observations.map((o) => o.method).join('\n');
  for (const area of [
    /^Range\.setValues \+ getValues/m,
    /^Range\.setValues\(string\)/m,
    /getDisplayValue/,
    /setSpreadsheetTimeZone/,
    /R1C1|getA1Notation/,
    /^Sheet\.getLastRow/m,
    /^Sheet\.insertRowsAfter/m,
    /^Sheet\.deleteRows/m,
    /^TextFinder\./m,
    /^DataValidationBuilder\./m,
    /^ConditionalFormatRuleBuilder/m,
    /^Range\.protect/m,
    /^Properties\./m,
    /^Lock\./m,
    /^ScriptApp\.newTrigger/m,
    /^Session in onOpen \(simple trigger, LIMITED\)/m,
    /^MailApp\.getRemainingDailyQuota/m,
    /^HtmlService\./m,
  ])
    expect(methods).toMatch(area);
  // Errors are observed with Google's text, not as crashes of the kit.
  const errors = own.observations.filter((o) => (o.output as { error?: string })?.error !== undefined);
  expect(errors.length).toBeGreaterThan(10);
  expect(errors.filter((o) => (o.output as { name: string }).name !== 'Exception')).toEqual([]);
  expect(own.observations.length).toBeGreaterThan(100);
});

test('kit:compare on the runtime’s own result: 0 divergences, exit 0 and a one-line summary', async () => {
  expect(compareResults(own, own)).toEqual([]);
  const file = join(tmp, 'own.json');
  writeFileSync(file, JSON.stringify(own));
  const { code, stdout } = await kitCompare(file);
  expect({ code, stdout }).toEqual({
    code: 0,
    stdout: `kit:compare: ${own.observations.length} observations, 0 divergences\n`,
  });
});

test('a planted divergence (one value changed) is named with its method, input and both values; exit 1', async () => {
  const planted = JSON.parse(JSON.stringify(own)) as KitResult;
  const i = planted.observations.findIndex((o) => o.method === 'Utilities.base64Encode');
  expect(i).toBeGreaterThanOrEqual(0);
  planted.observations[i].output = 'aMOpbGxX';
  const file = join(tmp, 'planted.json');
  writeFileSync(file, JSON.stringify(planted, null, 1));
  const { code, stdout } = await kitCompare(file);
  expect(code).toBe(1);
  expect(stdout).toContain(
    '1. Utilities.base64Encode\n   input:   héllo\n   Google:  aMOpbGxX\n   runtime: aMOpbGxv\n',
  );
  expect(stdout).toMatch(/^1 divergence\(s\) in \d+ observations/m);
  expect(readFileSync(file, 'utf8')).toContain('aMOpbGxX');
});

test('an observation missing on one side is a divergence too', () => {
  const fewer = { ...own, observations: own.observations.slice(1) };
  const d = compareResults(fewer, own);
  expect(d).toEqual([
    {
      method: own.observations[0].method,
      input: own.observations[0].input,
      google: '(not observed)',
      runtime: own.observations[0].output,
    },
  ]);
});
