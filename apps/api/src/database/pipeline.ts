import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * Statements sent back to back on a transaction's connection, without waiting for each answer
 * first: PostgreSQL runs them in the order sent while Node prepares the next, and the round
 * trips overlap. `send` hands the statement to the connection at once (in call order);
 * `inOrder` awaits a group and throws the first failure in the order sent — not the "current
 * transaction is aborted" of the statements after it.
 */
export function send<R = Record<string, unknown>>(manager: EntityManager, text: string, values: unknown[] = []): Promise<R[]> {
  const client = (manager.queryRunner as unknown as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  if (!manager.queryRunner?.isTransactionActive || !client) throw new Error('send: only inside a transaction');
  return client.query(text, values).then((r) => r.rows as R[]);
}

export async function inOrder<T extends readonly unknown[]>(statements: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(statements);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
