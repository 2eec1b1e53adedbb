import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificateIssueWebinarJob as Payload } from '@siantar/contracts';
import {
  AppError,
  committedRow,
  HandlesJob,
  type JobContext,
  type JobHandler,
  QueueService,
} from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { CertificateIssuer } from './certificate-issuer';
import { refusal } from './refusal';
import { renderJob } from './render-job';

/**
 * Issues the certificate of a webinar attendance that met the rule (enqueued by the live
 * domain's finalise-attendance job inside its transaction, jobId `certificate-live-<attendance>`),
 * then asks for its PDF. Waits for the attendance row to be committed first.
 */
@Injectable()
@HandlesJob('certificates.issue-webinar')
export class IssueWebinarCertificateHandler implements JobHandler<'certificates.issue-webinar'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly issuer: CertificateIssuer,
    private readonly queue: QueueService,
  ) {}

  async handle({ attendanceId }: Payload, ctx: JobContext): Promise<void> {
    const row = await committedRow(ctx, `live attendance ${attendanceId}`, async () => {
      const rows: unknown[] = await this.db.query(`SELECT 1 FROM live_attendance WHERE id = $1`, [
        attendanceId,
      ]);
      return rows[0];
    });
    if (!row) return;
    try {
      const { certificateId, created } = await this.issuer.issueForAttendance(attendanceId);
      await ctx.log(`${created ? 'issued' : 'already issued'}: certificate ${certificateId}`);
      await this.queue.enqueue(...renderJob(certificateId, 0));
    } catch (e) {
      if (e instanceof AppError) throw refusal(e);
      throw e;
    }
  }
}
