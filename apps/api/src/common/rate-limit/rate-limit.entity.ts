import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A rate limit's counter for one caller and limit (the throttler's key), shared by every API process. */
@Entity({ name: 'rate_limits' })
@Index('rate_limits_window_ends', ['windowEndsAt'])
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  /** Calls counted in the current window. */
  @Column({ type: 'int' })
  hits: number;

  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt: Date;

  /** Refused until then, once the limit was passed. */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
