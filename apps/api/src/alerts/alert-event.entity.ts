import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every alert event pushed, with the rooms it went to: what a reconnecting client missed is read from here. */
@Entity({ name: 'alert_events' })
export class AlertEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;

  @Column({ type: 'varchar', length: 40 })
  event: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ type: 'text', array: true })
  rooms: string[];

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}
