import {
  SURVEY_SCORE_MAX,
  SURVEY_SCORE_MIN,
  type SurveyAnswerInput,
  type SurveyItemView,
} from '@siantar/contracts';

export interface FieldError {
  path: string;
  message: string;
}

export interface CheckedAnswer {
  itemId: string;
  score: number | null;
  text: string | null;
}

const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;

/**
 * Checks a respondent's answers against the survey's current items and lists every problem
 * at once: unknown or repeated items, a likert score that is not a whole number 1–5, a score
 * on an open question or text on a likert item, required items left out. An empty open
 * answer counts as not answered.
 */
export function checkAnswers(
  items: readonly SurveyItemView[],
  answers: readonly SurveyAnswerInput[],
): { errors: FieldError[]; answers: CheckedAnswer[] } {
  const errors: FieldError[] = [];
  const checked: CheckedAnswer[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  answers.forEach((a, n) => {
    const at = `answers[${n}]`;
    const item = byId.get(a.itemId);
    if (!item) {
      errors.push({ path: `${at}.itemId`, message: `butir ${a.itemId} tidak ada di survei ini` });
      return;
    }
    if (seen.has(item.id)) {
      errors.push({ path: `${at}.itemId`, message: `butir ${quote(item.text)} dijawab dua kali` });
      return;
    }
    seen.add(item.id);
    if (item.kind === 'likert') {
      if (a.text !== undefined)
        errors.push({
          path: `${at}.text`,
          message: `butir ${quote(item.text)} dijawab dengan nilai, bukan teks`,
        });
      const s = a.score;
      if (s === undefined || s === null) {
        if (item.required)
          errors.push({
            path: `${at}.score`,
            message: `nilai untuk ${quote(item.text)} wajib diisi (1–5)`,
          });
        return;
      }
      if (!Number.isInteger(s) || s < SURVEY_SCORE_MIN || s > SURVEY_SCORE_MAX) {
        errors.push({
          path: `${at}.score`,
          message: `nilai untuk ${quote(item.text)} harus ${SURVEY_SCORE_MIN}–${SURVEY_SCORE_MAX} (diterima ${String(s)})`,
        });
        return;
      }
      checked.push({ itemId: item.id, score: s, text: null });
      return;
    }
    if (a.score !== undefined && a.score !== null)
      errors.push({
        path: `${at}.score`,
        message: `butir ${quote(item.text)} adalah pertanyaan terbuka: isi teks, bukan nilai`,
      });
    const text = (a.text ?? '').trim();
    if (text) checked.push({ itemId: item.id, score: null, text });
    else if (item.required)
      errors.push({ path: `${at}.text`, message: `jawaban untuk ${quote(item.text)} wajib diisi` });
  });
  items.forEach((item) => {
    if (item.required && !seen.has(item.id))
      errors.push({ path: 'answers', message: `butir wajib ${quote(item.text)} belum dijawab` });
  });
  return { errors, answers: checked };
}
