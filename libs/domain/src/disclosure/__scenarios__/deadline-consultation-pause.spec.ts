import { officialCalendar } from '../../testing/official-calendar';
import { computeDeadline } from '../deadline';

describe('a consultation pauses the clock, at most 15 working days (Art. 32–34)', () => {
  const calendar = officialCalendar();
  const received = { type: 'received' as const, date: '2026-03-02' };
  const started = { type: 'consultation_started' as const, date: '2026-03-05', party: 'third_party' as const, partyName: '某置业公司' };

  it('moves the due date by the working days after the letter up to the opinion', () => {
    expect(computeDeadline(calendar, [received], '2026-03-02').dueDate).toBe('2026-03-30');
    const d = computeDeadline(calendar, [received, started, { type: 'consultation_ended', date: '2026-03-12' }], '2026-03-12');
    // 6, 9, 10, 11, 12 March: 5 working days; 30 March + 5 working days skips Qingming (4–6 April).
    expect(d.dueDate).toBe('2026-04-07');
    expect(d.explanation[2]).toMatchObject({ kind: 'consultation_ended', workingDays: 5, dueDate: '2026-04-07' });
    expect(d.explanation[2]!.en).toContain('paused 2026-03-05 to 2026-03-12');
  });

  it('counts at most 15 working days when the opinion is late', () => {
    const d = computeDeadline(calendar, [received, started, { type: 'consultation_ended', date: '2026-04-20' }], '2026-04-20');
    expect(d.explanation[2]!.workingDays).toBe(15);
    expect(d.dueDate).toBe('2026-04-21');
  });

  it('shows a running consultation as paused, with the days so far', () => {
    const d = computeDeadline(calendar, [received, started], '2026-03-09');
    expect(d.state).toBe('paused');
    expect(d.dueDate).toBe('2026-04-01');
    expect(d.explanation.at(-1)).toMatchObject({ kind: 'paused_so_far', workingDays: 2 });
  });
});
