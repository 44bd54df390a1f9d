const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

// The sentiment accuracy spec reads ../shared/data (not part of the repository). Without it, and
// outside CI, the spec is left out with a printed reason; with CI=true its absence is a failure.
const sharedData = resolve(process.env.GOVDESK_SHARED_DATA ?? join(__dirname, '../../../shared/data'));
const withoutData = !existsSync(join(sharedData, 'sentiment')) && process.env.CI !== 'true';
if (withoutData) console.log(`text-analysis: ${sharedData}/sentiment is absent: sentiment-accuracy.spec.ts is left out`);

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'text-analysis',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(withoutData ? ['sentiment-accuracy\\.spec\\.ts$'] : [])],
};
