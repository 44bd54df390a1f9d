import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from './built-server';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

/** Debian's Chromium, headless, with a fresh profile (Playwright makes one per launch). Missing Chromium is a failure, with the command that installs it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  if (!executablePath) {
    throw new Error('Chromium is not installed: run `apt-get install -y chromium` (Debian) or set CHROMIUM_PATH. Browser tests do not skip.');
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function screenshotPath(name: string): string {
  const dir = join(REPO_ROOT, 'reports/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
