import { officialCalendar } from '../../testing/official-calendar';

describe('2026 Spring Festival: nine days off, make-up Saturdays 14 and 28 February', () => {
  it('gives a request received Friday 2026-02-06 its due date 2026-03-12', () => {
    expect(officialCalendar().addWorkingDays('2026-02-06', 20).date).toBe('2026-03-12');
  });
});
