import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificateRenderJob as Payload } from '@siantar/contracts';
import { committedRow, HandlesJob, type JobContext, type JobHandler } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { CertificateRenderer } from './certificate-renderer';

/**
 * Renders a certificate's PDF for the issue a re-issue asked for. The job is enqueued inside
 * the re-issue's transaction, so it first waits for that issue to be committed; a later
 * re-issue has its own job, and rendering an issue already rendered is a no-op.
 */
@Injectable()
@HandlesJob('certificates.render')
export class RenderCertificateHandler implements JobHandler<'certificates.render'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly renderer: CertificateRenderer,
  ) {}

  async handle({ certificateId, revision }: Payload, ctx: JobContext): Promise<void> {
    const row = await committedRow(
      ctx,
      `certificate ${certificateId} issue ${revision}`,
      async () => {
        const rows: { reissue_count: number }[] = await this.db.query(
          `SELECT reissue_count FROM certificate WHERE id = $1`,
          [certificateId],
        );
        return rows[0] && rows[0].reissue_count >= revision ? rows[0] : null;
      },
    );
    if (row) await this.renderer.ensure(certificateId);
  }
}
