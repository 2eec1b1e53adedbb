import { Module } from '@nestjs/common';
import { DeliveryLogService } from './admin/delivery-log.service';
import { NotificationDefaultsService } from './admin/notification-defaults.service';
import { NotifyAdminController } from './admin/notify-admin.controller';
import { InboxService } from './inbox/inbox.service';
import { NotificationsController } from './inbox/notifications.controller';
import { NotificationPlanner } from './planner/notification-planner';
import { PreferencesService } from './preferences/preferences.service';

/**
 * The api side: inbox, preferences, unsubscribe links, and the admins' defaults and delivery
 * log; other domains plan with NotificationPlanner.
 */
@Module({
  controllers: [NotificationsController, NotifyAdminController],
  providers: [
    InboxService,
    PreferencesService,
    NotificationPlanner,
    NotificationDefaultsService,
    DeliveryLogService,
  ],
})
export class NotifyModule {}
