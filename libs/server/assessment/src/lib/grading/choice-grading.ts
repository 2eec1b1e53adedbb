import { type ChoiceAnswer, type QuestionGrade } from '@siantar/contracts';
import { clampFraction, feedbackOf } from './learner-input';

/** Single choice: the chosen answer's fraction, floored at 0; unknown or no choice → 0. */
export function gradeSingleChoice(
  answers: readonly ChoiceAnswer[],
  choiceId: string | null,
): QuestionGrade {
  const chosen = choiceId === null ? undefined : answers.find((a) => a.id === choiceId);
  if (!chosen) return { fraction: 0, feedback: [] };
  return { fraction: clampFraction(chosen.fraction), feedback: feedbackOf(chosen.feedback) };
}

/**
 * Multiple response. Unknown ids are ignored and duplicates count once, so a crafted
 * response cannot add the same fraction twice. Feedback follows the authored answer
 * order, not the (shuffled) order the learner clicked in.
 *
 * `all-or-nothing` with no positive answer at all is an authoring error; it scores 0
 * rather than rewarding an empty response.
 */
export function gradeMultipleResponse(
  answers: readonly ChoiceAnswer[],
  choiceIds: readonly string[],
  scoring: 'partial' | 'all-or-nothing',
): QuestionGrade {
  const picked = new Set(choiceIds);
  const chosen = answers.filter((a) => picked.has(a.id));
  const feedback = feedbackOf(...chosen.map((a) => a.feedback));
  if (scoring === 'all-or-nothing') {
    const correct = answers.filter((a) => a.fraction > 0);
    const exact =
      correct.length > 0 && chosen.length === correct.length && chosen.every((a) => a.fraction > 0);
    return { fraction: exact ? 1 : 0, feedback };
  }
  const sum = chosen.reduce((total, a) => total + a.fraction, 0);
  return { fraction: clampFraction(sum), feedback };
}

/** True/false: the feedback belongs to what was answered, right or wrong. */
export function gradeTrueFalse(
  correct: boolean,
  value: boolean | null,
  feedbackTrue: string | undefined,
  feedbackFalse: string | undefined,
): QuestionGrade {
  if (value === null) return { fraction: 0, feedback: [] };
  return {
    fraction: value === correct ? 1 : 0,
    feedback: feedbackOf(value ? feedbackTrue : feedbackFalse),
  };
}
