import { Module } from '@nestjs/common';
import { ChannelAdapter, CHANNEL_ADAPTERS } from './channels/channel-adapter';
import { EmailChannel } from './channels/email.channel';
import { InAppChannel } from './channels/in-app.channel';
import { DeliverNotificationHandler } from './deliver/deliver.job';
import { DigestHandler } from './digest/digest.job';
import { NotificationPlanner } from './planner/notification-planner';
import { InactivityHandler } from './sweeps/inactivity.job';
import { JpNudgeHandler } from './sweeps/jp-nudge.job';
import { NotifySchedules } from './sweeps/notify-schedules';

/** The worker side: delivering planned notices on the channels, and the daily and yearly sweeps. */
@Module({
  providers: [
    InAppChannel,
    EmailChannel,
    {
      provide: CHANNEL_ADAPTERS,
      inject: [InAppChannel, EmailChannel],
      useFactory: (...adapters: ChannelAdapter[]) => adapters,
    },
    DeliverNotificationHandler,
    DigestHandler,
    InactivityHandler,
    JpNudgeHandler,
    NotifySchedules,
    NotificationPlanner,
  ],
})
export class NotifyJobsModule {}
