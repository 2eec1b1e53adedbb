import type { RouteRow } from './route-rule';

/**
 * The notification routes of the authorization matrix: everyone's own inbox and
 * preferences; the unsubscribe link is public (its HMAC token, for one user and one
 * category, is the credential). The admin routes: defaults for city-wide admins only
 * (OPD admins get 403 from the route), the delivery log and bounce marks within each
 * admin's reach (notify-operations.int-spec.ts).
 */
export const NOTIFY_ROUTES: RouteRow[] = [
  ['GET /my/notifications', 'authenticated'],
  ['POST /my/notifications/:id/read', 'authenticated'],
  ['POST /my/notifications/read-all', 'authenticated'],
  ['GET /my/notification-preferences', 'authenticated'],
  ['PUT /my/notification-preferences', 'authenticated'],
  ['GET /unsubscribe', 'public'],
  ['GET /admin/notification-defaults', ['admin']],
  ['PUT /admin/notification-defaults', ['admin']],
  ['GET /admin/notification-deliveries', ['admin']],
  ['DELETE /admin/users/:userId/email-bounce', ['admin']],
];
