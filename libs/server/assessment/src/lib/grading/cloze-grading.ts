import { type ClozeGap, type QuestionGrade } from '@siantar/contracts';
import { gradeSingleChoice } from './choice-grading';
import { ownString } from './learner-input';
import { gradeNumericalAnswer } from './numerical-answer';
import { gradeTextAnswer } from './text-answer';

/** A gap graded with the same rules as the whole-question type it embeds. */
export function gradeGap(gap: ClozeGap, value: string | undefined): QuestionGrade {
  switch (gap.type) {
    case 'short-answer':
      return gradeTextAnswer(gap.answers, gap.caseSensitive, value ?? '');
    case 'numerical':
      return gradeNumericalAnswer(gap.answers, value ?? '');
    case 'single-choice':
      return gradeSingleChoice(gap.answers, value ?? null);
  }
}

/**
 * A weight that is missing, negative or not a number falls back to the contract's default
 * of 1; 0 is kept, so an author can include an unmarked practice gap.
 */
function gapWeight(gap: ClozeGap): number {
  return Number.isFinite(gap.weight) && gap.weight >= 0 ? gap.weight : 1;
}

/** Cloze: weighted average of gap fractions; feedback of every gap in text order. */
export function gradeCloze(
  gaps: readonly ClozeGap[],
  answers: Record<string, unknown>,
): QuestionGrade {
  const parts: Record<string, number> = {};
  const feedback: string[] = [];
  let weighted = 0;
  let totalWeight = 0;
  for (const gap of gaps) {
    const grade = gradeGap(gap, ownString(answers, gap.id));
    const fraction = grade.fraction ?? 0;
    parts[gap.id] = fraction;
    feedback.push(...grade.feedback);
    weighted += gapWeight(gap) * fraction;
    totalWeight += gapWeight(gap);
  }
  return { fraction: totalWeight > 0 ? weighted / totalWeight : 0, feedback, parts };
}
