import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import type { RegisteredRequestDto, UnitDto } from '@govdesk/contracts';
import { createBackup, type BackupResult } from '../src/backup/backup';
import { codeMigrations } from '../src/backup/catalog';
import { BackupError, verifyBackupFile } from '../src/backup/format';
import { checkMigrations, restoreBackup } from '../src/backup/restore';
import { runMigrations } from '../src/database/database.bootstrap';
import { dataSourceOptions } from '../src/database/data-source.options';
import { migrations as migrationClasses } from '../src/database/migrations';
import { createTestDatabase, sqlClient, startTestApp } from './support/test-app';

jest.setTimeout(180_000);

/** The row count of every table of public and pgboss, pg-boss's queue partitions included. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = await sqlClient(url);
  try {
    const tables = await client.query<{ s: string; t: string }>(
      `SELECT n.nspname AS s, c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p') ORDER BY 1, 2`,
    );
    const counts: Record<string, number> = {};
    for (const { s, t } of tables.rows) counts[`${s}.${t}`] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${s}"."${t}"`)).rows[0]!.n);
    return counts;
  } finally {
    await client.end();
  }
}

/** A checksum of every table's whole content (rows as text, sorted). */
async function contents(url: string): Promise<Record<string, string>> {
  const client = await sqlClient(url);
  try {
    const tables = await client.query<{ s: string; t: string }>(
      `SELECT n.nspname AS s, c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p') ORDER BY 1, 2`,
    );
    const sums: Record<string, string> = {};
    for (const { s, t } of tables.rows) {
      sums[`${s}.${t}`] = (await client.query<{ sum: string }>(`SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS sum FROM "${s}"."${t}" x`)).rows[0]!.sum;
    }
    return sums;
  } finally {
    await client.end();
  }
}

/**
 * A checksum of the whole audit log, row by row in id order, the sequences' values, and the
 * foreign keys' and triggers' state (a restore defers some keys and disables one trigger meanwhile).
 */
async function fingerprint(url: string): Promise<{ audit: string; auditRows: number; sequences: Record<string, string | null>; keys: string[]; triggers: string[] }> {
  const client = await sqlClient(url);
  try {
    const audit = await client.query<{ sum: string; n: string }>(`SELECT md5(string_agg(a::text, E'\\n' ORDER BY a.id)) AS sum, count(*) AS n FROM audit_log a`);
    const seqs = await client.query<{ name: string; v: string | null }>(
      `SELECT schemaname || '.' || sequencename AS name, last_value::text AS v FROM pg_sequences WHERE schemaname IN ('public', 'pgboss') ORDER BY 1`,
    );
    const keys = await client.query<{ k: string }>(
      `SELECT conrelid::regclass::text || ' ' || conname || ' ' || condeferrable || ' ' || condeferred AS k FROM pg_constraint
        WHERE contype = 'f' AND connamespace::regnamespace::text IN ('public', 'pgboss') ORDER BY 1`,
    );
    const triggers = await client.query<{ t: string }>(`SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text AS t FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`);
    return {
      audit: audit.rows[0]!.sum,
      auditRows: Number(audit.rows[0]!.n),
      sequences: Object.fromEntries(seqs.rows.map((r) => [r.name, r.v])),
      keys: keys.rows.map((r) => r.k),
      triggers: triggers.rows.map((r) => r.t),
    };
  } finally {
    await client.end();
  }
}

async function query<T extends object>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = await sqlClient(url);
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** `npm run backup|restore` as an operator runs it; exit code and everything it printed. */
function npmRun(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', ...args], { cwd: resolve(__dirname, '../../..'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => done({ code, output }));
  });
}

