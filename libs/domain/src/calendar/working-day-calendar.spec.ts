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

  it('answers the same at the edges of its table (1970, 2099) and across them', () => {
    for (const from of ['1969-12-20', '1970-01-01', '1970-01-02', '2099-11-20', '2099-12-30', '2099-12-31', '2100-01-03']) {
      for (const n of [0, 1, 5, 20, 45]) expect([from, n, calendar.addWorkingDays(from, n)]).toEqual([from, n, naiveAdd(calendar, from, n)]);
      for (const days of [1, 3, 40]) {
        const to = addDays(from, days);
        expect([from, to, calendar.countWorkingDays(from, to)]).toEqual([from, to, naiveCount(calendar, from, to)]);
      }
    }
  });

  it('refuses spans beyond about eight years, as the walk does', () => {
    expect(() => calendar.countWorkingDays('2020-01-01', '2029-01-01')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2020-01-01', 2200)).toThrow(RangeError);
    expect(calendar.countWorkingDays('2020-01-01', addDays('2020-01-01', 3000)).days).toBeGreaterThan(2000);
  });

  it('counts working days between two dates, in either order', () => {
    for (const from of dates) {
      const to = addDays(from, Math.floor(random() * 200) - 40);
      expect([from, to, calendar.countWorkingDays(from, to)]).toEqual([from, to, naiveCount(calendar, from, to)]);
    }
  });
});

describe('working-day ordinals', () => {
  const calendar = officialCalendar();

  it('count between any two days of the table exactly as countWorkingDays', () => {
    const from = '2024-12-20';
    const ord = calendar.workingDayOrdinals(from, '2027-02-10');
    expect(ord[0]).toBe(0);
    const at = (d: IsoDate) => ord[Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)]!;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 400; i++) {
      const a = addDays(from, Math.floor(random() * 700));
      const b = addDays(a, Math.floor(random() * 90));
      expect([a, b, at(b) - at(a)]).toEqual([a, b, calendar.countWorkingDays(a, b).days]);
    }
  });
});
