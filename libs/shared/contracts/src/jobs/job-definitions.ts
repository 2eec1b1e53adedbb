import { IsOptional, IsUUID, Matches } from 'class-validator';

import { CERTIFICATE_JOBS } from './certificate-jobs';
import { EVALUATION_JOBS } from './evaluation-jobs';
import type { QueueName } from './queue-names';

export { QUEUE_NAMES, type QueueName } from './queue-names';

export class WelcomeEmailJob {
  @IsUUID()
  userId!: string;
}

export class ScormImportJob {
  @IsUUID()
  packageId!: string;
}

export class BulkEnrolJob {
  @IsUUID()
  requestId!: string;
}

/** Grade a submitted attempt; also the deadline job's payload (submit an abandoned attempt). */
export class AttemptJob {
  @IsUUID()
  attemptId!: string;
}

/** Re-evaluate an enrolment's completion because of the signal written with the change. */
export class EvaluateCompletionJob {
  @IsUUID()
  signalId!: string;
}

export class RegradeAttemptJob {
  @IsUUID()
  attemptId!: string;

  @IsUUID()
  regradeId!: string;
}

/** Build a report export's file (a `report_export` row). */
export class ReportExportJob {
  @IsUUID()
  exportId!: string;
}

/** Freeze a live session's attendance, complete its lesson and credit its JP. */
export class FinaliseAttendanceJob {
  @IsUUID()
  sessionId!: string;
}

/** Deliver a planned notification (a `planned_notification` row) on the user's channels. */
export class NotifyDeliverJob {
  @Matches(/^[A-Za-z0-9._-]{1,200}$/)
  key!: string;
}

/** Send each user's daily digest of the emails they chose to bundle (the day, WIB; default today). */
export class NotifyDigestJob {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day?: string;
}

/** Nudge learners idle on a course with a deadline (run day, WIB; default today). */
export class NotifyInactivityJob {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day?: string;
}

/** Nudge ASN below their yearly JP target, and their supervisors (run day, WIB; default today). */
export class NotifyJpNudgeJob {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day?: string;
}

/** Send OPD heads the compliance figures of a closed month (YYYY-MM; default last month, WIB). */
export class OpdMonthlyReportJob {
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month?: string;
}

/**
 * Every job name is tied to its queue and its payload class here, once.
 * The producer's `enqueue` only accepts the payload of the name it is given,
 * and the worker validates the payload against the same class before running it.
 */
export const JOB_DEFINITIONS = {
  'identity.welcome-email': { queue: 'identity', payload: WelcomeEmailJob },
  'catalog.scorm-import': { queue: 'catalog', payload: ScormImportJob },
  'catalog.bulk-enrol': { queue: 'catalog', payload: BulkEnrolJob },
  'catalog.evaluate-completion': { queue: 'catalog', payload: EvaluateCompletionJob },
  'assessment.grade-attempt': { queue: 'assessment', payload: AttemptJob },
  'assessment.deadline-submit': { queue: 'assessment', payload: AttemptJob },
  'assessment.regrade-attempt': { queue: 'assessment', payload: RegradeAttemptJob },
  'reporting.export': { queue: 'reporting', payload: ReportExportJob },
  'live.finalise-attendance': { queue: 'live', payload: FinaliseAttendanceJob },
  'notify.deliver': { queue: 'notify', payload: NotifyDeliverJob },
  'notify.digest': { queue: 'notify', payload: NotifyDigestJob },
  'notify.inactivity': { queue: 'notify', payload: NotifyInactivityJob },
  'notify.jp-nudge': { queue: 'notify', payload: NotifyJpNudgeJob },
  'reporting.opd-monthly': { queue: 'reporting', payload: OpdMonthlyReportJob },
  ...CERTIFICATE_JOBS,
  ...EVALUATION_JOBS,
} as const satisfies Record<string, { queue: QueueName; payload: new () => object }>;

export type JobName = keyof typeof JOB_DEFINITIONS;
export type JobPayload<N extends JobName> = InstanceType<(typeof JOB_DEFINITIONS)[N]['payload']>;
export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];
