import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueService } from '@siantar/server-core';

export const DIGEST_SCHEDULER = 'notify-daily-digest';

/** Keeps one daily digest job scheduler (07:00 Asia/Jakarta); upserting it again changes nothing. */
@Injectable()
export class DigestSchedule implements OnApplicationBootstrap {
  constructor(private readonly queue: QueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .queue('notify')
      .upsertJobScheduler(
        DIGEST_SCHEDULER,
        { pattern: '0 7 * * *', tz: 'Asia/Jakarta' },
        { name: 'notify.digest', data: {} },
      );
  }
}
