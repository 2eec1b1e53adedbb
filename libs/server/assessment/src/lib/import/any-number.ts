import type { NumericalAnswer } from '@siantar/contracts';

/**
 * The widest range the bank stores (questions/draft-check.ts bounds numbers to ±1e15),
 * standing in for Moodle's `*` numerical answer.
 */
const LIMIT = 1e15;

/**
 * Moodle's numerical `*` answer: GIFT `{#=5 ~#feedback}` gives every other number that
 * feedback (fraction 0). The contract has no wildcard, so it is stored as the widest
 * range, which the grading engine matches like any range; the writer and the preview
 * recognise it and show `~#…` and `*` again.
 */
export function anyNumberAnswer(feedback: string): NumericalAnswer {
  return { kind: 'range', min: -LIMIT, max: LIMIT, fraction: 0, feedback };
}

export function isAnyNumber(answer: NumericalAnswer): boolean {
  return answer.kind === 'range' && answer.min === -LIMIT && answer.max === LIMIT;
}
