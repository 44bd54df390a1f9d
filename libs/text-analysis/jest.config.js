module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'text-analysis',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
