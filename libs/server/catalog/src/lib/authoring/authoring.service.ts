import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AuthoringCourseResponse,
  type AuthoringCourseSummary,
  type CourseMetadataFields,
  type CreateCourseRequest,
  type LessonRequest,
  type ModuleRequest,
  DEFAULT_COMPLETION_RULES,
  DEFAULT_REMINDER_DAYS,
  PLACEHOLDER_LESSON_TYPES,
  type ReorderOutlineRequest,
  type UpdateCourseDraftRequest,
  type UpdateLessonRequest,
} from '@siantar/contracts';
import {
  AppError,
  EnvSchema,
  isCityWideAdmin,
  notFound,
  type Principal,
} from '@siantar/server-core';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { completionRulesProblems } from '../completion/completion-rules-check';
import { simulationProblems } from '../content/simulation-problems';
import { normalizeLessonContent } from '../content/lesson-content';
import { type CourseAccess, cannotEdit, courseForAuthoring } from '../courses/course-access';
import { Course, CourseModule, CourseVersion, Lesson } from '../courses/course.entities';
import { authoringResponse } from './authoring-view';

type Action = 'created' | 'submitted' | 'approved' | 'sent-back' | 'archived';

export async function recordEvent(
  em: EntityManager,
  versionId: string,
  action: Action,
  actorId: string,
  note: string | null = null,
) {
  await em.query(
    `INSERT INTO version_event (version_id, action, actor_id, note) VALUES ($1, $2, $3, $4)`,
    [versionId, action, actorId, note],
  );
}

function metadataPatch(dto: CourseMetadataFields & { title?: string }): Partial<CourseVersion> {
  const patch: Partial<CourseVersion> = {};
  const date = (v: string | null | undefined) =>
    v === undefined ? undefined : v === null ? null : new Date(v);
  if (dto.title !== undefined) patch.title = dto.title;
  if (dto.summary !== undefined) patch.summary = dto.summary;
  if (dto.coverFileId !== undefined) patch.coverFileId = dto.coverFileId;
  if (dto.competencyType !== undefined) patch.competencyType = dto.competencyType;
  if (dto.deliveryMode !== undefined) patch.deliveryMode = dto.deliveryMode;
  if (dto.jp !== undefined) patch.jp = dto.jp;
  if (dto.targetOrgUnitIds !== undefined) patch.targetOrgUnitIds = dto.targetOrgUnitIds;
  if (dto.targetPositions !== undefined) patch.targetPositions = dto.targetPositions;
  if (dto.targetRanks !== undefined) patch.targetRanks = dto.targetRanks;
  if (dto.prerequisiteCourseIds !== undefined)
    patch.prerequisiteCourseIds = dto.prerequisiteCourseIds;
  const opens = date(dto.enrolOpensAt);
  const closes = date(dto.enrolClosesAt);
  const deadline = date(dto.completionDeadline);
  if (opens !== undefined) patch.enrolOpensAt = opens;
  if (closes !== undefined) patch.enrolClosesAt = closes;
  if (deadline !== undefined) patch.completionDeadline = deadline;
  // Largest first, so the list reads as the order the reminders go out.
  if (dto.reminderDays !== undefined)
    patch.reminderDays = [...dto.reminderDays].sort((a, b) => b - a);
  if (dto.language !== undefined) patch.language = dto.language;
  if (dto.selfEnrol !== undefined) patch.selfEnrol = dto.selfEnrol;
  if (dto.sequential !== undefined) patch.sequential = dto.sequential;
  return patch;
}

