import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last receipt number given out per year (row-locked while a request is registered). */
@Entity({ name: 'receipt_counters' })
export class ReceiptCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  last: number;
}
