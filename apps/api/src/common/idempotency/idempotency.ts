import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Observable, catchError, from, mergeMap, of } from 'rxjs';
import { DataSource, EventSubscriber, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import type { AuthenticatedRequest } from '../../auth/current-user.decorator';
import { AppError } from '../errors/app.error';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/**
 * `Idempotency-Key` on a change (POST, PUT, PATCH, DELETE) by a logged-in user or an API-key
 * source: the first request with a key is carried out, and the key is written in the same
 * transaction as its change (`IdempotencySubscriber`); a retry with the same key — say after
 * its answer was lost on the way — gets the first answer again (`Idempotent-Replayed: true`)
 * and changes nothing. The same key with another request is refused (422); while the first is
 * still running a second gets 409. Keys are kept 24 hours. Anonymous callers' keys are ignored
 * (an answer must never be replayed to someone else).
 */
interface IdempotencyContext {
  caller: string;
  key: string;
  method: string;
  path: string;
  bodyHash: Buffer;
  /** Whether the key has been written with a committed change. */
  recorded: boolean;
}

/**
 * The keys of the requests a transaction carries out: one, or — when ingest stores several
 * calls in one transaction — each of theirs (`IdempotencyScope.carrying`).
 */
interface Scope {
  contexts: IdempotencyContext[];
}
const context = new AsyncLocalStorage<Scope>();

/** The running request's key, to be carried into work done for it elsewhere (see `carrying`). */
export type IdempotencyHandle = IdempotencyContext;

export const IdempotencyScope = {
  /** The key of the request running now, if it has one. */
  current(): IdempotencyHandle | undefined {
    const scope = context.getStore();
    return scope?.contexts.length === 1 ? scope.contexts[0] : undefined;
  },
  /**
   * Runs `work` (one transaction) on behalf of these requests: their keys are written when it
   * commits, and only these. If it fails, the keys count as not written, so that each request
   * can be carried out again on its own.
   */
  async carrying<T>(handles: readonly (IdempotencyHandle | undefined)[], work: () => Promise<T>): Promise<T> {
    const contexts = handles.filter((h): h is IdempotencyHandle => h !== undefined);
    const before = contexts.map((c) => c.recorded);
    try {
      return await context.run({ contexts }, work);
    } catch (error) {
      contexts.forEach((c, i) => (c.recorded = before[i]!));
      throw error;
    }
  },
};
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[A-Za-z0-9._:-]{1,100}$/;
const KEEP_HOURS = 24;
const CLEAN_EVERY_MS = 3_600_000;

/** Writes the request's key in the first transaction it commits, so key and change commit together (each key, for a transaction that carries several requests). */
@EventSubscriber()
export class IdempotencySubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    for (const ctx of context.getStore()?.contexts ?? []) {
      if (ctx.recorded) continue;
      await event.queryRunner.query(`INSERT INTO idempotency_keys (caller, key, method, path, body_hash) VALUES ($1, $2, $3, $4, $5)`, [
        ctx.caller,
        ctx.key,
        ctx.method,
        ctx.path,
        ctx.bodyHash,
      ]);
      ctx.recorded = true;
    }
  }
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private cleanedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  async intercept(execution: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (execution.getType() !== 'http') return next.handle();
    const req = execution.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers['idempotency-key'];
    const caller = req.user ? `user:${req.user.id}` : req.source ? `source:${req.source.id}` : null;
    if (header === undefined || !CHANGES.has(req.method) || !caller) return next.handle();
    if (typeof header !== 'string' || !KEY.test(header)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
    this.clean();

    const ctx: IdempotencyContext = {
      caller,
      key: header,
      method: req.method,
      path: req.originalUrl.slice(0, 500),
      bodyHash: createHash('sha256').update(JSON.stringify(req.body ?? null)).digest(),
      recorded: false,
    };
    const keys = this.dataSource.getRepository(IdempotencyKeyEntity);
    const earlier = await keys.findOneBy({ caller, key: header });
    if (earlier) {
      if (earlier.method !== ctx.method || earlier.path !== ctx.path || !earlier.bodyHash.equals(ctx.bodyHash)) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (earlier.status === null) throw new AppError('IDEMPOTENCY_NO_ANSWER');
      execution.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>().setHeader('Idempotent-Replayed', 'true');
      return of(earlier.response);
    }

    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, execution.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    return new Observable((subscriber) =>
      context.run({ contexts: [ctx] }, () =>
        next
          .handle()
          .pipe(
            // The answer is kept for retries (a change with no committed transaction keeps nothing).
            mergeMap((body) => (ctx.recorded ? from(keys.update({ caller, key: header }, { status, response: (body ?? null) as object }).then(() => body)) : of(body))),
            catchError((error: unknown) => {
              const cause = (error as { driverError?: { code?: string; table?: string } }).driverError ?? (error as { code?: string; table?: string });
              // Another request with the key committed first: this one's change was rolled back.
              if (!ctx.recorded && cause.code === '23505' && cause.table === 'idempotency_keys') throw new AppError('IDEMPOTENCY_KEY_IN_USE');
              throw error;
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }

  /** Drops keys older than a day, at most once an hour per process. */
  private clean(): void {
    if (Date.now() - this.cleanedAt < CLEAN_EVERY_MS) return;
    this.cleanedAt = Date.now();
    void this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [KEEP_HOURS]).catch(() => undefined);
  }
}
