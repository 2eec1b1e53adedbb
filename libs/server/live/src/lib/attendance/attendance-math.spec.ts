import { attendanceFigures, attendanceWindow, mergeSpans, presenceSpan } from './attendance-math';

const t = (min: number) => new Date(Date.UTC(2026, 11, 1, 2, 0) + min * 60_000);
const span = (a: number, b: number) => ({ from: t(a), to: t(b) });

describe('attendance math', () => {
  const window = span(0, 100);

  it('merges overlapping tabs and reconnects and clips to the window', () => {
    expect(mergeSpans([span(-10, 20), span(10, 30), span(35, 40), span(90, 130)], window)).toEqual([
      span(0, 30),
      span(35, 40),
      span(90, 100),
    ]);
  });

  it('drops spans outside the window or empty', () => {
    expect(mergeSpans([span(-20, -5), span(120, 130), span(50, 50)], window)).toEqual([]);
  });

  it('counts minutes and share, and applies the rule', () => {
    const f = attendanceFigures([span(0, 40), span(45, 85)], window, 0.8);
    expect(f.minutes).toBe(80);
    expect(f.share).toBe(0.8);
    expect(f.meetsRule).toBe(true);
    expect(attendanceFigures([span(0, 79)], window, 0.8).meetsRule).toBe(false);
  });

  it('ends an unclosed presence at its last heartbeat plus grace, never after now', () => {
    const open = { joined_at: t(0), last_seen_at: t(10), left_at: null };
    expect(presenceSpan(open, 60_000, t(50)).to).toEqual(t(11));
    expect(presenceSpan(open, 60_000, t(10.5)).to).toEqual(t(10.5));
    expect(presenceSpan({ ...open, left_at: t(5) }, 60_000, t(50)).to).toEqual(t(5));
  });

  it('shortens the window when the host ended early, and never inverts it', () => {
    expect(attendanceWindow(t(0), t(100), t(50))).toEqual(span(0, 50));
    expect(attendanceWindow(t(0), t(100), t(150))).toEqual(span(0, 100));
    expect(attendanceWindow(t(0), t(100), t(-5))).toEqual(span(0, 0));
    expect(attendanceFigures([span(-10, 10)], span(0, 0), 0.5)).toMatchObject({
      share: 0,
      meetsRule: false,
    });
  });
});
