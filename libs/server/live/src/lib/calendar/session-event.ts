import { buildCalendar, type IcalEvent } from '../ical/ical';
import type { SessionRow } from '../sessions/session-row';

/** A session as a calendar event; its UID is the session's, so every copy updates one entry. */
export function sessionEvent(r: SessionRow, publicUrl: string): IcalEvent {
  const parts = [
    r.course_title ? `Kursus: ${r.course_title}` : null,
    r.trainers.length > 0 ? `Pelatih: ${r.trainers.map((t) => t.name).join(', ')}` : null,
    Number(r.jp) > 0 ? `JP: ${Number(r.jp)}` : null,
    r.description || null,
    r.status === 'cancelled' ? `Dibatalkan: ${r.cancel_reason ?? ''}` : null,
  ].filter((x): x is string => x !== null);
  return {
    uid: `${r.id}@siantar-belajar`,
    sequence: r.sequence,
    start: r.starts_at,
    end: r.ends_at,
    summary: r.status === 'cancelled' ? `DIBATALKAN: ${r.title}` : r.title,
    description: parts.join('\n\n'),
    url: `${publicUrl.replace(/\/$/, '')}/live/${r.id}`,
    status: r.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    created: r.created_at,
    lastModified: r.updated_at,
  };
}

/** One session as an iCalendar file (a download, an email attachment). */
export const sessionIcs = (r: SessionRow, publicUrl: string): string =>
  buildCalendar({ events: [sessionEvent(r, publicUrl)] });
