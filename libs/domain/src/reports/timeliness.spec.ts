import {
  addTally,
  emptyTimelinessTally,
  matchesTimelinessFilter,
  percentile,
  percentileOfCounts,
  tallyRecord,
  timelinessStats,
  timelinessStatsOfTally,
  type TimelinessRecord,
} from './timeliness';

const rec = (over: Partial<TimelinessRecord>): TimelinessRecord => ({
  replied: false,
  concluded: false,
  onTime: null,
  workingDaysToReply: null,
  state: 'on_track',
  workingDaysOverdue: 0,
  extension: false,
  correction: false,
  consultation: false,
  provisional: false,
  ...over,
});

describe('timeliness statistics', () => {
  it('computes on-time rate, mean and p90 working days over replies only', () => {
    const s = timelinessStats([
      rec({ replied: true, concluded: true, onTime: true, workingDaysToReply: 5, state: 'stopped' }),
      rec({ replied: true, concluded: true, onTime: true, workingDaysToReply: 15, state: 'stopped', extension: true }),
      rec({ replied: true, concluded: true, onTime: false, workingDaysToReply: 25, state: 'stopped' }),
      rec({ concluded: true, state: 'stopped' }),
      rec({ state: 'overdue', workingDaysOverdue: 4, correction: true }),
      rec({ state: 'paused', consultation: true }),
      rec({ state: 'due_soon' }),
    ]);
    expect(s).toMatchObject({
      requests: 7,
      replied: 3,
      repliedOnTime: 2,
      repliedLate: 1,
      onTimeRate: 0.667,
      meanWorkingDays: 15,
      p90WorkingDays: 25,
      open: { on_track: 0, due_soon: 1, overdue: 1, paused: 1 },
      overdueWorkingDays: 4,
      extended: 1,
      corrected: 1,
      consulted: 1,
      extensionRate: 0.143,
      correctionRate: 0.143,
      consultationRate: 0.143,
    });
  });

  it('counts by the same filters the request list applies', () => {
    const late = rec({ replied: true, concluded: true, onTime: false, state: 'stopped' });
    const closed = rec({ concluded: true, state: 'stopped' });
    const open = rec({ state: 'overdue' });
    expect(matchesTimelinessFilter(late, { timeliness: 'late' })).toBe(true);
    expect(matchesTimelinessFilter(late, { timeliness: 'on_time' })).toBe(false);
    expect(matchesTimelinessFilter(closed, { timeliness: 'replied' })).toBe(false);
    expect(matchesTimelinessFilter(open, { deadlineState: ['overdue', 'paused'] })).toBe(true);
    // A concluded request is in no open state, whatever its clock says.
    expect(matchesTimelinessFilter({ ...closed, state: 'overdue' }, { deadlineState: ['overdue'] })).toBe(false);
    expect(matchesTimelinessFilter(open, { extended: false, corrected: false })).toBe(true);
  });

  it('answers null rates for an empty group', () => {
    expect(timelinessStats([])).toMatchObject({ requests: 0, onTimeRate: null, meanWorkingDays: null, p90WorkingDays: null });
  });

  it('takes percentiles by nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('takes the same percentile from a histogram', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 60; n++) {
      const values = Array.from({ length: n }, () => Math.floor(random() * 40));
      const counts = new Map<number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      for (const p of [50, 90, 95]) expect([n, p, percentileOfCounts(counts, p)]).toEqual([n, p, percentile(values, p)]);
    }
  });

  it('gives the same statistics from tallies added up as from all the records at once', () => {
    const records = [
      rec({ replied: true, concluded: true, onTime: true, workingDaysToReply: 5, state: 'stopped' }),
      rec({ replied: true, concluded: true, onTime: false, workingDaysToReply: 25, state: 'stopped', provisional: true }),
      rec({ replied: true, concluded: true, onTime: true, workingDaysToReply: 5, state: 'stopped', consultation: true }),
      rec({ concluded: true, state: 'stopped', correction: true }),
      rec({ state: 'overdue', workingDaysOverdue: 3, extension: true }),
      rec({ state: 'paused' }),
    ];
    const a = emptyTimelinessTally();
    const b = emptyTimelinessTally();
    records.forEach((r, i) => tallyRecord(i % 2 ? a : b, r));
    const total = emptyTimelinessTally();
    addTally(total, a);
    addTally(total, b);
    expect(JSON.stringify(timelinessStatsOfTally(total))).toBe(JSON.stringify(timelinessStats(records)));
  });
});
