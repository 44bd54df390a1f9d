import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/**
 * GovDesk's own logical backup (used when no pg_dump as new as the server is at hand, which is
 * the normal case with the embedded PostgreSQL 18): one gzip stream that holds
 *
 *   MAGIC, then frames: M(manifest JSON) { T(table index) D(COPY text data)* E(rows, sha256) }* Z(totals)
 *
 * A frame is a type byte, a 4-byte big-endian payload length and the payload. Table data is the
 * text format of COPY (one line per row), in frames of about 256 KiB, so neither side ever holds
 * a whole table in memory. Each table ends with its row count and the SHA-256 of its data, and
 * the file with a Z frame: a damaged or truncated file is recognised before anything is changed.
 */
export const MAGIC = Buffer.from('GOVDESK-BACKUP\n', 'latin1');
export const FORMAT = 'govdesk-backup';
export const FORMAT_VERSION = 1;
/** The schemas a backup holds: the app's tables and pg-boss's jobs (pending escalation timers, schedules). */
export const SCHEMAS = ['public', 'pgboss'] as const;
export const JOBS_SCHEMA = 'pgboss';
const MAX_FRAME = 64 * 1024 * 1024;

export interface TableEntry {
  schema: string;
  name: string;
  /** Columns in COPY order (generated columns are left out: PostgreSQL computes them again). */
  columns: string[];
  rows: number;
  /** A partitioned table (pg-boss's `job`): copied through its parent, rows land in the partitions. */
  partitioned: boolean;
}

export interface SequenceEntry {
  schema: string;
  name: string;
  /** bigint, as text. */
  lastValue: string;
  isCalled: boolean;
}

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  server: { version: string; versionNum: number };
  database: string;
  /** The applied TypeORM migrations (table `migrations`), in the order they ran. */
  migrations: string[];
  /** pg-boss's schema version and queues (each queue is a partition of `pgboss.job`); null when the source had no pg-boss. */
  pgboss: { schemaVersion: number; queues: string[] } | null;
  /** In load order: every table after the tables it references. */
  tables: TableEntry[];
  sequences: SequenceEntry[];
}

export interface TableEnd {
  rows: number;
  sha256: string;
}

