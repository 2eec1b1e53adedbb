import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompletionChecklist } from '@siantar/contracts';
import { notFound, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { LearnerCourseService } from '../player/learner-course.service';
import { EnrolmentCompletion } from './enrolment-completion.service';

/** The learner-facing side of completion: always the caller's own enrolment. */
@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly completion: EnrolmentCompletion,
    private readonly course: LearnerCourseService,
  ) {}

  async checklistFor(enrolmentId: string, p: Principal): Promise<CompletionChecklist> {
    await this.course.own(this.db.manager, enrolmentId, p);
    const list = await this.completion.checklist(this.db.manager, enrolmentId);
    if (!list) throw notFound('Pendaftaran');
    return list;
  }
}
