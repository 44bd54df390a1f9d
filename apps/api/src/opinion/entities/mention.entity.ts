import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MentionChannel } from '@govdesk/domain';

/**
 * One thing said about the county's work: a hotline call, a message, a post. Stored once:
 * (channel, external id) and the normalised content's hash are unique; a repeat is counted
 * on the mention and its hotspot instead.
 */
@Entity({ name: 'mentions' })
@Index('mentions_channel_external_id', ['channel', 'externalId'], { unique: true, where: '"external_id" IS NOT NULL' })
@Index('mentions_hotspot_published', ['hotspotId', 'publishedAt'])
@Index('mentions_published', ['publishedAt'])
export class MentionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 30 })
  channel: MentionChannel;

  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  author: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'ingested_at', type: 'timestamptz', default: () => 'now()' })
  ingestedAt: Date;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  reach: { likes?: number; dislikes?: number; reposts?: number; comments?: number; views?: number };

  @Column({ type: 'varchar', length: 200, nullable: true })
  place: string | null;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId: string | null;

  /** SHA-256 of the normalised content: the same words again are a duplicate. */
  @Index('mentions_content_hash', { unique: true })
  @Column({ name: 'content_hash', type: 'bytea' })
  contentHash: Buffer;

  /** 64-bit SimHash as a signed bigint. */
  @Column({ type: 'bigint' })
  simhash: string;

  @Column({ name: 'sentiment_score', type: 'real' })
  sentimentScore: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  category: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  keywords: { word: string; weight: number }[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  places: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  flags: string[];

  @Column({ name: 'hotspot_id', type: 'uuid', nullable: true })
  hotspotId: string | null;

  /** The hotspot it was in before the last merge moved it (so that the merge can be undone). */
  @Column({ name: 'merged_from', type: 'uuid', nullable: true })
  mergedFrom: string | null;

  @Column({ name: 'duplicate_count', type: 'int', default: 0 })
  duplicateCount: number;
}
