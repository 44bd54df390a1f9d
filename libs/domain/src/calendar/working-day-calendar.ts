import { addDays, compareDates, type IsoDate, weekday, yearOf } from './iso-date';

/**
 * One year of the State Council's holiday notice: the public holidays (including the weekend
 * days inside a holiday period) and the make-up working days (调休上班, usually a Saturday or
 * Sunday). Every other Monday–Friday is a working day; every other weekend day is not.
 */
export interface YearCalendar {
  year: number;
  holidays: IsoDate[];
  workdays: IsoDate[];
  /** Where the data came from, e.g. `chinese-days 1.5.7` or `admin import`. */
  source?: string;
}

export interface WorkingDayResult {
  date: IsoDate;
  /** True when a year the count passed through has no loaded calendar (Monday–Friday assumed). */
  provisional: boolean;
  missingYears: number[];
}

export interface CountResult {
  days: number;
  provisional: boolean;
  missingYears: number[];
}

/** The largest span the calendar will walk (about eight years), so a bad input cannot hang it. */
const MAX_SPAN_DAYS = 3000;

/**
 * Working days (工作日) under the annual holiday notices. A year with no loaded calendar is
 * counted Monday–Friday and every result that touched it says `provisional` and which year.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Set<IsoDate>();
  private readonly workdays = new Set<IsoDate>();
  private readonly years = new Set<number>();

  constructor(calendars: readonly YearCalendar[]) {
    for (const c of calendars) {
      this.years.add(c.year);
      for (const d of c.holidays) this.holidays.add(d);
      for (const d of c.workdays) this.workdays.add(d);
    }
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  loadedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** Whether `date` is a working day, and whether that answer is provisional. */
  isWorkingDay(date: IsoDate): { working: boolean; provisional: boolean } {
    const provisional = !this.years.has(yearOf(date));
    if (this.workdays.has(date)) return { working: true, provisional };
    if (this.holidays.has(date)) return { working: false, provisional };
    const wd = weekday(date);
    return { working: wd !== 0 && wd !== 6, provisional };
  }

  /**
   * The `n`th working day after `from` (the start day itself is not counted): "within 20
   * working days of receipt" ends on `addWorkingDays(receipt, 20)`. With n = 0, `from`.
   */
  addWorkingDays(from: IsoDate, n: number): WorkingDayResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    const missing = new Set<number>();
    let date = from;
    let left = n;
    let steps = 0;
    while (left > 0) {
      date = addDays(date, 1);
      if (++steps > MAX_SPAN_DAYS) throw new RangeError(`${n} working days is beyond the calendar's range`);
      const { working, provisional } = this.isWorkingDay(date);
      if (provisional) missing.add(yearOf(date));
      if (working) left--;
    }
    return { date, provisional: missing.size > 0, missingYears: [...missing].sort() };
  }

  /** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
  countWorkingDays(from: IsoDate, to: IsoDate): CountResult {
    const missing = new Set<number>();
    let days = 0;
    let date = from;
    let steps = 0;
    while (compareDates(date, to) < 0) {
      date = addDays(date, 1);
      if (++steps > MAX_SPAN_DAYS) throw new RangeError('date span is beyond the calendar\'s range');
      const { working, provisional } = this.isWorkingDay(date);
      if (provisional) missing.add(yearOf(date));
      if (working) days++;
    }
    return { days, provisional: missing.size > 0, missingYears: [...missing].sort() };
  }
}
