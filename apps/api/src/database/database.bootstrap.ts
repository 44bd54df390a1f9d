import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source.options';
import { startEmbeddedPostgres, StartupError, type EmbeddedDatabase } from './embedded-postgres';

/** An arbitrary, fixed key for the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 71_402_024;

export interface PreparedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Fails within seconds, with what to do, when the server at `url` cannot be reached. */
export async function checkReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
    throw new StartupError(
      `Cannot reach the database at ${describe(url)} (${reason}). ` +
        'Check that PostgreSQL is running and that DATABASE_URL is right, or unset DATABASE_URL to use the embedded PostgreSQL.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function prepareDatabase(config: AppConfig, log: (line: string) => void): Promise<PreparedDatabase> {
  if (config.databaseUrl) {
    await checkReachable(config.databaseUrl);
    return { url: config.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort, log });
  return { url: embedded.url, embedded };
}

/** Runs pending migrations, one process at a time. Returns the names of those it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 1 } }));
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await dataSource.destroy();
  }
}
