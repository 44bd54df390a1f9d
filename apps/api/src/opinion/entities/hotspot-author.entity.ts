import { Entity, PrimaryColumn } from 'typeorm';

/** Distinct authors of a hotspot (its author count is the number of rows). */
@Entity({ name: 'hotspot_authors' })
export class HotspotAuthorEntity {
  @PrimaryColumn({ name: 'hotspot_id', type: 'uuid' })
  hotspotId: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  author: string;
}
