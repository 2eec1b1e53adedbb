import {
  type AuthoringCourseResponse,
  type CourseVersionResponse,
  DEFAULT_COMPLETION_RULES,
  type ModuleResponse,
  type VersionHistoryEntry,
} from '@siantar/contracts';
import type { EntityManager } from 'typeorm';
import { type CourseAccess } from '../courses/course-access';
import { CourseModule, CourseVersion, Lesson } from '../courses/course.entities';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function versionResponse(
  em: EntityManager,
  code: string,
  v: CourseVersion,
  jpMinutes: number,
): Promise<CourseVersionResponse> {
  const modules = await em.find(CourseModule, {
    where: { versionId: v.id },
    order: { position: 'ASC' },
  });
  const lessons = await em.find(Lesson, { where: { versionId: v.id }, order: { position: 'ASC' } });
  const byModule = new Map<string, ModuleResponse['lessons']>();
  for (const l of lessons) {
    const list = byModule.get(l.moduleId) ?? [];
    list.push({
      id: l.id,
      key: l.key,
      moduleId: l.moduleId,
      position: l.position,
      type: l.type,
      title: l.title,
      durationMinutes: l.durationMinutes,
      content: l.content,
    });
    byModule.set(l.moduleId, list);
  }
  const minutes = lessons.reduce((s, l) => s + l.durationMinutes, 0);
  return {
    id: v.id,
    courseId: v.courseId,
    code,
    number: v.number,
    status: v.status,
    title: v.title,
    summary: v.summary,
    coverFileId: v.coverFileId,
    competencyType: v.competencyType,
    deliveryMode: v.deliveryMode,
    jp: v.jp,
    suggestedJp: Math.round((minutes / jpMinutes) * 10) / 10,
    targetOrgUnitIds: v.targetOrgUnitIds,
    targetPositions: v.targetPositions,
    targetRanks: v.targetRanks,
    prerequisiteCourseIds: v.prerequisiteCourseIds,
    enrolOpensAt: iso(v.enrolOpensAt),
    enrolClosesAt: iso(v.enrolClosesAt),
    completionDeadline: iso(v.completionDeadline),
    reminderDays: v.reminderDays,
    language: v.language,
    selfEnrol: v.selfEnrol,
    sequential: v.sequential,
    completionRules: { ...DEFAULT_COMPLETION_RULES, ...v.completionRules },
    changelog: v.changelog,
    publishedAt: iso(v.publishedAt),
    modules: modules.map((m) => ({
      id: m.id,
      position: m.position,
      title: m.title,
      lessons: byModule.get(m.id) ?? [],
    })),
  };
}

interface EventRow {
  number: number;
  action: VersionHistoryEntry['events'][number]['action'];
  note: string | null;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_nip: string | null;
}

export async function authoringResponse(
  em: EntityManager,
  access: CourseAccess,
  jpMinutes: number,
): Promise<AuthoringCourseResponse> {
  const { course } = access;
  const versions = await em.query<CourseVersion[]>(
    `SELECT id, number, status, changelog, published_at AS "publishedAt" FROM course_version WHERE course_id = $1 ORDER BY number`,
    [course.id],
  );
  const working =
    versions.find((v) => v.status === 'draft' || v.status === 'in_review') ??
    versions[versions.length - 1];
  const full = await em.findOneByOrFail(CourseVersion, { id: working.id });
  const events: EventRow[] = await em.query(
    `SELECT v.number, e.action, e.note, e.at, u.id AS actor_id, u.name AS actor_name, u.nip AS actor_nip
       FROM version_event e JOIN course_version v ON v.id = e.version_id LEFT JOIN app_user u ON u.id = e.actor_id
      WHERE v.course_id = $1 ORDER BY e.at, e.id`,
    [course.id],
  );
  const authors: { id: string; name: string; nip: string | null }[] = await em.query(
    `SELECT u.id, u.name, u.nip FROM course_author a JOIN app_user u ON u.id = a.user_id WHERE a.course_id = $1 ORDER BY a.added_at`,
    [course.id],
  );
  const owner: { id: string; name: string }[] = await em.query(
    `SELECT id, name FROM org_unit WHERE id = $1`,
    [course.ownerOrgUnitId],
  );
  const open = working.status === 'draft' || working.status === 'in_review';
  const editor = access.isAuthor || access.isReviewer;
  return {
    courseId: course.id,
    code: course.code,
    ownerOrgUnit: owner[0] ?? { id: course.ownerOrgUnitId, name: '?' },
    authors,
    working: await versionResponse(em, course.code, full, jpMinutes),
    versions: versions.map((v) => ({
      number: v.number,
      status: v.status,
      changelog: v.changelog,
      publishedAt: iso(v.publishedAt),
      events: events
        .filter((e) => e.number === v.number)
        .map((e) => ({
          action: e.action,
          by: { id: e.actor_id ?? '', name: e.actor_name ?? '?', nip: e.actor_nip },
          note: e.note,
          at: e.at.toISOString(),
        })),
    })),
    can: {
      edit: editor && working.status === 'draft' && !course.archivedAt,
      submit: editor && working.status === 'draft' && !course.archivedAt,
      review: access.isReviewer && working.status === 'in_review',
      newDraft: editor && !open && !course.archivedAt && course.currentVersionId !== null,
      archive: access.isReviewer && !course.archivedAt && course.currentVersionId !== null,
    },
  };
}
