// The kit's Apps Script project as clasp would push it, checked offline: `clasp status --json` lists
// the files a push would upload without logging in or reaching Google (verified: clasp 3.4.1 prints
// them with no credentials at all), and the manifest asks for no scope the kit does not use.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKit, KIT_SOURCE, kitProjectFiles } from '../../scripts/kitBuild';
import { repoRoot } from '../helpers/build';

test('`clasp status` in the built kit lists exactly the kit project’s files', async () => {
  const dir = buildKit();
  const status = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [join(repoRoot, 'node_modules/@google/clasp/build/src/index.js'), 'status', '--json'],
      { cwd: dir, timeout: 240_000, env: { ...process.env, HOME: dir } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
  const listed = JSON.parse(status) as { filesToPush: string[]; untrackedFiles: string[] };
  const expected = ['Conformance.gs', 'Kit.gs', 'Result.html', 'Timing.gs', 'appsscript.json'];
  expect(kitProjectFiles()).toEqual(expected);
  expect(listed.filesToPush.map((f) => f.replace(/^project\//, '')).sort()).toEqual(expected);
  expect(listed.untrackedFiles).toEqual([]);
  // Nothing else sits in the source folder that a push would silently leave out.
  expect(readdirSync(KIT_SOURCE).sort()).toEqual(expected);
});

/** The scope each Apps Script service the kit calls needs (Google's reference page of each method). */
const SCOPE_OF: Array<[string, RegExp]> = [
  ['https://www.googleapis.com/auth/spreadsheets.currentonly', /\bSpreadsheetApp\.getActive/],
  ['https://www.googleapis.com/auth/script.container.ui', /\.getUi\(\)/],
  ['https://www.googleapis.com/auth/script.send_mail', /\bMailApp\.sendEmail\(/],
  ['https://www.googleapis.com/auth/script.scriptapp', /\bScriptApp\.(newTrigger|getProjectTriggers)\(/],
  ['https://www.googleapis.com/auth/userinfo.email', /\.get(Active|Effective)User\(\)\.getEmail\(\)/],
];

test('the kit’s manifest asks for exactly the scopes of the services it calls, and no wider one', () => {
  const manifest = JSON.parse(readFileSync(join(KIT_SOURCE, 'appsscript.json'), 'utf8')) as {
    oauthScopes: string[];
    runtimeVersion: string;
  };
  const source = kitProjectFiles()
    .filter((f) => f.endsWith('.gs'))
    .map((f) => readFileSync(join(KIT_SOURCE, f), 'utf8'))
    .join('\n');
  const used = SCOPE_OF.filter(([, re]) => re.test(source)).map(([scope]) => scope);
  expect([...manifest.oauthScopes].sort()).toEqual([...used].sort());
  expect(manifest.runtimeVersion).toBe('V8');
  // Services that would need a wider scope (another spreadsheet, Drive, Gmail, the network).
  expect(source).not.toMatch(/\b(UrlFetchApp|DriveApp|GmailApp|DocumentApp)\b|SpreadsheetApp\.open/);
});
