// Fault tests: each spec file starts its own embedded PostgreSQL (stopped and restarted by the
// test) and spawns API processes from source; files run one after the other so that the
// timings hold on a loaded two-core machine.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e-faults',
  rootDir: __dirname,
  testMatch: ['<rootDir>/faults/**/*.spec.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
