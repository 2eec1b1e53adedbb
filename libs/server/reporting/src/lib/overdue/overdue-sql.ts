import type { ReportFilter } from '@siantar/contracts';
import type { ReportScope } from '../scope/report-scope';
import { SqlParams, START_OF_TODAY_WIB } from '../scope/sql-params';
import { filterConditions } from '../scope/stat-filters';

/**
 * Active enrolments due before today (Asia/Jakarta), in the scope's subtree by the unit
 * snapshotted on the enrolment (as stat_open_due counts them). The range on due_at
 * with status = 'active' is what the partial index enrolment_open_due_idx serves.
 */
export function overdueSql(
  scope: ReportScope,
  f: ReportFilter,
): { sql: string; params: unknown[] } {
  const prm = new SqlParams();
  const path = prm.add(scope.unit.path);
  const sql = `SELECT e.id AS "enrolmentId", e.user_id AS "userId", u.name, u.nip,
      e.org_unit_id AS "orgUnitId", o.name AS "orgUnitName", e.course_id AS "courseId", c.code,
      coalesce(v.title, c.code) AS title, e.due_at AS "dueAt"
    FROM enrolment e JOIN org_unit o ON o.id = e.org_unit_id AND o.path LIKE ${path} || '%'
    JOIN app_user u ON u.id = e.user_id JOIN course c ON c.id = e.course_id
    JOIN course_version v ON v.id = e.version_id
    WHERE e.status = 'active' AND e.due_at IS NOT NULL AND e.due_at < ${START_OF_TODAY_WIB}
      ${filterConditions(prm, f, { employmentType: true, competencyType: true, courseId: true }, 'e')}
    ORDER BY e.due_at, lower(u.name), e.id`;
  return { sql, params: prm.values };
}
