import { officialCalendar } from '../../testing/official-calendar';
import { computeDeadline } from '../deadline';

describe('fee notice (国办函〔2020〕109号) and a reasonable period (Art. 35)', () => {
  const calendar = officialCalendar();
  const received = { type: 'received' as const, date: '2026-03-02' };

  it('stops the clock from the fee notice until payment, with no upper limit but a payment deadline', () => {
    const waiting = computeDeadline(calendar, [received, { type: 'fee_notified', date: '2026-03-10' }], '2026-03-11');
    expect(waiting.state).toBe('paused');
    expect(waiting.feeDue).toBe('2026-04-08');
    const paid = computeDeadline(calendar, [received, { type: 'fee_notified', date: '2026-03-10' }, { type: 'fee_paid', date: '2026-03-17' }], '2026-03-17');
    // 11, 12, 13, 16, 17 March: 5 working days after 30 March → 7 April.
    expect(paid.dueDate).toBe('2026-04-07');
    expect(paid.feeDue).toBeNull();
  });

  it('takes the period a supervisor sets, with the reason in the explanation', () => {
    const d = computeDeadline(
      calendar,
      [received, { type: 'period_set', date: '2026-03-05', dueDate: '2026-05-29', reason: '申请数量明显超过合理范围', setBy: '王督办' }],
      '2026-03-05',
    );
    expect(d.dueDate).toBe('2026-05-29');
    expect(d.explanation[1]!.zh).toContain('第三十五条');
  });
});
