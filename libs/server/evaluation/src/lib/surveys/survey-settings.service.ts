import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CourseSurveySettingsRequest,
  CourseSurveySettingsView,
  SessionSurveySettingsRequest,
  SessionSurveySettingsView,
} from '@siantar/contracts';
import { CompletionSignals, courseForAuthoring } from '@siantar/server-catalog';
import { notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { loadSession, sessionAccess } from './session-access';
import { coursePolicy, requireTemplate, sessionPolicy, templateSummaries } from './survey-policy';

/**
 * Which template a course's or session's survey uses and how its answers are protected:
 * set by the course's authors and the admins who review it (for a session: whoever may
 * change the session).
 */
@Injectable()
export class SurveySettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signals: CompletionSignals,
  ) {}

  async course(courseId: string, p: Principal): Promise<CourseSurveySettingsView> {
    await courseForAuthoring(this.db.manager, courseId, p);
    return this.courseView(this.db.manager, courseId);
  }

  updateCourse(
    courseId: string,
    dto: CourseSurveySettingsRequest,
    p: Principal,
  ): Promise<CourseSurveySettingsView> {
    return this.db.transaction(async (em) => {
      await courseForAuthoring(em, courseId, p, true);
      await requireTemplate(em, dto.templateId);
      const before = await coursePolicy(em, courseId);
      await em.query(
        `INSERT INTO course_survey (course_id, template_id, required, anonymity_threshold,
                                    individual_visible_to_admins, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (course_id) DO UPDATE SET template_id = $2, required = $3, anonymity_threshold = $4,
           individual_visible_to_admins = $5, updated_by = $6, updated_at = now()`,
        [
          courseId,
          dto.templateId,
          dto.required,
          dto.anonymityThreshold,
          dto.individualVisibleToAdmins,
          p.id,
        ],
      );
      // No longer required: learners who were only waiting for the survey may now complete.
      if (before.required && !dto.required) {
        const ref = `settings-${randomUUID()}`;
        const active: { id: string }[] = await em.query(
          `SELECT id FROM enrolment WHERE course_id = $1 AND status = 'active'`,
          [courseId],
        );
        for (const e of active) await this.signals.raise(em, e.id, 'survey', ref);
      }
      return this.courseView(em, courseId);
    });
  }

  async session(sessionId: string, p: Principal): Promise<SessionSurveySettingsView> {
    const em = this.db.manager;
    const s = await loadSession(em, sessionId);
    if (!(await sessionAccess(em, s, p)).manages) throw notFound('Sesi');
    return this.sessionView(em, sessionId, s.course_id);
  }

  updateSession(
    sessionId: string,
    dto: SessionSurveySettingsRequest,
    p: Principal,
  ): Promise<SessionSurveySettingsView> {
    return this.db.transaction(async (em) => {
      const s = await loadSession(em, sessionId);
      if (!(await sessionAccess(em, s, p)).manages) throw notFound('Sesi');
      await requireTemplate(em, dto.templateId);
      await em.query(
        `INSERT INTO live_session_survey (session_id, template_id, anonymity_threshold,
                                          individual_visible_to_admins, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (session_id) DO UPDATE SET template_id = $2, anonymity_threshold = $3,
           individual_visible_to_admins = $4, updated_by = $5, updated_at = now()`,
        [sessionId, dto.templateId, dto.anonymityThreshold, dto.individualVisibleToAdmins, p.id],
      );
      return this.sessionView(em, sessionId, s.course_id);
    });
  }

  private async courseView(em: EntityManager, courseId: string): Promise<CourseSurveySettingsView> {
    const policy = await coursePolicy(em, courseId);
    const [row]: { responses: number; by_version: boolean | null }[] = await em.query(
      `SELECT (SELECT count(*)::int FROM survey_response WHERE course_id = $1) AS responses,
              (SELECT (v.completion_rules->>'survey')::boolean FROM course c
                 JOIN course_version v ON v.id = c.current_version_id WHERE c.id = $1) AS by_version`,
      [courseId],
    );
    return {
      courseId,
      templateId: policy.templateId,
      templateName: policy.templateName,
      required: policy.required,
      requiredByVersion: row.by_version ?? false,
      anonymityThreshold: policy.threshold,
      individualVisibleToAdmins: policy.individualVisibleToAdmins,
      configured: policy.configured,
      responses: row.responses,
      templates: await templateSummaries(em),
    };
  }

  private async sessionView(
    em: EntityManager,
    sessionId: string,
    courseId: string | null,
  ): Promise<SessionSurveySettingsView> {
    const policy = await sessionPolicy(em, sessionId);
    const [{ responses }]: { responses: number }[] = await em.query(
      `SELECT count(*)::int AS responses FROM survey_response WHERE session_id = $1`,
      [sessionId],
    );
    return {
      sessionId,
      courseId,
      templateId: policy.templateId,
      templateName: policy.templateName,
      anonymityThreshold: policy.threshold,
      individualVisibleToAdmins: policy.individualVisibleToAdmins,
      configured: policy.configured,
      responses,
      templates: await templateSummaries(em),
    };
  }
}
