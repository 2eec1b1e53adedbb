import { clockOffset, formatRemaining, remainingMs, warningAt } from './attempt-clock';

describe('attempt clock', () => {
  const deadline = '2026-11-29T02:00:00.000Z';
  const serverNow = '2026-11-29T01:30:00.000Z';
  const server = Date.parse(serverNow);

  it('counts down by the server clock when the browser clock is fast', () => {
    // The PC is 3 minutes ahead; the request took 400 ms.
    const sentAt = server + 180_000 - 200;
    const receivedAt = server + 180_000 + 200;
    const offset = clockOffset(serverNow, sentAt, receivedAt);
    expect(offset).toBe(-180_000);
    // Right after the answer: 30 minutes left, not 27.
    expect(remainingMs(deadline, offset, receivedAt)).toBe(30 * 60_000 - 200);
    // Ten browser-minutes later: 20 minutes left.
    expect(remainingMs(deadline, offset, receivedAt + 600_000)).toBe(20 * 60_000 - 200);
  });

  it('counts down by the server clock when the browser clock is slow', () => {
    // The PC is 5 minutes behind: it must not promise 35 minutes.
    const sentAt = server - 300_000 - 50;
    const receivedAt = server - 300_000 + 50;
    const offset = clockOffset(serverNow, sentAt, receivedAt);
    expect(offset).toBe(300_000);
    expect(remainingMs(deadline, offset, receivedAt)).toBe(30 * 60_000 - 50);
  });

  it('takes serverNow as the middle of the round trip', () => {
    expect(clockOffset(serverNow, server - 1_000, server + 1_000)).toBe(0);
    expect(clockOffset(serverNow, server, server + 2_000)).toBe(-1_000);
  });

  it('stops at zero, and has nothing to count without a deadline', () => {
    expect(remainingMs(deadline, 0, Date.parse(deadline) + 5_000)).toBe(0);
    expect(remainingMs(null, 0, server)).toBeNull();
  });

  it('ignores an unreadable serverNow', () => {
    expect(clockOffset('not a date', 1, 2)).toBe(0);
  });

  it('formats the time left, rounding seconds up', () => {
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(59_001)).toBe('01:00');
    expect(formatRemaining(5 * 60_000)).toBe('05:00');
    expect(formatRemaining(3_600_000 + 62_000)).toBe('1:01:02');
  });

  it('warns at five minutes and at one minute', () => {
    expect(warningAt(null)).toBeNull();
    expect(warningAt(300_001)).toBeNull();
    expect(warningAt(300_000)).toBe(5);
    expect(warningAt(60_001)).toBe(5);
    expect(warningAt(60_000)).toBe(1);
    expect(warningAt(0)).toBeNull();
  });
});
