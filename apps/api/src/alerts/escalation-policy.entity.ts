import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EscalationPolicyRequest } from '@govdesk/contracts';

/** Who is told, and when, about an unacknowledged alert of one level (edited by admins). */
@Entity({ name: 'escalation_policies' })
export class EscalationPolicyEntity {
  @PrimaryColumn({ type: 'smallint' })
  level: number;

  @Column({ type: 'jsonb' })
  steps: EscalationPolicyRequest['steps'];

  @Column({ type: 'boolean', default: false })
  repeat: boolean;

  @Column({ name: 'ack_timeout_seconds', type: 'int' })
  ackTimeoutSeconds: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
