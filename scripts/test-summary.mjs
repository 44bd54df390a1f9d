// Sums the JSON reports that each project's jest run writes to reports/jest/ and prints the
// closing line CI reads: `N passed, N failed`. With --clean, removes old reports first.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'reports/jest');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

if (process.argv.includes('--clean')) {
  for (const f of files) rmSync(join(dir, f));
  process.exit(0);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files.sort()) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const failedSuites = report.numRuntimeErrorTestSuites ?? 0;
  passed += report.numPassedTests;
  failed += report.numFailedTests + failedSuites;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(
    `  ${file.replace(/\.json$/, '').padEnd(18)} ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
      (failedSuites ? `, ${failedSuites} suites did not run` : ''),
  );
}
if (files.length === 0) {
  console.log('no test reports found in reports/jest');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
