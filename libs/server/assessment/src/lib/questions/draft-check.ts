import {
  type ChoiceAnswer,
  type ClozeGap,
  type NumericalAnswer,
  QUESTION_TYPES,
  type QuestionBody,
  type QuestionDraft,
  type QuestionType,
  TEXT_FORMATS,
  type TextAnswer,
  type TextFormat,
} from '@siantar/contracts';
import { AppError } from '@siantar/server-core';
import { withOpaqueIds } from './opaque-ids';

type Raw = Record<string, unknown>;

class DraftProblems {
  readonly list: { path: string; message: string }[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_TEXT = 50_000;

function str(
  p: DraftProblems,
  v: unknown,
  path: string,
  opts: { required?: boolean; max?: number } = {},
) {
  const max = opts.max ?? MAX_TEXT;
  if (v === undefined || v === null) {
    if (opts.required) p.add(path, 'wajib diisi');
    return '';
  }
  if (typeof v !== 'string') {
    p.add(path, 'harus berupa teks');
    return '';
  }
  if (opts.required && v.trim() === '') p.add(path, 'wajib diisi');
  if (v.length > max) p.add(path, `maksimal ${max} karakter`);
  return v;
}

function num(p: DraftProblems, v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    p.add(path, 'harus berupa angka');
    return 0;
  }
  if (v < min || v > max) p.add(path, `harus antara ${min} dan ${max}`);
  return v;
}

function fraction(p: DraftProblems, v: unknown, path: string): number {
  return num(p, v, path, -1, 1);
}

function optFeedback(p: DraftProblems, v: unknown, path: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  return str(p, v, path);
}

function list(p: DraftProblems, v: unknown, path: string, min: number, max = 100): unknown[] {
  if (!Array.isArray(v)) {
    p.add(path, 'harus berupa daftar');
    return [];
  }
  if (v.length < min) p.add(path, `minimal ${min} butir`);
  if (v.length > max) p.add(path, `maksimal ${max} butir`);
  return v.slice(0, max);
}

function ids(p: DraftProblems, items: { id: string }[], path: string): void {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(it.id))
      p.add(`${path}[${i}].id`, 'id 1–40 huruf, angka, _ atau -');
    if (seen.has(it.id)) p.add(`${path}[${i}].id`, `id "${it.id}" dipakai dua kali`);
    seen.add(it.id);
  });
}

function choices(p: DraftProblems, v: unknown, path: string): ChoiceAnswer[] {
  const out = list(p, v, path, 2).map((raw, i): ChoiceAnswer => {
    const a = isObj(raw) ? raw : {};
    if (!isObj(raw)) p.add(`${path}[${i}]`, 'harus berupa objek jawaban');
    return {
      id: str(p, a['id'] ?? `a${i + 1}`, `${path}[${i}].id`, { required: true, max: 40 }),
      text: str(p, a['text'], `${path}[${i}].text`, { required: true, max: 5000 }),
      fraction: fraction(p, a['fraction'], `${path}[${i}].fraction`),
      feedback: optFeedback(p, a['feedback'], `${path}[${i}].feedback`),
    };
  });
  ids(p, out, path);
  return out;
}

function textAnswers(p: DraftProblems, v: unknown, path: string): TextAnswer[] {
  const out = list(p, v, path, 1).map((raw, i): TextAnswer => {
    const a = isObj(raw) ? raw : {};
    return {
      text: str(p, a['text'], `${path}[${i}].text`, { required: true, max: 1000 }),
      fraction: fraction(p, a['fraction'], `${path}[${i}].fraction`),
      feedback: optFeedback(p, a['feedback'], `${path}[${i}].feedback`),
    };
  });
  if (out.length > 0 && !out.some((a) => a.fraction === 1))
    p.add(path, 'minimal satu jawaban harus bernilai penuh (fraction 1)');
  return out;
}

function numericalAnswers(p: DraftProblems, v: unknown, path: string): NumericalAnswer[] {
  const out = list(p, v, path, 1).map((raw, i): NumericalAnswer => {
    const a = isObj(raw) ? raw : {};
    const at = `${path}[${i}]`;
    const common = {
      fraction: fraction(p, a['fraction'], `${at}.fraction`),
      feedback: optFeedback(p, a['feedback'], `${at}.feedback`),
    };
    if (a['kind'] === 'range') {
      const min = num(p, a['min'], `${at}.min`, -1e15, 1e15);
      const max = num(p, a['max'], `${at}.max`, -1e15, 1e15);
      if (min > max) p.add(at, 'min tidak boleh lebih besar dari max');
      return { kind: 'range', min, max, ...common };
    }
    if (a['kind'] !== 'exact') p.add(`${at}.kind`, 'harus "exact" atau "range"');
    return {
      kind: 'exact',
      value: num(p, a['value'], `${at}.value`, -1e15, 1e15),
      tolerance: num(p, a['tolerance'] ?? 0, `${at}.tolerance`, 0, 1e15),
      ...common,
    };
  });
  if (out.length > 0 && !out.some((a) => a.fraction === 1))
    p.add(path, 'minimal satu jawaban harus bernilai penuh (fraction 1)');
  return out;
}

