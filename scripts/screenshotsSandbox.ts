// What both screenshot sandboxes (screenshots.ts, screenshotsJa.ts) share: the workbook they open and
// how the script asks them for their state.
import { DEMO_TODAY } from '../local/fixtures/demo';
import { fromWallTime, Runtime, type Workbook } from '../local/runtime';

/**
 * Written by the runtime (the xlsx and its state file, where the locale lives) with the virtual clock
 * at the demo's "today", 11:00 (after its last agreement step), so dates, "checked in … ago", stale
 * flags and pace lines in the pictures are the demo's story and do not change with the day
 * `npm run screenshots` runs.
 */
export async function writeDemoWorkbook(file: string, workbook: Workbook): Promise<void> {
  const [y, m, d] = DEMO_TODAY.split('-').map(Number) as [number, number, number];
  const now = fromWallTime(workbook.timeZone, y, m, d, 11, 0);
  await (await Runtime.open({ workbook, workbookPath: file, options: { now } })).save();
}

/**
 * A request to the sandbox's API. Node's fetch reuses a kept-alive connection, and the server may
 * close an idle one just as it is reused ("fetch failed", ECONNRESET): such a request is sent again,
 * at most three times in all.
 */
export async function askSandbox<T>(url: string, init?: RequestInit): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await (await fetch(url, init)).json()) as T;
    } catch (e) {
      const reset = (e as Error & { cause?: { code?: string } }).cause?.code === 'ECONNRESET';
      if (!reset || attempt === 3) throw e;
    }
  }
}
