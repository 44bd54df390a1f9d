import type { YearCalendar } from './working-day-calendar';

/**
 * The `chinese-days` package's data file (`dist/chinese-days.json`): dates mapped to a
 * description, under `holidays` and `workdays` (make-up working days).
 */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** One YearCalendar per year the data covers. */
export function yearCalendarsFromChineseDays(data: ChineseDaysData, source: string): YearCalendar[] {
  const byYear = new Map<number, YearCalendar>();
  const get = (date: string) => {
    const year = Number(date.slice(0, 4));
    let c = byYear.get(year);
    if (!c) byYear.set(year, (c = { year, holidays: [], workdays: [], source }));
    return c;
  };
  for (const date of Object.keys(data.holidays)) get(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) get(date).workdays.push(date);
  return [...byYear.values()]
    .map((c) => ({ ...c, holidays: c.holidays.sort(), workdays: c.workdays.sort() }))
    .sort((a, b) => a.year - b.year);
}
