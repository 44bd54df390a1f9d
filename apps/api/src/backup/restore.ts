/**
 * `npm run restore -- FILE [--force] [--without-jobs]`: loads a backup of `npm run backup` into
 * the database GovDesk is configured for (DATABASE_URL, else the embedded PostgreSQL in
 * GOVDESK_DATA_DIR, created if the folder is new). See backup.ts for the whole story.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { runMigrations } from '../database/database.bootstrap';
import { dataSourceOptions } from '../database/data-source.options';
import { migrations as codeMigrationClasses } from '../database/migrations';
import { appliedMigrations, codeMigrations, listTables, serverVersion, type CatalogTable } from './catalog';
import { formatBytes, parseArgs, runCli } from './cli';
import {
  BackupError,
  checkTableEnd,
  damaged,
  fileKind,
  JOBS_SCHEMA,
  openBackup,
  parseJson,
  qualified,
  quoteIdent,
  SCHEMAS,
  TableDigest,
  verifyBackupFile,
  type FrameReader,
  type Manifest,
  type TableEnd,
} from './format';
import { findPgTool, openDatabase, runPgTool, splitPassword } from './target';

export interface RestoreOptions {
  url: string;
  file: string;
  /** Replace a database that has data. */
  force?: boolean;
  /** Leave pg-boss's jobs out (the target's are emptied; GovDesk creates its queues and schedules again at start). */
  withoutJobs?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface RestoreResult {
  format: 'govdesk' | 'pg_dump';
  tables: number;
  rows: number;
  seconds: number;
  /** Migrations run after the load, for a backup older than the code. */
  migrated: string[];
}

/** The trigger that refuses TRUNCATE of the append-only audit log (foundation migration). */
const AUDIT_TRUNCATE_TRIGGER = 'audit_log_no_truncate';

/** pg-boss's schema version in node_modules (the one GovDesk's pg-boss creates and expects). */
export function installedJobsSchemaVersion(): number {
  return (JSON.parse(readFileSync(require.resolve('pg-boss/version.json'), 'utf8')) as { schema: number }).schema;
}

/**
 * Refuses a backup whose migrations are not the beginning of the code's (a newer or a foreign
 * GovDesk), and a target database migrated beyond this code.
 */
export function checkMigrations(backup: string[], code: string[], target: string[]): void {
  const foreign = backup.findIndex((name, i) => code[i] !== name);
  if (foreign !== -1) {
    throw new BackupError(
      `备份来自更新（或不同）版本的 GovDesk：其迁移 ${backup[foreign]} 不在本程序中。请先升级 GovDesk，再恢复。`,
      `The backup comes from a newer (or different) GovDesk: its migration ${backup[foreign]} is not in this code. Update GovDesk first, then restore.`,
    );
  }
  const beyond = target.findIndex((name, i) => code[i] !== name);
  if (beyond !== -1) {
    throw new BackupError(
      `目标数据库由更新版本的 GovDesk 迁移过（迁移 ${target[beyond]} 不在本程序中），不能恢复到其中。`,
      `The target database was migrated by a newer GovDesk (migration ${target[beyond]} is not in this code): cannot restore into it.`,
    );
  }
}

/** The first table of the target that has rows (TypeORM's `migrations` and pg-boss's bookkeeping aside), or null. */
async function firstTableWithData(client: Client): Promise<string | null> {
  for (const t of await listTables(client)) {
    // Written by the migrations themselves: the migrations run, and TypeORM's record of generated columns.
    if (t.schema === 'public' && (t.name === 'migrations' || t.name === 'typeorm_metadata')) continue;
    if (t.schema === JOBS_SCHEMA && !['job', 'archive'].includes(t.name)) continue;
    const r = await client.query(`SELECT 1 FROM ${qualified(t.schema, t.name)} LIMIT 1`);
    if (r.rowCount) return `${t.schema}.${t.name}`;
  }
  return null;
}

