import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A change made with an `Idempotency-Key` header: written in the same transaction as the
 * change itself (so it exists exactly when the change does), then completed with the answer
 * that was sent, which a retry with the same key gets again instead of a second change.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_created', ['createdAt'])
export class IdempotencyKeyEntity {
  /** Who sent it: `user:<id>` or `source:<id>`; keys of different callers never collide. */
  @PrimaryColumn({ type: 'varchar', length: 80 })
  caller: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'varchar', length: 10 })
  method: string;

  @Column({ type: 'varchar', length: 500 })
  path: string;

  /** SHA-256 of the body: the same key with another body is refused. */
  @Column({ name: 'body_hash', type: 'bytea' })
  bodyHash: Buffer;

  /** The answer once sent (null while only the change is known to be committed). */
  @Column({ type: 'smallint', nullable: true })
  status: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
