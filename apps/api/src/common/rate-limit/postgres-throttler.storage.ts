import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const CLEAN_EVERY_MS = 10 * 60_000;

/**
 * @nestjs/throttler's counters in PostgreSQL (table `rate_limits`), so that a limit holds for a
 * caller across every API process behind the load balancer, not per process. A fixed window per
 * key: the first call opens a window of `ttl`; a call beyond `limit` blocks the key for
 * `blockDuration`. One upsert per call.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(PostgresThrottlerStorage.name);
  private cleanedAt = 0;

  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    this.clean();
    const id = `${throttlerName}:${key}`.slice(0, 200);
    const [row] = (await this.dataSource.query(
      `INSERT INTO rate_limits AS r (key, hits, window_ends_at) VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.blocked_until > now() THEN r.hits WHEN r.window_ends_at <= now() THEN 1 ELSE r.hits + 1 END,
         window_ends_at = CASE WHEN r.blocked_until > now() OR r.window_ends_at > now() THEN r.window_ends_at
                               ELSE now() + make_interval(secs => $2 / 1000.0) END,
         blocked_until = CASE WHEN r.blocked_until > now() THEN r.blocked_until
                              WHEN r.window_ends_at > now() AND r.hits + 1 > $3 THEN now() + make_interval(secs => $4 / 1000.0) END
       RETURNING hits, extract(epoch FROM window_ends_at - now()) * 1000 AS "windowLeft",
                 extract(epoch FROM blocked_until - now()) * 1000 AS "blockLeft"`,
      [id, ttl, limit, blockDuration],
    )) as { hits: number; windowLeft: string; blockLeft: string | null }[];
    const blockLeft = row!.blockLeft === null ? 0 : Math.max(0, Number(row!.blockLeft));
    return {
      totalHits: row!.hits,
      timeToExpire: Math.max(0, Math.ceil(Number(row!.windowLeft) / 1000)),
      isBlocked: blockLeft > 0,
      timeToBlockExpire: Math.ceil(blockLeft / 1000),
    };
  }

  /** Drops counters whose window and block ended, at most every ten minutes per process. */
  private clean(): void {
    if (Date.now() - this.cleanedAt < CLEAN_EVERY_MS) return;
    this.cleanedAt = Date.now();
    void this.dataSource
      .query(`DELETE FROM rate_limits WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`)
      .catch((error: Error) => this.logger.warn(`rate limits: ${error.message}`));
  }
}