/** An error with what to do, in Chinese and English (printed by the CLIs as is). */
export class BackupError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${en} / ${zh}`);
  }
}

export function damaged(detail: string): BackupError {
  return new BackupError(`备份文件已损坏或不完整（${detail}），未做任何更改。`, `The backup file is damaged or incomplete (${detail}); nothing was changed.`);
}

export type FrameType = 'M' | 'T' | 'D' | 'E' | 'Z';

export function frameHeader(type: FrameType, length: number): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(length, 1);
  return header;
}

export function jsonFrame(type: FrameType, value: unknown): Buffer[] {
  const payload = Buffer.from(JSON.stringify(value), 'utf8');
  return [frameHeader(type, payload.length), payload];
}

export interface Frame {
  type: FrameType;
  payload: Buffer;
}

/** Reads frames from the decompressed stream, holding at most one frame in memory. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(n: number): Promise<boolean> {
    while (this.size < n) {
      const next = await this.source.next();
      if (next.done) return false;
      this.chunks.push(next.value);
      this.size += next.value.length;
    }
    return true;
  }

  private take(n: number): Buffer {
    let out: Buffer;
    const first = this.chunks[0]!;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let at = 0;
      while (at < n) {
        const chunk = this.chunks[0]!;
        const part = Math.min(chunk.length, n - at);
        chunk.copy(out, at, 0, part);
        at += part;
        if (part === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(part);
      }
    }
    this.size -= n;
    return out;
  }

  async exact(n: number): Promise<Buffer | null> {
    return (await this.fill(n)) ? this.take(n) : null;
  }

  /** The next frame, or null at the clean end of the stream. */
  async next(): Promise<Frame | null> {
    if (!(await this.fill(1))) return null;
    if (!(await this.fill(5))) throw damaged('truncated frame header');
    const header = this.take(5);
    const type = header.toString('latin1', 0, 1);
    if (!'MTDEZ'.includes(type)) throw damaged(`unknown frame type 0x${header[0]!.toString(16)}`);
    const length = header.readUInt32BE(1);
    if (length > MAX_FRAME) throw damaged(`frame of ${length} bytes`);
    if (!(await this.fill(length))) throw damaged('truncated data');
    return { type: type as FrameType, payload: length ? this.take(length) : Buffer.alloc(0) };
  }

  async expect(type: FrameType): Promise<Frame> {
    const frame = await this.next();
    if (!frame) throw damaged(`the file ends early (expected a ${type} frame)`);
    if (frame.type !== type) throw damaged(`expected a ${type} frame, found ${frame.type}`);
    return frame;
  }
}

export function parseJson<T>(frame: Frame): T {
  try {
    return JSON.parse(frame.payload.toString('utf8')) as T;
  } catch {
    throw damaged(`unreadable ${frame.type} frame`);
  }
}

export type FileKind = 'govdesk' | 'pg_dump' | 'unknown';

/** What kind of backup a file is, from its first bytes. */
export async function fileKind(file: string): Promise<FileKind> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(`无法打开备份文件 ${file}（${code}）。`, `Cannot open the backup file ${file} (${code}).`);
  }
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'govdesk';
    if (bytesRead === 5 && head.toString('latin1') === 'PGDMP') return 'pg_dump';
    return 'unknown';
  } finally {
    await handle.close();
  }
}

export interface OpenedBackup {
  manifest: Manifest;
  reader: FrameReader;
  close(): void;
}

/** Opens a GovDesk backup: checks the magic and reads the manifest. Decompression errors become `damaged`. */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const iterator = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const source: AsyncIterator<Buffer> = {
    async next() {
      try {
        return await iterator.next();
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code?.startsWith('Z_')) throw damaged(e.message);
        throw error;
      }
    },
  };
  const close = () => {
    input.destroy();
    gunzip.destroy();
  };
  try {
    const reader = new FrameReader(source);
    const magic = await reader.exact(MAGIC.length);
    if (!magic || !magic.equals(MAGIC)) {
      throw new BackupError(`${file} 不是 GovDesk 备份文件。`, `${file} is not a GovDesk backup.`);
    }
    const manifest = parseJson<Manifest>(await reader.expect('M'));
    if (manifest.format !== FORMAT || !Array.isArray(manifest.tables) || !Array.isArray(manifest.migrations)) throw damaged('no manifest');
    if (manifest.version > FORMAT_VERSION) {
      throw new BackupError(
        `备份格式版本 ${manifest.version} 比本程序支持的 ${FORMAT_VERSION} 新：请先升级 GovDesk。`,
        `The backup's format version ${manifest.version} is newer than this GovDesk supports (${FORMAT_VERSION}): update GovDesk first.`,
      );
    }
    return { manifest, reader, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** Counts rows (lines) and hashes one table's COPY data as it passes. */
export class TableDigest {
  private readonly hash = createHash('sha256');
  rows = 0;

  update(chunk: Buffer): void {
    this.hash.update(chunk);
    let at = chunk.indexOf(10);
    while (at !== -1) {
      this.rows++;
      at = chunk.indexOf(10, at + 1);
    }
  }

  digest(): TableEnd {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/**
 * Reads a whole GovDesk backup once, checking every table's rows and checksum against the
 * manifest and that the file is complete. Constant memory. Returns the manifest.
 */
export async function verifyBackupFile(file: string): Promise<Manifest> {
  const { manifest, reader, close } = await openBackup(file);
  try {
    let rows = 0;
    for (let index = 0; index < manifest.tables.length; index++) {
      const table = manifest.tables[index]!;
      const start = parseJson<{ index: number }>(await reader.expect('T'));
      if (start.index !== index) throw damaged(`table ${index} expected, found ${start.index}`);
      const digest = new TableDigest();
      for (;;) {
        const frame = await reader.next();
        if (!frame) throw damaged(`the file ends inside table ${table.schema}.${table.name}`);
        if (frame.type === 'D') digest.update(frame.payload);
        else if (frame.type === 'E') {
          checkTableEnd(table, digest.digest(), parseJson<TableEnd>(frame));
          break;
        } else throw damaged(`unexpected ${frame.type} frame in table ${table.schema}.${table.name}`);
      }
      rows += table.rows;
    }
    const end = parseJson<{ tables: number; rows: number }>(await reader.expect('Z'));
    if (end.tables !== manifest.tables.length || end.rows !== rows) throw damaged('totals do not match');
    if (await reader.next()) throw damaged('data after the end');
    return manifest;
  } finally {
    close();
  }
}

/** Checks one table's data as read against the manifest and its end frame. */
export function checkTableEnd(table: TableEntry, seen: TableEnd, recorded: TableEnd): void {
  const name = `${table.schema}.${table.name}`;
  if (seen.rows !== table.rows) throw damaged(`${name}: ${seen.rows} rows, the manifest says ${table.rows}`);
  if (recorded.rows !== seen.rows || recorded.sha256 !== seen.sha256) throw damaged(`${name}: checksum mismatch`);
}

/** A quoted, schema-qualified identifier. */
export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
