import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompletionChecklist, FeedbackSurveyRequest } from '@siantar/contracts';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { LearnerCourseService } from '../player/learner-course.service';
import { CompletionSignals } from './completion-signals';
import { EnrolmentCompletion } from './enrolment-completion.service';

/** The learner-facing side of completion: always the caller's own enrolment. */
@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly completion: EnrolmentCompletion,
    private readonly signals: CompletionSignals,
    private readonly course: LearnerCourseService,
  ) {}

  async checklistFor(enrolmentId: string, p: Principal): Promise<CompletionChecklist> {
    await this.course.own(this.db.manager, enrolmentId, p);
    const list = await this.completion.checklist(this.db.manager, enrolmentId);
    if (!list) throw notFound('Pendaftaran');
    return list;
  }

  async submitFeedback(
    enrolmentId: string,
    body: FeedbackSurveyRequest,
    p: Principal,
  ): Promise<CompletionChecklist> {
    await this.db.transaction(async (em) => {
      const { status } = await this.course.own(em, enrolmentId, p);
      if (status === 'withdrawn')
        throw new AppError(
          409,
          'enrolment-withdrawn',
          'Pendaftaran Anda di kursus ini sudah dibatalkan.',
        );
      const rows: unknown[] = await em.query(
        `INSERT INTO course_feedback (enrolment_id, ratings, comment) VALUES ($1, $2, $3)
         ON CONFLICT (enrolment_id) DO NOTHING RETURNING enrolment_id`,
        [enrolmentId, JSON.stringify(body.ratings), body.comment?.trim() ?? ''],
      );
      if (rows.length === 0)
        throw new AppError(
          409,
          'feedback-already-submitted',
          'Survei umpan balik kursus ini sudah Anda isi.',
        );
      await this.signals.raise(em, enrolmentId, 'survey', enrolmentId);
    });
    return this.checklistFor(enrolmentId, p);
  }
}
