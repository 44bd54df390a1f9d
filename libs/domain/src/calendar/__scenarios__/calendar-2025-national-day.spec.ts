import { officialCalendar } from '../../testing/official-calendar';

describe('2025 National Day and Mid-Autumn holidays with the working Saturday 2025-10-11', () => {
  const calendar = officialCalendar();

  it('gives a request received 2025-09-26 its due date 2025-10-30', () => {
    expect(calendar.addWorkingDays('2025-09-26', 20)).toEqual({ date: '2025-10-30', provisional: false, missingYears: [] });
  });

  it('counts the make-up Sunday 2025-09-28 and Saturday 2025-10-11 and skips 1–8 October', () => {
    expect(calendar.isWorkingDay('2025-09-28').working).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11').working).toBe(true);
    for (let d = 1; d <= 8; d++) expect(calendar.isWorkingDay(`2025-10-0${d}`).working).toBe(false);
    expect(calendar.isWorkingDay('2025-10-12').working).toBe(false);
    expect(calendar.countWorkingDays('2025-09-26', '2025-10-11').days).toBe(6);
  });
});
