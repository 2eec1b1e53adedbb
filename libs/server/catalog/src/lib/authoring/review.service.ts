import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AuthoringCourseResponse,
  ReviewCommentRequest,
  ReviewCommentResponse,
} from '@siantar/contracts';
import { AppError, EnvSchema, notFound, type Principal } from '@siantar/server-core';
import { NotificationPlanner } from '@siantar/server-notify';
import type { DataSource, EntityManager } from 'typeorm';
import { type CourseAccess, cannotEdit, courseForAuthoring } from '../courses/course-access';
import { Course, CourseVersion } from '../courses/course.entities';
import { recordEvent } from './authoring.service';
import { authoringResponse } from './authoring-view';

const reviewersOnly = () =>
  new AppError(
    403,
    'authoring.reviewers-only',
    'Hanya admin peninjau (BKPSDM) yang dapat memutuskan review.',
  );

/** The reviewer's side: comments per lesson, approve and publish, send back, archive. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: EnvSchema,
    private readonly planner: NotificationPlanner,
  ) {}

  /** Tells the version's authors (not the reviewer, if they are one) what was decided. */
  private async tellAuthors(
    em: EntityManager,
    version: CourseVersion,
    decision: 'approved' | 'sent-back',
    note: string | null,
    p: Principal,
  ): Promise<void> {
    const authors: { user_id: string }[] = await em.query(
      `SELECT user_id FROM course_author WHERE course_id = $1 AND user_id <> $2`,
      [version.courseId, p.id],
    );
    const now = new Date();
    for (const a of authors)
      await this.planner.plan(em, {
        event: 'review-decided',
        userId: a.user_id,
        targetId: version.courseId,
        dueAt: now,
        data: {
          courseId: version.courseId,
          courseTitle: version.title,
          versionNumber: version.number,
          decision,
          note,
        },
      });
  }

  private async inReview(
    em: EntityManager,
    courseId: string,
    p: Principal,
  ): Promise<{ access: CourseAccess; version: CourseVersion }> {
    const access = await courseForAuthoring(em, courseId, p, true);
    if (!access.isReviewer) throw reviewersOnly();
    const version = await em.findOneBy(CourseVersion, { courseId, status: 'in_review' });
    if (!version) throw cannotEdit('Tidak ada versi yang sedang menunggu review.');
    return { access, version };
  }

  /** Publishing makes this version the one new learners get; earlier published versions stay for their learners. */
  async approve(
    courseId: string,
    note: string | undefined,
    p: Principal,
  ): Promise<AuthoringCourseResponse> {
    return this.db.transaction(async (em) => {
      const { access, version } = await this.inReview(em, courseId, p);
      await em.update(CourseVersion, version.id, {
        status: 'published',
        publishedAt: new Date(),
        updatedAt: new Date(),
      });
      await em.update(Course, courseId, { currentVersionId: version.id });
      await recordEvent(em, version.id, 'approved', p.id, note ?? null);
      await this.tellAuthors(em, version, 'approved', note ?? null, p);
      access.course.currentVersionId = version.id;
      return authoringResponse(em, access, this.config.JP_MINUTES);
    });
  }

  async sendBack(courseId: string, note: string, p: Principal): Promise<AuthoringCourseResponse> {
    return this.db.transaction(async (em) => {
      const { access, version } = await this.inReview(em, courseId, p);
      await em.update(CourseVersion, version.id, { status: 'draft', updatedAt: new Date() });
      await recordEvent(em, version.id, 'sent-back', p.id, note);
      await this.tellAuthors(em, version, 'sent-back', note, p);
      return authoringResponse(em, access, this.config.JP_MINUTES);
    });
  }

  /** No new enrolments; learners already enrolled keep their version and can finish. */
  async archive(courseId: string, p: Principal): Promise<AuthoringCourseResponse> {
    return this.db.transaction(async (em) => {
      const access = await courseForAuthoring(em, courseId, p, true);
      if (!access.isReviewer) throw reviewersOnly();
      if (access.course.archivedAt) throw cannotEdit('Kursus ini sudah diarsipkan.');
      if (!access.course.currentVersionId)
        throw cannotEdit('Kursus yang belum pernah terbit tidak perlu diarsipkan.');
      const now = new Date();
      await em.update(Course, courseId, { archivedAt: now });
      await em.update(CourseVersion, access.course.currentVersionId, {
        status: 'archived',
        updatedAt: now,
      });
      await recordEvent(em, access.course.currentVersionId, 'archived', p.id);
      access.course.archivedAt = now;
      return authoringResponse(em, access, this.config.JP_MINUTES);
    });
  }

  async comments(courseId: string, p: Principal): Promise<ReviewCommentResponse[]> {
    await courseForAuthoring(this.db.manager, courseId, p);
    const rows: {
      id: string;
      number: number;
      lesson_id: string | null;
      author_id: string | null;
      name: string | null;
      nip: string | null;
      body: string;
      created_at: Date;
      resolved_at: Date | null;
    }[] = await this.db.query(
      `SELECT c.id, v.number, c.lesson_id, c.author_id, u.name, u.nip, c.body, c.created_at, c.resolved_at
         FROM review_comment c JOIN course_version v ON v.id = c.version_id LEFT JOIN app_user u ON u.id = c.author_id
        WHERE v.course_id = $1 ORDER BY c.created_at`,
      [courseId],
    );
    return rows.map((r) => ({
      id: r.id,
      versionNumber: r.number,
      lessonId: r.lesson_id,
      author: { id: r.author_id ?? '', name: r.name ?? '?', nip: r.nip },
      body: r.body,
      createdAt: r.created_at.toISOString(),
      resolvedAt: r.resolved_at?.toISOString() ?? null,
    }));
  }

  /** Reviewers and authors discuss the version being worked on, per lesson or in general. */
  async comment(
    courseId: string,
    dto: ReviewCommentRequest,
    p: Principal,
  ): Promise<ReviewCommentResponse> {
    const id = await this.db.transaction(async (em) => {
      await courseForAuthoring(em, courseId, p);
      const version = await em.findOne(CourseVersion, {
        where: [
          { courseId, status: 'in_review' },
          { courseId, status: 'draft' },
        ],
      });
      if (!version)
        throw cannotEdit('Tidak ada versi yang sedang disusun atau direview untuk dikomentari.');
      if (dto.lessonId) {
        const rows: unknown[] = await em.query(
          `SELECT 1 FROM lesson WHERE id = $1 AND version_id = $2`,
          [dto.lessonId, version.id],
        );
        if (rows.length === 0) throw notFound('Materi pada versi ini');
      }
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO review_comment (version_id, lesson_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id`,
        [version.id, dto.lessonId ?? null, p.id, dto.body],
      );
      return row.id;
    });
    const all = await this.comments(courseId, p);
    return all.find((c) => c.id === id) as ReviewCommentResponse;
  }
}
