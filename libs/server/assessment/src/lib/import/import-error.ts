/**
 * A problem in one question of an import file. Parsers throw it inside one question
 * and turn it into an `ImportError` with that question's line, so one bad question
 * never stops the rest of the file from importing.
 */
export class QuestionSyntaxError extends Error {
  override readonly name = 'QuestionSyntaxError';
}
