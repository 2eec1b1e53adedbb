import type { EnrolmentStatus } from '../catalog/enums';
import type { NotificationView } from '../notify/notification.response';
import type { ExportJobView } from '../progress/reporting';
import type { AttemptResult } from './attempt.response';

/**
 * Events the server pushes on the `/notifications` socket.io namespace to the
 * signed-in user's own room. The client connects with `auth: { token }` (the access token).
 */
export interface UserServerEvents {
  'attempt.graded': (e: { attemptId: string; quizId: string; result: AttemptResult }) => void;
  /** An enrolment was completed or marked passed: checklists and JP rings refetch. */
  completion: (e: { enrolmentId: string; status: EnrolmentStatus }) => void;
  /** A supervisor nudged the learner about their learning. */
  nudge: (e: {
    from: string;
    courseId: string | null;
    courseTitle: string | null;
    message: string;
  }) => void;
  /** Progress of a report export the user requested. */
  'report-export': (e: ExportJobView) => void;
  /** A new in-app notification (the bell's count goes up). */
  notification: (n: NotificationView) => void;
}
export const NOTIFICATIONS_NAMESPACE = '/notifications';
