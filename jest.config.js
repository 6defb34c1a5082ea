import os from 'node:os';

/** Jest in ESM mode: the project is ESM because lowdb 7 is ESM-only. */
export default {
  // Jest's default on CI is one worker fewer than the cores: one on a two-core machine. Most test
  // files wait on servers, threads, files and PostgreSQL as much as they compute, so two files at
  // once keep both cores busy (the suite takes about two thirds of the time).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testEnvironment: 'node',
  // CI machines are shared and slow at times; a test that hangs still fails, just not on a busy second.
  testTimeout: 30_000,
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/close-csv-thread.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
};
