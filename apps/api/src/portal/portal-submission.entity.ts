import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from '../units/unit.entity';
import type { ApplicantRecord } from '../disclosure/disclosure-request.entity';

/**
 * An application made on the public portal. It has its receipt number at once, but becomes a
 * request only when staff confirm it: that day is its date of receipt (Art. 31).
 */
@Entity({ name: 'portal_submissions' })
@Index(['unitId', 'status'])
export class PortalSubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'receipt_no', type: 'varchar', length: 32, unique: true })
  receiptNo: string;

  @Column({ name: 'query_code_hash', type: 'varchar', length: 64 })
  queryCodeHash: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: 'pending' | 'confirmed' | 'rejected';

  @Column({ type: 'jsonb' })
  applicant: ApplicantRecord;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'form_medium', type: 'varchar', length: 16 })
  formMedium: 'paper' | 'electronic' | 'inspection';

  @Column({ name: 'form_delivery', type: 'varchar', length: 16 })
  formDelivery: 'mail' | 'pickup' | 'email' | 'online';

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  @Column({ name: 'submitter_ip', type: 'varchar', length: 64, nullable: true })
  submitterIp: string | null;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;
}
