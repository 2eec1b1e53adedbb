import { Injectable } from '@nestjs/common';
import {
  type EnrolmentCompleted,
  type EnrolmentCompletedListener,
  OnEnrolmentCompleted,
} from '@siantar/server-catalog';
import type { EntityManager } from 'typeorm';
import { FollowUpSchedule } from './follow-up-schedule';

/**
 * Plans an enrolment's follow-ups when the catalog completes it, in the completion's own
 * transaction (the enrolment row is locked there). A retried completion job plans the same
 * rows and job ids again, which changes nothing.
 */
@Injectable()
@OnEnrolmentCompleted()
export class FollowUpOnCompletion implements EnrolmentCompletedListener {
  constructor(private readonly schedule: FollowUpSchedule) {}

  async enrolmentCompleted(em: EntityManager, e: EnrolmentCompleted): Promise<void> {
    await this.schedule.replan(em, e.enrolmentId);
  }
}
