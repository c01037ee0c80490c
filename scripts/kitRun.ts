// Runs the runtime kit (kit/build/project) in the local runtime, as a person would on Google: the
// spreadsheet opens (onOpen, a simple trigger), then the person picks a menu item (a FULL execution).
import { Runtime, Workbook } from '../local/runtime';
import { KIT_SOURCE } from './kitBuild';

export type KitKind = 'conformance' | 'timing';

export interface Observation {
  method: string;
  input: unknown;
  output: unknown;
}

export interface KitResult {
  kit: KitKind;
  version: number;
  scriptTimeZone: string;
  observations: Observation[];
  [key: string]: unknown;
}

const MENU_ITEM: Record<KitKind, string> = { conformance: 'runConformance', timing: 'runTiming' };

export async function runKitLocally(kind: KitKind): Promise<KitResult> {
  const rt = await Runtime.open({
    workbook: Workbook.fromRows({ Sheet1: [] }),
    // The build only copies these files next to a .clasp.json: the runtime runs them where they are.
    projectDir: KIT_SOURCE,
    // The kit is a script bound to a scratch spreadsheet, not an add-on.
    options: { addon: false, now: '2026-11-30T09:00:00Z' },
  });
  const opened = rt.run('onOpen');
  if (!opened.ok) throw new Error(`kit onOpen failed: ${opened.error?.message}`);
  const run = rt.run(MENU_ITEM[kind]);
  if (!run.ok) throw new Error(`kit ${MENU_ITEM[kind]} failed: ${run.error?.name}: ${run.error?.message}`);
  return JSON.parse(String(run.result)) as KitResult;
}
