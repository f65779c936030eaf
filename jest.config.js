/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  testTimeout: 120000,
  // Workflow and end-to-end tests each start real servers; two cores run two files at once.
  maxWorkers: 2,
};
