import { officialCalendar } from '../../testing/official-calendar';
import { computeDeadline } from '../deadline';

describe('a deadline in a year whose holiday notice is not loaded', () => {
  it('is computed Monday–Friday, flagged provisional, and says which year is missing', () => {
    const d = computeDeadline(officialCalendar(), [{ type: 'received', date: '2026-12-10' }], '2026-12-10');
    expect(d).toMatchObject({ dueDate: '2027-01-07', provisional: true, missingYears: [2027] });
    expect(d.explanation.at(-1)).toMatchObject({ kind: 'provisional' });
    expect(d.explanation.at(-1)!.zh).toContain('2027 年节假日安排尚未载入');
  });
});
