export * from './lib/notify-jobs.module';
export * from './lib/notify.module';
export { NotificationPlanner, type PlannedNotice } from './lib/planner/notification-planner';
export type { NotifyEvent, NotifyEventData } from './lib/events/notify-events';
