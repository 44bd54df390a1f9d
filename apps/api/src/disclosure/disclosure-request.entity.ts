import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';
import type { ApplicantType, ClockEvent, IdType, ReplyType, RequestChannel, RequestStatus } from '@govdesk/domain';
import { TIMELINESS_COLUMNS } from './timeliness-sql';

/** The applicant's full record; only ever sent out masked unless revealed (audited). */
export interface ApplicantRecord {
  type: ApplicantType;
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  address?: string;
  email?: string;
  postcode?: string;
  contactPerson?: string;
}

/** An information-disclosure request (依申请公开) and where it stands. */
@Entity({ name: 'disclosure_requests' })
@Index(['unitId', 'status', 'dueDate'])
@Index(['status', 'dueDate'])
// Keyset pages of the request list, one per sort order (due, received, updated), and the open
// queue by due date: a page is an index range, whatever the number of requests.
@Index('requests_due_page', ['dueDate', 'id'])
@Index('requests_received_page', ['receivedAt', 'id'])
@Index('requests_updated_page', ['updatedAt', 'id'])
@Index('requests_open_due_page', ['dueDate', 'id'], { where: `"status" IN ('registered', 'reviewing', 'awaiting_correction', 'handling', 'consulting', 'reply_drafted')` })
@Index('requests_unit_due_page', ['unitId', 'dueDate', 'id'])
@Index('requests_handler_received_page', ['handlerId', 'receivedAt', 'id'])
// By date of receipt, the requests the timeliness dashboard computes live: open ones, and
// concluded ones whose figures are provisional (for the years they lack).
@Index('requests_live_received', ['receivedOn'], { where: `"concluded_on" IS NULL OR "provisional"` })
// Concluded requests by outcome and date: the annual report's drill-down into a result row.
@Index('requests_concluded_outcome', ['outcome', 'concludedOn'], { where: `"concluded_on" IS NOT NULL` })
export class DisclosureRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 依申请〔2026〕第 0001 号 style number, unique: `YSQ-2026-00001`. */
  @Column({ name: 'receipt_no', type: 'varchar', length: 32, unique: true })
  receiptNo: string;

  /** SHA-256 of the applicant's query code (the code itself is shown once, at registration). */
  @Column({ name: 'query_code_hash', type: 'varchar', length: 64 })
  queryCodeHash: string;

  @Column({ type: 'varchar', length: 24 })
  status: RequestStatus;

  @Column({ type: 'varchar', length: 24 })
  channel: RequestChannel;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** The date of receipt (Art. 31), China time: the clock starts the day after. */
  @Index()
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Index()
  @Column({ name: 'handler_id', type: 'uuid', nullable: true })
  handlerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handler_id' })
  handler?: UserEntity;

  @Column({ name: 'applicant_type', type: 'varchar', length: 32 })
  applicantType: ApplicantType;

  @Column({ name: 'applicant_name', type: 'varchar', length: 100 })
  applicantName: string;

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

  /** Everything that happened to the clock, in order; the deadline is computed from it. */
  @Column({ name: 'clock_events', type: 'jsonb' })
  clockEvents: ClockEvent[];

  /** The due date in force, kept for lists, filters and sweeps; recomputed on every change. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  /** A fee notice waits for payment: the clock is stopped although the status is `handling`. */
  @Column({ name: 'fee_pending', type: 'boolean', default: false })
  feePending: boolean;

  @Column({ type: 'varchar', length: 12, default: 'none' })
  extension: 'none' | 'requested' | 'approved';

  @Column({ name: 'reply_type', type: 'varchar', length: 32, nullable: true })
  replyType: ReplyType | null;

  @Column({ name: 'reason_code', type: 'varchar', length: 40, nullable: true })
  reasonCode: string | null;

  @Column({ name: 'legal_basis', type: 'varchar', length: 500, nullable: true })
  legalBasis: string | null;

  @Column({ name: 'reply_body', type: 'text', nullable: true })
  replyBody: string | null;

  @Column({ name: 'reply_approved_by', type: 'varchar', length: 60, nullable: true })
  replyApprovedBy: string | null;

  @Column({ name: 'reply_approved_at', type: 'timestamptz', nullable: true })
  replyApprovedAt: Date | null;

  @Column({ name: 'delivery_method', type: 'varchar', length: 16, nullable: true })
  deliveryMethod: string | null;

  /** The day it was replied to or closed (withdrawn, abandoned): the annual report's year. */
  @Column({ name: 'concluded_on', type: 'date', nullable: true })
  concludedOn: string | null;

  /** How it ended: a reply type, `withdrawn`, or `abandoned:<reason>`; kept when archived. */
  @Column({ type: 'varchar', length: 48, nullable: true })
  outcome: string | null;

  // Timeliness figures that do not move with today, computed by PostgreSQL (timeliness-sql.ts).

  @Column({ type: 'boolean', generatedType: 'STORED', asExpression: TIMELINESS_COLUMNS.replied, insert: false, update: false })
  replied: boolean;

  @Column({ name: 'replied_on_time', type: 'boolean', generatedType: 'STORED', asExpression: TIMELINESS_COLUMNS.replied_on_time, insert: false, update: false })
  repliedOnTime: boolean;

  @Column({ type: 'boolean', generatedType: 'STORED', asExpression: TIMELINESS_COLUMNS.corrected, insert: false, update: false })
  corrected: boolean;

  @Column({ type: 'boolean', generatedType: 'STORED', asExpression: TIMELINESS_COLUMNS.consulted, insert: false, update: false })
  consulted: boolean;

  @Column({ name: 'received_month', type: 'int', generatedType: 'STORED', asExpression: TIMELINESS_COLUMNS.received_month, insert: false, update: false })
  receivedMonth: number;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
