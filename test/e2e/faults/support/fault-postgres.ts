import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';

const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * A PostgreSQL server of the test's own (the API's embedded-postgres helper, data in a temporary
 * folder) that the test stops and starts again on the same port, as an outage would. It runs
 * in a controller process (pg-controller.ts) that removes it when the test ends or dies.
 */
export interface FaultPostgres {
  port: number;
  /** A new, empty database on the server; its URL. */
  createDatabase(name: string): Promise<string>;
  /**
   * `fast`: SIGINT to the postmaster (sessions are terminated, open transactions rolled back);
   * `immediate`: SIGQUIT right after, as in a crash (no shutdown checkpoint; WAL recovery at the next start).
   */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Each outage: its kind, when the server was down (stop finished) and up again (ms since the epoch). */
  outages: { mode: 'fast' | 'immediate'; downAt: number; upAt: number | null }[];
  dispose(): Promise<void>;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = createServer();
    s.once('error', () => done(false));
    s.listen(port, '127.0.0.1', () => s.close(() => done(true)));
  });
}

/**
 * A free port below the ephemeral range (32768–60999 on Linux): no outgoing connection or
 * `listen(0)` of another process can take it while the server is down.
 */
async function fixedPort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await portFree(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

interface Reply {
  ok: boolean;
  error?: string;
  url?: string;
  ms?: number;
}

export async function startFaultPostgres(): Promise<FaultPostgres> {
  const dataDir = mkdtempSync('/tmp/govdesk-faults-pg-');
  const port = await fixedPort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'test/e2e/faults/support/pg-controller.ts', dataDir, String(port)], {
    cwd: REPO_ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'test/e2e/tsconfig.json' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const waiting: ((r: Reply) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    let reply: Reply;
    try {
      reply = JSON.parse(line) as Reply;
    } catch {
      return; // not an answer (a stray log line)
    }
    waiting.shift()?.(reply);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  void exited.then(() => {
    for (const w of waiting.splice(0)) w({ ok: false, error: `PostgreSQL controller exited:\n${stderr}` });
  });
  const reply = () => new Promise<Reply>((done) => waiting.push(done));
  const command = async (line: string): Promise<Reply> => {
    const answer = reply();
    child.stdin.write(`${line}\n`);
    const r = await answer;
    if (!r.ok) throw new Error(`${line}: ${r.error}`);
    return r;
  };

  const ready = await reply();
  if (!ready.ok || !ready.url) {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${ready.error}\n${stderr}`);
  }
  const adminUrl = ready.url;
  const outages: FaultPostgres['outages'] = [];

  return {
    port,
    outages,
    async createDatabase(name: string) {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop(mode) {
      await command(`stop ${mode}`);
      outages.push({ mode, downAt: Date.now(), upAt: null });
    },
    async start() {
      await command('start');
      const last = outages.at(-1);
      if (last && last.upAt === null) last.upAt = Date.now();
    },
    async dispose() {
      child.stdin.end();
      await exited;
    },
  };
}
