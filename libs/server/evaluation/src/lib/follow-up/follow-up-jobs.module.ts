import { Module } from '@nestjs/common';
import { NotificationPlanner } from '@siantar/server-notify';
import { FollowUpDueHandler } from './schedule/follow-up-due.job';
import { FollowUpNotices } from './schedule/follow-up-notices';
import { FollowUpOnCompletion } from './schedule/follow-up-on-completion';
import { FollowUpSchedule } from './schedule/follow-up-schedule';
import { FollowUpReplanCourseHandler } from './schedule/replan-course.job';

/**
 * The worker side of Level 3: plans the follow-ups when the catalog's completion job
 * completes an enrolment (FollowUpOnCompletion), asks them when due, re-plans a course.
 */
@Module({
  providers: [
    FollowUpDueHandler,
    FollowUpNotices,
    FollowUpOnCompletion,
    FollowUpReplanCourseHandler,
    FollowUpSchedule,
    NotificationPlanner,
  ],
  exports: [FollowUpSchedule],
})
export class FollowUpJobsModule {}
