import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayload } from '@siantar/contracts';

export const JOB_HANDLER = 'siantar:job-handler';

export interface JobContext {
  jobId: string;
  attempt: number;
  log(line: string): Promise<void>;
  updateProgress(percent: number): Promise<void>;
}

/** One class per job, in a file of its own, named after the job. */
export interface JobHandler<N extends JobName> {
  handle(payload: JobPayload<N>, ctx: JobContext): Promise<void>;
  /**
   * Called once the job has failed for good (retries spent, or an unrecoverable error), so
   * the domain can record it where people look; BullMQ keeps the job for a retry from the
   * dashboard. Best effort: a worker that dies at that moment skips it.
   */
  failedForGood?(payload: JobPayload<N>, reason: string): Promise<void>;
}

export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);
