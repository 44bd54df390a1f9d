/**
 * Calendar dates as `YYYY-MM-DD` strings (no time, no zone): the unit in which the statute
 * counts. Arithmetic runs on UTC midnights so no daylight-saving or zone shift can move a day.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil): what Date.UTC gives, without a Date.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The year, month and day of an epoch day (civil_from_days, the inverse of daysFromCivil). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

/** Epoch days of 0100-01-01 and 9999-12-31: the civil arithmetic answers within them, Date outside. */
const CIVIL_FIRST = -683_003;
const CIVIL_LAST = 2_932_896;

/** The value of two ASCII digits at `i`, or NaN. */
function twoDigits(value: string, i: number): number {
  const a = value.charCodeAt(i) - 48;
  const b = value.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** The epoch day of a well-formed date, or NaN (hot path of every deadline: no Date, no regular expression). */
function epochDayOrNaN(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  const y = twoDigits(value, 0) * 100 + twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const d = twoDigits(value, 8);
  if (Number.isNaN(y) || Number.isNaN(month) || Number.isNaN(d)) return NaN;
  // Years below 100 are not calendar dates here (Date.UTC would read them as 19xx).
  if (y < 100 || month < 1 || month > 12 || d < 1 || d > (month === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[month - 1]!)) return NaN;
  return daysFromCivil(y, month, d);
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
  if (!Number.isInteger(day) || day < CIVIL_FIRST || day > CIVIL_LAST) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  const [y, m, d] = civilFromDays(day);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
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
  if (!Number.isInteger(day) || day < CIVIL_FIRST || day > CIVIL_LAST) return new Date(day * DAY_MS).getUTCFullYear();
  return civilFromDays(day)[0];
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
