import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One crossing of a deadline threshold (due soon, overdue) for one due date. The unique key
 * makes the sweep notify exactly once, however many processes sweep at the same time.
 */
@Entity({ name: 'deadline_alerts' })
@Unique(['requestId', 'threshold', 'dueDate'])
export class DeadlineAlertEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ type: 'varchar', length: 12 })
  threshold: 'due_soon' | 'overdue';

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
