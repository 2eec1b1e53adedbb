/**
 * The question model shared by the bank, the importers, the grading engine and the client.
 * Fractions follow Moodle: a share of the question's mark between -1 and 1
 * (GIFT `%50%` → 0.5); negative fractions are penalties, and a question's total
 * never goes below 0.
 */
export const QUESTION_TYPES = [
  'single-choice',
  'multiple-response',
  'true-false',
  'short-answer',
  'numerical',
  'matching',
  'ordering',
  'cloze',
  'essay',
  'description',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types a machine can grade; `essay` goes to a trainer, `description` carries no mark. */
export const AUTO_GRADED_TYPES: readonly QuestionType[] = [
  'single-choice',
  'multiple-response',
  'true-false',
  'short-answer',
  'numerical',
  'matching',
  'ordering',
  'cloze',
];

/** Format of a question's text, as in Moodle (`moodle` is Moodle's own auto-format). */
export const TEXT_FORMATS = ['html', 'markdown', 'plain', 'moodle'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

export interface ChoiceAnswer {
  /** Stable within one question version; responses refer to it. */
  id: string;
  text: string;
  fraction: number;
  feedback?: string;
}

export interface TextAnswer {
  /** `*` matches any run of characters (Moodle short-answer wildcard). */
  text: string;
  fraction: number;
  feedback?: string;
}

/** Exact value with tolerance (`{#3.14:0.01}`) or an inclusive range (`{#1..5}`). */
export type NumericalAnswer =
  | { kind: 'exact'; value: number; tolerance: number; fraction: number; feedback?: string }
  | { kind: 'range'; min: number; max: number; fraction: number; feedback?: string };

export interface MatchingPair {
  id: string;
  prompt: string;
  answer: string;
}

export interface OrderingItem {
  id: string;
  text: string;
}

export interface RubricLevel {
  points: number;
  description: string;
}
export interface RubricCriterion {
  id: string;
  name: string;
  levels: RubricLevel[];
}

/** One gap of a cloze question; `weight` is its share of the question's mark (default 1). */
export type ClozeGap = { id: string; weight: number } & (
  | { type: 'short-answer'; answers: TextAnswer[]; caseSensitive: boolean }
  | { type: 'numerical'; answers: NumericalAnswer[] }
  | { type: 'single-choice'; answers: ChoiceAnswer[] }
);

/** The type-specific part of a question version. */
export type QuestionBody =
  | { type: 'single-choice'; answers: ChoiceAnswer[] }
  | {
      type: 'multiple-response';
      answers: ChoiceAnswer[];
      /** all-or-nothing: full mark only for exactly the right set; otherwise the sum of fractions. */
      scoring: 'partial' | 'all-or-nothing';
    }
  | { type: 'true-false'; correct: boolean; feedbackTrue?: string; feedbackFalse?: string }
  | { type: 'short-answer'; answers: TextAnswer[]; caseSensitive: boolean }
  | { type: 'numerical'; answers: NumericalAnswer[] }
  | { type: 'matching'; pairs: MatchingPair[]; distractors: string[] }
  | { type: 'ordering'; items: OrderingItem[]; scoring: 'partial' | 'all-or-nothing' }
  | {
      type: 'cloze';
      /** Text with gaps written as `{{gapId}}`. */
      text: string;
      gaps: ClozeGap[];
    }
  | { type: 'essay'; rubric: RubricCriterion[]; minWords?: number }
  | { type: 'description' };

/** A whole question as authors, importers and exporters see it. */
export interface QuestionDraft {
  name: string;
  text: string;
  format: TextFormat;
  generalFeedback?: string;
  /** Points for a full answer (Moodle "default mark"); 0 for descriptions. */
  defaultMark: number;
  body: QuestionBody;
  /** Category path in the bank, e.g. `Pelayanan/Disdukcapil`; importers fill it from `$CATEGORY:`. */
  category?: string;
  tags?: string[];
}

/** What a learner answers, per type. */
export type QuestionResponse =
  | { type: 'single-choice'; choiceId: string | null }
  | { type: 'multiple-response'; choiceIds: string[] }
  | { type: 'true-false'; value: boolean | null }
  | { type: 'short-answer'; text: string }
  /** Text so that `3,14` (Indonesian decimal comma) and `3.14` both work. */
  | { type: 'numerical'; text: string }
  /** Pair id → the chosen answer text. */
  | { type: 'matching'; matches: Record<string, string> }
  | { type: 'ordering'; order: string[] }
  /** Gap id → typed text, or the chosen answer id for single-choice gaps. */
  | { type: 'cloze'; gaps: Record<string, string> }
  | { type: 'essay'; text: string };

/** The grading engine's verdict on one response. */
export interface QuestionGrade {
  /** 0–1 share of the mark, or null when a person must grade (essay). */
  fraction: number | null;
  /** Feedback for the chosen answers (per-answer feedback), in order. */
  feedback: string[];
  /** Per-part detail for review screens: gap or pair id → its own fraction. */
  parts?: Record<string, number>;
}

/** What a learner sees of a question during an attempt: never fractions, feedback or the key. */
export type LearnerQuestionBody =
  | { type: 'single-choice' | 'multiple-response'; choices: { id: string; text: string }[] }
  | { type: 'true-false' }
  | { type: 'short-answer' }
  | { type: 'numerical' }
  | { type: 'matching'; prompts: { id: string; prompt: string }[]; options: string[] }
  | { type: 'ordering'; items: OrderingItem[] }
  | {
      type: 'cloze';
      text: string;
      gaps: { id: string; type: ClozeGap['type']; choices?: { id: string; text: string }[] }[];
    }
  | { type: 'essay'; minWords?: number; rubric: { name: string; maxPoints: number }[] }
  | { type: 'description' };

/**
 * A question as the import preview shows it (`POST /question-import/preview`):
 * the common fields, `answers` with fractions between -1 and 1 where the type has
 * answers, and the type's own fields beside them.
 */
export interface ImportPreviewQuestion {
  /** 1-based line of the file where the question starts. */
  line: number;
  type: QuestionType;
  name: string;
  text: string;
  format: TextFormat;
  generalFeedback?: string;
  defaultMark: number;
  category?: string;
  answers?: {
    text: string;
    fraction: number;
    feedback?: string;
    /** numerical answers: exact value with tolerance, or a range */
    value?: number;
    tolerance?: number;
    min?: number;
    max?: number;
  }[];
  /** true-false */
  correct?: boolean;
  feedbackTrue?: string;
  feedbackFalse?: string;
  /** matching */
  pairs?: { prompt: string; answer: string }[];
  distractors?: string[];
  /** short-answer */
  caseSensitive?: boolean;
  /** multiple-response */
  scoring?: 'partial' | 'all-or-nothing';
  /** the full, typed question exactly as a confirmed import stores it */
  draft: QuestionDraft;
}

export interface ImportError {
  line: number;
  message: string;
}

export interface ImportPreviewResponse {
  questions: ImportPreviewQuestion[];
  errors: ImportError[];
}
