import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewKind, ReviewOutcome } from '@govdesk/domain';
import { DisclosureRequestEntity } from '../disclosure/disclosure-request.entity';

/**
 * An administrative reconsideration (行政复议) or lawsuit (行政诉讼) against a request's
 * handling; feeds part four of the annual report.
 */
@Entity({ name: 'request_reviews' })
@Index(['requestId'])
export class RequestReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne(() => DisclosureRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  request?: DisclosureRequestEntity;

  @Column({ type: 'varchar', length: 40 })
  kind: ReviewKind;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn: string;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome: ReviewOutcome | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
