import { type NumericalAnswer, type QuestionGrade } from '@siantar/contracts';
import { clampFraction, feedbackOf } from './learner-input';

/**
 * One optional sign, digits with at most one decimal separator (`,` or `.`), and an
 * optional exponent. Grouping separators are deliberately not accepted: `1.000,5` is
 * rejected, and a single separator is always read as the decimal point, so `1.000` is
 * one, not one thousand. Authors should therefore avoid answers that invite thousands
 * separators (ask "dalam ribuan" or accept a range).
 */
const NUMBER_SHAPE = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;

/** No sensible typed answer is longer; stops pathological input early. */
const MAX_NUMBER_LENGTH = 64;

/** Parses a learner's number; null for anything that is not one number. Never throws. */
export function parseLearnerNumber(text: string): number | null {
  // NFKC turns full-width digits into ASCII; U+2212 is the typographic minus sign.
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/^\u2212/, '-');
  if (t.length === 0 || t.length > MAX_NUMBER_LENGTH || !NUMBER_SHAPE.test(t)) return null;
  const value = Number(t.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/**
 * Slack for binary floating point (0.1 + 0.2 !== 0.3): a few dozen ulps relative to the
 * numbers involved — far below anything a learner can type on purpose.
 */
function floatSlack(...magnitudes: number[]): number {
  return 64 * Number.EPSILON * Math.max(...magnitudes.map(Math.abs));
}

/** Exact answers include both ends of value ± tolerance; ranges include min and max. */
export function numericalMatches(answer: NumericalAnswer, x: number): boolean {
  if (answer.kind === 'exact') {
    const tolerance = Math.abs(answer.tolerance) || 0;
    return Math.abs(x - answer.value) <= tolerance + floatSlack(x, answer.value, tolerance);
  }
  // Tolerate a range typed backwards rather than make it unmatchable.
  const min = Math.min(answer.min, answer.max);
  const max = Math.max(answer.min, answer.max);
  const slack = floatSlack(x, min, max);
  return x >= min - slack && x <= max + slack;
}

/** Numerical grading: among all answers the value matches, the highest fraction wins. */
export function gradeNumericalAnswer(
  answers: readonly NumericalAnswer[],
  text: string,
): QuestionGrade {
  const x = parseLearnerNumber(text);
  if (x === null) return { fraction: 0, feedback: [] };
  let best: NumericalAnswer | undefined;
  for (const answer of answers) {
    if (numericalMatches(answer, x) && (!best || answer.fraction > best.fraction)) best = answer;
  }
  if (!best) return { fraction: 0, feedback: [] };
  return { fraction: clampFraction(best.fraction), feedback: feedbackOf(best.feedback) };
}
