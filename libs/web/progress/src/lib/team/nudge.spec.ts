import { nextNudgeAt } from './nudge';

describe('nextNudgeAt', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it('allows a nudge when never nudged or nudged over 24 hours ago', () => {
    expect(nextNudgeAt(null, now)).toBeNull();
    expect(nextNudgeAt('2026-03-09T11:59:59Z', now)).toBeNull();
    expect(nextNudgeAt('garbage', now)).toBeNull();
  });

  it('says when the next nudge is possible within 24 hours', () => {
    expect(nextNudgeAt('2026-03-10T08:00:00Z', now)?.toISOString()).toBe(
      '2026-03-11T08:00:00.000Z',
    );
  });
});
