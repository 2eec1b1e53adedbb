import type { RouteRow } from './route-rule';

/**
 * The live-session routes of the authorization matrix (authorization.int-spec.ts).
 * Who may manage a given session is narrowed in the service (course authors and the
 * admins who review the course; for webinars the creator, its trainers and admins in
 * reach); reading a session needs being invited to it or managing it (404 otherwise).
 * The feed is public: its unguessable token is the credential. The attendance list
 * is narrowed to those who manage the session (403 for its participants); a media
 * token to those admitted to the room. The room's socket events are authorised per
 * role in libs/server/live/src/lib/room/room.int-spec.ts.
 */
export const LIVE_ROUTES: RouteRow[] = [
  ['POST /live-sessions', ['trainer', 'partner', 'admin']],
  ['PATCH /live-sessions/:id', ['trainer', 'partner', 'admin']],
  ['POST /live-sessions/:id/cancel', ['trainer', 'partner', 'admin']],
  ['GET /live-sessions/:id', 'authenticated'],
  ['GET /live-sessions/:id/calendar.ics', 'authenticated'],
  ['GET /my/live-sessions', 'authenticated'],
  ['GET /my/calendar-feed-url', 'authenticated'],
  ['POST /my/calendar-feed-url/rotate', 'authenticated'],
  ['GET /calendar/:token.ics', 'public'],
  ['GET /live-sessions/:id/attendance', 'authenticated'],
  ['GET /live-sessions/:id/attendance.csv', 'authenticated'],
  ['GET /live-sessions/:id/media-token', 'authenticated'],
];
