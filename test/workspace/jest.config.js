module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'workspace',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testTimeout: 120000,
};
