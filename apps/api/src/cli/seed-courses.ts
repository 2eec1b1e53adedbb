import { seedQuiz } from '@siantar/server-assessment';
import { sanitizeLessonHtml } from '@siantar/server-catalog';
import type { EntityManager } from 'typeorm';
import { DEMO_COURSES, type DemoLesson } from './demo-courses';
import { PPBD_QUIZ_GIFT, PPBD_QUIZ_SETTINGS } from './demo-quiz';

interface LessonContext {
  em: EntityManager;
  courseId: string;
  ownerOrgUnitId: string;
  authorId: string | null;
  scormPackageId: string | null;
}

async function content(l: DemoLesson, c: LessonContext): Promise<Record<string, unknown> | null> {
  const scormPackageId = c.scormPackageId;
  switch (l.type) {
    case 'text':
      return {
        format: 'markdown',
        source: l.body ?? '',
        minSeconds: 20,
        html: sanitizeLessonHtml('markdown', l.body ?? ''),
      };
    case 'link':
      return { url: l.body };
    case 'scorm':
      return scormPackageId ? { packageId: scormPackageId } : null;
    case 'quiz': {
      const quizId = await seedQuiz(c.em, {
        courseId: c.courseId,
        ownerOrgUnitId: c.ownerOrgUnitId,
        authorId: c.authorId,
        bankName: 'Bank soal Pelayanan Publik Berbasis Digital',
        gift: PPBD_QUIZ_GIFT,
        settings: PPBD_QUIZ_SETTINGS,
      });
      return { quizId };
    }
    case 'simulation':
      return l.simulation ? { ...l.simulation } : null;
  }
}

/**
 * Publishes the demo courses (version 1) once: a course whose code exists is
 * left as it is, so re-seeding never undoes what people did with it.
 */
export async function seedCourses(
  em: EntityManager,
  scormPackageId: string | null,
): Promise<number> {
  let created = 0;
  for (const c of DEMO_COURSES) {
    const exists: unknown[] = await em.query(`SELECT 1 FROM course WHERE code = $1`, [c.code]);
    if (exists.length > 0) continue;
    const [owner] = await em.query<{ id: string }[]>(`SELECT id FROM org_unit WHERE code = $1`, [
      c.owner,
    ]);
    const authors: { id: string }[] = await em.query(
      `SELECT id FROM app_user WHERE lower(email) = ANY($1) ORDER BY array_position($1, lower(email))`,
      [c.authors],
    );
    const [course] = await em.query<{ id: string }[]>(
      `INSERT INTO course (code, owner_org_unit_id, created_by) VALUES ($1, $2, $3) RETURNING id`,
      [c.code, owner.id, authors[0]?.id ?? null],
    );
    for (const a of authors)
      await em.query(`INSERT INTO course_author (course_id, user_id) VALUES ($1, $2)`, [
        course.id,
        a.id,
      ]);
    const [version] = await em.query<{ id: string }[]>(
      `INSERT INTO course_version (course_id, number, status, title, summary, competency_type, delivery_mode, jp, changelog, published_at)
       VALUES ($1, 1, 'published', $2, $3, $4, $5, $6, 'Versi pertama.', now()) RETURNING id`,
      [course.id, c.title, c.summary, c.competencyType, c.deliveryMode, c.jp],
    );
    for (const [mi, m] of c.modules.entries()) {
      const [mod] = await em.query<{ id: string }[]>(
        `INSERT INTO course_module (version_id, position, title) VALUES ($1, $2, $3) RETURNING id`,
        [version.id, mi + 1, m.title],
      );
      let position = 0;
      for (const l of m.lessons) {
        const body = await content(l, {
          em,
          courseId: course.id,
          ownerOrgUnitId: owner.id,
          authorId: authors[0]?.id ?? null,
          scormPackageId,
        });
        if (!body) continue;
        await em.query(
          `INSERT INTO lesson (version_id, module_id, position, type, title, duration_minutes, content) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [version.id, mod.id, ++position, l.type, l.title, l.minutes, JSON.stringify(body)],
        );
      }
    }
    for (const action of ['created', 'submitted', 'approved']) {
      await em.query(
        `INSERT INTO version_event (version_id, action, actor_id) VALUES ($1, $2, $3)`,
        [version.id, action, authors[0]?.id ?? null],
      );
    }
    await em.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [
      course.id,
      version.id,
    ]);
    created++;
  }
  return created;
}
