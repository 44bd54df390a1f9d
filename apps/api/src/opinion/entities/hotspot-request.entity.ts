import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A disclosure request linked to a hotspot (the same matter asked about formally). */
@Entity({ name: 'hotspot_requests' })
export class HotspotRequestEntity {
  @PrimaryColumn({ name: 'hotspot_id', type: 'uuid' })
  hotspotId: string;

  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @CreateDateColumn({ name: 'linked_at', type: 'timestamptz' })
  linkedAt: Date;
}
