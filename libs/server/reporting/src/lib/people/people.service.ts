import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, PeopleQuery, PersonReport } from '@siantar/contracts';
import { AppError, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { resolveScope } from '../scope/report-scope';
import {
  currentYearWib,
  likePrefix,
  num,
  SqlParams,
  START_OF_TODAY_WIB,
} from '../scope/sql-params';
import { personEnrolments, personRows } from './person-rows';

export const personNotFound = () =>
  new AppError(404, 'person-not-found', 'Pegawai tidak ditemukan.');

/**
 * Admins' person lists: pages over the active people of one subtree and joins their
 * yearly JP by primary key (ledger_year_total); enrolment counts only for the page.
 */
@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(p: Principal, q: PeopleQuery): Promise<Page<PersonReport['person']>> {
    const em = this.db.manager;
    const scope = await resolveScope(em, p, q.orgUnitId);
    const year = q.year ?? currentYearWib();
    const prm = new SqlParams();
    const path = prm.add(scope.unit.path);
    const y = prm.add(year);
    let where = 'u.active';
    if (q.employmentType) where += ` AND u.employment_type = ${prm.add(q.employmentType)}`;
    if (q.q?.trim()) {
      const like = prm.add(likePrefix(q.q.trim().toLowerCase()));
      where += ` AND (lower(u.name) LIKE ${like} ESCAPE '\\' OR u.nip LIKE ${like} ESCAPE '\\')`;
    }
    if (q.only === 'behind') where += ` AND jt.jp IS NOT NULL AND coalesce(t.jp, 0) < jt.jp`;
    if (q.only === 'overdue')
      where += ` AND EXISTS (SELECT 1 FROM enrolment e WHERE e.user_id = u.id AND e.status = 'active'
                   AND e.due_at < ${START_OF_TODAY_WIB})`;
    const order =
      q.sort === 'jp' ? 'coalesce(t.jp, 0), lower(u.name), u.id' : 'lower(u.name), u.id';
    const page: { id: string; total: string }[] = await em.query(
      `SELECT u.id, count(*) OVER () AS total
         FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id AND o.path LIKE ${path} || '%'
         LEFT JOIN ledger_year_total t ON t.user_id = u.id AND t.year = ${y}
         LEFT JOIN jp_target jt ON jt.employment_type = u.employment_type
        WHERE ${where} ORDER BY ${order} LIMIT ${prm.add(q.limit)} OFFSET ${prm.add(q.offset)}`,
      prm.values,
    );
    let total = num(page[0]?.total);
    if (!page.length && q.offset > 0) {
      // Past the end: the window gave no total, so count without paging.
      const [c] = await em.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id AND o.path LIKE ${path} || '%'
           LEFT JOIN ledger_year_total t ON t.user_id = u.id AND t.year = ${y}
           LEFT JOIN jp_target jt ON jt.employment_type = u.employment_type WHERE ${where}`,
        prm.values.slice(0, -2),
      );
      total = num(c.n);
    }
    return {
      items: await personRows(
        em,
        page.map((r) => r.id),
        year,
      ),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  /** One person in the admin's reach (404 otherwise, whether or not they exist). */
  async person(p: Principal, userId: string, year?: number): Promise<PersonReport> {
    const em = this.db.manager;
    const reach = p.adminScopePath;
    const rows: { path: string }[] = await em.query(
      `SELECT o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`,
      [userId],
    );
    if (!rows[0] || !reach || !rows[0].path.startsWith(reach)) throw personNotFound();
    const y = year ?? currentYearWib();
    const [person] = await personRows(em, [userId], y);
    return { year: y, person, enrolments: await personEnrolments(em, userId) };
  }
}
