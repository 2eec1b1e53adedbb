import type { EntityManager } from 'typeorm';

interface DemoSession {
  title: string;
  description: string;
  /** Minutes from now; a negative start makes the session already running. */
  startsInMinutes: number;
  minutes: number;
  jp: number;
}

/** The webinar running now lets anyone try the room right after `npm start`. */
export const DEMO_LIVE_TITLE = 'Webinar Pelayanan Prima: Menghadapi Antrean';

const SESSIONS: DemoSession[] = [
  {
    title: DEMO_LIVE_TITLE,
    description:
      'Berbagi pengalaman loket: mengatur antrean, menenangkan warga yang kesal, dan mengarahkan ke layanan daring.',
    startsInMinutes: -10,
    minutes: 8 * 60,
    jp: 2,
  },
  {
    title: 'Webinar Aplikasi Layanan Daring Disdukcapil',
    description: 'Praktik membantu warga mengajukan dokumen kependudukan lewat aplikasi baru.',
    startsInMinutes: 7 * 24 * 60,
    minutes: 120,
    jp: 2,
  },
];

/**
 * Webinars for the whole city, run by the demo trainer. A session is added again
 * only when no scheduled one of that title is still to come, so a rerun (or a
 * restart the next day) keeps one current copy.
 */
export async function seedLiveSessions(em: EntityManager): Promise<number> {
  const [trainer]: { id: string }[] = await em.query(
    `SELECT id FROM app_user WHERE email = 'pelatih@siantar.test'`,
  );
  if (!trainer) return 0;
  let added = 0;
  for (const s of SESSIONS) {
    const current: unknown[] = await em.query(
      `SELECT 1 FROM live_session WHERE title = $1 AND status = 'scheduled' AND ends_at > now()`,
      [s.title],
    );
    if (current.length > 0) continue;
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO live_session (title, description, starts_at, ends_at, jp, created_by)
       VALUES ($1, $2, date_trunc('minute', now()) + $3 * interval '1 minute',
               date_trunc('minute', now()) + ($3 + $4) * interval '1 minute', $5, $6)
       RETURNING id`,
      [s.title, s.description, s.startsInMinutes, s.minutes, s.jp, trainer.id],
    );
    await em.query(`INSERT INTO live_session_trainer (session_id, user_id) VALUES ($1, $2)`, [
      id,
      trainer.id,
    ]);
    added++;
  }
  return added;
}
