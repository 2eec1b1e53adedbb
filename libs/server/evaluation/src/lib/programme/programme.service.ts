import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  EvaluationPeriodQuery,
  ProgrammeEvaluation,
  ProgrammeFollowUp,
} from '@siantar/contracts';
import { courseForAuthoring } from '@siantar/server-catalog';
import { fileSlug, notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { LearningGainService } from '../learning-gain/learning-gain.service';
import { IndicatorsService } from '../results-indicators/indicators.service';
import { periodOf } from '../surveys/period';
import { SurveyResultsService } from '../surveys/survey-results.service';
import { renderProgrammeReport } from './programme-report.pdf';

/**
 * Where the programme page gets level 3 (action plans and post-training follow-ups) from:
 * provided by the follow-up part of this domain; without a provider the page says `l3: null`.
 */
export const PROGRAMME_FOLLOW_UP = Symbol('PROGRAMME_FOLLOW_UP');
export interface ProgrammeFollowUpSource {
  forCourse(em: EntityManager, courseId: string): Promise<ProgrammeFollowUp>;
}

/**
 * The programme evaluation page and its printable report: the four Kirkpatrick levels of a
 * course side by side, for the admins who review it (404 for anyone else). Level 1 is shown
 * as trainers see it (aggregates, held back below the threshold), never per response.
 */
@Injectable()
export class ProgrammeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly surveys: SurveyResultsService,
    private readonly gain: LearningGainService,
    private readonly indicators: IndicatorsService,
    @Optional()
    @Inject(PROGRAMME_FOLLOW_UP)
    private readonly followUp: ProgrammeFollowUpSource | null,
  ) {}

  async page(
    courseId: string,
    q: EvaluationPeriodQuery,
    p: Principal,
  ): Promise<ProgrammeEvaluation> {
    const em = this.db.manager;
    const period = periodOf(q);
    const access = await courseForAuthoring(em, courseId, p);
    if (!access.isReviewer) throw notFound('Kursus');
    const rows: {
      code: string;
      title: string;
      owner: string;
      jp: string;
      enrolled: number;
      completed: number;
    }[] = await em.query(
      `SELECT c.code, v.title, o.name AS owner, v.jp,
              (SELECT count(*)::int FROM enrolment e WHERE e.course_id = c.id AND e.status <> 'withdrawn') AS enrolled,
              (SELECT count(*)::int FROM enrolment e WHERE e.course_id = c.id AND e.status = 'completed') AS completed
         FROM course c JOIN org_unit o ON o.id = c.owner_org_unit_id
         JOIN course_version v ON v.id = coalesce(c.current_version_id,
           (SELECT id FROM course_version WHERE course_id = c.id ORDER BY number DESC LIMIT 1))
        WHERE c.id = $1`,
      [courseId],
    );
    const c = rows[0];
    if (!c) throw notFound('Kursus');
    return {
      course: {
        id: courseId,
        code: c.code,
        title: c.title,
        ownerOrgUnitName: c.owner,
        jp: Number(c.jp),
        enrolled: c.enrolled,
        completed: c.completed,
      },
      from: period.from,
      to: period.to,
      generatedAt: new Date().toISOString(),
      l1: {
        course: await this.surveys.courseAggregates(em, courseId, period),
        sessions: await this.surveys.courseSessions(em, courseId, period),
      },
      l2: await this.gain.of(em, courseId),
      l3: this.followUp ? await this.followUp.forCourse(em, courseId) : null,
      l4: await this.indicators.all(em, courseId, p),
    };
  }

  async report(
    courseId: string,
    q: EvaluationPeriodQuery,
    p: Principal,
  ): Promise<{ filename: string; pdf: Buffer }> {
    const data = await this.page(courseId, q, p);
    return {
      filename: `evaluasi-${fileSlug(data.course.code, 'program')}.pdf`,
      pdf: await renderProgrammeReport(data),
    };
  }
}
