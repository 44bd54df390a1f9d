import { officialCalendar } from '../../testing/official-calendar';
import { computeDeadline } from '../deadline';

describe('an approved extension adds 20 working days after the current due date (Art. 33)', () => {
  it('moves 2025-10-30 to 2025-11-27 and names the approver', () => {
    const d = computeDeadline(
      officialCalendar(),
      [
        { type: 'received', date: '2025-09-26' },
        { type: 'extension_approved', date: '2025-10-20', approvedBy: '王督办' },
      ],
      '2025-10-21',
    );
    expect(d.dueDate).toBe('2025-11-27');
    expect(d.extensionUsed).toBe(true);
    expect(d.explanation[1]!.zh).toContain('经 王督办 批准延期 20 个工作日');
  });
});
