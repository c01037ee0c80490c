// Jest runs TypeScript through ts-jest in isolatedModules mode (fast; `tsc -b` type-checks separately).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: 'tsconfig.tests.json', diagnostics: false }],
    '^.+\\.mjs$': ['ts-jest', { tsconfig: 'tsconfig.tests.json', diagnostics: false }],
  },
  // Preact 11 ships ESM only; let ts-jest turn it into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!preact/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  // Browser suites start Chromium; keep them from starving each other on 2 cores.
  maxWorkers: 2,
  // A limit that catches a hang, not a slow machine: CI shares two cores with other work. Clean
  // clones on this machine ran the same test 4.4× slower from one run to the next (the weekly fault
  // property: 17 s and 76 s; it has its own 300 s); ones without their own limit reach 14 s on a
  // good run (the cycle-pace walk), 60 s on a bad one: five minutes leaves room for a worse one.
  testTimeout: 300000,
  // "A worker process has failed to exit gracefully" came from jest-worker force-exiting a worker that
  // took longer than its 500 ms default to exit on a loaded machine; `jest --detectOpenHandles` (in
  // band) finds no open handle. Give a busy worker time to exit instead of reporting a leak.
  workerGracefulExitTimeout: 10000,
};
