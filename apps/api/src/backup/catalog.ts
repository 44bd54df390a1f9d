import type { ClientBase } from 'pg';
import { migrations as codeMigrationClasses } from '../database/migrations';
import { JOBS_SCHEMA, qualified, SCHEMAS, type SequenceEntry } from './format';

/** What the catalog says about the tables of the backed-up schemas. */
export interface CatalogTable {
  oid: string;
  schema: string;
  name: string;
  partitioned: boolean;
  columns: string[];
}

/**
 * Every table of `public` and `pgboss` (partitions are reached through their partitioned
 * parent), in foreign-key dependency order: a table comes after every table it references.
 */
export async function listTables(client: ClientBase): Promise<CatalogTable[]> {
  const tables = (
    await client.query<{ oid: string; schema: string; name: string; partitioned: boolean }>(
      `SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind = 'p' AS partitioned
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY n.nspname <> 'public', c.relname`,
      [SCHEMAS],
    )
  ).rows;
  const oids = tables.map((t) => t.oid);
  const columns = new Map<string, string[]>();
  const attributes = await client.query<{ oid: string; name: string }>(
    `SELECT attrelid::text AS oid, attname AS name FROM pg_attribute
      WHERE attrelid = ANY($1::oid[]) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attrelid, attnum`,
    [oids],
  );
  for (const a of attributes.rows) columns.set(a.oid, [...(columns.get(a.oid) ?? []), a.name]);

  // Foreign keys between the tables; a partition's keys count for its partitioned parent.
  const keys = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT COALESCE(pg_partition_root(conrelid), conrelid::regclass)::oid::text AS child,
                     COALESCE(pg_partition_root(confrelid), confrelid::regclass)::oid::text AS parent
       FROM pg_constraint WHERE contype = 'f'`,
  );
  const references = new Map<string, Set<string>>();
  for (const k of keys.rows) {
    if (k.child === k.parent) continue;
    references.set(k.child, (references.get(k.child) ?? new Set()).add(k.parent));
  }
  // Tarjan's strongly connected components: each component comes out after every component it
  // references, which is the load order. A component of several tables is a cycle of keys
  // (units.lead_user_id → users, users.unit_id → units): its tables go in name order, and the
  // restore defers the keys that then point forward (restore.ts).
  const ordered: CatalogTable[] = [];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const visit = (oid: string) => {
    index.set(oid, index.size);
    low.set(oid, index.get(oid)!);
    stack.push(oid);
    onStack.add(oid);
    for (const next of references.get(oid) ?? []) {
      if (!byOid.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(oid, Math.min(low.get(oid)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(oid, Math.min(low.get(oid)!, index.get(next)!));
    }
    if (low.get(oid) !== index.get(oid)) return;
    const component: CatalogTable[] = [];
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      const t = byOid.get(member)!;
      component.push({ ...t, columns: columns.get(member) ?? [] });
      if (member === oid) break;
    }
    ordered.push(...component.sort((a, b) => a.name.localeCompare(b.name)));
  };
  for (const t of tables) if (!index.has(t.oid)) visit(t.oid);
  return ordered;
}

export async function listSequences(client: ClientBase): Promise<SequenceEntry[]> {
  const sequences = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind = 'S' ORDER BY 1, 2`,
    [SCHEMAS],
  );
  const out: SequenceEntry[] = [];
  for (const s of sequences.rows) {
    const value = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${qualified(s.schema, s.name)}`);
    out.push({ schema: s.schema, name: s.name, lastValue: value.rows[0]!.last_value, isCalled: value.rows[0]!.is_called });
  }
  return out;
}

/** The migrations applied to the database (TypeORM's default table `migrations`), in the order they ran. */
export async function appliedMigrations(client: ClientBase): Promise<string[]> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('public.migrations')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  return (await client.query<{ name: string }>('SELECT name FROM public.migrations ORDER BY "timestamp", id')).rows.map((r) => r.name);
}

/** The migrations of this code, in order (the names TypeORM writes into `migrations`). */
export function codeMigrations(): string[] {
  return codeMigrationClasses.map((M) => (new M() as { name?: string }).name ?? M.name);
}

export async function pgbossState(client: ClientBase): Promise<{ schemaVersion: number; queues: string[] } | null> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('${JOBS_SCHEMA}.version')::text AS t`);
  if (!exists.rows[0]?.t) return null;
  const version = await client.query<{ version: number }>(`SELECT version::int AS version FROM ${JOBS_SCHEMA}.version`);
  if (!version.rows[0]) return null;
  const queues = await client.query<{ name: string }>(`SELECT name FROM ${JOBS_SCHEMA}.queue ORDER BY name`);
  return { schemaVersion: version.rows[0].version, queues: queues.rows.map((q) => q.name) };
}

export async function serverVersion(client: ClientBase): Promise<{ version: string; versionNum: number }> {
  const r = await client.query<{ version: string; num: string }>(`SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num`);
  return { version: r.rows[0]!.version, versionNum: Number(r.rows[0]!.num) };
}
