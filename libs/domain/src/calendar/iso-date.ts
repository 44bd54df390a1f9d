/**
 * Calendar dates as `YYYY-MM-DD` strings (no time, no zone): the unit in which the statute
 * counts. Arithmetic runs on UTC midnights so no daylight-saving or zone shift can move a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The epoch day of a well-formed date, or NaN (hot path of every deadline: no Date parsing). */
function epochDayOrNaN(value: string): number {
  const m = ISO_DATE.exec(value);
  if (!m) return NaN;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  // Years below 100 are not calendar dates here (Date.UTC would read them as 19xx).
  if (y < 100 || month < 1 || month > 12 || d < 1 || d > (month === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  return Date.UTC(y, month - 1, d) / DAY_MS;
}

export function isIsoDate(value: string): boolean {
  return !Number.isNaN(epochDayOrNaN(value));
}

export function assertIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  return value;
}

export function toEpochDay(date: IsoDate): number {
  const day = epochDayOrNaN(date);
  if (Number.isNaN(day)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return day;
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return weekdayOfEpochDay(toEpochDay(date));
}

/** 0 = Sunday … 6 = Saturday, of an epoch day (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The calendar year of an epoch day. */
export function yearOfEpochDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The calendar date of an instant in China Standard Time (UTC+8, no daylight saving). */
export function chinaDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
