import type { LiveSessionView } from '@siantar/contracts';

/** The room opens this long before the start, for a sound and camera check. */
export const ROOM_OPENS_BEFORE_MS = 15 * 60 * 1000;

/**
 * Where a session stands for the list: `upcoming` (room not open yet), `open` (the 15
 * minutes before the start), `live` (running), `over` (past its end), or cancelled/ended.
 */
export type SessionPhase = 'upcoming' | 'open' | 'live' | 'over' | 'cancelled' | 'ended';

export function sessionPhase(
  s: Pick<LiveSessionView, 'status' | 'startsAt' | 'endsAt'>,
  now: number,
): SessionPhase {
  if (s.status === 'cancelled' || s.status === 'ended') {
    return s.status;
  }
  const start = Date.parse(s.startsAt);
  const end = Date.parse(s.endsAt);
  if (now >= end) {
    return 'over';
  }
  if (now >= start) {
    return 'live';
  }
  return now >= start - ROOM_OPENS_BEFORE_MS ? 'open' : 'upcoming';
}

/** "Masuk ruang" is enabled from 15 minutes before the start until the end of a scheduled session. */
export function canEnterRoom(
  s: Pick<LiveSessionView, 'status' | 'startsAt' | 'endsAt'>,
  now: number,
): boolean {
  const phase = sessionPhase(s, now);
  return phase === 'open' || phase === 'live';
}
