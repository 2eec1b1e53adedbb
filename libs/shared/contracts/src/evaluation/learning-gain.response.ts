/** Kirkpatrick level 2 (learning): one learner's pre-test and post-test of the course. */
export interface LearnerGain {
  userId: string;
  name: string;
  /** The grade that counts on each quiz (its grading method), percent 0–100; null when not taken. */
  pre: number | null;
  post: number | null;
  /** post − pre in percentage points, when both were taken. */
  gain: number | null;
  /** (post − pre) / (100 − pre), −∞..1; null when unpaired or pre = 100. */
  normalisedGain: number | null;
}

/** GET /evaluation/courses/:courseId/learning-gain. */
export interface LearningGainResult {
  courseId: string;
  /** False when the course has no pre-test or no post-test quiz (`reason` says which). */
  available: boolean;
  reason: string | null;
  preQuizId: string | null;
  postQuizId: string | null;
  /** Everyone with a graded attempt on either quiz, by name. */
  learners: LearnerGain[];
  /** Learners with both grades (the averages below are over them). */
  paired: number;
  averagePre: number | null;
  averagePost: number | null;
  averageGain: number | null;
  /** Mean of the learners' normalised gains. */
  averageNormalisedGain: number | null;
  /** Hake's class gain from the means: (mean post − mean pre) / (100 − mean pre). */
  classNormalisedGain: number | null;
}
