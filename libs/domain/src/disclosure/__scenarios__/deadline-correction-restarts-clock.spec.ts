import { officialCalendar } from '../../testing/official-calendar';
import { computeDeadline } from '../deadline';

describe('a correction restarts the 20 working days from the corrected application (Art. 30)', () => {
  const calendar = officialCalendar();
  const received = { type: 'received' as const, date: '2026-03-02' };
  const requested = { type: 'correction_requested' as const, date: '2026-03-04', correctWithinDays: 15 };

  it('pauses while the applicant corrects, with the applicant\'s own deadline', () => {
    const d = computeDeadline(calendar, [received, requested], '2026-03-10');
    expect(d.state).toBe('paused');
    expect(d.applicantCorrectionDue).toBe('2026-03-25');
    expect(d.correctionNoticeDue).toBe('2026-03-11');
  });

  it('runs 20 working days afresh from receipt of the correction, across Qingming 2026', () => {
    const d = computeDeadline(calendar, [received, requested, { type: 'correction_received', date: '2026-03-16' }], '2026-03-16');
    expect(d.dueDate).toBe('2026-04-14');
    expect(d.state).toBe('on_track');
    expect(d.applicantCorrectionDue).toBeNull();
    expect(d.explanation.map((s) => s.kind)).toEqual(['received', 'correction_requested', 'correction_received']);
    expect(d.explanation[2]!.en).toContain('20 working days afresh');
  });
});
