import { Module } from '@nestjs/common';
import { ChannelAdapter, CHANNEL_ADAPTERS } from './channels/channel-adapter';
import { EmailChannel } from './channels/email.channel';
import { InAppChannel } from './channels/in-app.channel';
import { DeliverNotificationHandler } from './deliver/deliver.job';
import { DigestHandler } from './digest/digest.job';
import { DigestSchedule } from './digest/digest-schedule';

/** The worker side: delivering planned notices on the channels. */
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
    DigestSchedule,
  ],
})
export class NotifyJobsModule {}
