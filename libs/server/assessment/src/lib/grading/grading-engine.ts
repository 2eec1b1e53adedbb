import {
  AUTO_GRADED_TYPES,
  type QuestionBody,
  type QuestionGrade,
  type QuestionResponse,
  type QuestionType,
} from '@siantar/contracts';
import { gradeMatching, gradeOrdering } from './arrangement-grading';
import { gradeMultipleResponse, gradeSingleChoice, gradeTrueFalse } from './choice-grading';
import { gradeCloze } from './cloze-grading';
import { asStringList, asText, clampFraction, isPlainRecord } from './learner-input';
import { gradeNumericalAnswer } from './numerical-answer';
import { gradeTextAnswer } from './text-answer';

type ResponseOf<T extends QuestionResponse['type']> = Extract<QuestionResponse, { type: T }>;

/**
 * The response if it is an object of the body's type, else null. A missing response, a
 * response of another type or junk from JSON is then graded as "unanswered" (0), with
 * `parts` still listing every gap or pair for review screens.
 */
function responseOf<T extends QuestionResponse['type']>(
  response: unknown,
  type: T,
): Partial<ResponseOf<T>> | null {
  return isPlainRecord(response) && response['type'] === type
    ? (response as Partial<ResponseOf<T>>)
    : null;
}

/**
 * Grades one response against a question body. Pure and total: learner data can be
 * missing, of the wrong type or malformed, and the answer is then 0, never an exception.
 * Essays return `fraction: null` (a trainer grades them); descriptions carry no mark and
 * also return null.
 */
export function gradeResponse(
  body: QuestionBody,
  response: QuestionResponse | null,
): QuestionGrade {
  switch (body.type) {
    case 'description':
    case 'essay':
      return { fraction: null, feedback: [] };
    case 'single-choice': {
      const r = responseOf(response, 'single-choice');
      return gradeSingleChoice(body.answers, typeof r?.choiceId === 'string' ? r.choiceId : null);
    }
    case 'multiple-response': {
      const r = responseOf(response, 'multiple-response');
      return gradeMultipleResponse(body.answers, asStringList(r?.choiceIds), body.scoring);
    }
    case 'true-false': {
      const r = responseOf(response, 'true-false');
      const value = typeof r?.value === 'boolean' ? r.value : null;
      return gradeTrueFalse(body.correct, value, body.feedbackTrue, body.feedbackFalse);
    }
    case 'short-answer': {
      const r = responseOf(response, 'short-answer');
      return gradeTextAnswer(body.answers, body.caseSensitive, asText(r?.text));
    }
    case 'numerical': {
      const r = responseOf(response, 'numerical');
      return gradeNumericalAnswer(body.answers, asText(r?.text));
    }
    case 'matching': {
      const r = responseOf(response, 'matching');
      return gradeMatching(body.pairs, isPlainRecord(r?.matches) ? r.matches : {});
    }
    case 'ordering': {
      const r = responseOf(response, 'ordering');
      return gradeOrdering(body.items, asStringList(r?.order), body.scoring);
    }
    case 'cloze': {
      const r = responseOf(response, 'cloze');
      return gradeCloze(body.gaps, isPlainRecord(r?.gaps) ? r.gaps : {});
    }
  }
}

/**
 * Points for a fraction of `maxMark`, rounded half-up to 2 decimals (what the gradebook
 * shows). `toPrecision(12)` first removes binary noise so that e.g. 1.005 rounds to 1.01
 * instead of 1.00. No fraction (essay not yet graded, description) → no mark.
 */
export function markFor(fraction: number | null, maxMark: number): number | null {
  if (fraction === null || !Number.isFinite(maxMark)) return null;
  const raw = clampFraction(fraction) * Math.max(0, maxMark);
  return Math.round(Number((raw * 100).toPrecision(12))) / 100;
}

/** Whether the engine can grade the type without a trainer (essay and description cannot). */
export function isAutoGradable(type: QuestionType): boolean {
  return AUTO_GRADED_TYPES.includes(type);
}
