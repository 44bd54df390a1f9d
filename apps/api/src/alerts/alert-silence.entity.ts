import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** While it lasts, matching alerts are recorded but not pushed or escalated. */
@Entity({ name: 'alert_silences' })
export class AlertSilenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'hotspot_id', type: 'uuid', nullable: true })
  hotspotId: string | null;

  @Column({ name: 'max_level', type: 'smallint', nullable: true })
  maxLevel: number | null;

  @Column({ type: 'varchar', length: 300 })
  reason: string;

  @Column({ name: 'created_by', type: 'varchar', length: 60 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
