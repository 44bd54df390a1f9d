import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change: who did what to which record, when, from where, with the values before and
 * after. Append-only: a trigger in PostgreSQL refuses UPDATE, DELETE and TRUNCATE
 * (migration Foundation).
 */
@Entity({ name: 'audit_log' })
@Index(['entityType', 'entityId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** Username at the time (kept even if the user is renamed), or `system`/`public`. */
  @Column({ name: 'actor_name', type: 'varchar', length: 64 })
  actorName: string;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after: object | null;
}
