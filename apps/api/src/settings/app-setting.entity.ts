import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Installation-wide values the processes share, e.g. the generated token-signing secret. */
@Entity({ name: 'app_settings' })
export class AppSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  key: string;

  @Column({ type: 'text' })
  value: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
