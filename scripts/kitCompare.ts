// `npm run kit:compare <result.json>`: runs the conformance kit in the local runtime and compares
// its observations with a result recorded on Google (the JSON the kit's dialog shows). Prints every
// divergence (method, input, Google, runtime) and exits 1 on any; exits 0 with a one-line summary
// when every observation agrees. `--save-runtime <file>` also writes the runtime's own result.
import { readFileSync, writeFileSync } from 'node:fs';
import { type KitResult, type Observation, runKitLocally } from './kitRun';

export interface Divergence {
  method: string;
  input: unknown;
  google: unknown;
  runtime: unknown;
}

const MISSING = '(not observed)';

/** An observation's identity: its method and input, numbered when the same pair repeats. */
function keyed(observations: Observation[]): Map<string, Observation> {
  const out = new Map<string, Observation>();
  const seen = new Map<string, number>();
  for (const o of observations) {
    const base = `${o.method} ${JSON.stringify(o.input)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base} #${n}`, o);
  }
  return out;
}

/** Deep equality of JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Every observation that differs, in the Google result's order, then what only the runtime made. */
export function compareResults(google: KitResult, runtime: KitResult): Divergence[] {
  const g = keyed(google.observations);
  const r = keyed(runtime.observations);
  const out: Divergence[] = [];
  for (const [key, o] of g) {
    const other = r.get(key);
    if (!other || !sameJson(o.output, other.output))
      out.push({
        method: o.method,
        input: o.input,
        google: o.output,
        runtime: other ? other.output : MISSING,
      });
  }
  for (const [key, o] of r)
    if (!g.has(key)) out.push({ method: o.method, input: o.input, google: MISSING, runtime: o.output });
  if (google.scriptTimeZone !== runtime.scriptTimeZone)
    out.push({
      method: 'Session.getScriptTimeZone (result header)',
      input: 'appsscript.json',
      google: google.scriptTimeZone,
      runtime: runtime.scriptTimeZone,
    });
  return out;
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export function formatDivergences(d: Divergence[]): string {
  return d
    .map(
      (x, i) =>
        `${i + 1}. ${x.method}\n   input:   ${show(x.input)}\n   Google:  ${show(x.google)}\n   runtime: ${show(x.runtime)}\n`,
    )
    .join('');
}

export function readKitResult(file: string, kind: KitResult['kit']): KitResult {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KitResult;
  if (parsed.kit !== kind || !Array.isArray(parsed.observations))
    throw new Error(`${file} is not a ${kind} kit result (expected "kit": "${kind}" and "observations")`);
  return parsed;
}

async function main(argv: string[]): Promise<number> {
  const save = argv.indexOf('--save-runtime');
  const file = argv.find((a, i) => !a.startsWith('-') && (save < 0 || i !== save + 1));
  if (!file && save < 0) {
    process.stderr.write(
      'usage: npm run kit:compare [--] <result.json> [--save-runtime <runtime.json>]   (the result saved on Google)\n',
    );
    return 2;
  }
  const google = file ? readKitResult(file, 'conformance') : undefined;
  const runtime = await runKitLocally('conformance');
  if (save >= 0) writeFileSync(argv[save + 1], `${JSON.stringify(runtime, null, 1)}\n`);
  if (!google) {
    process.stdout.write(`kit:compare: runtime result (${runtime.observations.length} observations) saved\n`);
    return 0;
  }
  if (google.version !== runtime.version)
    process.stdout.write(
      `note: the result is from kit version ${google.version}, this kit is version ${runtime.version}\n`,
    );
  const d = compareResults(google, runtime);
  if (d.length) {
    process.stdout.write(formatDivergences(d));
    process.stdout.write(
      `${d.length} divergence(s) in ${google.observations.length} observations: the local runtime differs from Google\n`,
    );
    return 1;
  }
  process.stdout.write(`kit:compare: ${google.observations.length} observations, 0 divergences\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`kit:compare failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
