import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_PASSWORD } from './test-app';

const REPO_ROOT = resolve(__dirname, '../../../..');

export interface SpawnedApi {
  /** Empty for a worker, which serves no HTTP. */
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGINT and wait for the exit code (a graceful stop). */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies on the spot, as in a crash. */
  kill(): Promise<void>;
}

/**
 * A separate API process (`node apps/api/src/main.ts`, compiled on the fly by swc-node) on the
 * given database: its own pools, pg-boss and socket.io server, as in a real deployment. Resolves
 * when it prints that it is running; `GOVDESK_ROLE=worker` prints a worker line instead.
 * `SPAWN_NODE_ARGS` in the environment adds options to its `node` (e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof` to profile the processes a benchmark starts).
 */
export async function spawnApi(env: Record<string, string> & { DATABASE_URL: string }): Promise<SpawnedApi> {
  const dataDir = mkdtempSync('/tmp/govdesk-proc-');
  const child = spawn(process.execPath, [...(process.env.SPAWN_NODE_ARGS ? process.env.SPAWN_NODE_ARGS.split(' ') : []), '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'apps/api/tsconfig.json',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      GOVDESK_DATA_DIR: dataDir,
      GOVDESK_DEMO_PASSWORD: DEMO_PASSWORD,
      GOVDESK_DEMO_REQUESTS: '0',
      GOVDESK_DEMO_MENTIONS: '0',
      GOVDESK_LOG_LEVEL: 'warn',
      GOVDESK_CONSOLE_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  void exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`API process did not start in 90 s:\n${out}`)), 90_000);
    const check = () => {
      const api = /GovDesk is running at (http:\/\/\S+)/.exec(out);
      if (api?.[1] || /GovDesk worker is running/.test(out)) {
        clearTimeout(timer);
        ready(api?.[1] ?? '');
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`API process exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
