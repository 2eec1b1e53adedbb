import type {
  GradingMethod,
  NavigationMode,
  QuizRole,
  QuizSettingsRequest,
  QuizSlotInput,
  QuizView,
  ReviewWhen,
} from '@siantar/contracts';
import { isoToWibInput, wibInputToIso } from './jakarta-time';

/** One slot as the editor shows it: the API's slot plus a label for people. */
export interface SlotModel {
  /** Local key for tracking rows (slots have no id of their own). */
  key: string;
  kind: 'question' | 'random';
  questionId?: string;
  categoryId?: string;
  count: number | null;
  includeSubcategories: boolean;
  /** Points per question; null: the question's own mark. */
  mark: number | null;
  /** Question name, or category path for a random slot; '' until known. */
  label: string;
  /** The question type or the bank name, when known. */
  detail?: string;
}

export interface QuizSettingsModel {
  title: string;
  slots: SlotModel[];
  shuffleQuestions: boolean;
  shuffleAnswers: boolean;
  timeLimitMinutes: number | null;
  /** WIB `YYYY-MM-DDTHH:mm`, or '' for none. */
  opensAt: string;
  closesAt: string;
  attemptsAllowed: number | null;
  gradingMethod: GradingMethod;
  passPercent: number | null;
  reviewWhen: ReviewWhen;
  reviewScore: boolean;
  reviewRightAnswers: boolean;
  reviewFeedback: boolean;
  role: QuizRole;
  navigation: NavigationMode;
  anonymousGrading: boolean;
}

let keySeq = 0;
export const slotKey = (): string => `s${++keySeq}`;

export function defaultSettings(title = ''): QuizSettingsModel {
  return {
    title,
    slots: [],
    shuffleQuestions: false,
    shuffleAnswers: true,
    timeLimitMinutes: null,
    opensAt: '',
    closesAt: '',
    attemptsAllowed: 0,
    gradingMethod: 'highest',
    passPercent: 60,
    reviewWhen: 'immediately',
    reviewScore: true,
    reviewRightAnswers: false,
    reviewFeedback: true,
    role: 'none',
    navigation: 'free',
    anonymousGrading: false,
  };
}

export function slotFromInput(s: QuizSlotInput): SlotModel {
  return {
    key: slotKey(),
    kind: s.kind,
    questionId: s.questionId,
    categoryId: s.categoryId,
    count: s.count ?? (s.kind === 'random' ? 1 : null),
    includeSubcategories: s.includeSubcategories ?? false,
    mark: s.mark ?? null,
    label: '',
  };
}

export function settingsFromQuiz(q: QuizView): QuizSettingsModel {
  return {
    title: q.title,
    slots: q.slots.map(slotFromInput),
    shuffleQuestions: q.shuffleQuestions,
    shuffleAnswers: q.shuffleAnswers,
    timeLimitMinutes: q.timeLimitMinutes,
    opensAt: isoToWibInput(q.opensAt),
    closesAt: isoToWibInput(q.closesAt),
    attemptsAllowed: q.attemptsAllowed,
    gradingMethod: q.gradingMethod,
    passPercent: q.passPercent,
    reviewWhen: q.review.when,
    reviewScore: q.review.score,
    reviewRightAnswers: q.review.rightAnswers,
    reviewFeedback: q.review.feedback,
    role: q.role,
    navigation: q.navigation,
    anonymousGrading: q.anonymousGrading,
  };
}

function slotInput(s: SlotModel): QuizSlotInput {
  const mark = s.mark === null || s.mark === undefined ? {} : { mark: s.mark };
  return s.kind === 'question'
    ? { kind: 'question', questionId: s.questionId, ...mark }
    : {
        kind: 'random',
        categoryId: s.categoryId,
        count: Math.round(s.count ?? 1),
        includeSubcategories: s.includeSubcategories,
        ...mark,
      };
}

/** The body of `PUT /quizzes/:id` (and, with `courseId`, of `POST /quizzes`). */
export function buildSettingsRequest(m: QuizSettingsModel): QuizSettingsRequest {
  return {
    title: m.title.trim(),
    slots: m.slots.map(slotInput),
    shuffleQuestions: m.shuffleQuestions,
    shuffleAnswers: m.shuffleAnswers,
    timeLimitMinutes: m.timeLimitMinutes ? Math.round(m.timeLimitMinutes) : null,
    opensAt: wibInputToIso(m.opensAt),
    closesAt: wibInputToIso(m.closesAt),
    attemptsAllowed: Math.round(m.attemptsAllowed ?? 0),
    gradingMethod: m.gradingMethod,
    passPercent: m.passPercent ?? 0,
    review: {
      when: m.reviewWhen,
      score: m.reviewScore,
      rightAnswers: m.reviewRightAnswers,
      feedback: m.reviewFeedback,
    },
    role: m.role,
    navigation: m.navigation,
    anonymousGrading: m.anonymousGrading,
  };
}

const K = 'assessment.quiz.errors.';
const isInt = (v: number | null, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Translation keys of what to fix; empty when the settings may be sent. */
export function validateSettings(
  m: QuizSettingsModel,
): { key: string; params?: Record<string, number> }[] {
  const issues: { key: string; params?: Record<string, number> }[] = [];
  const title = m.title.trim();
  if (title.length < 3 || title.length > 200) {
    issues.push({ key: `${K}title` });
  }
  if (m.slots.length === 0) {
    issues.push({ key: `${K}noSlots` });
  }
  if (m.slots.length > 200) {
    issues.push({ key: `${K}tooManySlots` });
  }
  m.slots.forEach((s, i) => {
    if (s.kind === 'random' && !isInt(s.count, 1, 200)) {
      issues.push({ key: `${K}slotCount`, params: { n: i + 1 } });
    }
    if (s.mark !== null && (typeof s.mark !== 'number' || s.mark < 0 || s.mark > 100)) {
      issues.push({ key: `${K}slotMark`, params: { n: i + 1 } });
    }
  });
  if (m.timeLimitMinutes !== null && !isInt(m.timeLimitMinutes, 1, 600)) {
    issues.push({ key: `${K}timeLimit` });
  }
  if (!isInt(m.attemptsAllowed, 0, 100)) {
    issues.push({ key: `${K}attempts` });
  }
  if (typeof m.passPercent !== 'number' || m.passPercent < 0 || m.passPercent > 100) {
    issues.push({ key: `${K}passPercent` });
  }
  const opens = wibInputToIso(m.opensAt);
  const closes = wibInputToIso(m.closesAt);
  if ((m.opensAt && !opens) || (m.closesAt && !closes)) {
    issues.push({ key: `${K}dateFormat` });
  } else if (opens && closes && Date.parse(closes) <= Date.parse(opens)) {
    issues.push({ key: `${K}window` });
  }
  return issues;
}
