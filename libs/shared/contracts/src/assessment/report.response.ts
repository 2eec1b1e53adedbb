export interface QuizReport {
  quizId: string;
  title: string;
  attempts: number;
  learners: number;
  graded: number;
  awaitingGrading: number;
  averagePercent: number | null;
  /** Share of graded attempts that passed, in percent (0–100). */
  passRate: number | null;
  /** Ten bands of 10 percentage points; the last includes 100. */
  histogram: number[];
  questions: {
    questionId: string;
    name: string;
    type: string;
    attempts: number;
    /** Mean fraction 0–1. */
    facility: number | null;
    /** Corrected item-total correlation, −1..1. */
    discrimination: number | null;
  }[];
  /** Pre-test → post-test of the same course; present when this quiz is one of the pair. */
  gain: {
    preQuizId: string;
    postQuizId: string;
    learners: {
      userId: string;
      name: string;
      pre: number | null;
      post: number | null;
      gain: number | null;
      normalisedGain: number | null;
    }[];
    averageGain: number | null;
    averageNormalisedGain: number | null;
  } | null;
}
