import type { LearnerQuestionBody, QuestionResponse, QuestionType } from './question';
import type { AttemptStatus } from './quiz.response';

export interface AttemptQuestionView {
  slot: number;
  type: QuestionType;
  name: string;
  /** Sanitised HTML. */
  html: string;
  maxMark: number;
  body: LearnerQuestionBody;
  /** The last saved answer and its sequence number (0: none yet). */
  response: QuestionResponse | null;
  seq: number;
  /** Present once graded and the review options allow it. */
  review?: SlotReview;
}

export interface SlotReview {
  /** null while a trainer has not marked it yet, or when the score is hidden. */
  mark: number | null;
  fraction: number | null;
  feedback: string[];
  generalFeedback?: string;
  /** Human-readable right answer(s) when "right answers" may be shown. */
  rightAnswer?: string;
  comment?: string;
}

export interface AttemptView {
  id: string;
  quizId: string;
  quizTitle: string;
  number: number;
  status: AttemptStatus;
  navigation: 'free' | 'sequential';
  /** Sequential navigation: questions before this slot can no longer be changed. */
  currentSlot: number;
  startedAt: string;
  /** The server's deadline (ISO); null without a time limit. The client counts down to it. */
  deadline: string | null;
  /** Server time when this view was made, so the client can correct its clock. */
  serverNow: string;
  submittedAt: string | null;
  questions: AttemptQuestionView[];
  result: AttemptResult | null;
}

export interface AttemptResult {
  status: AttemptStatus;
  /** null when the review options hide the score. */
  mark: number | null;
  maxMark: number;
  percent: number | null;
  passed: boolean | null;
  gradedAt: string | null;
}

export interface SaveAnswerResponse {
  slot: number;
  seq: number;
  savedAt: string;
}

export interface GradingQueueItem {
  attemptId: string;
  slot: number;
  quizId: string;
  quizTitle: string;
  questionName: string;
  /** "Peserta 7" when the quiz grades anonymously. */
  learnerLabel: string;
  submittedAt: string;
  maxMark: number;
}

export interface GradingItemDetail extends GradingQueueItem {
  html: string;
  answerText: string;
  rubric: { id: string; name: string; levels: { points: number; description: string }[] }[];
  mark: number | null;
  comment: string | null;
  /** The rubric levels chosen when it was last marked. */
  rubricScores: { criterionId: string; points: number }[] | null;
}
