import type { AttemptResult } from './attempt.response';

/**
 * Events the server pushes on the `/notifications` socket.io namespace to the
 * signed-in user's own room. The client connects with `auth: { token }` (the access token).
 */
export interface UserServerEvents {
  'attempt.graded': (e: { attemptId: string; quizId: string; result: AttemptResult }) => void;
}
export const NOTIFICATIONS_NAMESPACE = '/notifications';
