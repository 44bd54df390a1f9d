import { officialCalendar } from '../testing/official-calendar';
import { addDays, compareDates, type IsoDate, yearOf } from './iso-date';
import type { WorkingDayCalendar } from './working-day-calendar';

/** The definition, one day at a time through the public `isWorkingDay`: what the fast loops must equal. */
function naiveAdd(calendar: WorkingDayCalendar, from: IsoDate, n: number) {
  const missing = new Set<number>();
  let date = from;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    const { working, provisional } = calendar.isWorkingDay(date);
    if (provisional) missing.add(yearOf(date));
    if (working) left--;
  }
  return { date, provisional: missing.size > 0, missingYears: [...missing].sort() };
}

function naiveCount(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate) {
  const missing = new Set<number>();
  let days = 0;
  let date = from;
  while (compareDates(date, to) < 0) {
    date = addDays(date, 1);
    const { working, provisional } = calendar.isWorkingDay(date);
    if (provisional) missing.add(yearOf(date));
    if (working) days++;
  }
  return { days, provisional: missing.size > 0, missingYears: [...missing].sort() };
}

describe('WorkingDayCalendar counts exactly as the day-by-day definition', () => {
  const calendar = officialCalendar();
  // Deterministic pseudo-random dates from 2023 to 2028: loaded years and missing ones, year ends, holidays.
  let seed = 20261126;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const dates = Array.from({ length: 400 }, () => addDays('2023-01-01', Math.floor(random() * 6 * 365)));

  it('adds working days', () => {
    for (const from of dates) {
      const n = Math.floor(random() * 60);
      expect([from, n, calendar.addWorkingDays(from, n)]).toEqual([from, n, naiveAdd(calendar, from, n)]);
    }
  });

  it('counts working days between two dates, in either order', () => {
    for (const from of dates) {
      const to = addDays(from, Math.floor(random() * 200) - 40);
      expect([from, to, calendar.countWorkingDays(from, to)]).toEqual([from, to, naiveCount(calendar, from, to)]);
    }
  });
});
