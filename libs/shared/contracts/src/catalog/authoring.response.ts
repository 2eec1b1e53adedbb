import type { CompletionRules } from '../progress/completion';
import type { Language } from '../identity/enums';
import type { UserRef } from '../identity/user.response';
import type { CompetencyType, DeliveryMode, LessonType, VersionStatus } from './enums';

export interface LessonResponse {
  id: string;
  /** Stable across versions: progress follows the lesson when a course is republished. */
  key: string;
  moduleId: string;
  position: number;
  type: LessonType;
  title: string;
  durationMinutes: number;
  /** As stored: for text lessons `source` as written and `html` sanitised. */
  content: Record<string, unknown>;
}

export interface ModuleResponse {
  id: string;
  position: number;
  title: string;
  lessons: LessonResponse[];
}

export interface CourseVersionResponse {
  id: string;
  courseId: string;
  code: string;
  number: number;
  status: VersionStatus;
  title: string;
  summary: string;
  coverFileId: string | null;
  competencyType: CompetencyType;
  deliveryMode: DeliveryMode;
  jp: number;
  /** Sum of lesson durations / JP_MINUTES, rounded to one decimal. */
  suggestedJp: number;
  targetOrgUnitIds: string[];
  targetPositions: string[];
  targetRanks: string[];
  prerequisiteCourseIds: string[];
  enrolOpensAt: string | null;
  enrolClosesAt: string | null;
  completionDeadline: string | null;
  reminderDays: number[];
  language: Language;
  selfEnrol: boolean;
  sequential: boolean;
  completionRules: CompletionRules;
  changelog: string | null;
  publishedAt: string | null;
  modules: ModuleResponse[];
}

export interface VersionHistoryEntry {
  number: number;
  status: VersionStatus;
  changelog: string | null;
  publishedAt: string | null;
  events: {
    action: 'created' | 'submitted' | 'approved' | 'sent-back' | 'archived';
    by: UserRef;
    note: string | null;
    at: string;
  }[];
}

export interface AuthoringCourseResponse {
  courseId: string;
  code: string;
  ownerOrgUnit: { id: string; name: string };
  authors: UserRef[];
  /** The version being edited or reviewed, if any; otherwise the latest. */
  working: CourseVersionResponse;
  versions: VersionHistoryEntry[];
  /** What the caller may do now. */
  can: { edit: boolean; submit: boolean; review: boolean; newDraft: boolean; archive: boolean };
}

export interface AuthoringCourseSummary {
  courseId: string;
  code: string;
  title: string;
  status: VersionStatus;
  number: number;
  ownerOrgUnitName: string;
  updatedAt: string;
}

export interface ReviewCommentResponse {
  id: string;
  versionNumber: number;
  lessonId: string | null;
  author: UserRef;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
}
