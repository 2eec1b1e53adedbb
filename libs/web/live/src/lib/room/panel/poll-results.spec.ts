import { poll } from '../testing/room-fixtures';
import { pollBars, pollVerdict } from './poll-results';

describe('poll results', () => {
  it('scales each bar to the voters and marks the user’s choice', () => {
    const bars = pollBars(poll('p', { counts: [1, 3, 0], voters: 4, myVote: [1] }));
    expect(bars.map((b) => [b.count, b.share, b.mine, b.correct])).toEqual([
      [1, 0.25, false, false],
      [3, 0.75, true, false],
      [0, 0, false, false],
    ]);
    expect(pollBars(poll('p')).every((b) => b.share === 0)).toBe(true);
  });

  it('marks right options of a graded poll and tells right from wrong after it closed', () => {
    const open = poll('g', { graded: true, correctOptions: null, myVote: [0] });
    expect(pollVerdict(open)).toBeNull();
    const closed = { ...open, status: 'closed' as const, correctOptions: [2] };
    expect(pollBars(closed).map((b) => b.correct)).toEqual([false, false, true]);
    expect(pollVerdict(closed)).toBe('wrong');
    expect(pollVerdict({ ...closed, myVote: [2] })).toBe('right');
    expect(pollVerdict({ ...closed, multiple: true, correctOptions: [0, 2], myVote: [2, 0] })).toBe(
      'right',
    );
    expect(pollVerdict({ ...closed, myVote: null })).toBeNull();
  });
});
