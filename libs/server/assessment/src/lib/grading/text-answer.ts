import { type QuestionGrade, type TextAnswer } from '@siantar/contracts';
import { clampFraction, feedbackOf } from './learner-input';

/**
 * Trims, collapses inner whitespace (spaces, tabs, newlines, NBSP) to one space and uses
 * NFC, so text that looks the same on screen compares the same.
 */
export function normaliseAnswerText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Splits an answer on its `*` wildcards. Like Moodle, `\*` stands for a literal asterisk.
 * A single segment means there is no wildcard at all.
 */
export function wildcardSegments(answer: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < answer.length; i++) {
    const ch = answer[i];
    if (ch === '\\' && answer[i + 1] === '*') {
      current += '*';
      i++;
    } else if (ch === '*') {
      segments.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  segments.push(current);
  return segments;
}

/**
 * Glob match with `*` only, done by plain string search rather than a RegExp: characters
 * such as `.`, `(` or `?` in an answer are literal by construction, and a long learner
 * text cannot trigger regex backtracking. Greedy leftmost search is exact for `*`-only
 * patterns: anchoring the first and last segment, then finding each middle segment as
 * early as possible leaves the most room for the rest.
 */
export function wildcardMatches(segments: readonly string[], text: string): boolean {
  if (segments.length === 1) return text === segments[0];
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (text.length < first.length + last.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  let from = first.length;
  const end = text.length - last.length;
  for (const middle of segments.slice(1, -1)) {
    const at = text.indexOf(middle, from);
    if (at < 0 || at + middle.length > end) return false;
    from = at + middle.length;
  }
  return true;
}

/** Lower-cases for case-insensitive comparison; applied to both sides before matching. */
function fold(text: string, caseSensitive: boolean): string {
  return caseSensitive ? text : text.toLowerCase();
}

/** The first listed answer the text matches (Moodle order), or undefined. */
export function findTextAnswer(
  answers: readonly TextAnswer[],
  caseSensitive: boolean,
  text: string,
): TextAnswer | undefined {
  const given = fold(normaliseAnswerText(text), caseSensitive);
  return answers.find((answer) => {
    const pattern = fold(normaliseAnswerText(answer.text), caseSensitive);
    return wildcardMatches(wildcardSegments(pattern), given);
  });
}

/**
 * Short-answer grading. An empty (or whitespace-only) response counts as unanswered,
 * as in Moodle: it scores 0 and does not trigger a catch-all `*` answer's feedback.
 */
export function gradeTextAnswer(
  answers: readonly TextAnswer[],
  caseSensitive: boolean,
  text: string,
): QuestionGrade {
  if (normaliseAnswerText(text) === '') return { fraction: 0, feedback: [] };
  const match = findTextAnswer(answers, caseSensitive, text);
  if (!match) return { fraction: 0, feedback: [] };
  return { fraction: clampFraction(match.fraction), feedback: feedbackOf(match.feedback) };
}
