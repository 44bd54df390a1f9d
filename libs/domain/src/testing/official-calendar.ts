import { readFileSync } from 'node:fs';
import { yearCalendarsFromChineseDays, type ChineseDaysData } from '../calendar/chinese-days-import';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';

/** Test helper: the calendar of every year the `chinese-days` package covers. */
export function officialCalendar(): WorkingDayCalendar {
  const data = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as ChineseDaysData;
  return new WorkingDayCalendar(yearCalendarsFromChineseDays(data, 'chinese-days'));
}
