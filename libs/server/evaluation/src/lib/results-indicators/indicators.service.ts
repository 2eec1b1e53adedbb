import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CourseIndicators,
  IndicatorDirection,
  IndicatorRequest,
  IndicatorValueRequest,
  IndicatorValueView,
  IndicatorView,
} from '@siantar/contracts';
import { adminReaches, courseForAuthoring } from '@siantar/server-catalog';
import { AppError, isCityWideAdmin, notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { unlessNotFound } from '../surveys/session-access';
import { indicatorChange } from './indicator-math';

interface IndicatorRow {
  id: string;
  course_id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  description: string;
}

interface ValueRow {
  indicator_id: string;
  org_unit_id: string;
  org_unit_name: string;
  before_value: string;
  after_value: string | null;
  measured_before: string;
  measured_after: string | null;
  note: string;
  updated_at: Date;
  org_unit_path: string;
}

/** What a caller may do with a course's indicators. */
interface Reach {
  /** Sees every OPD's values: the course's authors and the admins who review it. */
  all: boolean;
  /** Adds, changes and removes indicators: the admins who review the course. */
  define: boolean;
}

/**
 * Kirkpatrick level 4: the unit indicators a programme targets, and per OPD their value before
 * and after it. The course's reviewers define the indicators; each OPD's values are recorded by
 * admins whose reach holds that OPD (another OPD's admin cannot see or change them); the
 * course's authors and reviewers read them all.
 */
@Injectable()
export class IndicatorsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(courseId: string, p: Principal): Promise<CourseIndicators> {
    return this.of(this.db.manager, courseId, await this.reach(this.db.manager, courseId, p), p);
  }

  /** The programme page (admins who review the course): every OPD. */
  all(em: EntityManager, courseId: string, p: Principal): Promise<CourseIndicators> {
    return this.of(em, courseId, { all: true, define: true }, p);
  }

  create(courseId: string, dto: IndicatorRequest, p: Principal): Promise<IndicatorView> {
    return this.db.transaction(async (em) => {
      await this.mayDefine(em, courseId, p);
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO evaluation_indicator (course_id, name, unit, direction, description, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [courseId, dto.name, dto.unit, dto.direction, dto.description?.trim() ?? '', p.id],
      );
      return this.one(em, id, { all: true, define: true }, p);
    });
  }

  update(
    courseId: string,
    id: string,
    dto: IndicatorRequest,
    p: Principal,
  ): Promise<IndicatorView> {
    return this.db.transaction(async (em) => {
      await this.mayDefine(em, courseId, p);
      const rows: unknown[] = await em.query(
        `UPDATE evaluation_indicator SET name = $3, unit = $4, direction = $5, description = $6, updated_at = now()
          WHERE id = $1 AND course_id = $2 RETURNING id`,
        [id, courseId, dto.name, dto.unit, dto.direction, dto.description?.trim() ?? ''],
      );
      if (!rows.length) throw notFound('Indikator');
      return this.one(em, id, { all: true, define: true }, p);
    });
  }

  remove(courseId: string, id: string, p: Principal): Promise<void> {
    return this.db.transaction(async (em) => {
      await this.mayDefine(em, courseId, p);
      const rows: unknown[] = await em.query(
        `DELETE FROM evaluation_indicator WHERE id = $1 AND course_id = $2 RETURNING id`,
        [id, courseId],
      );
      if (!rows.length) throw notFound('Indikator');
    });
  }

  /** Records one OPD's values (replacing earlier ones): admins whose reach holds the OPD. */
  setValue(id: string, dto: IndicatorValueRequest, p: Principal): Promise<IndicatorView> {
    return this.db.transaction(async (em) => {
      const indicator = await this.indicator(em, id);
      const errors: { path: string; message: string }[] = [];
      const after = dto.after ?? null;
      const measuredAfter = dto.measuredAfter ?? null;
      for (const [path, d] of [
        ['measuredBefore', dto.measuredBefore],
        ['measuredAfter', measuredAfter],
      ] as const)
        if (d && !isRealDay(d)) errors.push({ path, message: `${d} bukan tanggal yang ada` });
      if ((after === null) !== (measuredAfter === null))
        errors.push({
          path: after === null ? 'after' : 'measuredAfter',
          message: 'nilai sesudah dan tanggal pengukurannya diisi bersama',
        });
      if (measuredAfter && measuredAfter < dto.measuredBefore)
        errors.push({
          path: 'measuredAfter',
          message: 'pengukuran sesudah tidak boleh lebih awal dari pengukuran sebelum',
        });
      const units: { kind: string; name: string }[] = await em.query(
        `SELECT kind, name FROM org_unit WHERE id = $1`,
        [dto.orgUnitId],
      );
      const unit = units[0];
      if (!unit) errors.push({ path: 'orgUnitId', message: `unit ${dto.orgUnitId} tidak ada` });
      else if (unit.kind !== 'opd' && unit.kind !== 'pemda')
        errors.push({
          path: 'orgUnitId',
          message: `${unit.name} bukan OPD; indikator dicatat per OPD (atau untuk pemerintah kota)`,
        });
      if (errors.length)
        throw new AppError(
          400,
          'validation',
          `Nilai indikator tidak valid — ${errors.map((e) => e.message).join('; ')}`,
          errors,
        );
      await this.mayRecord(em, dto.orgUnitId, unit.name, p);
      await em.query(
        `INSERT INTO evaluation_indicator_value (indicator_id, org_unit_id, before_value, after_value,
                                                 measured_before, measured_after, note, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (indicator_id, org_unit_id) DO UPDATE SET before_value = $3, after_value = $4,
           measured_before = $5, measured_after = $6, note = $7, updated_by = $8, updated_at = now()`,
        [
          id,
          dto.orgUnitId,
          dto.before,
          after,
          dto.measuredBefore,
          measuredAfter,
          dto.note?.trim() ?? '',
          p.id,
        ],
      );
      return this.one(em, id, await this.reach(em, indicator.course_id, p), p);
    });
  }

  removeValue(id: string, orgUnitId: string, p: Principal): Promise<IndicatorView> {
    return this.db.transaction(async (em) => {
      const indicator = await this.indicator(em, id);
      const units: { name: string }[] = await em.query(`SELECT name FROM org_unit WHERE id = $1`, [
        orgUnitId,
      ]);
      if (!units[0]) throw notFound('Unit');
      await this.mayRecord(em, orgUnitId, units[0].name, p);
      const rows: unknown[] = await em.query(
        `DELETE FROM evaluation_indicator_value WHERE indicator_id = $1 AND org_unit_id = $2 RETURNING 1`,
        [id, orgUnitId],
      );
      if (!rows.length) throw notFound('Nilai indikator');
      return this.one(em, id, await this.reach(em, indicator.course_id, p), p);
    });
  }

  /** Authors and reviewers see all; other admins see the course's indicators within their reach. */
  private async reach(em: EntityManager, courseId: string, p: Principal): Promise<Reach> {
    const access = await courseForAuthoring(em, courseId, p).catch(unlessNotFound);
    if (access) return { all: true, define: access.isReviewer };
    const exists: unknown[] = await em.query(`SELECT 1 FROM course WHERE id = $1`, [courseId]);
    if (!exists.length || !p.roles.includes('admin')) throw notFound('Kursus');
    return { all: false, define: false };
  }

  private async mayDefine(em: EntityManager, courseId: string, p: Principal): Promise<void> {
    if (!(await this.reach(em, courseId, p)).define)
      throw new AppError(
        403,
        'evaluation.not-reviewer',
        'Indikator hasil program ditetapkan oleh admin yang menjangkau unit pemilik kursus.',
      );
  }

  private async mayRecord(
    em: EntityManager,
    orgUnitId: string,
    name: string,
    p: Principal,
  ): Promise<void> {
    if (!(await adminReaches(em, orgUnitId, p)))
      throw new AppError(
        403,
        'evaluation.out-of-reach',
        `${name} di luar jangkauan Anda; nilai indikator OPD dicatat oleh admin yang menjangkau OPD tersebut.`,
      );
  }

  private async indicator(em: EntityManager, id: string): Promise<IndicatorRow> {
    const rows: IndicatorRow[] = await em.query(
      `SELECT * FROM evaluation_indicator WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw notFound('Indikator');
    return rows[0];
  }

  private async one(
    em: EntityManager,
    id: string,
    reach: Reach,
    p: Principal,
  ): Promise<IndicatorView> {
    const ind = await this.indicator(em, id);
    const list = await this.of(em, ind.course_id, reach, p, id);
    return list.indicators[0];
  }

  private async of(
    em: EntityManager,
    courseId: string,
    reach: Reach,
    p: Principal,
    onlyId?: string,
  ): Promise<CourseIndicators> {
    const indicators: IndicatorRow[] = await em.query(
      `SELECT * FROM evaluation_indicator WHERE course_id = $1 AND ($2::uuid IS NULL OR id = $2)
        ORDER BY created_at, id`,
      [courseId, onlyId ?? null],
    );
    // Outside the authors and reviewers: the OPDs of the caller's admin reach only.
    const prefix = reach.all || isCityWideAdmin(p) ? null : (p.adminScopePath ?? '/-/');
    const values: ValueRow[] = await em.query(
      `SELECT v.indicator_id, v.org_unit_id, o.name AS org_unit_name, v.before_value, v.after_value,
              to_char(v.measured_before, 'YYYY-MM-DD') AS measured_before,
              to_char(v.measured_after, 'YYYY-MM-DD') AS measured_after, v.note, v.updated_at,
              o.path AS org_unit_path
         FROM evaluation_indicator_value v JOIN org_unit o ON o.id = v.org_unit_id
        WHERE v.indicator_id = ANY ($1::uuid[]) AND ($2::text IS NULL OR o.path LIKE $2 || '%')
        ORDER BY o.name, o.id`,
      [indicators.map((i) => i.id), prefix],
    );
    // catalog's adminReaches, on the unit paths already loaded (no query per OPD).
    const reaches = (path: string) =>
      p.roles.includes('admin') &&
      (isCityWideAdmin(p) || (!!p.adminScopePath && path.startsWith(p.adminScopePath)));
    return {
      courseId,
      canDefine: reach.define,
      scope: reach.all ? 'all' : 'reach',
      indicators: indicators.map((i) => {
        const rows: IndicatorValueView[] = values
          .filter((v) => v.indicator_id === i.id)
          .map((v) => {
            const before = Number(v.before_value);
            const after = v.after_value === null ? null : Number(v.after_value);
            return {
              orgUnitId: v.org_unit_id,
              orgUnitName: v.org_unit_name,
              before,
              after,
              measuredBefore: v.measured_before,
              measuredAfter: v.measured_after,
              ...indicatorChange(i.direction, before, after),
              note: v.note,
              editable: reaches(v.org_unit_path),
              updatedAt: v.updated_at.toISOString(),
            };
          });
        return {
          id: i.id,
          courseId: i.course_id,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          description: i.description,
          values: rows,
          summary: {
            opds: rows.length,
            measured: rows.filter((r) => r.after !== null).length,
            improved: rows.filter((r) => r.improved === true).length,
          },
        };
      }),
    };
  }
}

const isRealDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};
