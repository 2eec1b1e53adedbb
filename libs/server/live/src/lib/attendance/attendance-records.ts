import {
  LIVE_LIMITS,
  type LiveAttendanceReport,
  type LiveAttendanceView,
} from '@siantar/contracts';
import type { EntityManager } from 'typeorm';
import {
  attendanceFigures,
  attendanceWindow,
  type PresenceRow,
  presenceSpan,
} from './attendance-math';

/** A silent socket counts this long after its last heartbeat. */
export const HEARTBEAT_GRACE_MS = LIVE_LIMITS.heartbeatSeconds * 2 * 1000;

/** A session nobody ended is finalised this long after its scheduled end. */
export const FINALISE_AFTER_MS = 15 * 60_000;

export interface AttendanceSession {
  id: string;
  starts_at: Date;
  ends_at: Date;
  ended_at: Date | null;
  finalised_at: Date | null;
  jp: string;
  attendance_rule: { minShare: number };
}

interface PersonRow {
  user_id: string;
  name: string;
  nip: string | null;
  org_unit_name: string | null;
  presence: { joined_at: string; last_seen_at: string; left_at: string | null }[];
  poll_answers: number;
  poll_correct: number;
  connected_now: boolean;
}

interface FrozenRow {
  user_id: string;
  name: string;
  nip: string | null;
  org_unit_name: string | null;
  intervals: { from: string; to: string }[];
  minutes: string;
  share: string;
  poll_answers: number;
  poll_correct: number;
  met_rule: boolean;
  credited_jp: string;
}

/**
 * Attendance as it stands, computed from presence rows, of every non-host who
 * entered the room; ordered by name.
 */
export async function computeAttendance(
  em: EntityManager,
  s: AttendanceSession,
  now = new Date(),
): Promise<LiveAttendanceView[]> {
  const rows: PersonRow[] = await em.query(
    `SELECT p.user_id, u.name, u.nip, ou.name AS org_unit_name,
            coalesce((SELECT json_agg(json_build_object('joined_at', pr.joined_at,
                          'last_seen_at', pr.last_seen_at, 'left_at', pr.left_at))
                          FROM live_presence pr WHERE pr.session_id = p.session_id AND pr.user_id = p.user_id),
                       '[]') AS presence,
            (SELECT count(*)::int FROM live_poll_vote v JOIN live_poll lp ON lp.id = v.poll_id
              WHERE lp.session_id = p.session_id AND v.user_id = p.user_id) AS poll_answers,
            (SELECT count(*)::int FROM live_poll_vote v JOIN live_poll lp ON lp.id = v.poll_id
              WHERE lp.session_id = p.session_id AND v.user_id = p.user_id AND v.correct) AS poll_correct,
            EXISTS (SELECT 1 FROM live_presence pr WHERE pr.session_id = p.session_id
                       AND pr.user_id = p.user_id AND pr.left_at IS NULL
                       AND pr.last_seen_at > $2::timestamptz - interval '${HEARTBEAT_GRACE_MS / 1000} seconds')
              AS connected_now
       FROM live_participant p JOIN app_user u ON u.id = p.user_id
       LEFT JOIN org_unit ou ON ou.id = u.org_unit_id
      WHERE p.session_id = $1 AND p.role <> 'host'
      ORDER BY u.name, u.id`,
    [s.id, now],
  );
  const window = attendanceWindow(s.starts_at, s.ends_at, s.ended_at);
  const minShare = s.attendance_rule.minShare;
  return rows.map((r) => {
    const spans = r.presence.map((p) =>
      presenceSpan(
        {
          joined_at: new Date(p.joined_at),
          last_seen_at: new Date(p.last_seen_at),
          left_at: p.left_at ? new Date(p.left_at) : null,
        } satisfies PresenceRow,
        HEARTBEAT_GRACE_MS,
        now,
      ),
    );
    const f = attendanceFigures(spans, window, minShare);
    return {
      userId: r.user_id,
      name: r.name,
      nip: r.nip,
      orgUnitName: r.org_unit_name,
      intervals: f.intervals.map((i) => ({ from: i.from.toISOString(), to: i.to.toISOString() })),
      minutes: f.minutes,
      share: f.share,
      pollAnswers: r.poll_answers,
      pollCorrect: r.poll_correct,
      meetsRule: f.meetsRule,
      creditedJp: null,
      connectedNow: r.connected_now,
    };
  });
}

/** The frozen record, as the end-of-session job wrote it. */
async function frozenAttendance(
  em: EntityManager,
  sessionId: string,
): Promise<LiveAttendanceView[]> {
  const rows: FrozenRow[] = await em.query(
    `SELECT a.user_id, u.name, u.nip, ou.name AS org_unit_name, a.intervals, a.minutes, a.share,
            a.poll_answers, a.poll_correct, a.met_rule, a.credited_jp
       FROM live_attendance a JOIN app_user u ON u.id = a.user_id
       LEFT JOIN org_unit ou ON ou.id = u.org_unit_id
      WHERE a.session_id = $1 ORDER BY u.name, u.id`,
    [sessionId],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    nip: r.nip,
    orgUnitName: r.org_unit_name,
    intervals: r.intervals,
    minutes: Number(r.minutes),
    share: Number(r.share),
    pollAnswers: r.poll_answers,
    pollCorrect: r.poll_correct,
    meetsRule: r.met_rule,
    creditedJp: Number(r.credited_jp),
    connectedNow: false,
  }));
}

export async function attendanceReport(
  em: EntityManager,
  s: AttendanceSession,
): Promise<LiveAttendanceReport> {
  const window = attendanceWindow(s.starts_at, s.ends_at, s.ended_at);
  return {
    sessionId: s.id,
    finalised: s.finalised_at !== null,
    finalisedAt: s.finalised_at?.toISOString() ?? null,
    scheduledMinutes: Math.round((window.to.getTime() - window.from.getTime()) / 60_000),
    minShare: s.attendance_rule.minShare,
    rows: s.finalised_at ? await frozenAttendance(em, s.id) : await computeAttendance(em, s),
  };
}
