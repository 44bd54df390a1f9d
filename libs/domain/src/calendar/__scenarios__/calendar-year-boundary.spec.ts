import { officialCalendar } from '../../testing/official-calendar';

describe('counting across the new year (2026 New Year holiday, working Sunday 2026-01-04)', () => {
  it('gives a request received 2025-12-22 its due date 2026-01-20', () => {
    expect(officialCalendar().addWorkingDays('2025-12-22', 20)).toEqual({ date: '2026-01-20', provisional: false, missingYears: [] });
  });

  it('does not count the start day itself', () => {
    const calendar = officialCalendar();
    expect(calendar.addWorkingDays('2026-03-02', 1).date).toBe('2026-03-03');
    expect(calendar.addWorkingDays('2026-03-06', 1).date).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-03-07', 0).date).toBe('2026-03-07');
  });
});
