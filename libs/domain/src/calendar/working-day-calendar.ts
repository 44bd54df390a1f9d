import { compareDates, fromEpochDay, type IsoDate, toEpochDay, weekday, weekdayOfEpochDay, yearOf, yearOfEpochDay } from './iso-date';

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

/** The days the ordinal table covers (epoch days of 1970-01-01 … 2099-12-31); outside them, the walk. */
const TABLE_FIRST = 0;
const TABLE_LAST = Date.UTC(2099, 11, 31) / 86_400_000;

/**
 * Working days (工作日) under the annual holiday notices. A year with no loaded calendar is
 * counted Monday–Friday and every result that touched it says `provisional` and which year.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Set<IsoDate>();
  private readonly workdays = new Set<IsoDate>();
  /** The same days as epoch days: the counting loops below run on numbers, not strings. */
  private readonly holidayDays = new Set<number>();
  private readonly workdayDays = new Set<number>();
  private readonly years = new Set<number>();
  /**
   * Built on first use: `upTo[i]` working days from TABLE_FIRST to its i-th day (inclusive),
   * `nth[k]` the epoch day of the (k+1)-th. Adding and counting are then two lookups — the
   * same answers as walking day by day (working-day-calendar.spec.ts checks both ways).
   */
  private table: { upTo: Int32Array; nth: Int32Array } | null = null;

  constructor(calendars: readonly YearCalendar[]) {
    for (const c of calendars) {
      this.years.add(c.year);
      for (const d of c.holidays) {
        this.holidays.add(d);
        this.holidayDays.add(toEpochDay(d));
      }
      for (const d of c.workdays) {
        this.workdays.add(d);
        this.workdayDays.add(toEpochDay(d));
      }
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

  private workingEpochDay(day: number): boolean {
    if (this.workdayDays.has(day)) return true;
    if (this.holidayDays.has(day)) return false;
    const wd = weekdayOfEpochDay(day);
    return wd !== 0 && wd !== 6;
  }

  private ordinalTable(): { upTo: Int32Array; nth: Int32Array } {
    if (!this.table) {
      const upTo = new Int32Array(TABLE_LAST - TABLE_FIRST + 1);
      const nth: number[] = [];
      for (let i = 0; i < upTo.length; i++) {
        if (this.workingEpochDay(TABLE_FIRST + i)) nth.push(TABLE_FIRST + i);
        upTo[i] = nth.length;
      }
      this.table = { upTo, nth: Int32Array.from(nth) };
    }
    return this.table;
  }

  /** The years without a loaded calendar among those of the days after `from` up to `to`, as the walk finds them. */
  private missingBetween(from: number, to: number): number[] {
    const missing: number[] = [];
    for (let y = yearOfEpochDay(from + 1), last = yearOfEpochDay(to); y <= last; y++) if (!this.years.has(y)) missing.push(y);
    return missing;
  }

  /**
   * Walks the days after `from` while `more(day, working)` says so; answers the last day and
   * the years without a loaded calendar it touched. Years are looked up once per year crossed.
   */
  private walk(from: IsoDate, more: (day: number, working: boolean) => boolean, limitMessage: string): { day: number; missing: Set<number> } {
    const missing = new Set<number>();
    let day = toEpochDay(from);
    let year = -1;
    let nextYearStart = -Infinity;
    let steps = 0;
    for (;;) {
      const next = day + 1;
      if (next >= nextYearStart) {
        year = yearOfEpochDay(next);
        nextYearStart = Date.UTC(year + 1, 0, 1) / 86_400_000;
        if (!this.years.has(year)) missing.add(year);
      }
      if (++steps > MAX_SPAN_DAYS) throw new RangeError(limitMessage);
      day = next;
      if (!more(day, this.workingEpochDay(day))) return { day, missing };
    }
  }

  /**
   * The `n`th working day after `from` (the start day itself is not counted): "within 20
   * working days of receipt" ends on `addWorkingDays(receipt, 20)`. With n = 0, `from`.
   */
  addWorkingDays(from: IsoDate, n: number): WorkingDayResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    if (n === 0) return { date: from, provisional: false, missingYears: [] };
    const start = toEpochDay(from);
    if (start >= TABLE_FIRST && start <= TABLE_LAST) {
      const { upTo, nth } = this.ordinalTable();
      const k = upTo[start - TABLE_FIRST]! + n - 1;
      if (k < nth.length) {
        const day = nth[k]!;
        if (day - start > MAX_SPAN_DAYS) throw new RangeError(`${n} working days is beyond the calendar's range`);
        const missing = this.missingBetween(start, day);
        return { date: fromEpochDay(day), provisional: missing.length > 0, missingYears: missing };
      }
    }
    let left = n;
    const { day, missing } = this.walk(from, (_day, working) => !(working && --left === 0), `${n} working days is beyond the calendar's range`);
    return { date: fromEpochDay(day), provisional: missing.size > 0, missingYears: [...missing].sort() };
  }

  /** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
  countWorkingDays(from: IsoDate, to: IsoDate): CountResult {
    if (compareDates(from, to) >= 0) return { days: 0, provisional: false, missingYears: [] };
    const last = toEpochDay(to);
    const first = toEpochDay(from);
    if (first >= TABLE_FIRST && last <= TABLE_LAST) {
      if (last - first > MAX_SPAN_DAYS) throw new RangeError("date span is beyond the calendar's range");
      const { upTo } = this.ordinalTable();
      const missing = this.missingBetween(first, last);
      return { days: upTo[last - TABLE_FIRST]! - upTo[first - TABLE_FIRST]!, provisional: missing.length > 0, missingYears: missing };
    }
    let days = 0;
    const { missing } = this.walk(
      from,
      (day, working) => {
        if (working) days++;
        return day < last;
      },
      "date span is beyond the calendar's range",
    );
    return { days, provisional: missing.size > 0, missingYears: [...missing].sort() };
  }

  /**
   * Working-day ordinals from `from` to `to`: entry i is the number of working days after
   * `from` up to and including the i-th day after it (entry 0 is 0). For `from` ≤ a ≤ b ≤ `to`,
   * `countWorkingDays(a, b).days` is entry(b) − entry(a): a table a database can count with.
   */
  workingDayOrdinals(from: IsoDate, to: IsoDate): number[] {
    const first = toEpochDay(from);
    const last = toEpochDay(to);
    if (last - first > MAX_SPAN_DAYS * 10) throw new RangeError(`${from} to ${to} is beyond the calendar's range`);
    const out: number[] = [0];
    let days = 0;
    for (let day = first + 1; day <= last; day++) {
      if (this.workingEpochDay(day)) days++;
      out.push(days);
    }
    return out;
  }
}
