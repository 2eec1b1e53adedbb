import { canEnterRoom, sessionPhase } from './session-phase';

describe('session phase', () => {
  const s = {
    status: 'scheduled' as const,
    startsAt: '2026-12-01T09:00:00+07:00',
    endsAt: '2026-12-01T11:00:00+07:00',
  };
  const at = (iso: string): number => Date.parse(iso);

  it('opens the room 15 minutes before the start and closes it at the end', () => {
    expect(sessionPhase(s, at('2026-12-01T08:44:59+07:00'))).toBe('upcoming');
    expect(canEnterRoom(s, at('2026-12-01T08:44:59+07:00'))).toBe(false);
    expect(sessionPhase(s, at('2026-12-01T08:45:00+07:00'))).toBe('open');
    expect(canEnterRoom(s, at('2026-12-01T08:45:00+07:00'))).toBe(true);
    expect(sessionPhase(s, at('2026-12-01T09:00:00+07:00'))).toBe('live');
    expect(canEnterRoom(s, at('2026-12-01T10:59:59+07:00'))).toBe(true);
    expect(sessionPhase(s, at('2026-12-01T11:00:00+07:00'))).toBe('over');
    expect(canEnterRoom(s, at('2026-12-01T11:00:00+07:00'))).toBe(false);
  });

  it('never lets anyone into a cancelled or ended session', () => {
    const now = at('2026-12-01T09:30:00+07:00');
    expect(sessionPhase({ ...s, status: 'cancelled' }, now)).toBe('cancelled');
    expect(canEnterRoom({ ...s, status: 'cancelled' }, now)).toBe(false);
    expect(canEnterRoom({ ...s, status: 'ended' }, now)).toBe(false);
  });
});
