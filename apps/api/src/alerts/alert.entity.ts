import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertStatus } from '@govdesk/contracts';
import type { HotspotLevel } from '@govdesk/domain';

/**
 * An alert about a hotspot: at most one open alert per hotspot (`dedup_key` = hotspot and
 * level, unique while not resolved); later matches count on it; a more serious level raises
 * it. It carries the hotspot's response record: discovered, acknowledged, assigned (办理),
 * responded (回应) and resolved, and the escalation position (`generation`, `step`).
 */
@Entity({ name: 'alerts' })
@Index('alerts_open_hotspot', ['hotspotId'], { unique: true, where: `"status" <> 'resolved'` })
@Index('alerts_raised', ['raisedAt'])
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'hotspot_id', type: 'uuid' })
  hotspotId: string;

  @Column({ name: 'dedup_key', type: 'varchar', length: 60 })
  dedupKey: string;

  @Column({ type: 'smallint' })
  level: HotspotLevel;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: AlertStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rule: string | null;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'int', default: 1 })
  count: number;

  @Column({ type: 'boolean', default: false })
  silenced: boolean;

  /** Bumped whenever escalation restarts (a new level, an acknowledgement that timed out): older timers see it and stop. */
  @Column({ type: 'int', default: 0 })
  generation: number;

  /** The last escalation step that went out (0 = the first notification). */
  @Column({ type: 'int', default: 0 })
  step: number;

  @Column({ name: 'discovered_at', type: 'timestamptz' })
  discoveredAt: Date;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 60, nullable: true })
  acknowledgedBy: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'response_text', type: 'varchar', length: 2000, nullable: true })
  responseText: string | null;

  @Column({ name: 'response_url', type: 'varchar', length: 2000, nullable: true })
  responseUrl: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'varchar', length: 60, nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'last_escalated_at', type: 'timestamptz', nullable: true })
  lastEscalatedAt: Date | null;
}
