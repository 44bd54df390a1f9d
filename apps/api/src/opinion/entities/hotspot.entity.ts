import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { HotspotStatus } from '@govdesk/contracts';
import type { HotspotLevel } from '@govdesk/domain';

/**
 * A matter many mentions are about. Besides what the console shows it keeps its clustering
 * state (keyword centroid, recent SimHashes, heat sums), so that any API process can rebuild
 * its in-memory index from the table; `index_seq` orders changes for that.
 */
@Entity({ name: 'hotspots' })
@Index('hotspots_status_heat', ['status', 'heat'])
@Index('hotspots_last_seen', ['lastSeenAt'])
@Index('hotspots_merged_into', ['mergedInto'], { where: '"merged_into" IS NOT NULL' })
export class HotspotEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'title_score', type: 'real', default: 0 })
  titleScore: number;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: HotspotStatus;

  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;

  /** A monitor split this hotspot (or made it by a split): clustering never merges it with another by itself. */
  @Column({ name: 'keep_apart', type: 'boolean', default: false })
  keepApart: boolean;

  @Column({ type: 'smallint', nullable: true })
  level: HotspotLevel | null;

  @Column({ name: 'level_reason', type: 'varchar', length: 200, nullable: true })
  levelReason: string | null;

  @Column({ name: 'level_manual', type: 'boolean', default: false })
  levelManual: boolean;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ name: 'mention_count', type: 'int', default: 0 })
  mentionCount: number;

  @Column({ name: 'duplicate_count', type: 'int', default: 0 })
  duplicateCount: number;

  @Column({ name: 'author_count', type: 'int', default: 0 })
  authorCount: number;

  @Column({ name: 'negative_count', type: 'int', default: 0 })
  negativeCount: number;

  @Column({ type: 'bigint', default: 0 })
  reach: string;

  @Column({ type: 'real', default: 0 })
  heat: number;

  @Column({ name: 'fast_rate', type: 'real', default: 0 })
  fastRate: number;

  @Column({ name: 'slow_rate', type: 'real', default: 0 })
  slowRate: number;

  @Column({ name: 'heat_at', type: 'timestamptz' })
  heatAt: Date;

  @Column({ type: 'real', default: 0 })
  growth: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  category: string | null;

  @Column({ name: 'category_counts', type: 'jsonb', default: () => `'{}'` })
  categoryCounts: Record<string, number>;

  /** Keyword centroid: word → summed weight (the strongest 60 kept). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  terms: Record<string, number>;

  /** Recent SimHashes (signed bigint strings), for near-duplicate matching. */
  @Column({ type: 'bigint', array: true, default: () => `'{}'` })
  simhashes: string[];

  @Column({ type: 'jsonb', default: () => `'{}'` })
  places: Record<string, number>;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  flags: string[];

  @Column({ type: 'jsonb', default: () => `'{}'` })
  channels: Record<string, number>;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Index('hotspots_index_seq')
  @Column({ name: 'index_seq', type: 'bigint', default: 0 })
  indexSeq: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
