import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One year of the State Council's holiday notice (see libs/domain WorkingDayCalendar). */
@Entity({ name: 'calendar_years' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** Public holidays, including weekend days inside a holiday period (YYYY-MM-DD). */
  @Column({ type: 'text', array: true })
  holidays: string[];

  /** Make-up working days (调休上班). */
  @Column({ type: 'text', array: true })
  workdays: string[];

  @Column({ type: 'varchar', length: 120 })
  source: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
