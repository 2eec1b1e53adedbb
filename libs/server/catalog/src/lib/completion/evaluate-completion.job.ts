import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvaluateCompletionJob as Payload } from '@siantar/contracts';
import {
  committedRow,
  HandlesJob,
  jobKey,
  type JobContext,
  type JobHandler,
  QueueService,
  UserEventsPublisher,
} from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { EnrolmentNotices } from '../enrolment/enrolment-notices';
import { EnrolmentCompletion } from './enrolment-completion.service';

/** Evaluates the enrolment a signal names; see CompletionSignals for why it waits for the row. */
@Injectable()
@HandlesJob('catalog.evaluate-completion')
export class EvaluateCompletionHandler implements JobHandler<'catalog.evaluate-completion'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly completion: EnrolmentCompletion,
    private readonly events: UserEventsPublisher,
    private readonly notices: EnrolmentNotices,
    private readonly queue: QueueService,
  ) {}

  async handle({ signalId }: Payload, ctx: JobContext): Promise<void> {
    const signal = await committedRow(ctx, `completion signal ${signalId}`, async () => {
      const rows: { enrolment_id: string }[] = await this.db.query(
        `SELECT enrolment_id FROM completion_signal WHERE id = $1`,
        [signalId],
      );
      return rows[0];
    });
    if (!signal) return;
    const outcome = await this.db.transaction(async (em) => {
      const o = await this.completion.evaluate(em, signal.enrolment_id);
      if (o?.changed && o.status === 'completed')
        await this.notices.completed(em, signal.enrolment_id, new Date());
      await em.query(`UPDATE completion_signal SET evaluated_at = now() WHERE id = $1`, [signalId]);
      // The certificates domain issues the Surat Keterangan Pelatihan (once per enrolment); last step.
      if (o?.changed && o.status === 'completed')
        await this.queue.enqueue(
          'certificates.issue',
          { enrolmentId: signal.enrolment_id },
          { jobId: jobKey('certificate', signal.enrolment_id) },
        );
      return o;
    });
    if (outcome?.changed)
      await this.events.publish(outcome.userId, 'completion', {
        enrolmentId: signal.enrolment_id,
        status: outcome.status,
      });
  }
}
