import dayjs from 'dayjs';

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in China (YYYY-MM-DD): the day the statute counts from, wherever the browser is. */
export function todayInChina(now: Date = new Date()): string {
  return CHINA_DATE.format(now);
}

/** An instant as local date and time, for the timeline. */
export function formatDateTime(instant: string): string {
  return dayjs(instant).format('YYYY-MM-DD HH:mm');
}
