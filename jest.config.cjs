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
  // A limit that catches a hang, not a slow machine: CI shares two cores with other work.
  testTimeout: 120000,
};
