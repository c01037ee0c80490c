// One glossary for both languages (src/okr/core/glossary.ts), checked against every message table:
// the server's tables ({ en, ja } entries in src/, found in the source so none is missed, exported
// or not) and the sidebar's words (sidebar/i18n.ts). Also: English counts agree with their number
// ("1 errors" never shows).
import fs from 'node:fs';
import path from 'node:path';
import { WORDS } from '../../../../sidebar/i18n';
import { GLOSSARY } from '../../../../src/okr/core/glossary';
import { format } from '../../../../src/okr/core/i18n';

const root = path.join(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(d.name) ? [file] : [];
  });
}

interface Entry {
  where: string;
  key: string;
  en: string;
  ja: string;
}

const LITERAL = String.raw`('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|\x60(?:\\.|[^\x60\\])*\x60)`;
const PAIR = new RegExp(String.raw`([\w'-]+):\s*\{\s*en:\s*${LITERAL}\s*,\s*ja:\s*${LITERAL}`, 'g');

/** Every { en, ja } entry written in src/ (the tables of messages, labels, hints, help texts). */
function serverEntries(): Entry[] {
  return sourceFiles(path.join(root, 'src')).flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(PAIR)].map((m) => ({
      where: path.relative(root, file),
      key: m[1].replace(/'/g, ''),
      en: m[2].slice(1, -1),
      ja: m[3].slice(1, -1),
    }));
  });
}

function sidebarEntries(): Entry[] {
  return Object.entries(WORDS.en).flatMap(([key, en]) => {
    const ja = (WORDS.ja as Record<string, unknown>)[key];
    return typeof en === 'string' && typeof ja === 'string'
      ? [{ where: 'sidebar/i18n.ts', key, en, ja }]
      : [];
  });
}

const entries = [...serverEntries(), ...sidebarEntries()];

test('the scan finds the tables (a broken pattern would find none and pass)', () => {
  const files = new Set(entries.map((e) => e.where));
  for (const f of [
    'sidebar/i18n.ts',
    'src/okr/summary/summaryMessages.ts',
    'src/okr/weekly/emailMessages.ts',
    'src/okr/core/problems.ts',
    'src/endpoints/sidebar/requestsMessages.ts',
    'src/endpoints/menu.ts',
    'src/endpoints/sheetMessages.ts',
  ]) {
    expect([...files]).toContain(f);
  }
  expect(entries.length).toBeGreaterThan(400);
});

test('at risk, off track, on track, key result and objective have one Japanese word everywhere', () => {
  const wrong: string[] = [];
  for (const e of entries) {
    for (const term of Object.values(GLOSSARY)) {
      const used = term.notJa.find((w) => e.ja.includes(w));
      if (used) wrong.push(`${e.where} ${e.key}: "${used}" for ${term.en} (say ${term.ja})`);
      // Said in English, said with the glossary's word in Japanese, unless the Japanese quotes the
      // English value as the sheet holds it ("On track、At risk、Off track のいずれか").
      const said = new RegExp(`\\b${term.en}`, 'i').test(e.en);
      const quoted = e.ja.toLowerCase().includes(term.en.toLowerCase());
      if (said && !e.ja.includes(term.ja) && !quoted) {
        wrong.push(`${e.where} ${e.key}: "${e.ja}" does not say ${term.ja} for ${term.en}`);
      }
    }
  }
  expect(wrong).toEqual([]);
});

test("the sidebar's confidence words are the glossary's", () => {
  for (const lang of ['en', 'ja'] as const) {
    expect([WORDS[lang]['on-track'], WORDS[lang]['at-risk'], WORDS[lang]['off-track']]).toEqual([
      GLOSSARY.onTrack[lang],
      GLOSSARY.atRisk[lang],
      GLOSSARY.offTrack[lang],
    ]);
  }
});

const COUNTED =
  /\{(\w+)\}\s+(?:key\s+)?(errors|warnings|results|objectives|rows|owners|people|problems|days|emails|recipients|tabs|columns|cells|check-ins|hours|minutes)\b/g;

test('an English count agrees with its number: {n|one|other}, or a separate entry for one', () => {
  const keys = new Set(entries.map((e) => `${e.where} ${e.key}`));
  const wrong = entries.flatMap((e) =>
    [...e.en.matchAll(COUNTED)]
      .filter((m) => !e.en.includes(`{${m[1]}|`) && !keys.has(`${e.where} ${e.key}1`))
      .map((m) => `${e.where} ${e.key}: "${m[0]}"`),
  );
  expect(wrong).toEqual([]);
  // What the issue saw: one error, said as such.
  expect(format('{errors} {errors|error|errors}', { errors: 1 })).toBe('1 error');
});