/**
 * Brings the target's schema to exactly the backup's migrations, outside the load's transaction
 * (each migration in its own): reverts migrations the backup does not have (only reachable with
 * --force or on an empty database), runs the missing ones.
 */
async function migrateTo(url: string, wanted: string[], code: string[], applied: string[], log: (line: string) => void): Promise<void> {
  if (applied.length > wanted.length) {
    const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 1 } }));
    await dataSource.initialize();
    try {
      for (let n = applied.length; n > wanted.length; n--) {
        log(`reverting migration ${applied[n - 1]}`);
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
    } finally {
      await dataSource.destroy();
    }
  }
  if (wanted.length === code.length) {
    await runMigrations(url);
  } else if (applied.length < wanted.length) {
    const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 1 }, migrations: codeMigrationClasses.slice(0, wanted.length) }));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  }
}

/** Creates (or upgrades) pg-boss's schema the way GovDesk's pg-boss does at start, and stops again. */
async function ensureJobsSchema(url: string): Promise<void> {
  const boss = new PgBoss({ connectionString: url, schema: JOBS_SCHEMA, supervise: false, schedule: false, migrate: true, max: 1 });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

/** One table's data frames as a stream for COPY FROM, checked against the manifest as they pass. */
async function* tableData(reader: FrameReader, manifest: Manifest, index: number): AsyncGenerator<Buffer> {
  const table = manifest.tables[index]!;
  const digest = new TableDigest();
  for (;;) {
    const frame = await reader.next();
    if (!frame) throw damaged(`the file ends inside table ${table.schema}.${table.name}`);
    if (frame.type === 'E') {
      checkTableEnd(table, digest.digest(), parseJson<TableEnd>(frame));
      return;
    }
    if (frame.type !== 'D') throw damaged(`unexpected ${frame.type} frame`);
    digest.update(frame.payload);
    yield frame.payload;
  }
}

/**
 * Tables are loaded in foreign-key order, but a cycle of keys (units.lead_user_id → users,
 * users.unit_id → units) has no such order. Each non-deferrable key whose table is loaded
 * before (or with) the table it references is made DEFERRABLE INITIALLY DEFERRED for the load,
 * inside the transaction, so it is checked at SET CONSTRAINTS ALL IMMEDIATE; the caller then
 * makes it NOT DEFERRABLE again before commit (and a rollback undoes it anyway).
 */
async function deferBackwardKeys(client: Client, manifest: Manifest): Promise<{ table: string; name: string }[]> {
  const position = new Map(manifest.tables.map((t, i) => [`${t.schema}.${t.name}`, i]));
  const keys = await client.query<{ child: string; parent: string; table: string; name: string }>(
    `SELECT cn.nspname || '.' || c.relname AS child, pn.nspname || '.' || p.relname AS parent,
            k.conrelid::regclass::text AS table, k.conname AS name
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
       JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
      WHERE k.contype = 'f' AND NOT k.condeferrable AND cn.nspname = ANY($1) AND k.conrelid <> k.confrelid`,
    [SCHEMAS],
  );
  const backward = keys.rows.filter((k) => (position.get(k.child) ?? -1) <= (position.get(k.parent) ?? -1) && position.has(k.child));
  for (const key of backward) await client.query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${quoteIdent(key.name)} DEFERRABLE INITIALLY DEFERRED`);
  return backward;
}

/**
 * The load, in ONE transaction: empty every table, create pg-boss's queue partitions, COPY
 * each table in the backup's (foreign-key) order, set the sequences, check the row counts and
 * that the audit log is append-only again, commit. Any failure rolls all of it back.
 */
async function loadGovdeskBackup(client: Client, file: string, manifest: Manifest, withJobs: boolean, log: (line: string) => void): Promise<number> {
  const { reader, close } = await openBackup(file);
  try {
    await client.query('BEGIN');
    // pg-boss's foreign keys are DEFERRABLE: checked at the end, after every table is in.
    await client.query('SET CONSTRAINTS ALL DEFERRED');

    let tables = await listTables(client);
    if (tables.some((t) => t.schema === JOBS_SCHEMA && t.name === 'job')) {
      // Each pg-boss queue is a partition of pgboss.job: drop them all, the backup's queues are created below.
      const partitions = await client.query<{ name: string }>(
        `SELECT c.oid::regclass::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '${JOBS_SCHEMA}.job'::regclass`,
      );
      for (const p of partitions.rows) await client.query(`DROP TABLE ${p.name}`);
      tables = await listTables(client);
    }
    // pg-boss's version row stays unless the backup brings its own: pg-boss cannot start without it.
    const emptied = tables.filter((t) => withJobs || !(t.schema === JOBS_SCHEMA && t.name === 'version'));
    const auditTrigger = await client.query(`SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass('public.audit_log') AND tgname = $1`, [AUDIT_TRUNCATE_TRIGGER]);
    // The audit log is append-only: a trigger refuses TRUNCATE. Restoring a backup into an empty
    // database (or one the operator chose to replace with --force) is the one case where its rows
    // are replaced: the trigger is disabled for this one statement inside this transaction, and
    // enabled again at once (ALTER TABLE is transactional: a failure rolls the disabling back too).
    if (auditTrigger.rowCount) await client.query(`ALTER TABLE public.audit_log DISABLE TRIGGER ${AUDIT_TRUNCATE_TRIGGER}`);
    if (emptied.length) await client.query(`TRUNCATE ${emptied.map((t) => qualified(t.schema, t.name)).join(', ')}`);
    if (auditTrigger.rowCount) await client.query(`ALTER TABLE public.audit_log ENABLE TRIGGER ${AUDIT_TRUNCATE_TRIGGER}`);

    if (withJobs && manifest.pgboss) {
      // pg-boss's own function creates each queue's partition (its name derives from the queue's);
      // its queue rows are then replaced by the backup's own.
      for (const queue of manifest.pgboss.queues) await client.query(`SELECT ${JOBS_SCHEMA}.create_queue($1, '{}'::json)`, [queue]);
      await client.query(`DELETE FROM ${JOBS_SCHEMA}.queue`);
    }

    const present = new Map<string, CatalogTable>(tables.map((t) => [`${t.schema}.${t.name}`, t]));
    const deferred = await deferBackwardKeys(client, manifest);
    let rows = 0;
    for (let index = 0; index < manifest.tables.length; index++) {
      const table = manifest.tables[index]!;
      const start = parseJson<{ index: number }>(await reader.expect('T'));
      if (start.index !== index) throw damaged(`table ${index} expected, found ${start.index}`);
      const data = tableData(reader, manifest, index);
      if (table.schema === JOBS_SCHEMA && !withJobs) {
        for await (const _chunk of data); // read through, still checked
        continue;
      }
      if (!present.has(`${table.schema}.${table.name}`)) {
        throw new BackupError(
          `备份中的表 ${table.schema}.${table.name} 在目标数据库中不存在。`,
          `The backup's table ${table.schema}.${table.name} does not exist in the target database.`,
        );
      }
      const columns = table.columns.map(quoteIdent).join(', ');
      await pipeline(Readable.from(data), client.query(copyFrom(`COPY ${qualified(table.schema, table.name)} (${columns}) FROM STDIN`)));
      rows += table.rows;
      if (table.rows >= 100_000) log(`loaded ${table.schema}.${table.name}: ${table.rows.toLocaleString('en-US')} rows`);
    }
    await reader.expect('Z');

    for (const s of manifest.sequences) {
      if (s.schema === JOBS_SCHEMA && !withJobs) continue;
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [qualified(s.schema, s.name), s.lastValue, s.isCalled]);
    }

    // Every table has exactly the manifest's rows.
    for (const table of manifest.tables) {
      if (table.schema === JOBS_SCHEMA && !withJobs) continue;
      const count = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(table.schema, table.name)}`);
      if (Number(count.rows[0]!.n) !== table.rows) throw new Error(`${table.schema}.${table.name}: ${count.rows[0]!.n} rows after the load, the backup has ${table.rows}`);
    }
    // The audit log's protection is in force again before anything is committed.
    const disabled = await client.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass('public.audit_log') AND NOT tgisinternal AND tgenabled <> 'O'`);
    if (disabled.rowCount) throw new Error(`audit_log trigger ${String(disabled.rows[0].tgname)} is not enabled`);
    // Deferred foreign keys are checked here, so that a violation fails with its own message;
    // then the keys made deferrable for the load are as they were again.
    await client.query('SET CONSTRAINTS ALL IMMEDIATE');
    for (const key of deferred) await client.query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${quoteIdent(key.name)} NOT DEFERRABLE`);
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof BackupError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new BackupError(`恢复出错，已全部回滚，数据未改变：${message}`, `The restore failed and was rolled back, no data was changed: ${message}`);
  } finally {
    close();
  }
}

/** The migrations recorded in a pg_dump archive (the data of public.migrations, printed by pg_restore). */
async function dumpMigrations(pgRestore: string, file: string): Promise<string[]> {
  const sql = await runPgTool(pgRestore, ['--data-only', '--schema=public', '--table=migrations', '--file=-', file], undefined);
  const lines = sql.split('\n');
  const start = lines.findIndex((l) => /^COPY public\.migrations \(/.test(l));
  if (start === -1) return [];
  const columns = /\((.*)\) FROM stdin;$/.exec(lines[start]!)![1]!.split(', ').map((c) => c.replace(/"/g, ''));
  const at = { name: columns.indexOf('name'), timestamp: columns.indexOf('timestamp') };
  const rows: { name: string; timestamp: number }[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    const fields = line.split('\t');
    rows.push({ name: fields[at.name]!, timestamp: Number(fields[at.timestamp]) });
  }
  return rows.sort((a, b) => a.timestamp - b.timestamp).map((r) => r.name);
}

/**
 * Restores `file` (GovDesk's format or a pg_dump archive) into the database at `url`.
 * Refusals (BackupError) leave the target as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const kind = await fileKind(options.file);
  if (kind === 'unknown') throw new BackupError(`${options.file} 不是 GovDesk 备份文件。`, `${options.file} is not a GovDesk backup.`);

  // A GovDesk backup is read through once before anything is touched: a damaged file changes nothing.
  const manifest = kind === 'govdesk' ? await verifyBackupFile(options.file) : null;
  const withJobs = !options.withoutJobs && (manifest ? manifest.pgboss !== null : true);
  if (manifest?.pgboss && withJobs && manifest.pgboss.schemaVersion !== installedJobsSchemaVersion()) {
    throw new BackupError(
      `备份中任务队列（pg-boss）的结构版本 ${manifest.pgboss.schemaVersion} 与本程序的 ${installedJobsSchemaVersion()} 不同。加 --without-jobs 可不恢复待办任务（升级提醒等定时任务会丢失）。`,
      `The backup's job queue (pg-boss) schema version ${manifest.pgboss.schemaVersion} differs from this GovDesk's ${installedJobsSchemaVersion()}. Add --without-jobs to restore without pending jobs (escalation timers are lost).`,
    );
  }

  const client = new Client({ connectionString: options.url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const server = await serverVersion(client);
    const pgRestore = kind === 'pg_dump' ? await findPgTool('pg_restore', Math.floor(server.versionNum / 10000), options.env) : null;
    if (kind === 'pg_dump' && !pgRestore) {
      throw new BackupError(
        `这是 pg_dump 格式的备份，需要版本不低于 ${Math.floor(server.versionNum / 10000)} 的 pg_restore（放在 PATH 中或设置 PG_BIN_DIR）。`,
        `This is a pg_dump archive: it needs pg_restore ${Math.floor(server.versionNum / 10000)} or newer on PATH or in PG_BIN_DIR.`,
      );
    }
    const backupMigrations = manifest ? manifest.migrations : await dumpMigrations(pgRestore!.path, options.file);
    const code = codeMigrations();
    const applied = await appliedMigrations(client);
    checkMigrations(backupMigrations, code, applied);

    const withData = await firstTableWithData(client);
    if (withData && !options.force) {
      throw new BackupError(
        `目标数据库已有数据（例如表 ${withData}）。恢复会用备份替换其中全部数据；确认要替换，请加 --force 再运行。`,
        `The target database already has data (table ${withData}, for one). A restore replaces all of it with the backup; to do so, run again with --force.`,
      );
    }
    const others = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    if (others.rows[0]!.n > 0 && !options.force) {
      throw new BackupError(
        `目标数据库还有 ${others.rows[0]!.n} 个其他连接（GovDesk 可能正在使用它）。请先停止 GovDesk；确认无妨，请加 --force。`,
        `The target database has ${others.rows[0]!.n} other connection(s) (GovDesk may be using it). Stop GovDesk first, or add --force if that is intended.`,
      );
    }

    let rows: number;
    let tables: number;
    if (manifest) {
      await migrateTo(options.url, backupMigrations, code, applied, log);
      if (withJobs) await ensureJobsSchema(options.url);
      rows = await loadGovdeskBackup(client, options.file, manifest, withJobs, log);
      tables = manifest.tables.filter((t) => withJobs || t.schema !== JOBS_SCHEMA).length;
    } else {
      // pg_restore replaces every object of the archive (--clean); first revert migrations the
      // archive does not know, whose tables it would leave behind.
      if (applied.length > backupMigrations.length) await migrateTo(options.url, backupMigrations, code, applied, log);
      const target = splitPassword(options.url);
      await runPgTool(
        pgRestore!.path,
        ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', ...(options.withoutJobs ? ['--schema=public'] : []), `--dbname=${target.url}`, options.file],
        target.password,
      );
      const restored = await listTables(client);
      tables = restored.length;
      rows = 0;
      for (const t of restored) rows += Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(t.schema, t.name)}`)).rows[0]!.n);
    }
    // A backup older than the code: its data is migrated like any database at the next start.
    const migrated = backupMigrations.length < code.length ? await runMigrations(options.url) : [];
    return { format: kind, tables, rows, seconds: (performance.now() - started) / 1000, migrated };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(argv: string[], onExit: (cleanup: () => Promise<void>) => void): Promise<void> {
  const { positional, flags } = parseArgs(argv, []);
  if (flags.has('help') || positional.length !== 1) {
    process.stdout.write('Usage: npm run restore -- FILE [--force] [--without-jobs]\n');
    if (flags.has('help')) return;
    throw new BackupError('请指定一个备份文件。', 'Name one backup file.');
  }
  const unknown = [...flags.keys()].filter((f) => !['force', 'without-jobs'].includes(f));
  if (unknown.length) throw new BackupError(`未知选项：--${unknown.join(' --')}`, `Unknown option: --${unknown.join(' --')}`);
  const file = positional[0]!;
  // Check the file before starting a server for it.
  if ((await fileKind(file)) === 'unknown') throw new BackupError(`${file} 不是 GovDesk 备份文件。`, `${file} is not a GovDesk backup.`);
  const database = await openDatabase('restore');
  onExit(database.release);
  process.stdout.write(`Restoring ${file} into ${database.description}…\n`);
  const result = await restoreBackup({
    url: database.url,
    file,
    force: flags.has('force'),
    withoutJobs: flags.has('without-jobs'),
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
  const { size } = await stat(file);
  process.stdout.write(
    [
      `Restored: ${result.tables} tables · ${result.rows.toLocaleString('en-US')} rows · ${formatBytes(size)} read · ${result.seconds.toFixed(1)} s`,
      ...(result.migrated.length ? [`  then migrated to this code: ${result.migrated.join(', ')}`] : []),
      '',
    ].join('\n'),
  );
}

if (require.main === module) runCli('restore', (onExit) => main(process.argv.slice(2), onExit));
