/**
 * Backups.  `npm run backup [-- --out FILE] [--format auto|govdesk|pg_dump]`
 *           `npm run restore -- FILE [--force] [--without-jobs]`
 * Backs up the database GovDesk is configured for: DATABASE_URL, else the embedded PostgreSQL in
 * GOVDESK_DATA_DIR (default .govdesk/), started for the backup, or used as it is when `npm start`
 * is running. One consistent snapshot of the schemas public and pgboss (pending jobs and timers).
 * Default file: <data folder>/backups/govdesk-YYYYMMDD-HHmmss.gdbk.gz (with DATABASE_URL: ./backups/).
 * With a pg_dump at least as new as the server on PATH or in PG_BIN_DIR: pg_dump's custom format;
 * else (the embedded PostgreSQL 18) GovDesk's own gzip'd COPY format, see format.ts.
 * Restore replaces everything in one transaction; it refuses a database that has data unless
 * --force, a backup newer than the code, and a running GovDesk on the same data folder.
 */
import 'reflect-metadata';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { appliedMigrations, listTables, listSequences, pgbossState, serverVersion } from './catalog';
import { formatBytes, parseArgs, runCli } from './cli';
import { BackupError, FORMAT, FORMAT_VERSION, frameHeader, jsonFrame, MAGIC, qualified, quoteIdent, TableDigest, type Manifest } from './format';
import { backupConfig, findPgTool, openDatabase, runPgTool, splitPassword } from './target';

export type BackupFormat = 'govdesk' | 'pg_dump';

export interface BackupOptions {
  url: string;
  /** The file to write; else a dated file in `dir`. */
  out?: string;
  dir?: string;
  /** `auto` (default): pg_dump when one at least as new as the server is found, else GovDesk's format. */
  format?: BackupFormat | 'auto';
  env?: NodeJS.ProcessEnv;
}

export interface BackupResult {
  file: string;
  bytes: number;
  format: BackupFormat;
  tables: number;
  rows: number;
  seconds: number;
  manifest: Manifest;
}

/** Data frames of about this size: large enough to keep framing cheap, small enough to stream. */
const FRAME_TARGET = 256 * 1024;

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** Everything the manifest holds, read inside the snapshot's transaction (row counts included). */
async function readManifest(client: Client): Promise<Manifest> {
  const server = await serverVersion(client);
  const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
  const tables = await listTables(client);
  const entries = [];
  for (const t of tables) {
    const count = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(t.schema, t.name)}`);
    entries.push({ schema: t.schema, name: t.name, columns: t.columns, rows: Number(count.rows[0]!.n), partitioned: t.partitioned });
  }
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    server,
    database,
    migrations: await appliedMigrations(client),
    pgboss: await pgbossState(client),
    tables: entries,
    sequences: await listSequences(client),
  };
}

/** Streams every table with COPY … TO STDOUT into the gzip'd file (format.ts). */
async function writeGovdeskBackup(client: Client, manifest: Manifest, file: string): Promise<number> {
  const gzip = createGzip({ level: 6 });
  // A backup holds personal data (applicants' identities): readable by its owner only.
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  done.catch(() => undefined);
  const write = async (...buffers: Buffer[]) => {
    for (const b of buffers) if (!gzip.write(b)) await once(gzip, 'drain');
  };
  await write(MAGIC, ...jsonFrame('M', manifest));
  let total = 0;
  for (const [index, table] of manifest.tables.entries()) {
    await write(...jsonFrame('T', { index }));
    const name = qualified(table.schema, table.name);
    const columns = table.columns.map(quoteIdent).join(', ');
    // COPY cannot read a partitioned table directly (pg-boss's job): through a query it can.
    const sql = table.partitioned ? `COPY (SELECT ${columns} FROM ${name}) TO STDOUT` : `COPY ${name} (${columns}) TO STDOUT`;
    const digest = new TableDigest();
    let pending: Buffer[] = [];
    let size = 0;
    const flush = async () => {
      if (!size) return;
      const payload = pending.length === 1 ? pending[0]! : Buffer.concat(pending, size);
      pending = [];
      size = 0;
      await write(frameHeader('D', payload.length), payload);
    };
    for await (const chunk of client.query(copyTo(sql)) as AsyncIterable<Buffer>) {
      digest.update(chunk);
      pending.push(chunk);
      size += chunk.length;
      if (size >= FRAME_TARGET) await flush();
    }
    await flush();
    const end = digest.digest();
    if (end.rows !== table.rows) throw new Error(`${name}: COPY gave ${end.rows} rows, count(*) ${table.rows} in the same snapshot`);
    await write(...jsonFrame('E', end));
    total += end.rows;
  }
  await write(...jsonFrame('Z', { tables: manifest.tables.length, rows: total }));
  gzip.end();
  await done;
  return total;
}

/**
 * Backs up the database at `url` from one consistent snapshot (REPEATABLE READ, READ ONLY; a
 * running GovDesk goes on working). The file appears under its name only when complete.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const client = new Client({ connectionString: options.url });
  client.on('error', () => undefined);
  await client.connect();
  let tmp: string | null = null;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const manifest = await readManifest(client);
    const wanted = options.format ?? 'auto';
    const serverMajor = Math.floor(manifest.server.versionNum / 10000);
    const pgDump = wanted === 'govdesk' ? null : await findPgTool('pg_dump', serverMajor, options.env);
    if (wanted === 'pg_dump' && !pgDump) {
      throw new BackupError(
        `找不到版本不低于 ${serverMajor} 的 pg_dump（PATH 或 PG_BIN_DIR）。不加 --format 即使用 GovDesk 自己的备份格式。`,
        `No pg_dump of version ${serverMajor} or newer on PATH or in PG_BIN_DIR. Leave out --format to use GovDesk's own backup format.`,
      );
    }
    const format: BackupFormat = pgDump ? 'pg_dump' : 'govdesk';
    const file = resolve(options.out ?? join(options.dir ?? 'backups', `govdesk-${stamp(new Date())}${format === 'pg_dump' ? '.pgdump' : '.gdbk.gz'}`));
    await mkdir(dirname(file), { recursive: true });
    tmp = `${file}.partial`;
    let rows: number;
    if (pgDump) {
      // pg_dump reads the very snapshot of this transaction, so the counts above are its counts.
      const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
      const target = splitPassword(options.url);
      await runPgTool(pgDump.path, ['--format=custom', '--no-owner', `--snapshot=${snapshot}`, `--file=${tmp}`, `--dbname=${target.url}`], target.password);
      rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    } else {
      rows = await writeGovdeskBackup(client, manifest, tmp);
    }
    await client.query('COMMIT');
    await rename(tmp, file);
    tmp = null;
    const bytes = (await stat(file)).size;
    return { file, bytes, format, tables: manifest.tables.length, rows, seconds: (performance.now() - started) / 1000, manifest };
  } finally {
    if (tmp) await rm(tmp, { force: true });
    await client.end().catch(() => undefined);
  }
}

