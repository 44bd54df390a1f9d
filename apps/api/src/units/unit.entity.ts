import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { UnitKind } from '@govdesk/contracts';
// Type only: users refer to their unit, so the relation below names its target by string.
import type { UserEntity } from '../users/user.entity';

/** A county unit: an office, a department (县教体局), a town (镇) or a street (街道). */
@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: UnitKind;

  /** The heading printed on the unit's letters, e.g. 平阴县教育和体育局. */
  @Column({ type: 'varchar', length: 120, default: '' })
  letterhead: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The unit's lead (负责人), a user of the unit: told of deadlines crossed, with the handlers. */
  @Column({ name: 'lead_user_id', type: 'uuid', nullable: true })
  leadUserId: string | null;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lead_user_id' })
  lead?: Relation<UserEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
