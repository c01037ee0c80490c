/** The sandbox's refusal: one line on stderr, exit status 1 (the lock, if taken, is released on exit). */
export function fail(message: string): never {
  process.stderr.write(`okr-sandbox: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
