import {
  answerByOf,
  effectiveDays,
  followUpDueAt,
  followUpJobId,
  shownStatus,
} from './follow-up-dates';

describe('follow-up dates', () => {
  it('asks at 08:00 WIB the given number of days after the course end’s WIB date', () => {
    // 10 March 2026 16:30 UTC is 23:30 WIB the same day: 30 days later is 9 April, 08:00 WIB.
    expect(followUpDueAt(new Date('2026-03-10T16:30:00Z'), 30).toISOString()).toBe(
      '2026-04-09T01:00:00.000Z',
    );
    // 10 March 2026 17:30 UTC is already 11 March in Pematangsiantar.
    expect(followUpDueAt(new Date('2026-03-10T17:30:00Z'), 30).toISOString()).toBe(
      '2026-04-10T01:00:00.000Z',
    );
    // Across a year end and a leap day.
    expect(followUpDueAt(new Date('2027-12-15T03:00:00Z'), 90).toISOString()).toBe(
      '2028-03-14T01:00:00.000Z',
    );
  });

  it('gives a week to answer', () => {
    expect(answerByOf(new Date('2026-04-09T01:00:00Z')).toISOString()).toBe(
      '2026-04-16T01:00:00.000Z',
    );
  });

  it('keys the job by enrolment, offset and due time', () => {
    const due = new Date('2026-04-09T01:00:00Z');
    expect(followUpJobId('9b2c0d1e-0000-4000-8000-000000000001', 30, due)).toBe(
      `follow-up-9b2c0d1e-0000-4000-8000-000000000001-30d-${due.getTime()}`,
    );
  });

  it('uses the default days unless the course has its own, ascending and once each', () => {
    expect(effectiveDays(null)).toEqual([30, 90]);
    expect(effectiveDays([90, 14, 90])).toEqual([14, 90]);
    expect(effectiveDays([])).toEqual([]);
  });

  it('shows an open follow-up past its answer time as overdue', () => {
    const by = new Date('2026-04-16T01:00:00Z');
    expect(shownStatus('open', by, new Date('2026-04-16T00:59:59Z'))).toBe('pending');
    expect(shownStatus('open', by, new Date('2026-04-16T01:00:01Z'))).toBe('overdue');
    expect(shownStatus('done', by, new Date('2027-01-01T00:00:00Z'))).toBe('done');
    expect(shownStatus('scheduled', by)).toBe('scheduled');
  });
});
