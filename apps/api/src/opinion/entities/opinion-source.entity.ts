import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SourceKind } from '@govdesk/contracts';
import type { MentionChannel } from '@govdesk/domain';

/** Where mentions come from: a pushing system with an API key, or an RSS/Atom feed polled. */
@Entity({ name: 'opinion_sources' })
export class OpinionSourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  kind: SourceKind;

  @Column({ type: 'varchar', length: 30 })
  channel: MentionChannel;

  @Column({ name: 'feed_url', type: 'varchar', length: 2000, nullable: true })
  feedUrl: string | null;

  @Column({ name: 'poll_minutes', type: 'int', default: 10 })
  pollMinutes: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** SHA-256 of the API key (the key itself is shown once and never stored). */
  @Column({ name: 'key_hash', type: 'bytea', nullable: true, unique: true })
  keyHash: Buffer | null;

  @Column({ name: 'key_prefix', type: 'varchar', length: 16, nullable: true })
  keyPrefix: string | null;

  @Column({ name: 'last_polled_at', type: 'timestamptz', nullable: true })
  lastPolledAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
