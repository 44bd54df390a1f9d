/**
 * Calendar dates as `YYYY-MM-DD` strings (no time, no zone): the unit in which the statute
 * counts. Arithmetic runs on UTC midnights so no daylight-saving or zone shift can move a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function assertIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  return value;
}

export function toEpochDay(date: IsoDate): number {
  return Date.parse(`${assertIsoDate(date)}T00:00:00Z`) / DAY_MS;
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
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
