import { NotificationPlanner } from '@siantar/server-notify';
import { EnrolmentNotices } from './enrolment/enrolment-notices';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CompletionListeners } from './completion/completion-listeners';
import { EnrolmentCompletion } from './completion/enrolment-completion.service';
import { EvaluateCompletionHandler } from './completion/evaluate-completion.job';
import { BulkEnrolHandler } from './enrolment/bulk-enrol.job';
import { EnrolmentRules } from './enrolment/enrolment-rules';
import { ScormJobsModule } from './scorm/scorm-jobs.module';

/** The worker side of the catalog: bulk enrolment, SCORM import and completion. */
@Module({
  imports: [DiscoveryModule, ScormJobsModule],
  providers: [
    EnrolmentRules,
    EnrolmentNotices,
    NotificationPlanner,
    BulkEnrolHandler,
    CompletionListeners,
    EnrolmentCompletion,
    EvaluateCompletionHandler,
  ],
})
export class CatalogJobsModule {}
