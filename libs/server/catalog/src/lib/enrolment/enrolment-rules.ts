import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

interface Facts {
  archived_at: Date | null;
  current_version_id: string | null;
  self_enrol: boolean;
  enrol_opens_at: Date | null;
  enrol_closes_at: Date | null;
  target_org_unit_ids: string[];
  target_positions: string[];
  target_ranks: string[];
  prerequisite_course_ids: string[];
  user_unit_path: string;
  user_position: string;
  user_rank: string | null;
  missing_prerequisites: string[] | null;
}

const fmt = (d: Date) =>
  d.toLocaleDateString('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  });

/** Who may enrol in what, and why not, in words a civil servant understands. */
@Injectable()
export class EnrolmentRules {
  private async facts(em: EntityManager, courseId: string, userId: string): Promise<Facts | null> {
    const rows: Facts[] = await em.query(
      `SELECT c.archived_at, c.current_version_id, v.self_enrol, v.enrol_opens_at, v.enrol_closes_at,
              v.target_org_unit_ids, v.target_positions, v.target_ranks, v.prerequisite_course_ids,
              o.path AS user_unit_path, u.position AS user_position, u.rank AS user_rank,
              (SELECT array_agg(coalesce(pv.title, pc.code)) FROM course pc LEFT JOIN course_version pv ON pv.id = pc.current_version_id
                WHERE pc.id = ANY(v.prerequisite_course_ids)
                  AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = pc.id AND e.user_id = u.id AND e.status = 'completed')
              ) AS missing_prerequisites
         FROM course c
         LEFT JOIN course_version v ON v.id = c.current_version_id
         JOIN app_user u ON u.id = $2
         JOIN org_unit o ON o.id = u.org_unit_id
        WHERE c.id = $1`,
      [courseId, userId],
    );
    return rows[0] ?? null;
  }

  /** Reasons that stop anyone being enrolled (also by an admin). */
  async closedReason(
    em: EntityManager,
    courseId: string,
    userId: string,
    now = new Date(),
  ): Promise<string | null> {
    const f = await this.facts(em, courseId, userId);
    if (!f) return 'Kursus tidak ditemukan.';
    if (!f.current_version_id) return 'Kursus ini belum terbit.';
    if (f.archived_at) return 'Kursus ini sudah diarsipkan dan tidak menerima peserta baru.';
    if (f.enrol_closes_at && f.enrol_closes_at < now)
      return `Pendaftaran sudah ditutup pada ${fmt(f.enrol_closes_at)}.`;
    return null;
  }

  /** Everything that stops a learner from enrolling themselves; null when they may. */
  async selfEnrolBlocker(
    em: EntityManager,
    courseId: string,
    userId: string,
    now = new Date(),
  ): Promise<string | null> {
    const closed = await this.closedReason(em, courseId, userId, now);
    if (closed) return closed;
    const f = (await this.facts(em, courseId, userId)) as Facts;
    if (!f.self_enrol)
      return 'Peserta kursus ini didaftarkan oleh admin BKPSDM; hubungi admin untuk ikut.';
    if (f.enrol_opens_at && f.enrol_opens_at > now)
      return `Pendaftaran dibuka pada ${fmt(f.enrol_opens_at)}.`;
    if (
      f.target_org_unit_ids.length > 0 &&
      !f.target_org_unit_ids.some((t) => f.user_unit_path.includes(`/${t}/`))
    ) {
      return 'Kursus ini ditujukan untuk OPD lain.';
    }
    if (
      f.target_positions.length > 0 &&
      !f.target_positions.some((p) => p.toLowerCase() === f.user_position.toLowerCase())
    ) {
      return `Kursus ini ditujukan untuk jabatan: ${f.target_positions.join(', ')}.`;
    }
    if (f.target_ranks.length > 0 && !(f.user_rank && f.target_ranks.includes(f.user_rank))) {
      return `Kursus ini ditujukan untuk golongan: ${f.target_ranks.join(', ')}.`;
    }
    if (f.missing_prerequisites?.length)
      return `Selesaikan dulu kursus prasyarat: ${f.missing_prerequisites.join(', ')}.`;
    return null;
  }
}
