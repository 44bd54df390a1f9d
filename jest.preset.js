// Shared jest settings: SWC transpiles (type-checking is the separate `typecheck` target),
// workspace path aliases resolve to library sources, and every project writes a JSON report
// that .ci/run sums into its closing line.
const path = require('node:path');

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true, decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@govdesk/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@govdesk/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@govdesk/text-analysis$': path.join(__dirname, 'libs/text-analysis/src/index.ts'),
  },
};