function bool(p: DraftProblems, v: unknown, path: string, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') p.add(path, 'harus true atau false');
  return v === true;
}

function gap(p: DraftProblems, raw: unknown, path: string): ClozeGap {
  const g = isObj(raw) ? raw : {};
  const id = str(p, g['id'], `${path}.id`, { required: true, max: 40 });
  const weight = num(p, g['weight'] ?? 1, `${path}.weight`, 0.01, 100);
  switch (g['type']) {
    case 'short-answer':
      return {
        id,
        weight,
        type: 'short-answer',
        answers: textAnswers(p, g['answers'], `${path}.answers`),
        caseSensitive: bool(p, g['caseSensitive'], `${path}.caseSensitive`, false),
      };
    case 'numerical':
      return {
        id,
        weight,
        type: 'numerical',
        answers: numericalAnswers(p, g['answers'], `${path}.answers`),
      };
    case 'single-choice': {
      const answers = choices(p, g['answers'], `${path}.answers`);
      if (!answers.some((a) => a.fraction === 1))
        p.add(`${path}.answers`, 'satu pilihan harus benar (fraction 1)');
      return { id, weight, type: 'single-choice', answers };
    }
    default:
      p.add(`${path}.type`, 'harus "short-answer", "numerical" atau "single-choice"');
      return { id, weight, type: 'short-answer', answers: [], caseSensitive: false };
  }
}

