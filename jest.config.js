/** One jest run for every suite: unit, HTTP (supertest against real MySQL + Redis), fake WeChat
 * protocol tests and the H5 end-to-end tests in Chromium. Each worker gets its own database. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  // Prisma's generated client imports './enums.js' for the .ts files next to it.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/support/worker-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/support/suite-database.ts'],
  maxWorkers: 2,
  testTimeout: 30000,
};
