import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CatalogItem, CatalogQuery, CourseDetailResponse, Page } from '@siantar/contracts';
import { notFound, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { CourseModule, CourseVersion, Lesson } from '../courses/course.entities';
import { EnrolmentRules } from '../enrolment/enrolment-rules';
import { FilesService } from '../files/files.service';

interface Row {
  course_id: string;
  code: string;
  title: string;
  summary: string;
  cover_file_id: string | null;
  competency_type: CatalogItem['competencyType'];
  delivery_mode: CatalogItem['deliveryMode'];
  jp: string;
  completion_deadline: Date | null;
  enrol_closes_at: Date | null;
  trainers: string[] | null;
  my_enrolment_id: string | null;
  total: string;
}

/** The published, not archived courses: one SQL statement per page, searchable in Indonesian. */
export const CATALOG_SQL = `
  SELECT c.id AS course_id, c.code, v.title, v.summary, v.cover_file_id, v.competency_type, v.delivery_mode, v.jp,
         v.completion_deadline, v.enrol_closes_at,
         (SELECT array_agg(u.name ORDER BY a.added_at) FROM course_author a JOIN app_user u ON u.id = a.user_id
           WHERE a.course_id = c.id) AS trainers,
         (SELECT e.id FROM enrolment e WHERE e.course_id = c.id AND e.user_id = $1 AND e.status <> 'withdrawn') AS my_enrolment_id,
         count(*) OVER () AS total
    FROM course c
    JOIN course_version v ON v.id = c.current_version_id
   WHERE c.archived_at IS NULL
     AND ($2::text IS NULL OR v.search @@ websearch_to_tsquery('indonesian', $2) OR c.code ILIKE $2 || '%' OR v.title ILIKE '%' || $2 || '%')
     AND ($3::text IS NULL OR v.competency_type = $3)
     AND ($4::text IS NULL OR v.delivery_mode = $4)
     AND ($5::text IS NULL OR cardinality(v.target_org_unit_ids) = 0
          OR EXISTS (SELECT 1 FROM unnest(v.target_org_unit_ids) t WHERE $5 LIKE '%/' || t || '/%'))
     AND ($6::numeric IS NULL OR v.jp >= $6)
     AND ($7::numeric IS NULL OR v.jp <= $7)
   ORDER BY
     CASE WHEN $8 = 'relevance' AND $2::text IS NOT NULL THEN ts_rank(v.search, websearch_to_tsquery('indonesian', $2)) END DESC NULLS LAST,
     CASE WHEN $8 = 'jp' THEN v.jp END DESC,
     CASE WHEN $8 = 'title' THEN v.title END ASC,
     v.published_at DESC, c.id
   LIMIT $9 OFFSET $10`;

@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: EnrolmentRules,
    private readonly files: FilesService,
  ) {}

  async search(query: CatalogQuery, p: Principal): Promise<Page<CatalogItem>> {
    let unitPath: string | null = null;
    if (query.orgUnitId) {
      const rows: { path: string }[] = await this.db.query(
        `SELECT path FROM org_unit WHERE id = $1`,
        [query.orgUnitId],
      );
      unitPath = rows[0]?.path ?? '/none/';
    }
    const rows: Row[] = await this.db.query(CATALOG_SQL, [
      p.id,
      query.q || null,
      query.competencyType ?? null,
      query.deliveryMode ?? null,
      unitPath,
      query.jpMin ?? null,
      query.jpMax ?? null,
      query.sort ?? (query.q ? 'relevance' : 'newest'),
      query.limit,
      query.offset,
    ]);
    return {
      items: rows.map((r) => this.item(r)),
      total: Number(rows[0]?.total ?? 0),
      limit: query.limit,
      offset: query.offset,
    };
  }

  private item(r: Omit<Row, 'total'>): CatalogItem {
    return {
      courseId: r.course_id,
      code: r.code,
      title: r.title,
      summary: r.summary,
      // Signed, so that a plain <img> can load it without the bearer token.
      coverUrl: r.cover_file_id ? this.files.signedUrl(r.cover_file_id) : null,
      competencyType: r.competency_type,
      deliveryMode: r.delivery_mode,
      jp: Number(r.jp),
      completionDeadline: r.completion_deadline?.toISOString() ?? null,
      enrolClosesAt: r.enrol_closes_at?.toISOString() ?? null,
      trainers: r.trainers ?? [],
      myEnrolmentId: r.my_enrolment_id,
    };
  }

  async detail(courseId: string, p: Principal): Promise<CourseDetailResponse> {
    const rows: (Row & {
      number: number;
      language: string;
      owner: string;
      enrol_opens_at: Date | null;
      version_id: string;
    })[] = await this.db.query(
      `SELECT c.id AS course_id, c.code, v.id AS version_id, v.number, v.title, v.summary, v.cover_file_id, v.competency_type,
                v.delivery_mode, v.jp, v.completion_deadline, v.enrol_closes_at, v.enrol_opens_at, v.language, o.name AS owner,
                (SELECT array_agg(u.name ORDER BY a.added_at) FROM course_author a JOIN app_user u ON u.id = a.user_id WHERE a.course_id = c.id) AS trainers,
                (SELECT e.id FROM enrolment e WHERE e.course_id = c.id AND e.user_id = $2 AND e.status <> 'withdrawn') AS my_enrolment_id
           FROM course c JOIN course_version v ON v.id = c.current_version_id JOIN org_unit o ON o.id = c.owner_org_unit_id
          WHERE c.id = $1 AND c.archived_at IS NULL`,
      [courseId, p.id],
    );
    const r = rows[0];
    if (!r) throw notFound('Kursus');
    const version = await this.db.manager.findOneByOrFail(CourseVersion, { id: r.version_id });
    const modules = await this.db.manager.find(CourseModule, {
      where: { versionId: r.version_id },
      order: { position: 'ASC' },
    });
    const lessons = await this.db.manager.find(Lesson, {
      where: { versionId: r.version_id },
      order: { position: 'ASC' },
    });
    const authors: { id: string; name: string; nip: string | null }[] = await this.db.query(
      `SELECT u.id, u.name, u.nip FROM course_author a JOIN app_user u ON u.id = a.user_id WHERE a.course_id = $1 ORDER BY a.added_at`,
      [courseId],
    );
    const prerequisites: { courseId: string; code: string; title: string; completed: boolean }[] =
      await this.db.query(
        `SELECT c.id AS "courseId", c.code, coalesce(v.title, c.code) AS title,
              EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = c.id AND e.user_id = $2 AND e.status = 'completed') AS completed
         FROM course c LEFT JOIN course_version v ON v.id = c.current_version_id WHERE c.id = ANY($1)`,
        [version.prerequisiteCourseIds, p.id],
      );
    return {
      ...this.item(r),
      versionNumber: r.number,
      language: r.language,
      ownerOrgUnitName: r.owner,
      authors,
      prerequisites,
      outline: modules.map((m) => ({
        id: m.id,
        title: m.title,
        lessons: lessons
          .filter((l) => l.moduleId === m.id)
          .map((l) => ({
            id: l.id,
            title: l.title,
            type: l.type,
            durationMinutes: l.durationMinutes,
          })),
      })),
      enrolOpensAt: r.enrol_opens_at?.toISOString() ?? null,
      enrolBlockedReason: r.my_enrolment_id
        ? null
        : await this.rules.selfEnrolBlocker(this.db.manager, courseId, p.id),
    };
  }
}
