import type { PersonEnrolmentRow, PersonReportRow } from '@siantar/contracts';
import type { EntityManager } from 'typeorm';
import { num, START_OF_TODAY_WIB } from '../scope/sql-params';

/**
 * A person's report row: yearly JP from ledger_year_total (by primary key), the target
 * of their employment type, and counts of their own enrolments (enrolment_user_idx).
 * `$year` is the parameter holding the year; the caller adds FROM-side conditions.
 */
export function personRowSql(year: string): string {
  return `SELECT u.id AS "userId", u.name, u.nip, u.rank, u.employment_type AS "employmentType",
      u.org_unit_id AS "orgUnitId", o.name AS "orgUnitName", coalesce(t.jp, 0) AS jp, jt.jp AS target,
      ec.active, ec.completed, ec.overdue
    FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
    LEFT JOIN ledger_year_total t ON t.user_id = u.id AND t.year = ${year}
    LEFT JOIN jp_target jt ON jt.employment_type = u.employment_type
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE e.status = 'active')::int AS active,
             count(*) FILTER (WHERE e.status = 'completed'
                                AND extract(year FROM wib_date(e.completed_at)) = ${year})::int AS completed,
             count(*) FILTER (WHERE e.status = 'active' AND e.due_at < ${START_OF_TODAY_WIB})::int AS overdue
        FROM enrolment e WHERE e.user_id = u.id) ec`;
}

export interface PersonRowRecord {
  userId: string;
  name: string;
  nip: string | null;
  rank: string | null;
  employmentType: PersonReportRow['employmentType'];
  orgUnitId: string;
  orgUnitName: string;
  jp: string;
  target: number | null;
  active: number;
  completed: number;
  overdue: number;
}

export function toPersonRow(r: PersonRowRecord): PersonReportRow {
  const jp = num(r.jp);
  return {
    userId: r.userId,
    name: r.name,
    nip: r.nip,
    rank: r.rank,
    employmentType: r.employmentType,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    jp,
    target: r.target,
    behind: r.target !== null && jp < r.target,
    activeCourses: r.active,
    completedCourses: r.completed,
    overdueCourses: r.overdue,
  };
}

/** Report rows of the given people, in the order of `ids`. */
export async function personRows(
  em: EntityManager,
  ids: string[],
  year: number,
): Promise<PersonReportRow[]> {
  if (!ids.length) return [];
  const rows: PersonRowRecord[] = await em.query(
    `${personRowSql('$2')} WHERE u.id = ANY($1::uuid[])`,
    [ids, year],
  );
  const byId = new Map(rows.map((r) => [r.userId, toPersonRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every enrolment of a person (withdrawn ones too), newest first, with lesson progress. */
export async function personEnrolments(
  em: EntityManager,
  userId: string,
): Promise<PersonEnrolmentRow[]> {
  const rows: (Omit<PersonEnrolmentRow, 'enrolledAt' | 'dueAt' | 'completedAt' | 'percent'> & {
    enrolledAt: Date;
    dueAt: Date | null;
    completedAt: Date | null;
    percent: string;
  })[] = await em.query(
    `SELECT e.id AS "enrolmentId", e.course_id AS "courseId", c.code, v.title, e.status,
            coalesce((SELECT round(100.0 * count(*) FILTER (WHERE lp.status = 'completed') / nullif(count(l.id), 0))
                        FROM lesson l LEFT JOIN lesson_progress lp ON lp.lesson_id = l.id AND lp.enrolment_id = e.id
                       WHERE l.version_id = e.version_id AND l.type NOT IN ('live-session', 'simulation')), 0) AS percent,
            e.enrolled_at AS "enrolledAt", e.due_at AS "dueAt",
            (e.status = 'active' AND e.due_at IS NOT NULL AND e.due_at < ${START_OF_TODAY_WIB}) AS overdue,
            e.completed_at AS "completedAt"
       FROM enrolment e JOIN course c ON c.id = e.course_id JOIN course_version v ON v.id = e.version_id
      WHERE e.user_id = $1 ORDER BY e.enrolled_at DESC, e.id`,
    [userId],
  );
  return rows.map((r) => ({
    ...r,
    percent: num(r.percent),
    enrolledAt: r.enrolledAt.toISOString(),
    dueAt: r.dueAt?.toISOString() ?? null,
    completedAt: r.completedAt?.toISOString() ?? null,
  }));
}
