module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
