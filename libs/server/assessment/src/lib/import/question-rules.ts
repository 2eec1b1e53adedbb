import type { ChoiceAnswer, MatchingPair, NumericalAnswer, QuestionBody } from '@siantar/contracts';

/**
 * Moodle's own save rules for imported questions (qtype_multichoice, qtype_shortanswer,
 * qtype_numerical, qtype_match), shared by the importers and the GIFT writer so a file
 * we write is a file we accept. Returns the first problem in Bahasa Indonesia, or null.
 */
export function bodyProblem(body: QuestionBody): string | null {
  switch (body.type) {
    case 'single-choice':
      return choicesProblem(body.answers) ?? singleChoiceProblem(body.answers);
    case 'multiple-response':
      return choicesProblem(body.answers) ?? multipleResponseProblem(body.answers);
    case 'short-answer':
      return gradedListProblem(body.answers, 'isian singkat') ?? emptyTextProblem(body.answers);
    case 'numerical':
      return gradedListProblem(body.answers, 'numerik') ?? numbersProblem(body.answers);
    case 'matching':
      return matchingProblem(body.pairs, body.distractors);
    default:
      // true-false, essay and description cannot be inconsistent; ordering and cloze are
      // never produced by these importers and have their own checks elsewhere.
      return null;
  }
}

/** A fraction as Moodle's percentage, without float noise (0.3333333 → 33.33333). */
export function percent(fraction: number): number {
  return Math.round(fraction * 100 * 1e5) / 1e5;
}

function fractionsProblem(answers: readonly { fraction: number }[]): string | null {
  const bad = answers.find((a) => !Number.isFinite(a.fraction) || Math.abs(a.fraction) > 1);
  return bad ? `Bobot ${percent(bad.fraction)}% di luar rentang -100% sampai 100%` : null;
}

function emptyTextProblem(answers: readonly { text: string }[]): string | null {
  return answers.some((a) => a.text.trim() === '') ? 'Teks jawaban tidak boleh kosong' : null;
}

function choicesProblem(answers: readonly ChoiceAnswer[]): string | null {
  if (answers.length < 2) return 'Soal pilihan ganda memerlukan minimal 2 jawaban';
  return emptyTextProblem(answers) ?? fractionsProblem(answers);
}

function singleChoiceProblem(answers: readonly ChoiceAnswer[]): string | null {
  // Exactly 1, as Moodle compares; parsed weights keep 7 decimals so 100% is exact.
  return answers.some((a) => a.fraction === 1)
    ? null
    : 'Soal pilihan tunggal memerlukan satu jawaban bernilai 100% (ditandai `=`)';
}

function multipleResponseProblem(answers: readonly ChoiceAnswer[]): string | null {
  // Moodle rounds the sum to two decimals, so three answers of %33.33333% add up to 100%.
  const sum = answers.reduce((s, a) => s + Math.max(a.fraction, 0), 0);
  const rounded = Math.round(sum * 100) / 100;
  if (rounded === 1) return null;
  if (sum === 0) {
    return 'Soal pilihan ganda tidak memiliki jawaban benar: tandai dengan `=` atau beri bobot seperti `~%50%`';
  }
  return `Jumlah bobot positif pada soal pilihan jawaban ganda harus 100%, bukan ${percent(sum)}%`;
}

function gradedListProblem(answers: readonly { fraction: number }[], kind: string): string | null {
  if (answers.length === 0) return `Soal ${kind} memerlukan minimal satu jawaban`;
  const problem = fractionsProblem(answers);
  if (problem) return problem;
  return answers.some((a) => a.fraction === 1)
    ? null
    : `Soal ${kind} memerlukan satu jawaban bernilai 100%`;
}

function numbersProblem(answers: readonly NumericalAnswer[]): string | null {
  for (const a of answers) {
    if (a.kind === 'exact') {
      if (!Number.isFinite(a.value) || !Number.isFinite(a.tolerance)) {
        return 'Nilai jawaban numerik tidak valid';
      }
      if (a.tolerance < 0) return 'Toleransi jawaban numerik tidak boleh negatif';
    } else {
      if (!Number.isFinite(a.min) || !Number.isFinite(a.max)) {
        return 'Nilai jawaban numerik tidak valid';
      }
      if (a.min > a.max)
        return `Rentang ${a.min}..${a.max} terbalik: batas bawah melebihi batas atas`;
    }
  }
  return null;
}

function matchingProblem(
  pairs: readonly MatchingPair[],
  distractors: readonly string[],
): string | null {
  const unanswered = pairs.find((p) => p.answer.trim() === '');
  if (unanswered) return `Pasangan "${unanswered.prompt}" tidak memiliki jawaban`;
  if (pairs.some((p) => p.prompt.trim() === '')) return 'Pasangan menjodohkan tanpa pernyataan';
  // Moodle's matching form: at least two stems and three answers, where a distractor
  // (an answer with an empty stem) counts as an answer.
  if (pairs.length < 2 || pairs.length + distractors.length < 3) {
    return 'Soal menjodohkan memerlukan minimal 2 pasangan dan 3 jawaban (pasangan ditambah pengecoh)';
  }
  return null;
}
