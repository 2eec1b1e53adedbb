import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CourseFunnelRow, OverdueRow, Page, ReportPageQuery } from '@siantar/contracts';
import type { Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { courseFunnelsSql } from '../courses/course-funnels';
import { overdueSql } from '../overdue/overdue-sql';
import { assertCourseExists, resolveScope } from '../scope/report-scope';
import { currentYearWib, num } from '../scope/sql-params';

/** Paged report tables next to the dashboard: course funnels and overdue enrolments. */
@Injectable()
export class ReportTablesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async courses(p: Principal, q: ReportPageQuery): Promise<Page<CourseFunnelRow>> {
    const em = this.db.manager;
    const scope = await resolveScope(em, p, q.orgUnitId);
    await assertCourseExists(em, q.courseId);
    const { sql, params } = courseFunnelsSql(scope, { ...q, year: q.year ?? currentYearWib() });
    return this.page(sql, params, q, (r) => r as unknown as CourseFunnelRow);
  }

  async overdue(p: Principal, q: ReportPageQuery): Promise<Page<OverdueRow>> {
    const em = this.db.manager;
    const scope = await resolveScope(em, p, q.orgUnitId);
    await assertCourseExists(em, q.courseId);
    const { sql, params } = overdueSql(scope, q);
    return this.page(sql, params, q, (r) => ({
      ...(r as unknown as OverdueRow),
      dueAt: (r['dueAt'] as Date).toISOString(),
    }));
  }

  private async page<T>(
    sql: string,
    params: unknown[],
    q: ReportPageQuery,
    map: (r: Record<string, unknown>) => T,
  ): Promise<Page<T>> {
    const n = params.length;
    const [rows, [count]] = await Promise.all([
      this.db.query<Record<string, unknown>[]>(`${sql} LIMIT $${n + 1} OFFSET $${n + 2}`, [
        ...params,
        q.limit,
        q.offset,
      ]),
      this.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM (${sql}) r`, params),
    ]);
    return {
      items: rows.map(map),
      total: num(count.n),
      limit: q.limit,
      offset: q.offset,
    };
  }
}
