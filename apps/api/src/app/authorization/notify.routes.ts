import type { RouteRow } from './route-rule';

/**
 * The notification routes of the authorization matrix: everyone's own inbox and
 * preferences; the unsubscribe link is public (its HMAC token, for one user and one
 * category, is the credential).
 */
export const NOTIFY_ROUTES: RouteRow[] = [
  ['GET /my/notifications', 'authenticated'],
  ['POST /my/notifications/:id/read', 'authenticated'],
  ['POST /my/notifications/read-all', 'authenticated'],
  ['GET /my/notification-preferences', 'authenticated'],
  ['PUT /my/notification-preferences', 'authenticated'],
  ['GET /unsubscribe', 'public'],
];
