import type { ImportError, QuestionBody, QuestionDraft } from '@siantar/contracts';
import { parseBlock } from './gift-block';
import { cleanCategory, tagsFromComments } from './gift-meta';
import {
  cleanName,
  defaultName,
  plainPiece,
  protectEscapes,
  restoreEscapes,
  splitFormat,
} from './gift-text';
import { QuestionSyntaxError } from './import-error';
import type { ParsedFile } from './parsed-file';
import { bodyProblem } from './question-rules';

interface Line {
  text: string;
  no: number;
}

const CATEGORY = /^\$CATEGORY:/;

/**
 * Reads a Moodle GIFT file (question/format/gift/format.php): questions separated by
 * blank lines, whole-line `//` comments, `$CATEGORY:` switches. A bad question becomes an
 * error at its first line and the next question is read as usual.
 */
export function readGift(input: string): ParsedFile {
  const items: ParsedFile['items'] = [];
  const errors: ImportError[] = [];
  let category: string | undefined;
  for (const chunk of splitQuestions(input)) {
    const comments = chunk.filter((l) => l.text.startsWith('//')).map((l) => l.text);
    let lines = chunk.filter((l) => !l.text.startsWith('//'));
    if (lines.length > 0 && CATEGORY.test(lines[0].text)) {
      category = cleanCategory(restoreEscapes(protectEscapes(lines[0].text.slice(10))));
      // Moodle would swallow a question written right under `$CATEGORY:` into the
      // category name; reading it as the next question is what the author meant.
      lines = lines.slice(1);
    }
    if (lines.length === 0) continue;
    const line = lines[0].no;
    try {
      const draft = readQuestion(
        lines.map((l) => l.text),
        comments,
        category,
      );
      items.push({ draft, line });
    } catch (e) {
      if (!(e instanceof QuestionSyntaxError)) throw e;
      errors.push({ line, message: e.message });
    }
  }
  return { items, errors };
}

/** Moodle's `readquestions`: trimmed lines, a blank line ends a question. */
function splitQuestions(input: string): Line[][] {
  const chunks: Line[][] = [];
  let current: Line[] = [];
  input
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const text = raw.trim();
      if (text !== '') {
        current.push({ text, no: i + 1 });
      } else if (current.length > 0) {
        chunks.push(current);
        current = [];
      }
    });
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Moodle's `readquestion` for one question's lines (comments already taken out). */
function readQuestion(
  lines: readonly string[],
  comments: readonly string[],
  category: string | undefined,
): QuestionDraft {
  let text = protectEscapes(lines.join('\n')).trim();
  let name = '';
  if (text.startsWith('::')) {
    const end = text.indexOf('::', 2);
    if (end < 0) throw new QuestionSyntaxError('Judul soal yang dibuka dengan `::` tidak ditutup');
    name = cleanName(restoreEscapes(text.slice(2, end)));
    text = text.slice(end + 2).trim();
  }
  const { questionText, block } = locateBlock(text);
  let answerText = block;
  let generalFeedback = '';
  if (block !== undefined) {
    // `####` is searched from the end, so a general feedback may follow everything else.
    const separator = block.lastIndexOf('####');
    if (separator >= 0) {
      generalFeedback = plainPiece(block.slice(separator + 4));
      answerText = block.slice(0, separator).trim();
    }
  }
  const { text: body, format } = splitFormat(questionText, 'moodle');
  const question: QuestionBody =
    answerText === undefined ? { type: 'description' } : parseBlock(answerText);
  const problem = bodyProblem(question);
  if (problem) throw new QuestionSyntaxError(problem);
  const tags = tagsFromComments(comments);
  return {
    name: name === '' ? defaultName(body) : name,
    text: body,
    format,
    ...(generalFeedback === '' ? {} : { generalFeedback }),
    defaultMark: question.type === 'description' ? 0 : 1,
    body: question,
    ...(category === undefined ? {} : { category }),
    ...(tags.length === 0 ? {} : { tags }),
  };
}

/**
 * Finds the one `{…}` block. At the end of the text it is simply removed; in the middle it
 * leaves Moodle's `_____` blank (missing-word format) whatever the question type.
 */
function locateBlock(text: string): { questionText: string; block: string | undefined } {
  const open = text.indexOf('{');
  const close = text.indexOf('}');
  if (open < 0 && close < 0) return { questionText: text, block: undefined };
  if (open < 0 || (close >= 0 && close < open)) throw unmatchedClose();
  if (close < 0) throw new QuestionSyntaxError('Kurung kurawal `{` tidak ditutup');
  const block = text.slice(open + 1, close);
  if (block.includes('{')) {
    throw new QuestionSyntaxError(
      'Kurung kurawal `{` tidak ditutup sebelum `{` berikutnya; tulis `\\{` untuk kurung kurawal biasa',
    );
  }
  const after = text.slice(close + 1);
  if (after.includes('{')) {
    throw new QuestionSyntaxError(
      'Satu soal hanya boleh memiliki satu blok jawaban `{…}`; pisahkan soal dengan baris kosong',
    );
  }
  if (after.includes('}')) throw unmatchedClose();
  const questionText = after === '' ? text.slice(0, open) : `${text.slice(0, open)}_____${after}`;
  return { questionText, block: block.trim() };
}

function unmatchedClose(): QuestionSyntaxError {
  return new QuestionSyntaxError(
    'Kurung kurawal `}` tanpa pembuka `{`; tulis `\\}` untuk kurung kurawal biasa',
  );
}
