import type {
  GradingMethod,
  NavigationMode,
  QuizRole,
  QuizSlotInput,
  ReviewOptions,
} from './quiz.dto';

export interface QuizSettings {
  title: string;
  slots: QuizSlotInput[];
  shuffleQuestions: boolean;
  shuffleAnswers: boolean;
  timeLimitMinutes: number | null;
  opensAt: string | null;
  closesAt: string | null;
  attemptsAllowed: number;
  gradingMethod: GradingMethod;
  passPercent: number;
  review: ReviewOptions;
  role: QuizRole;
  navigation: NavigationMode;
  anonymousGrading: boolean;
}

export interface QuizView extends QuizSettings {
  id: string;
  courseId: string;
  /** Sum of the slots' marks as far as it is known (random slots use the questions' mean). */
  maxMark: number;
  questionCount: number;
  updatedAt: string;
}

export type AttemptStatus = 'in-progress' | 'submitted' | 'awaiting-grading' | 'graded';

export interface AttemptSummary {
  id: string;
  number: number;
  status: AttemptStatus;
  startedAt: string;
  submittedAt: string | null;
  /** null until graded, or when the review options hide the score. */
  percent: number | null;
  passed: boolean | null;
}

/** The learner's side of a quiz: what they may do now and what they have done. */
export interface QuizLearnerOverview {
  id: string;
  title: string;
  role: QuizRole;
  timeLimitMinutes: number | null;
  opensAt: string | null;
  closesAt: string | null;
  attemptsAllowed: number;
  gradingMethod: GradingMethod;
  passPercent: number;
  questionCount: number;
  attempts: AttemptSummary[];
  /** The grade that counts, by the grading method; null while nothing is graded. */
  finalPercent: number | null;
  passed: boolean | null;
  canStart: boolean;
  /** Why not, in Bahasa Indonesia, when `canStart` is false. */
  blockedReason: string | null;
  inProgressAttemptId: string | null;
}
