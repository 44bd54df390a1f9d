import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A supervisor's urging (督办) of a request, sent to its handler or its unit's handlers. */
@Entity({ name: 'request_urges' })
@Index(['requestId', 'createdAt'])
export class RequestUrgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ type: 'varchar', length: 500 })
  message: string;

  @Column({ type: 'varchar', length: 10 })
  target: 'handler' | 'unit';

  @Column({ name: 'urged_by', type: 'varchar', length: 64 })
  urgedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
