// Starts the sandbox as `npm start` does (a child process running main.ts through tsx), for the
// browser tests and scripts/screenshots.ts. Resolves with the URL the sandbox prints.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

export interface LaunchedSandbox {
  url: string;
  proc: ChildProcess;
  /** Milliseconds from spawn to the printed URL. */
  startupMs: number;
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

export interface LaunchResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnApp(args: string[], cwd: string): ChildProcess {
  return spawn(
    process.execPath,
    [join(repoRoot, 'local/bin/tsx-run.cjs'), join(repoRoot, 'local/app/main.ts'), ...args],
    {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Runs the app expecting it to exit (bad input); resolves with its exit code and output. */
export function runToExit(args: string[], cwd = repoRoot, timeoutMs = 180_000): Promise<LaunchResult> {
  return new Promise((resolve, reject) => {
    const proc = spawnApp(args, cwd);
    let stdout = '';
    let stderr = '';
    proc.stdout?.on('data', (d) => {
      stdout += d;
    });
    proc.stderr?.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`sandbox did not exit within ${timeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, timeoutMs);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function launchSandbox(args: string[], cwd = repoRoot, timeoutMs = 180_000): Promise<LaunchedSandbox> {
  const started = Date.now();
  const proc = spawnApp(args, cwd);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`sandbox printed no URL within ${timeoutMs} ms; stdout: ${out} stderr: ${err}`));
    }, timeoutMs);
    proc.stderr?.on('data', (d) => {
      err += d;
    });
    proc.stdout?.on('data', (d) => {
      out += d;
      const m = /(http:\/\/localhost:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          proc,
          startupMs: Date.now() - started,
          stdout: () => out,
          stderr: () => err,
          stop: () =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null) return done();
              proc.once('exit', () => done());
              proc.kill('SIGTERM');
              // SIGTERM saves the workbook, then releases its lock: on a busy machine that can take
              // well over 5 s, and a kill then leaves the lock behind (tests check it is released).
              setTimeout(() => proc.kill('SIGKILL'), 60_000).unref();
            }),
        });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${code}) before serving: ${err.trim() || out.trim()}`));
    });
  });
}
