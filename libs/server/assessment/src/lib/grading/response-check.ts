import { type LearnerQuestionBody, type QuestionResponse } from '@siantar/contracts';
import { isPlainRecord } from './learner-input';

/** Longest text a learner may send for one answer (an essay included). */
export const MAX_RESPONSE_TEXT = 20_000;

export type ResponseCheck =
  { ok: true; response: QuestionResponse } | { ok: false; message: string };

const fail = (message: string): ResponseCheck => ({ ok: false, message });
const pass = (response: QuestionResponse): ResponseCheck => ({ ok: true, response });

/** Quotes a learner-supplied value for a message without echoing megabytes back. */
function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function textTooLong(text: string): boolean {
  return text.length > MAX_RESPONSE_TEXT;
}

const TOO_LONG = 'Jawaban terlalu panjang (paling banyak 20.000 karakter).';

function checkText(
  type: 'short-answer' | 'numerical' | 'essay',
  raw: Record<string, unknown>,
): ResponseCheck {
  const text = raw['text'];
  if (typeof text !== 'string') return fail('Teks jawaban harus berupa string.');
  if (textTooLong(text)) return fail(TOO_LONG);
  return pass({ type, text });
}

/**
 * A list of distinct strings, each allowed. Stops at the first problem, so a huge crafted
 * array costs at most `allowed.size + 1` steps.
 */
function checkIdList(
  value: unknown,
  allowed: ReadonlySet<string>,
  what: string,
): { ok: true; ids: string[] } | { ok: false; message: string } {
  if (!Array.isArray(value)) return { ok: false, message: `Daftar ${what} harus berupa array.` };
  const seen = new Set<string>();
  for (const id of value) {
    if (typeof id !== 'string')
      return { ok: false, message: `Setiap ${what} harus berupa string.` };
    if (!allowed.has(id))
      return { ok: false, message: `${what} ${quote(id)} tidak ada pada soal.` };
    if (seen.has(id))
      return { ok: false, message: `${what} ${quote(id)} disebut lebih dari sekali.` };
    seen.add(id);
  }
  return { ok: true, ids: [...seen] };
}

/**
 * Reads a map of answers. A `null` value means "not answered" and is dropped, because
 * form controls without a selection typically send null. The result is built with
 * `Object.fromEntries`, so a key such as `__proto__` stays a plain own property.
 */
function checkAnswerMap(
  value: unknown,
  field: string,
  checkEntry: (key: string, value: string) => string | null,
): { ok: true; map: Record<string, string> } | { ok: false; message: string } {
  if (!isPlainRecord(value)) return { ok: false, message: `${field} harus berupa objek.` };
  const entries: [string, string][] = [];
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry === null) continue;
    if (typeof entry !== 'string') {
      return { ok: false, message: `Nilai ${field} untuk ${quote(key)} harus berupa string.` };
    }
    if (textTooLong(entry)) return { ok: false, message: TOO_LONG };
    const problem = checkEntry(key, entry);
    if (problem) return { ok: false, message: problem };
    entries.push([key, entry]);
  }
  return { ok: true, map: Object.fromEntries(entries) };
}

/**
 * Validates an untrusted JSON response against the question exactly as it was presented
 * to the learner, and returns a freshly built response (unknown fields dropped). Used at
 * the HTTP boundary; the grading engine stays lenient on its own. Messages are shown to
 * learners, hence Bahasa Indonesia.
 */
export function checkResponse(view: LearnerQuestionBody, response: unknown): ResponseCheck {
  if (!isPlainRecord(response)) return fail('Jawaban harus berupa objek JSON.');
  if (view.type === 'description') return fail('Soal deskripsi tidak memerlukan jawaban.');
  const type = response['type'];
  if (type !== view.type) {
    return fail(
      `Jenis jawaban ${typeof type === 'string' ? quote(type) : '(kosong)'} tidak sesuai dengan jenis soal "${view.type}".`,
    );
  }
  switch (view.type) {
    case 'single-choice': {
      const choiceId = response['choiceId'];
      if (choiceId === null) return pass({ type: 'single-choice', choiceId: null });
      if (typeof choiceId !== 'string') return fail('Pilihan harus berupa id pilihan atau null.');
      if (!view.choices.some((c) => c.id === choiceId)) {
        return fail(`Pilihan ${quote(choiceId)} tidak ada pada soal.`);
      }
      return pass({ type: 'single-choice', choiceId });
    }
    case 'multiple-response': {
      const allowed = new Set(view.choices.map((c) => c.id));
      const list = checkIdList(response['choiceIds'], allowed, 'pilihan');
      return list.ok
        ? pass({ type: 'multiple-response', choiceIds: list.ids })
        : fail(list.message);
    }
    case 'true-false': {
      const value = response['value'];
      if (value !== null && typeof value !== 'boolean') {
        return fail('Jawaban benar/salah harus berupa true, false, atau null.');
      }
      return pass({ type: 'true-false', value });
    }
    case 'short-answer':
    case 'numerical':
    case 'essay':
      return checkText(view.type, response);
    case 'matching': {
      const prompts = new Set(view.prompts.map((p) => p.id));
      const options = new Set(view.options);
      const checked = checkAnswerMap(response['matches'], 'Pasangan', (key, value) => {
        if (!prompts.has(key)) return `Pernyataan ${quote(key)} tidak ada pada soal.`;
        if (!options.has(value)) return `Pilihan ${quote(value)} tidak tersedia untuk dipasangkan.`;
        return null;
      });
      return checked.ok ? pass({ type: 'matching', matches: checked.map }) : fail(checked.message);
    }
    case 'ordering': {
      const ids = view.items.map((i) => i.id);
      const list = checkIdList(response['order'], new Set(ids), 'butir');
      if (!list.ok) return fail(list.message);
      if (list.ids.length !== ids.length)
        return fail('Urutan harus memuat setiap butir tepat satu kali.');
      return pass({ type: 'ordering', order: list.ids });
    }
    case 'cloze': {
      const gaps = new Map(view.gaps.map((g) => [g.id, g]));
      const checked = checkAnswerMap(response['gaps'], 'Isian', (key, value) => {
        const gap = gaps.get(key);
        if (!gap) return `Isian ${quote(key)} tidak ada pada soal.`;
        if (gap.type === 'single-choice' && !(gap.choices ?? []).some((c) => c.id === value)) {
          return `Pilihan ${quote(value)} tidak ada pada isian ${quote(key)}.`;
        }
        return null;
      });
      return checked.ok ? pass({ type: 'cloze', gaps: checked.map }) : fail(checked.message);
    }
  }
}
