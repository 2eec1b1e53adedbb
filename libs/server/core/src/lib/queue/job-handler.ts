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
}

export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);
