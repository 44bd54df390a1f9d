import { officialCalendar } from '../../testing/official-calendar';
import { computeDeadline } from '../deadline';

describe('reply within 20 working days of receipt (Art. 33)', () => {
  const calendar = officialCalendar();
  const events = [{ type: 'received' as const, date: '2025-09-26' }];

  it('is due 2025-10-30 and explains why', () => {
    const d = computeDeadline(calendar, events, '2025-09-29');
    expect(d.dueDate).toBe('2025-10-30');
    expect(d.state).toBe('on_track');
    expect(d.provisional).toBe(false);
    expect(d.explanation[0]).toMatchObject({ kind: 'received', date: '2025-09-26', workingDays: 20, dueDate: '2025-10-30' });
    expect(d.explanation[0]!.zh).toContain('2025-09-26 收到申请');
    expect(d.correctionNoticeDue).toBe('2025-10-13');
  });

  it('counts working days left, due soon at 3, 0 on the due day, negative once overdue', () => {
    expect(computeDeadline(calendar, events, '2025-10-27')).toMatchObject({ workingDaysLeft: 3, state: 'due_soon' });
    expect(computeDeadline(calendar, events, '2025-10-24')).toMatchObject({ workingDaysLeft: 4, state: 'on_track' });
    expect(computeDeadline(calendar, events, '2025-10-30')).toMatchObject({ workingDaysLeft: 0, state: 'due_soon' });
    expect(computeDeadline(calendar, events, '2025-10-31')).toMatchObject({ workingDaysLeft: -1, state: 'overdue' });
    expect(computeDeadline(calendar, events, '2025-11-03')).toMatchObject({ workingDaysLeft: -2, state: 'overdue' });
  });

  it('stops when replied, recording whether it was on time', () => {
    const onTime = computeDeadline(calendar, [...events, { type: 'concluded', date: '2025-10-30', outcome: 'replied' }], '2026-01-05');
    expect(onTime).toMatchObject({ state: 'stopped', concludedOnTime: true, workingDaysLeft: 0 });
    const late = computeDeadline(calendar, [...events, { type: 'concluded', date: '2025-11-04', outcome: 'replied' }], '2026-01-05');
    expect(late).toMatchObject({ state: 'stopped', concludedOnTime: false, workingDaysLeft: -3 });
  });
});