function body(p: DraftProblems, type: QuestionType, b: Raw): QuestionBody {
  switch (type) {
    case 'single-choice': {
      const answers = choices(p, b['answers'], 'draft.body.answers');
      if (answers.length > 0 && !answers.some((a) => a.fraction === 1))
        p.add('draft.body.answers', 'satu pilihan harus benar (fraction 1)');
      return { type, answers };
    }
    case 'multiple-response': {
      const answers = choices(p, b['answers'], 'draft.body.answers');
      const positive = answers.filter((a) => a.fraction > 0).reduce((s, a) => s + a.fraction, 0);
      if (answers.length > 0 && Math.abs(positive - 1) > 0.01)
        p.add(
          'draft.body.answers',
          `jumlah fraction jawaban benar harus 1 (sekarang ${positive.toFixed(3)})`,
        );
      const scoring = b['scoring'] ?? 'partial';
      if (scoring !== 'partial' && scoring !== 'all-or-nothing')
        p.add('draft.body.scoring', 'harus "partial" atau "all-or-nothing"');
      return {
        type,
        answers,
        scoring: scoring === 'all-or-nothing' ? 'all-or-nothing' : 'partial',
      };
    }
    case 'true-false':
      if (typeof b['correct'] !== 'boolean') p.add('draft.body.correct', 'harus true atau false');
      return {
        type,
        correct: b['correct'] === true,
        feedbackTrue: optFeedback(p, b['feedbackTrue'], 'draft.body.feedbackTrue'),
        feedbackFalse: optFeedback(p, b['feedbackFalse'], 'draft.body.feedbackFalse'),
      };
    case 'short-answer':
      return {
        type,
        answers: textAnswers(p, b['answers'], 'draft.body.answers'),
        caseSensitive: bool(p, b['caseSensitive'], 'draft.body.caseSensitive', false),
      };
    case 'numerical':
      return { type, answers: numericalAnswers(p, b['answers'], 'draft.body.answers') };
    case 'matching': {
      const pairs = list(p, b['pairs'], 'draft.body.pairs', 2).map((raw, i) => {
        const x = isObj(raw) ? raw : {};
        return {
          id: str(p, x['id'] ?? `p${i + 1}`, `draft.body.pairs[${i}].id`, {
            required: true,
            max: 40,
          }),
          prompt: str(p, x['prompt'], `draft.body.pairs[${i}].prompt`, {
            required: true,
            max: 2000,
          }),
          answer: str(p, x['answer'], `draft.body.pairs[${i}].answer`, {
            required: true,
            max: 500,
          }),
        };
      });
      ids(p, pairs, 'draft.body.pairs');
      const distractors = list(p, b['distractors'] ?? [], 'draft.body.distractors', 0, 20).map(
        (d, i) => str(p, d, `draft.body.distractors[${i}]`, { required: true, max: 500 }),
      );
      return { type, pairs, distractors };
    }
    case 'ordering': {
      const items = list(p, b['items'], 'draft.body.items', 2, 30).map((raw, i) => {
        const x = isObj(raw) ? raw : {};
        return {
          id: str(p, x['id'] ?? `i${i + 1}`, `draft.body.items[${i}].id`, {
            required: true,
            max: 40,
          }),
          text: str(p, x['text'], `draft.body.items[${i}].text`, { required: true, max: 1000 }),
        };
      });
      ids(p, items, 'draft.body.items');
      const scoring = b['scoring'] ?? 'partial';
      if (scoring !== 'partial' && scoring !== 'all-or-nothing')
        p.add('draft.body.scoring', 'harus "partial" atau "all-or-nothing"');
      return { type, items, scoring: scoring === 'all-or-nothing' ? 'all-or-nothing' : 'partial' };
    }
    case 'cloze': {
      const text = str(p, b['text'], 'draft.body.text', { required: true });
      const gaps = list(p, b['gaps'], 'draft.body.gaps', 1, 50).map((g, i) =>
        gap(p, g, `draft.body.gaps[${i}]`),
      );
      ids(p, gaps, 'draft.body.gaps');
      const used = new Set([...text.matchAll(/\{\{([A-Za-z0-9_-]+)\}\}/g)].map((m) => m[1]));
      for (const g of gaps)
        if (!used.has(g.id)) p.add('draft.body.text', `celah {{${g.id}}} tidak ada di teks`);
      for (const id of used)
        if (!gaps.some((g) => g.id === id))
          p.add('draft.body.gaps', `celah {{${id}}} di teks belum punya jawaban`);
      return { type, text, gaps };
    }
    case 'essay': {
      const rubric = list(p, b['rubric'] ?? [], 'draft.body.rubric', 0, 20).map((raw, i) => {
        const c = isObj(raw) ? raw : {};
        const at = `draft.body.rubric[${i}]`;
        return {
          id: str(p, c['id'] ?? `k${i + 1}`, `${at}.id`, { required: true, max: 40 }),
          name: str(p, c['name'], `${at}.name`, { required: true, max: 200 }),
          levels: list(p, c['levels'], `${at}.levels`, 2, 10).map((lv, j) => {
            const l = isObj(lv) ? lv : {};
            return {
              points: num(p, l['points'], `${at}.levels[${j}].points`, 0, 1000),
              description: str(p, l['description'], `${at}.levels[${j}].description`, {
                required: true,
                max: 1000,
              }),
            };
          }),
        };
      });
      ids(p, rubric, 'draft.body.rubric');
      const minWords = b['minWords'];
      if (
        minWords !== undefined &&
        (typeof minWords !== 'number' ||
          !Number.isInteger(minWords) ||
          minWords < 0 ||
          minWords > 5000)
      )
        p.add('draft.body.minWords', 'bilangan bulat 0–5000');
      return { type, rubric, ...(typeof minWords === 'number' ? { minWords } : {}) };
    }
    case 'description':
      return { type };
  }
}

/** Checks an untrusted draft and returns it typed, or throws 400 listing every field to fix. */
export function checkDraft(raw: unknown): QuestionDraft {
  const p = new DraftProblems();
  const d = isObj(raw) ? raw : {};
  const b = isObj(d['body']) ? d['body'] : {};
  const type = b['type'] as QuestionType;
  if (!QUESTION_TYPES.includes(type))
    p.add('draft.body.type', `harus salah satu dari: ${QUESTION_TYPES.join(', ')}`);
  const format = (d['format'] ?? 'html') as TextFormat;
  if (!TEXT_FORMATS.includes(format))
    p.add('draft.format', `harus salah satu dari: ${TEXT_FORMATS.join(', ')}`);
  const draft: QuestionDraft = {
    name: str(p, d['name'], 'draft.name', { required: true, max: 255 }).trim(),
    text: str(p, d['text'], 'draft.text', { required: type !== 'cloze' }),
    format,
    generalFeedback: optFeedback(p, d['generalFeedback'], 'draft.generalFeedback'),
    defaultMark:
      type === 'description' ? 0 : num(p, d['defaultMark'] ?? 1, 'draft.defaultMark', 0.01, 100),
    body: QUESTION_TYPES.includes(type) ? body(p, type, b) : { type: 'description' },
  };
  if (p.list.length > 0) {
    throw new AppError(
      400,
      'questions.invalid',
      `Soal belum bisa disimpan — ${p.list.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      p.list,
    );
  }
  return withOpaqueIds(draft);
}