/** Drafting a course: metadata, modules, lessons, order, and handing it to review. */
@Injectable()
export class AuthoringService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: EnvSchema,
  ) {}

  private view(em: EntityManager, access: CourseAccess): Promise<AuthoringCourseResponse> {
    return authoringResponse(em, access, this.config.JP_MINUTES);
  }

  async get(courseId: string, p: Principal): Promise<AuthoringCourseResponse> {
    return this.view(this.db.manager, await courseForAuthoring(this.db.manager, courseId, p));
  }

  async list(p: Principal): Promise<AuthoringCourseSummary[]> {
    const params: unknown[] = [p.id];
    let reach = '';
    if (p.roles.includes('admin')) {
      reach = isCityWideAdmin(p) ? ' OR true' : ` OR o.path LIKE $2 || '%'`;
      if (!isCityWideAdmin(p)) params.push(p.adminScopePath);
    }
    const rows: {
      courseId: string;
      code: string;
      title: string;
      status: AuthoringCourseSummary['status'];
      number: number;
      ownerOrgUnitName: string;
      updatedAt: Date;
    }[] = await this.db.query(
      `SELECT DISTINCT ON (c.id) c.id AS "courseId", c.code, v.title, v.status, v.number,
                o.name AS "ownerOrgUnitName", v.updated_at AS "updatedAt"
           FROM course c
           JOIN org_unit o ON o.id = c.owner_org_unit_id
           JOIN course_version v ON v.course_id = c.id
          WHERE EXISTS (SELECT 1 FROM course_author a WHERE a.course_id = c.id AND a.user_id = $1)${reach}
          ORDER BY c.id, v.number DESC`,
      params,
    );
    return rows
      .map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async create(dto: CreateCourseRequest, p: Principal): Promise<AuthoringCourseResponse> {
    try {
      return await this.db.transaction(async (em) => {
        const course = await em.save(
          em.create(Course, {
            code: dto.code,
            ownerOrgUnitId: p.orgUnitId,
            createdBy: p.id,
            currentVersionId: null,
            archivedAt: null,
          }),
        );
        await em.query(`INSERT INTO course_author (course_id, user_id) VALUES ($1, $2)`, [
          course.id,
          p.id,
        ]);
        const version = await em.save(
          em.create(CourseVersion, {
            courseId: course.id,
            number: 1,
            status: 'draft',
            summary: '',
            competencyType: 'teknis',
            deliveryMode: 'self-paced',
            jp: 0,
            targetOrgUnitIds: [],
            targetPositions: [],
            targetRanks: [],
            prerequisiteCourseIds: [],
            language: p.language,
            selfEnrol: true,
            sequential: false,
            reminderDays: [...DEFAULT_REMINDER_DAYS],
            ...metadataPatch(dto),
            title: dto.title,
          }),
        );
        await recordEvent(em, version.id, 'created', p.id);
        return this.view(em, { course, isAuthor: true, isReviewer: false });
      });
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') {
        throw new AppError(409, 'courses.code-taken', `Kode kursus ${dto.code} sudah dipakai.`, [
          { path: 'code', message: 'sudah dipakai' },
        ]);
      }
      throw e;
    }
  }

  /** Runs `change` on the course's draft, in a transaction, for its authors and reviewers only. */
  private async onDraft(
    courseId: string,
    p: Principal,
    change: (em: EntityManager, draft: CourseVersion, access: CourseAccess) => Promise<void>,
  ): Promise<AuthoringCourseResponse> {
    return this.db.transaction(async (em) => {
      const access = await courseForAuthoring(em, courseId, p, true);
      const draft = await em.findOneBy(CourseVersion, { courseId, status: 'draft' });
      if (!draft) {
        const review = await em.findOneBy(CourseVersion, { courseId, status: 'in_review' });
        throw cannotEdit(
          review
            ? `Versi ${review.number} sedang direview; tunggu keputusan reviewer atau minta dikembalikan.`
            : 'Kursus ini tidak memiliki draf. Buat versi baru untuk mengubahnya.',
        );
      }
      await change(em, draft, access);
      await em.update(CourseVersion, draft.id, { updatedAt: new Date() });
      return this.view(em, access);
    });
  }

  updateDraft(courseId: string, dto: UpdateCourseDraftRequest, p: Principal) {
    return this.onDraft(courseId, p, async (em, draft) => {
      const patch = metadataPatch(dto);
      const opens = patch.enrolOpensAt ?? draft.enrolOpensAt;
      const closes = patch.enrolClosesAt ?? draft.enrolClosesAt;
      if (opens && closes && closes <= opens) {
        throw new AppError(
          400,
          'courses.bad-window',
          'Tanggal tutup pendaftaran harus setelah tanggal buka.',
          [{ path: 'enrolClosesAt', message: 'harus setelah enrolOpensAt' }],
        );
      }
      if (patch.prerequisiteCourseIds?.includes(courseId)) {
        throw new AppError(
          400,
          'courses.self-prerequisite',
          'Kursus tidak dapat menjadi prasyarat dirinya sendiri.',
        );
      }
      if (dto.completionRules !== undefined) patch.completionRules = { ...dto.completionRules };
      const rules = patch.completionRules ?? draft.completionRules;
      const deadline =
        patch.completionDeadline === undefined
          ? draft.completionDeadline
          : patch.completionDeadline;
      const problems = completionRulesProblems(
        { ...DEFAULT_COMPLETION_RULES, ...rules },
        await this.lessonKeys(em, draft.id),
        deadline !== null,
      );
      if (problems.length > 0)
        throw new AppError(
          400,
          'courses.bad-completion-rules',
          `Aturan kelulusan belum benar: ${problems.map((x) => x.message).join('; ')}.`,
          problems,
        );
      if (Object.keys(patch).length > 0) await em.update(CourseVersion, draft.id, patch);
    });
  }

  private async lessonKeys(em: EntityManager, versionId: string): Promise<string[]> {
    const rows: { key: string }[] = await em.query(`SELECT key FROM lesson WHERE version_id = $1`, [
      versionId,
    ]);
    return rows.map((r) => r.key);
  }

  addModule(courseId: string, dto: ModuleRequest, p: Principal) {
    return this.onDraft(courseId, p, async (em, draft) => {
      const [{ next }] = await em.query<{ next: number }[]>(
        `SELECT coalesce(max(position), 0) + 1 AS next FROM course_module WHERE version_id = $1`,
        [draft.id],
      );
      await em.insert(CourseModule, { versionId: draft.id, position: next, title: dto.title });
    });
  }

  private async moduleOf(
    em: EntityManager,
    draft: CourseVersion,
    moduleId: string,
  ): Promise<CourseModule> {
    const m = await em.findOneBy(CourseModule, { id: moduleId, versionId: draft.id });
    if (!m) throw notFound('Modul pada draf ini');
    return m;
  }

  private async lessonOf(
    em: EntityManager,
    draft: CourseVersion,
    lessonId: string,
  ): Promise<Lesson> {
    const l = await em.findOneBy(Lesson, { id: lessonId, versionId: draft.id });
    if (!l) throw notFound('Materi pada draf ini');
    return l;
  }

  renameModule(courseId: string, moduleId: string, dto: ModuleRequest, p: Principal) {
    return this.onDraft(courseId, p, async (em, draft) => {
      await this.moduleOf(em, draft, moduleId);
      await em.update(CourseModule, moduleId, { title: dto.title });
    });
  }

  deleteModule(courseId: string, moduleId: string, p: Principal) {
    return this.onDraft(courseId, p, async (em, draft) => {
      await this.moduleOf(em, draft, moduleId);
      await em.delete(CourseModule, moduleId);
    });
  }

  addLesson(courseId: string, moduleId: string, dto: LessonRequest, p: Principal) {
    return this.onDraft(courseId, p, async (em, draft) => {
      await this.moduleOf(em, draft, moduleId);
      const content = await normalizeLessonContent(dto.type, dto.content, em, courseId, dto.title);
      const [{ next }] = await em.query<{ next: number }[]>(
        `SELECT coalesce(max(position), 0) + 1 AS next FROM lesson WHERE module_id = $1`,
        [moduleId],
      );
      await em.query(
        `INSERT INTO lesson (version_id, module_id, position, type, title, duration_minutes, content) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          draft.id,
          moduleId,
          next,
          dto.type,
          dto.title,
          dto.durationMinutes,
          JSON.stringify(content),
        ],
      );
    });
  }

  updateLesson(courseId: string, lessonId: string, dto: UpdateLessonRequest, p: Principal) {
    return this.onDraft(courseId, p, async (em, draft) => {
      const lesson = await this.lessonOf(em, draft, lessonId);
      const content =
        dto.content === undefined
          ? null
          : await normalizeLessonContent(
              lesson.type,
              dto.content,
              em,
              courseId,
              dto.title ?? lesson.title,
            );
      await em.query(
        `UPDATE lesson SET title = coalesce($2, title), duration_minutes = coalesce($3, duration_minutes),
                           content = coalesce($4::jsonb, content) WHERE id = $1`,
        [
          lessonId,
          dto.title ?? null,
          dto.durationMinutes ?? null,
          content === null ? null : JSON.stringify(content),
        ],
      );
    });
  }

  deleteLesson(courseId: string, lessonId: string, p: Principal) {
    return this.onDraft(courseId, p, async (em, draft) => {
      await this.lessonOf(em, draft, lessonId);
      await em.delete(Lesson, lessonId);
    });
  }

  /** The complete new order: each module and lesson of the draft exactly once; lessons may change module. */
  reorder(courseId: string, dto: ReorderOutlineRequest, p: Principal) {
    return this.onDraft(courseId, p, async (em, draft) => {
      const modules = await em.find(CourseModule, {
        where: { versionId: draft.id },
        select: { id: true },
      });
      const lessons = await em.find(Lesson, {
        where: { versionId: draft.id },
        select: { id: true },
      });
      const givenModules = dto.modules.map((m) => m.moduleId);
      const givenLessons = dto.modules.flatMap((m) => m.lessonIds);
      const same = (a: string[], b: string[]) =>
        a.length === b.length && new Set(a).size === a.length && a.every((x) => b.includes(x));
      if (
        !same(
          givenModules,
          modules.map((m) => m.id),
        ) ||
        !same(
          givenLessons,
          lessons.map((l) => l.id),
        )
      ) {
        throw new AppError(
          400,
          'authoring.outline-mismatch',
          'Urutan harus memuat setiap modul dan setiap materi draf tepat satu kali; muat ulang halaman lalu coba lagi.',
        );
      }
      for (const [i, m] of dto.modules.entries()) {
        await em.update(CourseModule, m.moduleId, { position: i + 1 });
        for (const [j, lessonId] of m.lessonIds.entries()) {
          await em.update(Lesson, lessonId, { moduleId: m.moduleId, position: j + 1 });
        }
      }
    });
  }

  submit(courseId: string, changelog: string, p: Principal) {
    return this.onDraft(courseId, p, async (em, draft) => {
      const lessons = await em.find(Lesson, { where: { versionId: draft.id } });
      const problems: string[] = [];
      if (lessons.filter((l) => !PLACEHOLDER_LESSON_TYPES.includes(l.type)).length === 0)
        problems.push('belum ada materi');
      if (!draft.summary.trim()) problems.push('ringkasan kosong');
      const ruleProblems = completionRulesProblems(
        { ...DEFAULT_COMPLETION_RULES, ...draft.completionRules },
        lessons.map((l) => l.key),
        draft.completionDeadline !== null,
      );
      if (ruleProblems.length > 0)
        problems.push(`aturan kelulusan: ${ruleProblems.map((x) => x.message).join('; ')}`);
      const scenarioProblems = simulationProblems(lessons);
      for (const s of scenarioProblems)
        problems.push(`simulasi "${s.lesson}": ${s.problems.map((x) => x.message).join(' ')}`);
      if (problems.length > 0) {
        throw new AppError(
          400,
          'authoring.incomplete',
          `Draf belum dapat dikirim untuk review: ${problems.join(', ')}.`,
          undefined,
          {},
          // The editor selects the scene of each problem.
          {
            scenarioProblems: scenarioProblems.flatMap((s) =>
              s.problems.map((x) => ({ lessonId: s.lessonId, ...x })),
            ),
          },
        );
      }
      await em.update(CourseVersion, draft.id, { status: 'in_review', changelog });
      await recordEvent(em, draft.id, 'submitted', p.id, changelog);
    });
  }

  /** A new draft copied from the published version; lessons keep their keys. */
  async newDraft(courseId: string, p: Principal): Promise<AuthoringCourseResponse> {
    return this.db.transaction(async (em) => {
      const access = await courseForAuthoring(em, courseId, p, true);
      const { course } = access;
      if (course.archivedAt) throw cannotEdit('Kursus ini sudah diarsipkan.');
      if (
        await em.findOne(CourseVersion, {
          where: [
            { courseId, status: 'draft' },
            { courseId, status: 'in_review' },
          ],
        })
      ) {
        throw cannotEdit('Sudah ada versi yang sedang disusun atau direview.');
      }
      if (!course.currentVersionId) throw cannotEdit('Belum ada versi terbit untuk disalin.');
      const source = await em.findOneByOrFail(CourseVersion, { id: course.currentVersionId });
      const [{ next }] = await em.query<{ next: number }[]>(
        `SELECT max(number) + 1 AS next FROM course_version WHERE course_id = $1`,
        [courseId],
      );
      const {
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        publishedAt: _p,
        changelog: _l,
        ...copy
      } = source;
      const draft = await em.save(
        em.create(CourseVersion, {
          ...copy,
          number: next,
          status: 'draft',
          changelog: null,
          publishedAt: null,
        }),
      );
      const modules = await em.find(CourseModule, { where: { versionId: source.id } });
      for (const m of modules) {
        const nm = await em.save(
          em.create(CourseModule, { versionId: draft.id, position: m.position, title: m.title }),
        );
        await em.query(
          `INSERT INTO lesson (version_id, module_id, key, position, type, title, duration_minutes, content)
           SELECT $1, $2, key, position, type, title, duration_minutes, content FROM lesson WHERE module_id = $3`,
          [draft.id, nm.id, m.id],
        );
      }
      await recordEvent(em, draft.id, 'created', p.id);
      return this.view(em, access);
    });
  }

  async addAuthor(
    courseId: string,
    userId: string,
    p: Principal,
  ): Promise<AuthoringCourseResponse> {
    return this.db.transaction(async (em) => {
      const access = await courseForAuthoring(em, courseId, p);
      const rows: { roles: string[]; active: boolean }[] = await em.query(
        `SELECT roles, active FROM app_user WHERE id = $1`,
        [userId],
      );
      const user = rows[0];
      if (!user?.active) throw notFound('Pengguna');
      if (!user.roles.some((r) => r === 'trainer' || r === 'partner' || r === 'admin')) {
        throw new AppError(
          400,
          'authoring.not-an-author',
          'Hanya pelatih, mitra atau admin yang dapat menjadi penyusun kursus.',
        );
      }
      await em.query(
        `INSERT INTO course_author (course_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [courseId, userId],
      );
      return this.view(em, access);
    });
  }
}