describe('backup and restore (npm run backup / restore) round trip', () => {
  const dir = mkdtempSync('/tmp/govdesk-backup-test-');
  const file = join(dir, 'govdesk.gdbk.gz');
  let sourceUrl: string;
  let restoredUrl: string;
  let backup: BackupResult;
  let sourceCounts: Record<string, number>;
  let sourceFingerprint: Awaited<ReturnType<typeof fingerprint>>;
  let sourceContents: Record<string, string>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  const registerBody = (unitId: string) => ({
    channel: 'in_person',
    receivedAt: '2026-03-02',
    unitId,
    applicant: { type: 'natural_person', name: '李四', idType: 'resident_id', idNumber: '37012419900101123X', phone: '13812345678', address: '平阴县榆山街道青龙路88号' },
    description: '申请公开2026年城区道路维修计划及预算',
    form: { medium: 'electronic', delivery: 'email' },
  });

  beforeAll(async () => {
    // The real app with demo data and its jobs (pg-boss: queues, schedules) on.
    const source = await startTestApp({ GOVDESK_DEMO_REQUESTS: '30', GOVDESK_DEMO_MENTIONS: '200', GOVDESK_JOBS: 'on' });
    sourceUrl = source.server.databaseUrl;
    try {
      const handler = await source.login('handler');
      const units = (await source.http.get('/api/units').set(auth(handler))).body as UnitDto[];
      for (let i = 0; i < 2; i++) {
        const res = await source.http.post('/api/requests').set(auth(handler)).send(registerBody(units.find((u) => u.name === '县教体局')!.id));
        expect(res.status).toBe(201);
        const r = res.body as RegisteredRequestDto;
        const accepted = await source.http.post(`/api/requests/${r.id}/transitions`).set(auth(handler)).send({ version: r.version, action: 'accept', at: '2026-03-03' });
        expect(accepted.status).toBe(200);
      }
    } finally {
      await source.close();
    }
    // A pending timer, an hour away, like an alert's escalation.
    const boss = new PgBoss({ connectionString: sourceUrl, schema: 'pgboss', supervise: false, schedule: false });
    await boss.start();
    await boss.createQueue('backup-test-timer');
    await boss.send('backup-test-timer', { alert: 'x' }, { startAfter: 3600 });
    await boss.stop({ graceful: false, wait: true });

    sourceCounts = await rowCounts(sourceUrl);
    sourceFingerprint = await fingerprint(sourceUrl);
    sourceContents = await contents(sourceUrl);
    backup = await createBackup({ url: sourceUrl, out: file, format: 'govdesk' });
    restoredUrl = await createTestDatabase();
    await restoreBackup({ url: restoredUrl, file });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one file whose manifest lists every table with its rows, the migrations and the jobs', async () => {
    expect(backup.file).toBe(file);
    expect(backup.format).toBe('govdesk');
    expect(backup.bytes).toBeGreaterThan(1000);
    const manifest = await verifyBackupFile(file);
    expect(manifest.migrations).toEqual(codeMigrations());
    expect(manifest.pgboss?.queues).toContain('backup-test-timer');
    const listed = Object.fromEntries(manifest.tables.map((t) => [`${t.schema}.${t.name}`, t.rows]));
    // Every table except the partitions (backed up through their parent, pgboss.job).
    const unpartitioned = Object.fromEntries(Object.entries(sourceCounts).filter(([name]) => !/^pgboss\.j[0-9a-f]{56}$/.test(name)));
    expect(listed).toEqual(unpartitioned);
    expect(listed['public.audit_log']).toBeGreaterThan(0);
    expect(listed['public.mentions']).toBeGreaterThan(100);
    expect(listed['public.disclosure_requests']).toBeGreaterThanOrEqual(32);
    // Referenced tables come first.
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('units')).toBeLessThan(order.indexOf('disclosure_requests'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('disclosure_requests'));
    expect(order.indexOf('disclosure_requests')).toBeLessThan(order.indexOf('request_events'));
    expect(order.indexOf('queue')).toBeLessThan(order.indexOf('job'));
  });

  it('restores the same rows into every table of public and pgboss', async () => {
    expect(await rowCounts(restoredUrl)).toEqual(sourceCounts);
  });

  it('restores the audit log exactly (checksum) and every sequence', async () => {
    expect(await fingerprint(restoredUrl)).toEqual(sourceFingerprint);
  });

  it('restores every table exactly (checksum of all rows), units and users with their cycle of keys included', async () => {
    expect(await contents(restoredUrl)).toEqual(sourceContents);
  });

  it('keeps pending jobs: the timer is still waiting in the restored database', async () => {
    const jobs = await query<{ state: string; data: { alert: string } }>(restoredUrl, `SELECT state, data FROM pgboss.job WHERE name = 'backup-test-timer'`);
    expect(jobs).toEqual([{ state: 'created', data: { alert: 'x' } }]);
  });

  it('runs on: a server on the restored database gives the next receipt number and the audit log is append-only again', async () => {
    const before = await query<{ receipt_no: string }>(restoredUrl, 'SELECT receipt_no FROM disclosure_requests');
    const maxAudit = Number((await query<{ m: string }>(restoredUrl, 'SELECT max(id) AS m FROM audit_log'))[0]!.m);
    const app = await startTestApp({ DATABASE_URL: restoredUrl });
    try {
      expect(app.server.seed.seeded).toBe(false);
      const handler = await app.login('handler');
      const units = (await app.http.get('/api/units').set(auth(handler))).body as UnitDto[];
      const res = await app.http.post('/api/requests').set(auth(handler)).send(registerBody(units.find((u) => u.name === '县教体局')!.id));
      expect(res.status).toBe(201);
      const receiptNo = (res.body as RegisteredRequestDto).receiptNo;
      expect(before.map((r) => r.receipt_no)).not.toContain(receiptNo);
      const sameYear = before.map((r) => r.receipt_no).filter((n) => n.startsWith('YSQ-2026-'));
      expect(Number(receiptNo.slice(-5))).toBe(Math.max(...sameYear.map((n) => Number(n.slice(-5)))) + 1);
      const audit = await app.sql<{ id: string }>('SELECT id FROM audit_log WHERE id > $1', [maxAudit]);
      expect(audit.length).toBeGreaterThan(0);
      await expect(app.sql('UPDATE audit_log SET actor_name = $1', ['x'])).rejects.toThrow(/append-only/);
      await expect(app.sql('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(app.sql('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await app.close();
    }
  });

  it('refuses a target that has data unless --force, and leaves it unchanged', async () => {
    const error = await restoreBackup({ url: sourceUrl, file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).en).toMatch(/already has data.*--force/);
    expect((error as BackupError).zh).toContain('--force');
    expect(await rowCounts(sourceUrl)).toEqual(sourceCounts);
  });

  it('refuses a damaged or truncated file, even with --force, and leaves the target unchanged', async () => {
    const before = { counts: await rowCounts(restoredUrl), fingerprint: await fingerprint(restoredUrl) };
    const bytes = readFileSync(file);
    const truncated = join(dir, 'truncated.gdbk.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const flipped = join(dir, 'flipped.gdbk.gz');
    const copy = Buffer.from(bytes);
    copy[Math.floor(copy.length / 2)] ^= 0xff;
    writeFileSync(flipped, copy);
    const other = join(dir, 'notes.txt');
    writeFileSync(other, 'not a backup');
    for (const bad of [truncated, flipped]) {
      const error = await restoreBackup({ url: restoredUrl, file: bad, force: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).en).toMatch(/damaged or incomplete/);
      expect((error as BackupError).zh).toContain('备份文件已损坏');
    }
    await expect(restoreBackup({ url: restoredUrl, file: other, force: true })).rejects.toThrow(/not a GovDesk backup/);
    await expect(restoreBackup({ url: restoredUrl, file: join(dir, 'missing.gdbk.gz'), force: true })).rejects.toThrow(/Cannot open/);
    expect({ counts: await rowCounts(restoredUrl), fingerprint: await fingerprint(restoredUrl) }).toEqual(before);
  });

  it('with --force replaces a database that has data (the audit log included) with the backup', async () => {
    expect(await rowCounts(restoredUrl)).not.toEqual(sourceCounts);
    const result = await restoreBackup({ url: restoredUrl, file, force: true });
    expect(result.rows).toBe(backup.rows);
    expect(await rowCounts(restoredUrl)).toEqual(sourceCounts);
    expect(await fingerprint(restoredUrl)).toEqual(sourceFingerprint);
    expect(await contents(restoredUrl)).toEqual(sourceContents);
    await expect(query(restoredUrl, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('--without-jobs restores the app tables only', async () => {
    const url = await createTestDatabase();
    await restoreBackup({ url, file, withoutJobs: true });
    const counts = await rowCounts(url);
    expect(counts).toEqual(Object.fromEntries(Object.entries(sourceCounts).filter(([name]) => name.startsWith('public.'))));
  });

  it('restores a backup of an older GovDesk: loads it at its migrations, then migrates it to this code', async () => {
    const code = codeMigrations();
    const oldUrl = await createTestDatabase();
    const old = new DataSource(dataSourceOptions(oldUrl, { extra: { max: 1 }, migrations: migrationClasses.slice(0, 3) }));
    await old.initialize();
    await old.runMigrations();
    await old.query(`INSERT INTO units (code, name, kind) VALUES ('old', '旧单位', 'department')`);
    await old.query(`INSERT INTO audit_log (actor_name, action, entity_type) VALUES ('admin', 'unit.create', 'unit')`);
    await old.destroy();
    const oldFile = join(dir, 'old.gdbk.gz');
    const written = await createBackup({ url: oldUrl, out: oldFile, format: 'govdesk' });
    expect(written.manifest.migrations).toEqual(code.slice(0, 3));
    expect(written.manifest.pgboss).toBeNull();

    // Into a new database, and into an empty one already migrated by this code (reverted first).
    const fresh = await createTestDatabase();
    const migrated = await createTestDatabase();
    await runMigrations(migrated);
    for (const url of [fresh, migrated]) {
      const result = await restoreBackup({ url, file: oldFile });
      expect(result.migrated).toEqual(code.slice(3));
      expect(await query(url, 'SELECT code, name FROM units')).toEqual([{ code: 'old', name: '旧单位' }]);
      expect((await query<{ name: string }>(url, 'SELECT name FROM migrations ORDER BY id')).map((m) => m.name)).toEqual(code);
      await expect(query(url, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    }
  });

  it('npm run backup / npm run restore: print what they did, refuse with exit code 1 in Chinese and English', async () => {
    const cliFile = join(dir, 'cli.gdbk.gz');
    const backupRun = await npmRun(['backup', '--', '--out', cliFile], { DATABASE_URL: sourceUrl });
    expect(backupRun).toMatchObject({ code: 0 });
    expect(backupRun.output).toContain(`Backup written: ${cliFile}`);
    expect(backupRun.output).toMatch(/\d+ tables · [\d,]+ rows · [\d.]+ s/);
    const target = await createTestDatabase();
    const restoreRun = await npmRun(['restore', '--', cliFile], { DATABASE_URL: target });
    expect(restoreRun).toMatchObject({ code: 0 });
    expect(restoreRun.output).toMatch(/Restored: \d+ tables/);
    expect(await rowCounts(target)).toEqual(sourceCounts);
    const again = await npmRun(['restore', '--', cliFile], { DATABASE_URL: target });
    expect(again.code).toBe(1);
    expect(again.output).toContain('恢复失败 / Restore failed');
    expect(again.output).toContain('目标数据库已有数据');
    expect(again.output).toContain('already has data');
  });

  it('refuses a backup newer than the code, and a target migrated beyond it', () => {
    const code = codeMigrations();
    expect(() => checkMigrations(code, code, [])).not.toThrow();
    expect(() => checkMigrations(code.slice(0, 3), code, code)).not.toThrow();
    expect(() => checkMigrations([...code, 'Future1900000000000'], code, [])).toThrow(/newer .*GovDesk.*Future1900000000000/);
    expect(() => checkMigrations(code, code, [...code, 'Future1900000000000'])).toThrow(/target database was migrated by a newer GovDesk/);
  });
});
