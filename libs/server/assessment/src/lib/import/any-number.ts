import type { NumericalAnswer } from '@siantar/contracts';

/**
 * Moodle's numerical `*` answer: GIFT `{#=5 ~#feedback}` gives every other number that
 * feedback (fraction 0). The contract has no wildcard, so it is stored as the widest
 * range a number can have, which the grading engine matches like any range; the writer
 * and the preview recognise it and show `~#…` and `*` again.
 */
export function anyNumberAnswer(feedback: string): NumericalAnswer {
  return { kind: 'range', min: -Number.MAX_VALUE, max: Number.MAX_VALUE, fraction: 0, feedback };
}

export function isAnyNumber(answer: NumericalAnswer): boolean {
  return (
    answer.kind === 'range' && answer.min === -Number.MAX_VALUE && answer.max === Number.MAX_VALUE
  );
}
