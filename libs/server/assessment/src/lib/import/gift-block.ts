import type { ChoiceAnswer, MatchingPair, QuestionBody } from '@siantar/contracts';
import { splitFeedback, splitOn, takeWeight } from './gift-answer-parts';
import { parseNumerical } from './gift-numerical';
import { plainPiece, restoreEscapes } from './gift-text';
import { QuestionSyntaxError } from './import-error';

const TRUE_FALSE: ReadonlyMap<string, boolean> = new Map([
  ['T', true],
  ['TRUE', true],
  ['F', false],
  ['FALSE', false],
]);

/**
 * The answer block without its braces and general feedback, read in Moodle's order:
 * empty → essay, `#` → numerical, any `~` → multiple choice, `=` with `->` → matching,
 * T/F → true-false, otherwise short answer.
 */
export function parseBlock(answerText: string): QuestionBody {
  if (answerText === '') return { type: 'essay', rubric: [] };
  if (answerText.startsWith('#')) return parseNumerical(answerText);
  if (answerText.includes('~')) return parseMultichoice(requireMarker(answerText));
  if (answerText.includes('=') && answerText.includes('->')) {
    return parseMatching(requireMarker(answerText));
  }
  return parseTrueFalse(answerText) ?? parseShortAnswer(requireMarker(answerText));
}

/**
 * Moodle quietly takes text before the first marker as an answer (`{true}` becomes a
 * short answer "true"); that is nearly always a typo, so it is reported instead.
 */
function requireMarker(answerText: string): string {
  if (answerText.startsWith('=') || answerText.startsWith('~')) return answerText;
  const shown = restoreEscapes(answerText).slice(0, 40);
  throw new QuestionSyntaxError(
    `Blok jawaban "{${shown}}" tidak dikenali: awali setiap jawaban dengan \`=\` atau \`~\`, ` +
      'atau tulis {T}, {F}, {TRUE}, {FALSE} untuk soal benar/salah',
  );
}

/** A `=` makes it single choice (Moodle `single = 1`); without one, several answers may be right. */
function parseMultichoice(answerText: string): QuestionBody {
  const pieces = splitOn(answerText.replace(/=/g, '~='), '~');
  const answers: ChoiceAnswer[] = pieces.map((piece, i) => {
    // Moodle reads no weight after `=`: `=%50%x` is a right answer whose text is "%50%x".
    const { weight, rest } = piece.startsWith('=')
      ? { weight: 1, rest: piece.slice(1) }
      : takeWeight(piece);
    return { id: `a${i + 1}`, fraction: weight ?? 0, ...splitFeedback(rest) };
  });
  return answerText.includes('=')
    ? { type: 'single-choice', answers }
    : { type: 'multiple-response', answers, scoring: 'partial' };
}

/** Every answer is `=`, worth 100% unless weighted; Moodle imports them case-insensitive. */
function parseShortAnswer(answerText: string): QuestionBody {
  const answers = splitOn(answerText, '=').map((piece) => {
    const { weight, rest } = takeWeight(piece);
    return { fraction: weight ?? 1, ...splitFeedback(rest) };
  });
  return { type: 'short-answer', answers, caseSensitive: false };
}

/**
 * `{T#wrong#right}`: Moodle's first feedback is for a wrong answer and the second for a
 * right one, so which of them the learner sees on "true" depends on the key.
 */
function parseTrueFalse(answerText: string): QuestionBody | null {
  const parts = answerText.split('#');
  const correct = TRUE_FALSE.get(parts[0].trim());
  if (correct === undefined) return null;
  const wrong = plainPiece(parts[1] ?? '');
  const right = plainPiece(parts.slice(2).join('#'));
  const feedbackTrue = correct ? right : wrong;
  const feedbackFalse = correct ? wrong : right;
  return {
    type: 'true-false',
    correct,
    ...(feedbackTrue === '' ? {} : { feedbackTrue }),
    ...(feedbackFalse === '' ? {} : { feedbackFalse }),
  };
}

/** `=prompt -> answer`; an empty prompt makes the answer a distractor (Moodle's extra wrong answer). */
function parseMatching(answerText: string): QuestionBody {
  const pairs: MatchingPair[] = [];
  const distractors: string[] = [];
  for (const piece of splitOn(answerText, '=')) {
    const arrow = piece.indexOf('->');
    if (arrow < 0) {
      throw new QuestionSyntaxError(
        `Pasangan "${restoreEscapes(piece)}" harus berbentuk \`=pernyataan -> jawaban\``,
      );
    }
    const prompt = plainPiece(piece.slice(0, arrow));
    // Moodle does not read a format on the answer side, only on the prompt.
    const answer = restoreEscapes(piece.slice(arrow + 2)).trim();
    if (prompt === '' && answer === '') continue;
    if (prompt === '') distractors.push(answer);
    else pairs.push({ id: `p${pairs.length + 1}`, prompt, answer });
  }
  return { type: 'matching', pairs, distractors };
}
