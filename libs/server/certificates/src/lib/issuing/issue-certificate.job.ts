import { Injectable } from '@nestjs/common';
import type { CertificateIssueJob as Payload } from '@siantar/contracts';
import {
  AppError,
  HandlesJob,
  type JobContext,
  type JobHandler,
  QueueService,
} from '@siantar/server-core';
import { CertificateIssuer } from './certificate-issuer';
import { refusal } from './refusal';
import { renderJob } from './render-job';

/**
 * Issues the certificate of a completed enrolment (enqueued by the catalog's completion job,
 * jobId `certificate-<enrolment>`), then asks for its PDF (`certificates.render`, after the
 * number is committed). Idempotent: a rerun finds the certificate and only re-asks for the
 * render, which is a no-op once done. An enrolment that is not completed fails the job
 * without retry, with the reason as the failure.
 */
@Injectable()
@HandlesJob('certificates.issue')
export class IssueCertificateHandler implements JobHandler<'certificates.issue'> {
  constructor(
    private readonly issuer: CertificateIssuer,
    private readonly queue: QueueService,
  ) {}

  async handle({ enrolmentId }: Payload, ctx: JobContext): Promise<void> {
    try {
      const { certificateId, created } = await this.issuer.issueForEnrolment(enrolmentId);
      await ctx.log(`${created ? 'issued' : 'already issued'}: certificate ${certificateId}`);
      await this.queue.enqueue(...renderJob(certificateId, 0));
    } catch (e) {
      if (e instanceof AppError) throw refusal(e);
      throw e;
    }
  }
}
