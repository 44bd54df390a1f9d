import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const MAIN = join(REPO_ROOT, 'dist/apps/api/apps/api/src/main.js');
export const DEMO_PASSWORD = 'browser-demo-2026';

export interface BuiltServer {
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/**
 * Starts the built product exactly as `npm start` does (embedded PostgreSQL in its own data
 * folder, migrations, seed, API and console on one port) and waits for its printed URL.
 */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<BuiltServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (nx run api:build)`);
  const dataDir = mkdtempSync('/tmp/govdesk-browser-');
  chmodSync(dataDir, 0o755);
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      GOVDESK_DATA_DIR: dataDir,
      GOVDESK_DEMO_PASSWORD: DEMO_PASSWORD,
      GOVDESK_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60000);
    const check = () => {
      const m = /GovDesk is running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop(child.exitCode);
        child.once('exit', (code) => resolveStop(code));
        child.kill('SIGINT');
      }),
  };
}
