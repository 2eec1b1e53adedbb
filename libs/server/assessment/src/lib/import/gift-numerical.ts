import type { NumericalAnswer, QuestionBody } from '@siantar/contracts';
import { anyNumberAnswer } from './any-number';
import { splitFeedback, splitOn, takeWeight } from './gift-answer-parts';
import { QuestionSyntaxError } from './import-error';

/** PHP's `is_numeric` for the numbers people write: sign, decimals with a dot, exponent. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * `{#3.14:0.01}`, `{#1..5}`, `{# =1822:0 =%50%1822:2}` and Moodle's `~#feedback` for any
 * other number. `answerText` still starts with the `#` that marks the type.
 */
export function parseNumerical(answerText: string): QuestionBody {
  let list = answerText.slice(1);
  let otherFeedback: string | undefined;
  const tilde = list.indexOf('~');
  if (tilde >= 0) {
    otherFeedback = splitFeedback(list.slice(tilde + 1)).feedback;
    list = list.slice(0, tilde);
  }
  const pieces = splitOn(list, '=');
  if (pieces.length === 0) throw new QuestionSyntaxError('Soal numerik tidak memiliki jawaban');
  const answers = pieces.map(readAnswer);
  // A bare `~` without feedback changes nothing for the learner, so it adds no answer.
  if (otherFeedback !== undefined) answers.push(anyNumberAnswer(otherFeedback));
  return { type: 'numerical', answers };
}

function readAnswer(piece: string): NumericalAnswer {
  const { weight, rest } = takeWeight(piece);
  const { text, feedback } = splitFeedback(rest);
  const common = { fraction: weight ?? 1, ...(feedback === undefined ? {} : { feedback }) };
  // Moodle looks for `..` first and `:` second, and neither may start the answer.
  const dots = text.indexOf('..');
  if (dots > 0) {
    return {
      kind: 'range',
      min: toNumber(text.slice(0, dots)),
      max: toNumber(text.slice(dots + 2)),
      ...common,
    };
  }
  const colon = text.indexOf(':');
  if (colon > 0) {
    return {
      kind: 'exact',
      value: toNumber(text.slice(0, colon)),
      tolerance: toNumber(text.slice(colon + 1)),
      ...common,
    };
  }
  return { kind: 'exact', value: toNumber(text), tolerance: 0, ...common };
}

function toNumber(raw: string): number {
  const text = raw.trim();
  if (NUMBER.test(text)) return Number(text);
  if (/^[+-]?\d+,\d+$/.test(text)) {
    throw new QuestionSyntaxError(
      `Jawaban numerik "${text}" memakai koma; tulis desimal dengan titik, misalnya ${text.replace(',', '.')}`,
    );
  }
  throw new QuestionSyntaxError(`Jawaban numerik "${text}" bukan angka`);
}
