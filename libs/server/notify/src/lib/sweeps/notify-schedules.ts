import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { JobName } from '@siantar/contracts';
import { QueueService } from '@siantar/server-core';

/** The notify queue's repeating jobs, by scheduler id: cron in Asia/Jakarta time. */
export const NOTIFY_SCHEDULES: { id: string; pattern: string; job: JobName }[] = [
  { id: 'notify-daily-digest', pattern: '0 7 * * *', job: 'notify.digest' },
  { id: 'notify-daily-inactivity', pattern: '0 8 * * *', job: 'notify.inactivity' },
  // From October, while there is still time to catch up before the year closes.
  { id: 'notify-jp-nudge', pattern: '0 8 1 10-12 *', job: 'notify.jp-nudge' },
];

@Injectable()
export class NotifySchedules implements OnApplicationBootstrap {
  constructor(private readonly queue: QueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const s of NOTIFY_SCHEDULES) await this.queue.keepSchedule(s.id, s.pattern, s.job);
  }
}
