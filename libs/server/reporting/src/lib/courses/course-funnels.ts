import type { ReportFilter } from '@siantar/contracts';
import type { ReportScope } from '../scope/report-scope';
import { SqlParams } from '../scope/sql-params';
import { filterConditions, inSubtree } from '../scope/stat-filters';

const SUMS = `sum(s.enrolled)::int AS enrolled, sum(s.started)::int AS started,
  sum(s.completed)::int AS completed, sum(s.passed)::int AS passed, sum(s.withdrawn)::int AS withdrawn`;

/**
 * Per course in the year: enrolled → started → completed → passed (and withdrawn).
 * A root scope reads stat_course_year (no unit dimension to scan); a unit's subtree
 * reads stat_enrolment_course. Ordered by enrolments, most first.
 */
export function courseFunnelsSql(
  scope: ReportScope,
  f: ReportFilter & { year: number },
): { sql: string; params: unknown[] } {
  const prm = new SqlParams();
  const cols = { employmentType: true, competencyType: true, courseId: true };
  let inner: string;
  if (scope.unit.parentId === null) {
    inner = `SELECT s.course_id, ${SUMS} FROM stat_course_year s
      WHERE s.year = ${prm.add(f.year)}${filterConditions(prm, f, cols)} GROUP BY s.course_id`;
  } else {
    const sub = inSubtree(prm, scope.unit.path);
    inner = `SELECT s.course_id, ${SUMS} FROM stat_enrolment_course s ${sub.join}
      WHERE s.year = ${prm.add(f.year)}${filterConditions(prm, f, cols)} GROUP BY s.course_id`;
  }
  const sql = `SELECT f.course_id AS "courseId", c.code, coalesce(v.title, c.code) AS title,
      f.enrolled, f.started, f.completed, f.passed, f.withdrawn
    FROM (${inner}) f JOIN course c ON c.id = f.course_id
    LEFT JOIN course_version v ON v.id = c.current_version_id
    WHERE f.enrolled + f.started + f.completed + f.passed + f.withdrawn > 0
    ORDER BY f.enrolled DESC, c.code`;
  return { sql, params: prm.values };
}
