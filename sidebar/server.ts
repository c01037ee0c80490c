// A typed promise wrapper over google.script.run. `server` has exactly the endpoints of the
// Endpoints interface in src/api.ts, each with its own request and result types, so a misspelt
// endpoint or a wrong request is a compile error, not a runtime "is not a function".
// https://developers.google.com/apps-script/guides/html/reference/run
import type { Endpoints } from '../src/api';

export type Server = {
  [K in keyof Endpoints]: (...args: Parameters<Endpoints[K]>) => Promise<ReturnType<Endpoints[K]>>;
};

interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRunner; host?: { close(): void } } };
  }
}

// The list is typed against Endpoints both ways: a missing or an extra name does not compile.
const ENDPOINTS: { [K in keyof Endpoints]: true } = {
  getSidebarStart: true,
  getSidebarState: true,
  getKeyResult: true,
  checkIn: true,
  acceptOwnership: true,
  declineOwnership: true,
  assignOwner: true,
  addObjective: true,
  addKeyResult: true,
  selectCell: true,
  watchSheet: true,
  getSettings: true,
  saveSettings: true,
  enableWeeklyEmails: true,
  disableWeeklyEmails: true,
  sendTestWeeklyEmail: true,
  getTeamView: true,
  saveMyWeeklyEmail: true,
  updateFromSource: true,
  getKeyResultHistory: true,
  previewImport: true,
  confirmImport: true,
  proposeAgreement: true,
  respondAgreement: true,
  getCycles: true,
  closeCycle: true,
  rollOver: true,
  saveRetrospective: true,
  reopenCycle: true,
};

/** google.script.run allows at most 10 calls in flight; queue the rest. */
const MAX_IN_FLIGHT = 8;
let inFlight = 0;
const waiting: Array<() => void> = [];

function release(): void {
  inFlight--;
  waiting.shift()?.();
}

function call(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const start = () => {
      inFlight++;
      const run = window.google?.script.run;
      if (!run) {
        release();
        reject(new Error('google.script.run is not available'));
        return;
      }
      const runner = run
        .withSuccessHandler((value) => {
          release();
          resolve(value);
        })
        .withFailureHandler((error) => {
          release();
          reject(
            error instanceof Error
              ? error
              : new Error(String((error as { message?: string })?.message ?? error)),
          );
        }) as unknown as Record<string, (...a: unknown[]) => void>;
      runner[name](...args);
    };
    if (inFlight < MAX_IN_FLIGHT) start();
    else waiting.push(start);
  });
}

export const server = Object.fromEntries(
  Object.keys(ENDPOINTS).map((name) => [name, (...args: unknown[]) => call(name, args)]),
) as Server;

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
