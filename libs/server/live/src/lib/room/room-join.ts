import type { LiveRole } from '@siantar/contracts';
import type { Principal } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';
import { SESSION_SELECT, type SessionRow } from '../sessions/session-row';
import { mayJoin, mayManage } from '../sessions/session-access';
import { LiveError } from './live-error';

/** Learners may enter this long before the start; hosts any time before the end. */
export const LOBBY_MINUTES = 15;

export interface Admission {
  role: LiveRole;
  name: string;
  session: SessionRow;
}

const refuse = (message: string) => new LiveError('forbidden', message);

/**
 * Decides, in the caller's transaction, whether a user enters a session's room and
 * as what; a new participant takes a seat (counted against the capacity) here.
 * Only sessions with a capacity serialise admissions (an advisory lock).
 * Hosts are the session's trainers and whoever may manage it (authors, admins).
 */
export async function admit(
  em: EntityManager,
  sessionId: string,
  p: Principal,
): Promise<Admission> {
  const rows: SessionRow[] = await em.query(`${SESSION_SELECT} WHERE s.id = $1`, [sessionId]);
  const session = rows[0];
  const invited = session ? await mayJoin(em, sessionId, p.id) : false;
  const manages = session ? await mayManage(em, session, p) : false;
  if (!session || (!invited && !manages))
    throw new LiveError('not-found', 'Sesi tidak ditemukan atau Anda tidak diundang ke sesi ini.');
  if (session.status === 'cancelled')
    throw new LiveError('ended', `Sesi ini dibatalkan: ${session.cancel_reason ?? ''}`.trim());
  if (session.status === 'ended' || session.ends_at.getTime() <= Date.now())
    throw new LiveError('ended', 'Sesi ini sudah berakhir.');
  const isTrainer = session.trainers.some((t) => t.id === p.id);
  const role: LiveRole = isTrainer || manages ? 'host' : 'participant';
  const [user]: { name: string }[] = await em.query(`SELECT name FROM app_user WHERE id = $1`, [
    p.id,
  ]);
  const seat: { role: LiveRole; removed_at: Date | null }[] = await em.query(
    `SELECT role, removed_at FROM live_participant WHERE session_id = $1 AND user_id = $2`,
    [sessionId, p.id],
  );
  if (role === 'host') {
    await em.query(
      `INSERT INTO live_participant (session_id, user_id, role) VALUES ($1, $2, 'host')
       ON CONFLICT (session_id, user_id) DO UPDATE SET role = 'host', removed_at = NULL`,
      [sessionId, p.id],
    );
    return { role, name: user.name, session };
  }
  if (seat[0]?.removed_at) throw refuse('Pemandu sesi telah mengeluarkan Anda dari ruang ini.');
  if (seat[0]) return { role: seat[0].role, name: user.name, session };
  const opensAt = session.starts_at.getTime() - LOBBY_MINUTES * 60_000;
  if (Date.now() < opensAt)
    throw refuse(`Ruang dibuka ${LOBBY_MINUTES} menit sebelum sesi dimulai.`);
  if (session.locked) throw refuse('Ruang dikunci oleh pemandu; peserta baru tidak dapat masuk.');
  if (session.capacity !== null) {
    // One seat given at a time in a session with a limit, so the last one goes once.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('live-seat:' || $1))`, [sessionId]);
    const [{ n }]: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM live_participant
        WHERE session_id = $1 AND role <> 'host' AND user_id <> $2`,
      [sessionId, p.id],
    );
    if (n >= session.capacity)
      throw refuse(`Ruang penuh: kapasitas ${session.capacity} peserta sudah terisi.`);
  }
  // Two tabs of one person may arrive together: one seat.
  await em.query(
    `INSERT INTO live_participant (session_id, user_id, role) VALUES ($1, $2, 'participant')
     ON CONFLICT (session_id, user_id) DO NOTHING`,
    [sessionId, p.id],
  );
  return { role: 'participant', name: user.name, session };
}
