import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig, type AppConfig } from '../config/app-config';
import { prepareDatabase } from '../database/database.bootstrap';
import { BackupError } from './format';

/** The database a backup is read from or restored into, and how to let go of it. */
export interface DatabaseTarget {
  url: string;
  /** For messages: "DATABASE_URL host:5432/db" or "embedded PostgreSQL in <dir>". */
  description: string;
  config: AppConfig;
  /** Stops the embedded server if this process started it. */
  release(): Promise<void>;
}

/** The configuration the API would use. A backup or restore seeds nothing, so GOVDESK_DEMO's rules do not apply. */
export function backupConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadConfig({ ...env, GOVDESK_DEMO: 'on' });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the server runs as `postgres`).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The embedded server already running on this data folder (an `npm start`), from its postmaster.pid. */
export function runningEmbeddedServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // Lines: pid, data directory, start time, port, socket directory, listen address, shmem key, status.
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!(pid > 0) || !alive(pid) || !(port > 0)) return null;
  return { pid, port };
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `DATABASE_URL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * Opens the database the API is configured for: DATABASE_URL, else the embedded PostgreSQL of
 * the data folder. For a backup, an embedded server that `npm start` is already running is
 * used as it is (a second server on the same folder cannot start). A restore refuses a running
 * GovDesk: the restore replaces every row under it.
 */
export async function openDatabase(purpose: 'backup' | 'restore', env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => undefined): Promise<DatabaseTarget> {
  const config = backupConfig(env);
  if (config.databaseUrl) {
    const prepared = await prepareDatabase(config, log);
    return { url: prepared.url, description: describeUrl(prepared.url), config, release: async () => undefined };
  }
  const pgDir = join(config.dataDir, 'pg');
  const running = runningEmbeddedServer(config.dataDir);
  if (running) {
    if (purpose === 'restore') {
      throw new BackupError(
        `数据目录 ${config.dataDir} 的数据库正在运行（进程 ${running.pid}），可能是 GovDesk 正在运行：请先停止它（在其终端按 Ctrl-C），再恢复。`,
        `The database in ${config.dataDir} is running (process ${running.pid}), probably GovDesk itself: stop it first (Ctrl-C in its terminal), then restore.`,
      );
    }
    const password = readFileSync(join(config.dataDir, 'pg-password'), 'utf8').trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/govdesk`;
    return { url, description: `the running embedded PostgreSQL in ${pgDir} (process ${running.pid})`, config, release: async () => undefined };
  }
  if (purpose === 'backup' && !existsSync(join(pgDir, 'PG_VERSION'))) {
    throw new BackupError(
      `${config.dataDir} 中没有 GovDesk 数据库：请检查 GOVDESK_DATA_DIR，或设置 DATABASE_URL。`,
      `There is no GovDesk database in ${config.dataDir}: check GOVDESK_DATA_DIR, or set DATABASE_URL.`,
    );
  }
  // Starts (and for a restore into a new folder, first creates) the embedded server exactly as the API does.
  const prepared = await prepareDatabase(config, log);
  return {
    url: prepared.url,
    description: `the embedded PostgreSQL in ${pgDir}`,
    config,
    release: async () => {
      await prepared.embedded?.stop();
    },
  };
}

const run = promisify(execFile);

/**
 * A PostgreSQL client program (pg_dump, pg_restore) from PG_BIN_DIR or PATH whose major version
 * is at least the server's, or null. Debian's postgresql-client 15 cannot dump a PostgreSQL 18.
 */
export async function findPgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number, env: NodeJS.ProcessEnv = process.env): Promise<{ path: string; major: number } | null> {
  const dirs = env['PG_BIN_DIR'] ? [env['PG_BIN_DIR']] : (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    try {
      const { stdout } = await run(path, ['--version'], { timeout: 10_000 });
      const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(stdout)?.[1]);
      if (major >= serverMajor) return { path, major };
    } catch {
      // Not runnable (a Debian pg_wrapper without a matching cluster, say): try the next.
    }
  }
  return null;
}

/** A URL without its password, and the password (for PGPASSWORD: not visible in `ps`). */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { url: u.toString(), password };
}

/** Runs pg_dump or pg_restore; its standard output. */
export async function runPgTool(path: string, args: string[], password: string | undefined): Promise<string> {
  try {
    const { stdout } = await run(path, args, { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${path} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}
