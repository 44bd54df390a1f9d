/**
 * Where ../shared/data is (the real text this project trains and measures on; see its
 * README) and what to do when it is absent: skip with a reason, except in CI (CI=true),
 * where absence is a failure.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SHARED_DATA = resolve(process.env['GOVDESK_SHARED_DATA'] ?? join(REPO_ROOT, '../shared/data'));

/** The path of a file under ../shared/data; exits (0 skip, or 1 in CI) when it is absent. */
export function sharedDataFile(relative: string, purpose: string): string {
  const path = join(SHARED_DATA, relative);
  if (existsSync(path)) return path;
  const reason = `${path} is absent, so ${purpose} cannot run`;
  if (process.env['CI'] === 'true') {
    console.error(`error: ${reason} (CI=true requires ../shared/data)`);
    process.exit(1);
  }
  console.log(`skipped: ${reason}`);
  process.exit(0);
}
