import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DisclosureRequestEntity } from './disclosure-request.entity';
import type { RequestStatus } from '@govdesk/domain';

/** The request's timeline: every registration, transition and reveal, in order. */
@Entity({ name: 'request_events' })
@Index(['requestId', 'id'])
export class RequestEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne(() => DisclosureRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  request?: DisclosureRequestEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** The date the event took effect (may be earlier than `at` for a paper event). */
  @Column({ name: 'event_date', type: 'date' })
  eventDate: string;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 64 })
  actorName: string;

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus: RequestStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24 })
  toStatus: RequestStatus;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: object;
}
