import { IsInt, IsISO8601, IsUUID, Max, Min } from 'class-validator';
import type { QueueName } from './queue-names';

/**
 * Ask an alumnus (and their direct supervisor) for the post-training follow-up of an
 * enrolment `offsetDays` after its course end. Delayed until the follow-up's due time;
 * jobId `follow-up-<enrolment>-<offset>d-<due ms>` (FollowUpSchedule).
 */
export class FollowUpDueJob {
  @IsUUID()
  enrolmentId!: string;

  @IsInt()
  @Min(1)
  @Max(365)
  offsetDays!: number;
}

/**
 * Re-plan the not yet asked follow-ups of a course's completed enrolments: its days changed
 * at `settingsAt` (the setting's updated_at; the job waits until that change has committed).
 */
export class FollowUpReplanCourseJob {
  @IsUUID()
  courseId!: string;

  @IsISO8601()
  settingsAt!: string;
}

/** The evaluation domain's jobs (queue `evaluation`): name → queue and payload class. */
export const EVALUATION_JOBS = {
  'evaluation.follow-up-due': { queue: 'evaluation', payload: FollowUpDueJob },
  'evaluation.follow-up-replan-course': { queue: 'evaluation', payload: FollowUpReplanCourseJob },
} as const satisfies Record<string, { queue: QueueName; payload: new () => object }>;
