import { Module } from '@nestjs/common';
import { BulkEnrolHandler } from './enrolment/bulk-enrol.job';
import { EnrolmentRules } from './enrolment/enrolment-rules';
import { ScormJobsModule } from './scorm/scorm-jobs.module';

/** The worker side of the catalog: bulk enrolment and SCORM import. */
@Module({
  imports: [ScormJobsModule],
  providers: [EnrolmentRules, BulkEnrolHandler],
})
export class CatalogJobsModule {}
