import { QuestionSyntaxError } from './import-error';
import { plainPiece } from './gift-text';

/** Splits an answer list on its markers; the empty piece before the first marker goes. */
export function splitOn(answerText: string, marker: string): string[] {
  const pieces = answerText.split(marker).map((p) => p.trim());
  if (pieces[0] === '') pieces.shift();
  return pieces;
}

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A leading `%50%` weight (Moodle's `answerweightparser`). Like Moodle, percent signs that
 * do not hold a number are ordinary text; unlike Moodle, an out-of-range weight or a
 * decimal comma is reported instead of being rejected later without a line number.
 * Fractions keep Moodle's 7 decimals, so `%33.33333%` is 0.3333333.
 */
export function takeWeight(piece: string): { weight: number | undefined; rest: string } {
  const match = /^%([^%]*)%/.exec(piece);
  if (!match) return { weight: undefined, rest: piece };
  const raw = match[1].trim();
  if (DECIMAL.test(raw)) {
    const percent = Number(raw);
    if (Math.abs(percent) > 100) {
      throw new QuestionSyntaxError(`Bobot ${raw}% di luar rentang -100% sampai 100%`);
    }
    const weight = Math.round(percent * 1e5) / 1e7;
    // `%-0%` must not leak a negative zero into the draft.
    return { weight: weight === 0 ? 0 : weight, rest: piece.slice(match[0].length) };
  }
  if (/^-?\d+,\d+$/.test(raw)) {
    throw new QuestionSyntaxError(
      `Bobot %${raw}% memakai koma; tulis desimal dengan titik, misalnya %33.33333%`,
    );
  }
  return { weight: undefined, rest: piece };
}

/** Moodle's `commentparser`: the first `#` separates an answer from its feedback. */
export function splitFeedback(piece: string): { text: string; feedback?: string } {
  const hash = piece.indexOf('#');
  const text = plainPiece(hash < 0 ? piece : piece.slice(0, hash));
  const feedback = hash < 0 ? '' : plainPiece(piece.slice(hash + 1));
  return feedback === '' ? { text } : { text, feedback };
}