async function main(argv: string[], onExit: (cleanup: () => Promise<void>) => void): Promise<void> {
  const { positional, flags } = parseArgs(argv, ['out', 'format']);
  if (flags.has('help') || positional.length) {
    process.stdout.write('Usage: npm run backup [-- --out FILE] [--format auto|govdesk|pg_dump]\n');
    if (positional.length) throw new BackupError(`未知参数：${positional.join(' ')}`, `Unknown arguments: ${positional.join(' ')}`);
    return;
  }
  const format = (flags.get('format') ?? 'auto') as string;
  if (!['auto', 'govdesk', 'pg_dump'].includes(format)) throw new BackupError(`--format 只能是 auto、govdesk 或 pg_dump。`, `--format must be auto, govdesk or pg_dump.`);
  const out = flags.get('out');
  const config = backupConfig();
  const database = await openDatabase('backup');
  onExit(database.release);
  process.stdout.write(`Backing up ${database.description}…\n`);
  const result = await createBackup({
    url: database.url,
    out: typeof out === 'string' ? out : undefined,
    dir: config.databaseUrl ? resolve('backups') : join(config.dataDir, 'backups'),
    format: format as BackupFormat | 'auto',
  });
  const m = result.manifest;
  process.stdout.write(
    [
      `Backup written: ${result.file}`,
      `  size ${formatBytes(result.bytes)} · ${result.tables} tables · ${result.rows.toLocaleString('en-US')} rows · ${result.seconds.toFixed(1)} s`,
      `  format: ${result.format === 'pg_dump' ? "pg_dump's custom format" : "GovDesk's logical backup (gzip'd COPY)"} · PostgreSQL ${m.server.version}`,
      `  migrations: ${m.migrations.length}${m.migrations.length ? ` (last ${m.migrations[m.migrations.length - 1]})` : ''} · jobs: ${m.pgboss ? `${m.pgboss.queues.length} queues` : 'none'}`,
      `  Restore with: npm run restore -- ${result.file}`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) runCli('backup', (onExit) => main(process.argv.slice(2), onExit));
