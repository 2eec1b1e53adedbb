import type {
  ChoiceAnswer,
  NumericalAnswer,
  QuestionBody,
  QuestionDraft,
  TextAnswer,
  TextFormat,
} from '@siantar/contracts';
import { isAnyNumber } from './any-number';
import { categoryLine, tagsComment } from './gift-meta';
import { escapeGift, writePiece } from './gift-text';
import { bodyProblem, percent } from './question-rules';

export interface GiftWriteResult {
  text: string;
  skipped: { name: string; reason: string }[];
}

/**
 * Writes drafts as GIFT that `parseGift` (and Moodle) read back to the same questions.
 * What GIFT cannot say is skipped with a reason rather than written half-true. GIFT has
 * no default mark, so, as in Moodle's own export, the mark is not carried.
 */
export function writeGift(questions: readonly QuestionDraft[]): GiftWriteResult {
  const blocks: string[] = [];
  const skipped: GiftWriteResult['skipped'] = [];
  let category: string | undefined;
  for (const question of questions) {
    const reason = unwritable(question);
    if (reason) {
      skipped.push({ name: question.name, reason });
      continue;
    }
    const wanted = question.category || undefined;
    if (wanted !== category) {
      blocks.push(categoryLine(wanted));
      category = wanted;
    }
    blocks.push(writeQuestion(question));
  }
  return { text: blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`, skipped };
}

function unwritable(q: QuestionDraft): string | null {
  const body = q.body;
  switch (body.type) {
    case 'ordering':
      return 'Soal urutan (ordering) tidak dapat dinyatakan dalam format GIFT';
    case 'cloze':
      return 'Soal cloze tidak dapat dinyatakan dalam format GIFT';
    case 'essay':
      if (body.rubric.length > 0) return 'Rubrik esai tidak dapat dinyatakan dalam format GIFT';
      if (body.minWords !== undefined) {
        return 'Batas minimal kata esai tidak dapat dinyatakan dalam format GIFT';
      }
      break;
    case 'description':
      if (q.generalFeedback) {
        return 'Umpan balik umum pada deskripsi tidak dapat dinyatakan dalam format GIFT';
      }
      break;
    case 'short-answer':
      if (body.caseSensitive) {
        return 'GIFT tidak dapat menyatakan jawaban isian yang peka huruf besar/kecil';
      }
      // With `=` answers, a `->` anywhere makes Moodle read a matching question.
      if (body.answers.some((a) => `${a.text}${a.feedback ?? ''}`.includes('->'))) {
        return 'Jawaban isian yang memuat `->` akan terbaca sebagai soal menjodohkan dalam GIFT';
      }
      break;
    case 'matching':
      if (body.pairs.some((p) => p.prompt.includes('->'))) {
        return 'Pernyataan menjodohkan yang memuat `->` tidak dapat dinyatakan dalam format GIFT';
      }
      break;
    case 'numerical':
      if (body.answers.some((a) => isAnyNumber(a) && a.fraction !== 0)) {
        return 'Jawaban "angka lain" pada soal numerik hanya dapat bernilai 0% dalam format GIFT';
      }
      break;
    default:
      break;
  }
  const problem = bodyProblem(body);
  return problem ? `Soal tidak valid: ${problem}` : null;
}

function writeQuestion(q: QuestionDraft): string {
  const lines: string[] = [];
  if (q.tags && q.tags.length > 0) lines.push(tagsComment(q.tags));
  // An explicit format also protects a text that itself starts with `[`.
  const prefix = q.format !== 'moodle' || q.text.startsWith('[') ? `[${q.format}]` : '';
  const head = `::${escapeGift(q.name)}::${prefix}${escapeGift(q.text)}`;
  const general = q.generalFeedback ? `####${writePiece(q.generalFeedback, q.format)}` : '';
  const body = q.body;
  if (body.type === 'description') {
    lines.push(head);
  } else if (body.type === 'essay') {
    lines.push(`${head}{${general}}`);
  } else if (body.type === 'true-false') {
    lines.push(`${head}{${trueFalse(body, q.format)}${general}}`);
  } else {
    const opening = body.type === 'numerical' ? '{#' : '{';
    lines.push(`${head}${opening}`, ...answerLines(body, q.format));
    if (general) lines.push(`\t${general}`);
    lines.push('}');
  }
  return lines.join('\n');
}

/** `{TRUE#wrong#right}`: Moodle puts the feedback for a wrong answer first. */
function trueFalse(
  body: { correct: boolean; feedbackTrue?: string; feedbackFalse?: string },
  format: TextFormat,
): string {
  const right = (body.correct ? body.feedbackTrue : body.feedbackFalse) ?? '';
  const wrong = (body.correct ? body.feedbackFalse : body.feedbackTrue) ?? '';
  let out = body.correct ? 'TRUE' : 'FALSE';
  if (wrong !== '' || right !== '') out += `#${writePiece(wrong, format)}`;
  if (right !== '') out += `#${writePiece(right, format)}`;
  return out;
}

function answerLines(body: QuestionBody, format: TextFormat): string[] {
  switch (body.type) {
    case 'single-choice':
    case 'multiple-response':
      return choiceLines(body.answers, body.type === 'single-choice', format);
    case 'short-answer':
      return body.answers.map((a) => `\t=${shortAnswer(a, format)}`);
    case 'numerical':
      return numericalLines(body.answers, format);
    case 'matching':
      return [
        ...body.pairs.map((p) => `\t=${writePiece(p.prompt, format)} -> ${escapeGift(p.answer)}`),
        ...body.distractors.map((d) => `\t= -> ${escapeGift(d)}`),
      ];
    default:
      return [];
  }
}

function feedback(text: string | undefined, format: TextFormat): string {
  return text ? `#${writePiece(text, format)}` : '';
}

/**
 * One `=` keeps a single-choice question single (Moodle: `=` anywhere means single);
 * further full-mark answers are `~%100%`. Multiple-response never uses `=`.
 */
function choiceLines(answers: readonly ChoiceAnswer[], single: boolean, format: TextFormat) {
  let equalsWritten = false;
  return answers.map((a) => {
    let marker: string;
    if (single && a.fraction === 1 && !equalsWritten) {
      equalsWritten = true;
      marker = '=';
    } else if (a.fraction === 0 && !a.text.startsWith('%')) {
      marker = '~';
    } else {
      // Also for 0%, when the text itself starts with `%` and would read as a weight.
      marker = `~%${percent(a.fraction)}%`;
    }
    return `\t${marker}${writePiece(a.text, format)}${feedback(a.feedback, format)}`;
  });
}

function weight(fraction: number, text: string): string {
  return fraction !== 1 || text.startsWith('%') ? `%${percent(fraction)}%` : '';
}

function shortAnswer(a: TextAnswer, format: TextFormat): string {
  return `${weight(a.fraction, a.text)}${writePiece(a.text, format)}${feedback(a.feedback, format)}`;
}

function numericalLines(answers: readonly NumericalAnswer[], format: TextFormat): string[] {
  const lines = answers
    .filter((a) => !isAnyNumber(a))
    .map((a) => {
      const value = a.kind === 'exact' ? `${a.value}:${a.tolerance}` : `${a.min}..${a.max}`;
      return `\t=${weight(a.fraction, value)}${value}${feedback(a.feedback, format)}`;
    });
  // Moodle's "any other number" feedback must come after every `=` answer.
  const other = answers.find((a) => isAnyNumber(a) && a.feedback);
  if (other?.feedback) lines.push(`\t~${feedback(other.feedback, format)}`);
  return lines;
}
