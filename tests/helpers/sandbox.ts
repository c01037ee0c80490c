// What the sandbox's browser tests share: its JSON API, a poll of it, and the sidebar frame of a given
// user. On a busy machine the page applies the server's answers late and the sidebar frame loads
// late: each helper waits (up to a minute) for what the next assertion needs, never a fixed time.
import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';

/**
 * A GET of the sandbox's API at `base` (its URL), asked again once when the server had just closed
 * the idle keep-alive socket that fetch reused (ECONNRESET: a race a loaded machine's late timers
 * make likely).
 */
export async function getJson<T>(base: string, path: string): Promise<T> {
  const get = async () => (await fetch(`${base}${path}`)).json() as Promise<T>;
  try {
    return await get();
  } catch (e) {
    if ((e as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw e;
    return get();
  }
}

/** Polls `read` until `ok` holds (every 100 ms, 600 times: a minute at least), returning the last value. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  let v = await read();
  for (let i = 0; i < 600 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  if (!ok(v)) throw new Error(`timed out waiting for ${what}`);
  return v;
}

/**
 * The sidebar frame once it holds `email`'s sidebar. After a user switch the server answers at once,
 * but the page sets the frame's address only when it applies that answer, and the frame keeps the
 * previous user's document until the new one arrives: a locator used before then finds the old one.
 */
export async function sidebarOf(page: Page, email: string): Promise<FrameLocator> {
  const want = `as=${encodeURIComponent(email)}`.toLowerCase();
  await until(
    async () => {
      const frame = await (await page.locator('#sidebar-frame').elementHandle())?.contentFrame();
      return frame?.url().toLowerCase() ?? '';
    },
    (url) => url.includes(want),
    `the sidebar of ${email}`,
  );
  return page.frameLocator('#sidebar-frame');
}

/**
 * Which figure the open check-in form on `krId` asks for: a number ("New current value") or, for a
 * milestone, "Done". Waits for the form first: a count taken before it is on screen finds neither
 * and takes the milestone's branch.
 */
export async function checkInFigure(sidebar: FrameLocator, krId: string): Promise<'current' | 'done'> {
  await sidebar.getByRole('heading', { name: `Check in on ${krId}` }).waitFor();
  return (await sidebar.getByLabel(/New current value/).count()) > 0 ? 'current' : 'done';
}

/**
 * The CPU time a live process has used so far, itself and the children it waited for (Linux's
 * /proc/<pid>/stat, in clock ticks of 10 ms); undefined where there is no /proc. Unlike the time
 * on the clock, this does not grow when other jobs share the cores.
 */
export function cpuMsOf(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After "pid (command) ": state, ppid, …; utime, stime, cutime, cstime are fields 14-17 of proc(5).
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  return Number.isFinite(ticks) ? ticks * 10 : undefined;
}
