import { officialCalendar } from '../../testing/official-calendar';
import { WorkingDayCalendar } from '../working-day-calendar';

describe('a year with no loaded calendar', () => {
  it('is counted Monday–Friday and flagged provisional with the missing year', () => {
    // 2027's notice is not in the data: 2027-01-01 (a Friday) is counted as a working day.
    expect(officialCalendar().addWorkingDays('2026-12-10', 20)).toEqual({ date: '2027-01-07', provisional: true, missingYears: [2027] });
  });

  it('is exact again once the year is loaded', () => {
    const calendar = new WorkingDayCalendar([
      { year: 2026, holidays: [], workdays: [] },
      { year: 2027, holidays: ['2027-01-01'], workdays: [] },
    ]);
    expect(calendar.addWorkingDays('2026-12-10', 20)).toEqual({ date: '2027-01-08', provisional: false, missingYears: [] });
  });

  it('refuses nonsense input', () => {
    const calendar = officialCalendar();
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-01', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-01', 100000)).toThrow(/beyond/);
  });
});
