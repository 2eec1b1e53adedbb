import type { ReportFilter } from '@siantar/contracts';
import type { SqlParams } from './sql-params';

/** Which filter columns a summary table has. */
export interface FilterColumns {
  employmentType?: boolean;
  competencyType?: boolean;
  courseId?: boolean;
}

/**
 * `AND …` conditions for the filters that the table (alias `s`) can apply; the
 * others are left out (the dashboard lists them in `filterNotes`).
 */
export function filterConditions(
  prm: SqlParams,
  f: ReportFilter,
  cols: FilterColumns,
  alias = 's',
): string {
  let sql = '';
  if (cols.employmentType && f.employmentType)
    sql += ` AND ${alias}.employment_type = ${prm.add(f.employmentType)}`;
  if (cols.competencyType && f.competencyType)
    sql += ` AND ${alias}.competency_type = ${prm.add(f.competencyType)}`;
  if (cols.courseId && f.courseId) sql += ` AND ${alias}.course_id = ${prm.add(f.courseId)}`;
  return sql;
}

/**
 * Rows of a summary table (alias `s`, with org_unit_id) in the subtree of a path, each
 * labelled with the child of the scope it rolls up to (`child`; '' = the scope unit itself).
 * The org_unit join is by primary key and the subtree test a prefix of the materialised path.
 */
export function inSubtree(prm: SqlParams, scopePath: string): { join: string; child: string } {
  const path = prm.add(scopePath);
  return {
    join: `JOIN org_unit o ON o.id = s.org_unit_id AND o.path LIKE ${path} || '%'`,
    child: `split_part(substr(o.path, length(${path}) + 1), '/', 1)`,
  };
}
