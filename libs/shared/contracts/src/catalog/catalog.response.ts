import type { CompletionChecklist } from '../progress/completion';
import type { UserRef } from '../identity/user.response';
import type {
  CompetencyType,
  DeliveryMode,
  EnrolmentStatus,
  LessonProgressStatus,
  LessonType,
} from './enums';

export interface CatalogItem {
  courseId: string;
  code: string;
  title: string;
  summary: string;
  coverUrl: string | null;
  competencyType: CompetencyType;
  deliveryMode: DeliveryMode;
  jp: number;
  completionDeadline: string | null;
  enrolClosesAt: string | null;
  trainers: string[];
  myEnrolmentId: string | null;
}

export interface OutlineLesson {
  id: string;
  title: string;
  type: LessonType;
  durationMinutes: number;
}

export interface CourseDetailResponse extends CatalogItem {
  versionNumber: number;
  language: string;
  ownerOrgUnitName: string;
  authors: UserRef[];
  prerequisites: { courseId: string; code: string; title: string; completed: boolean }[];
  outline: { id: string; title: string; lessons: OutlineLesson[] }[];
  enrolOpensAt: string | null;
  /** Why self-enrolment is not possible, in Indonesian; null when it is. */
  enrolBlockedReason: string | null;
}

export interface EnrolmentSummary {
  id: string;
  courseId: string;
  code: string;
  title: string;
  versionNumber: number;
  status: EnrolmentStatus;
  percent: number;
  completionDeadline: string | null;
  enrolledAt: string;
  completedAt: string | null;
  /** The lesson to open for "continue where you left off". */
  resumeLessonId: string | null;
}

export interface LessonProgressView {
  lessonId: string;
  status: LessonProgressStatus;
  percent: number;
  locked: boolean;
  /** Why it is locked (Indonesian, names the lesson to finish first); null when open. */
  lockedReason: string | null;
  /** Seconds into a video, for resume. */
  positionSeconds: number | null;
  completedAt: string | null;
}

export interface LearnerCourseResponse {
  enrolment: EnrolmentSummary;
  jp: number;
  /** What completes the course and what remains. */
  completion: CompletionChecklist;
  modules: {
    id: string;
    title: string;
    lessons: (OutlineLesson & { progress: LessonProgressView })[];
  }[];
}

/** What the player needs to show one lesson. URLs are short-lived signed URLs usable in <video>, <iframe>, <a>. */
export interface LessonPlayerResponse {
  lessonId: string;
  enrolmentId: string;
  type: LessonType;
  title: string;
  durationMinutes: number;
  previousLessonId: string | null;
  nextLessonId: string | null;
  progress: LessonProgressView;
  text?: { html: string; minSeconds: number };
  video?: { url: string; external: boolean; completionShare: number };
  document?: { url: string; downloadUrl: string; filename: string; contentType: string };
  link?: { url: string };
  scorm?: { launchUrl: string };
  /** The quiz's learner overview is at GET /quizzes/:quizId/me. */
  quiz?: { quizId: string };
}

export interface CourseLearnerRow {
  enrolmentId: string;
  user: UserRef & { orgUnitName: string };
  status: EnrolmentStatus;
  percent: number;
  enrolledAt: string;
  completedAt: string | null;
}

export interface BulkEnrolResponse {
  requestId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** 0–100 */
  progress: number;
  total: number;
  enrolled: number;
  alreadyEnrolled: number;
  skipped: { userId: string; reason: string }[];
}
