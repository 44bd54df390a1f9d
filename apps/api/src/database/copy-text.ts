import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/**
 * PostgreSQL's COPY text format (https://www.postgresql.org/docs/current/sql-copy.html): columns
 * separated by tabs, rows by newlines, `\N` for NULL, and backslash, tab, newline and carriage
 * return escaped with a backslash.
 */
export type CopyValue = string | number | boolean | null | undefined;

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One column's value in COPY text format. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(SPECIAL, (c) => ESCAPES[c]!);
}

/** A `text[]` value as an array literal, each element quoted (then escaped for COPY by `copyField`). */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** A `bytea` value in hex input format. */
export const byteaLiteral = (bytes: Buffer): string => `\\x${bytes.toString('hex')}`;

/** One row: its columns' values, each in COPY text format, joined by tabs (no newline). */
export const copyRow = (values: readonly CopyValue[]): string => values.map(copyField).join('\t');

/**
 * Streams `lines` (rows made by `copyRow`) into `table (columns)` with COPY FROM STDIN on the
 * transaction's own connection — much less work for PostgreSQL than parsing the same rows as
 * statement parameters.
 */
export async function copyRows(manager: EntityManager, table: string, columns: readonly string[], lines: readonly string[]): Promise<void> {
  if (!lines.length) return;
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyRows needs a transaction’s entity manager');
  const client = (await runner.connect()) as PoolClient;
  const text = `${lines.join('\n')}\n`;
  await pipeline(Readable.from([Buffer.from(text, 'utf8')]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}
