import type { ChoiceAnswer, ImportError, QuestionDraft } from '@siantar/contracts';
import { defaultName } from './gift-text';
import type { ParsedFile } from './parsed-file';
import { bodyProblem } from './question-rules';

/** `A. text` or `A) text`; Moodle allows no space after the mark, which misreads "B.J. Habibie …". */
const OPTION = /^([A-Z])[.)](?:\s+(.*))?$/;
const ANSWER = /^ANSWER\s*:\s*(.*)$/i;

interface Pending {
  line: number;
  text: string[];
  options: { letter: string; text: string }[];
}

/**
 * Reads Aiken (Moodle's question/format/aiken): question text, lettered options,
 * `ANSWER: X`. Unlike Moodle, question text may run over several lines until the first
 * option; a blank line or a line after the options starts a new question.
 */
export function readAiken(input: string): ParsedFile {
  const items: ParsedFile['items'] = [];
  const errors: ImportError[] = [];
  let pending: Pending | undefined;
  let afterBlank = false;
  const abandon = () => {
    if (pending) errors.push({ line: pending.line, message: missingAnswer(pending) });
    pending = undefined;
  };
  input
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const text = raw.trim();
      const no = i + 1;
      if (text === '') {
        afterBlank = true;
        return;
      }
      const answer = ANSWER.exec(text);
      const option = OPTION.exec(text);
      if (answer) {
        if (pending) {
          const result = finish(pending, answer[1], no);
          if (typeof result === 'string') errors.push({ line: pending.line, message: result });
          else items.push({ draft: result, line: pending.line });
        } else {
          errors.push({ line: no, message: 'Baris `ANSWER:` tanpa soal di atasnya' });
        }
        pending = undefined;
      } else if (option) {
        if (pending) pending.options.push({ letter: option[1], text: option[2] ?? '' });
        else errors.push({ line: no, message: 'Pilihan jawaban tanpa teks soal di atasnya' });
      } else if (pending && pending.options.length === 0 && !afterBlank) {
        pending.text.push(text);
      } else {
        abandon();
        pending = { line: no, text: [text], options: [] };
      }
      afterBlank = false;
    });
  abandon();
  return { items, errors };
}

function missingAnswer(pending: Pending): string {
  return pending.options.length === 0
    ? 'Soal tidak memiliki pilihan jawaban maupun baris `ANSWER:`'
    : 'Baris `ANSWER:` tidak ditemukan setelah pilihan jawaban';
}

/** The draft, or the reason the question cannot be imported. */
function finish(pending: Pending, answerRaw: string, answerLine: number): QuestionDraft | string {
  const letters = pending.options.map((o) => o.letter);
  if (letters.length < 2) return 'Soal Aiken memerlukan minimal 2 pilihan jawaban';
  const repeated = letters.find((l, i) => letters.indexOf(l) !== i);
  if (repeated) return `Huruf pilihan ${repeated} dipakai lebih dari sekali`;
  const key = answerRaw.trim().charAt(0).toUpperCase();
  if (key === '') return `Baris \`ANSWER:\` (baris ${answerLine}) tidak menyebut huruf jawaban`;
  // Letters are matched as written, so options A, B, D still take `ANSWER: D`.
  if (!letters.includes(key)) {
    return `Jawaban ${key} (baris ${answerLine}) tidak ada di antara pilihan ${letters.join(', ')}`;
  }
  const answers: ChoiceAnswer[] = pending.options.map((o, i) => ({
    id: `a${i + 1}`,
    text: o.text.trim(),
    fraction: o.letter === key ? 1 : 0,
  }));
  const problem = bodyProblem({ type: 'single-choice', answers });
  if (problem) return problem;
  const text = pending.text.join('\n');
  return {
    name: defaultName(text),
    text,
    // Aiken is plain text; Moodle stores it HTML-escaped as html, which is the same thing.
    format: 'plain',
    defaultMark: 1,
    body: { type: 'single-choice', answers },
  };
}
