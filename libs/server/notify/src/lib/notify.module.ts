import { Module } from '@nestjs/common';
import { InboxService } from './inbox/inbox.service';
import { NotificationsController } from './inbox/notifications.controller';
import { NotificationPlanner } from './planner/notification-planner';
import { PreferencesService } from './preferences/preferences.service';

/** The api side: inbox, preferences, unsubscribe links; other domains plan with NotificationPlanner. */
@Module({
  controllers: [NotificationsController],
  providers: [InboxService, PreferencesService, NotificationPlanner],
})
export class NotifyModule {}
