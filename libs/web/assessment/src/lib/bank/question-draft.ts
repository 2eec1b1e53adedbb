import type {
  ChoiceAnswer,
  ClozeGap,
  MatchingPair,
  NumericalAnswer,
  OrderingItem,
  QuestionBody,
  QuestionDraft,
  QuestionType,
  RubricCriterion,
  TextAnswer,
  TextFormat,
} from '@siantar/contracts';

/**
 * The question editor's working copy. Fractions are percentages here (`50` for GIFT `%50%`),
 * numbers may be empty (`null`) while the author types, and every type's part is kept so
 * that switching the type of a new question loses nothing. `buildDraft` turns it into the
 * contract's `QuestionDraft`; `validateModel` says what still has to be fixed first.
 */
export interface EditorChoice {
  id: string;
  text: string;
  percent: number | null;
  feedback: string;
}

export interface EditorTextAnswer {
  text: string;
  percent: number | null;
  feedback: string;
}

export interface EditorNumerical {
  kind: 'exact' | 'range';
  value: number | null;
  tolerance: number | null;
  min: number | null;
  max: number | null;
  percent: number | null;
  feedback: string;
}

export interface EditorGap {
  id: string;
  type: ClozeGap['type'];
  weight: number | null;
  caseSensitive: boolean;
  textAnswers: EditorTextAnswer[];
  numerical: EditorNumerical[];
  choices: EditorChoice[];
}

export interface EditorLevel {
  points: number | null;
  description: string;
}

export interface EditorCriterion {
  id: string;
  name: string;
  levels: EditorLevel[];
}

export type Scoring = 'partial' | 'all-or-nothing';

export interface QuestionEditorModel {
  type: QuestionType;
  name: string;
  text: string;
  format: TextFormat;
  generalFeedback: string;
  defaultMark: number | null;
  tags: string[];
  /** single-choice, multiple-response */
  choices: EditorChoice[];
  choiceScoring: Scoring;
  /** true-false */
  correct: boolean;
  feedbackTrue: string;
  feedbackFalse: string;
  /** short-answer */
  textAnswers: EditorTextAnswer[];
  caseSensitive: boolean;
  /** numerical */
  numerical: EditorNumerical[];
  /** matching */
  pairs: MatchingPair[];
  distractors: string[];
  /** ordering: in the right order */
  items: OrderingItem[];
  orderingScoring: Scoring;
  /** cloze: text with `{{gapId}}` gaps */
  clozeText: string;
  gaps: EditorGap[];
  /** essay */
  rubric: EditorCriterion[];
  minWords: number | null;
}

/** A problem to fix before saving: a translation key, its parameters and where it is. */
export interface EditorIssue {
  path: string;
  key: string;
  params?: Record<string, string | number>;
  /** Set for a problem inside one gap of a cloze question. */
  gap?: string;
}

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_NAME_LENGTH = 255;

const K = 'assessment.editor.errors.';

/** Short ids, unique within one question (answers, pairs, items, criteria). */
export function newId(prefix: string, taken: readonly string[] = []): string {
  for (;;) {
    const id = `${prefix}${Math.random().toString(36).slice(2, 8)}`;
    if (!taken.includes(id)) {
      return id;
    }
  }
}

/** 50 → 0.5; 33.333 → 0.33333 (Moodle keeps 7 decimals of a fraction). */
export function toFraction(percent: number): number {
  return Math.round(percent * 100_000) / 10_000_000;
}

/** 0.3333333 → 33.33333 */
export function toPercent(fraction: number): number {
  return Math.round(fraction * 10_000_000) / 100_000;
}

export const emptyChoice = (taken: readonly string[] = []): EditorChoice => ({
  id: newId('a', taken),
  text: '',
  percent: 0,
  feedback: '',
});

export const emptyTextAnswer = (percent = 100): EditorTextAnswer => ({
  text: '',
  percent,
  feedback: '',
});

export const emptyNumerical = (percent = 100): EditorNumerical => ({
  kind: 'exact',
  value: null,
  tolerance: 0,
  min: null,
  max: null,
  percent,
  feedback: '',
});

export function emptyGap(id: string): EditorGap {
  return {
    id,
    type: 'short-answer',
    weight: 1,
    caseSensitive: false,
    textAnswers: [emptyTextAnswer()],
    numerical: [emptyNumerical()],
    choices: [{ ...emptyChoice(), percent: 100 }, emptyChoice()],
  };
}

export const emptyCriterion = (taken: readonly string[] = []): EditorCriterion => ({
  id: newId('k', taken),
  name: '',
  levels: [
    { points: 0, description: '' },
    { points: 1, description: '' },
  ],
});

/** A new question of a type, with empty rows ready to fill. */
export function emptyModel(type: QuestionType): QuestionEditorModel {
  const choices: EditorChoice[] = [];
  for (let i = 0; i < 4; i++) {
    choices.push(emptyChoice(choices.map((c) => c.id)));
  }
  return {
    type,
    name: '',
    text: '',
    format: 'html',
    generalFeedback: '',
    defaultMark: type === 'description' ? 0 : 1,
    tags: [],
    choices,
    choiceScoring: 'partial',
    correct: true,
    feedbackTrue: '',
    feedbackFalse: '',
    textAnswers: [emptyTextAnswer()],
    caseSensitive: false,
    numerical: [emptyNumerical()],
    pairs: [
      { id: newId('p'), prompt: '', answer: '' },
      { id: newId('p'), prompt: '', answer: '' },
      { id: newId('p'), prompt: '', answer: '' },
    ],
    distractors: [],
    items: [
      { id: newId('i'), text: '' },
      { id: newId('i'), text: '' },
      { id: newId('i'), text: '' },
    ],
    orderingScoring: 'partial',
    clozeText: '',
    gaps: [],
    rubric: [],
    minWords: null,
  };
}

const choiceOf = (a: ChoiceAnswer): EditorChoice => ({
  id: a.id,
  text: a.text,
  percent: toPercent(a.fraction),
  feedback: a.feedback ?? '',
});

const textAnswerOf = (a: TextAnswer): EditorTextAnswer => ({
  text: a.text,
  percent: toPercent(a.fraction),
  feedback: a.feedback ?? '',
});

const numericalOf = (a: NumericalAnswer): EditorNumerical =>
  a.kind === 'exact'
    ? {
        ...emptyNumerical(),
        kind: 'exact',
        value: a.value,
        tolerance: a.tolerance,
        percent: toPercent(a.fraction),
        feedback: a.feedback ?? '',
      }
    : {
        ...emptyNumerical(),
        kind: 'range',
        min: a.min,
        max: a.max,
        percent: toPercent(a.fraction),
        feedback: a.feedback ?? '',
      };

/** The editor's copy of a stored question (edit) or of an imported draft. */
export function modelFromDraft(
  draft: QuestionDraft,
  tags?: readonly string[],
): QuestionEditorModel {
  const m = emptyModel(draft.body.type);
  m.name = draft.name;
  m.text = draft.text;
  m.format = draft.format;
  m.generalFeedback = draft.generalFeedback ?? '';
  m.defaultMark = draft.defaultMark;
  m.tags = [...(tags ?? draft.tags ?? [])];
  const body = draft.body;
  switch (body.type) {
    case 'single-choice':
      m.choices = body.answers.map(choiceOf);
      break;
    case 'multiple-response':
      m.choices = body.answers.map(choiceOf);
      m.choiceScoring = body.scoring;
      break;
    case 'true-false':
      m.correct = body.correct;
      m.feedbackTrue = body.feedbackTrue ?? '';
      m.feedbackFalse = body.feedbackFalse ?? '';
      break;
    case 'short-answer':
      m.textAnswers = body.answers.map(textAnswerOf);
      m.caseSensitive = body.caseSensitive;
      break;
    case 'numerical':
      m.numerical = body.answers.map(numericalOf);
      break;
    case 'matching':
      m.pairs = body.pairs.map((p) => ({ ...p }));
      m.distractors = [...body.distractors];
      break;
    case 'ordering':
      m.items = body.items.map((i) => ({ ...i }));
      m.orderingScoring = body.scoring;
      break;
    case 'cloze':
      m.clozeText = body.text;
      m.gaps = body.gaps.map((g) => {
        const gap = emptyGap(g.id);
        gap.weight = g.weight;
        gap.type = g.type;
        if (g.type === 'short-answer') {
          gap.textAnswers = g.answers.map(textAnswerOf);
          gap.caseSensitive = g.caseSensitive;
        } else if (g.type === 'numerical') {
          gap.numerical = g.answers.map(numericalOf);
        } else {
          gap.choices = g.answers.map(choiceOf);
        }
        return gap;
      });
      break;
    case 'essay':
      m.rubric = body.rubric.map((c) => ({
        id: c.id,
        name: c.name,
        levels: c.levels.map((l) => ({ points: l.points, description: l.description })),
      }));
      m.minWords = body.minWords ?? null;
      break;
    case 'description':
      break;
  }
  return m;
}

/** Gap ids written in a cloze text, in order of first use: `{{g1}}`, `{{ g2 }}`. */
export function gapIdsInText(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(/\{\{\s*([A-Za-z0-9_-]{1,40})\s*\}\}/g)) {
    const id = match[1] ?? '';
    if (id && !ids.includes(id)) {
      ids.push(id);
    }
  }
  return ids;
}

/** The next free `gN` id for a new gap. */
export function nextGapId(model: Pick<QuestionEditorModel, 'clozeText' | 'gaps'>): string {
  const taken = new Set([...gapIdsInText(model.clozeText), ...model.gaps.map((g) => g.id)]);
  let n = 1;
  while (taken.has(`g${n}`)) {
    n++;
  }
  return `g${n}`;
}

/** Adds a definition for every gap the text names and lacks one (kept ones stay untouched). */
export function syncGaps(model: QuestionEditorModel): void {
  for (const id of gapIdsInText(model.clozeText)) {
    if (!model.gaps.some((g) => g.id === id)) {
      model.gaps.push(emptyGap(id));
    }
  }
}

const clean = (s: string): string => s.trim();
const optional = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);
const filled = <T extends { text: string }>(rows: readonly T[]): T[] =>
  rows.filter((r) => r.text.trim() !== '');

function buildChoices(rows: readonly EditorChoice[]): ChoiceAnswer[] {
  return filled(rows).map((r) => {
    const a: ChoiceAnswer = { id: r.id, text: clean(r.text), fraction: toFraction(r.percent ?? 0) };
    const feedback = optional(r.feedback);
    return feedback ? { ...a, feedback } : a;
  });
}

function buildTextAnswers(rows: readonly EditorTextAnswer[]): TextAnswer[] {
  return filled(rows).map((r) => {
    const a: TextAnswer = { text: clean(r.text), fraction: toFraction(r.percent ?? 0) };
    const feedback = optional(r.feedback);
    return feedback ? { ...a, feedback } : a;
  });
}

function buildNumerical(rows: readonly EditorNumerical[]): NumericalAnswer[] {
  return rows.map((r) => {
    const fraction = toFraction(r.percent ?? 0);
    const feedback = optional(r.feedback);
    const a: NumericalAnswer =
      r.kind === 'exact'
        ? { kind: 'exact', value: r.value ?? 0, tolerance: Math.abs(r.tolerance ?? 0), fraction }
        : { kind: 'range', min: r.min ?? 0, max: r.max ?? 0, fraction };
    return feedback ? { ...a, feedback } : a;
  });
}

function buildGap(g: EditorGap): ClozeGap {
  const weight = g.weight ?? 1;
  switch (g.type) {
    case 'short-answer':
      return {
        id: g.id,
        weight,
        type: 'short-answer',
        answers: buildTextAnswers(g.textAnswers),
        caseSensitive: g.caseSensitive,
      };
    case 'numerical':
      return { id: g.id, weight, type: 'numerical', answers: buildNumerical(g.numerical) };
    case 'single-choice':
      return { id: g.id, weight, type: 'single-choice', answers: buildChoices(g.choices) };
  }
}

function buildRubric(rows: readonly EditorCriterion[]): RubricCriterion[] {
  return rows.map((c) => ({
    id: c.id,
    name: clean(c.name),
    levels: c.levels.map((l) => ({ points: l.points ?? 0, description: clean(l.description) })),
  }));
}

/** The type's own part of the draft; rows left completely empty are dropped. */
export function buildBody(m: QuestionEditorModel): QuestionBody {
  switch (m.type) {
    case 'single-choice':
      return { type: 'single-choice', answers: buildChoices(m.choices) };
    case 'multiple-response':
      return {
        type: 'multiple-response',
        answers: buildChoices(m.choices),
        scoring: m.choiceScoring,
      };
    case 'true-false': {
      const body: QuestionBody = { type: 'true-false', correct: m.correct };
      const feedbackTrue = optional(m.feedbackTrue);
      const feedbackFalse = optional(m.feedbackFalse);
      return {
        ...body,
        ...(feedbackTrue ? { feedbackTrue } : {}),
        ...(feedbackFalse ? { feedbackFalse } : {}),
      };
    }
    case 'short-answer':
      return {
        type: 'short-answer',
        answers: buildTextAnswers(m.textAnswers),
        caseSensitive: m.caseSensitive,
      };
    case 'numerical':
      return { type: 'numerical', answers: buildNumerical(m.numerical) };
    case 'matching':
      return {
        type: 'matching',
        pairs: m.pairs
          .filter((p) => p.prompt.trim() || p.answer.trim())
          .map((p) => ({ id: p.id, prompt: clean(p.prompt), answer: clean(p.answer) })),
        distractors: m.distractors.map(clean).filter((d) => d !== ''),
      };
    case 'ordering':
      return {
        type: 'ordering',
        items: filled(m.items).map((i) => ({ id: i.id, text: clean(i.text) })),
        scoring: m.orderingScoring,
      };
    case 'cloze': {
      const used = gapIdsInText(m.clozeText);
      return {
        type: 'cloze',
        text: m.clozeText.trim(),
        gaps: m.gaps.filter((g) => used.includes(g.id)).map(buildGap),
      };
    }
    case 'essay': {
      const body: QuestionBody = { type: 'essay', rubric: buildRubric(m.rubric) };
      return m.minWords ? { ...body, minWords: Math.round(m.minWords) } : body;
    }
    case 'description':
      return { type: 'description' };
  }
}

/** The `QuestionDraft` the API expects (`SaveQuestionRequest.draft`). */
export function buildDraft(m: QuestionEditorModel): QuestionDraft {
  const draft: QuestionDraft = {
    name: m.name.trim(),
    text: m.text.trim(),
    format: m.format,
    defaultMark: m.type === 'description' ? 0 : (m.defaultMark ?? 0),
    body: buildBody(m),
  };
  const generalFeedback = optional(m.generalFeedback);
  if (generalFeedback) {
    draft.generalFeedback = generalFeedback;
  }
  const tags = normaliseTags(m.tags);
  if (tags.length) {
    draft.tags = tags;
  }
  return draft;
}

/** Trimmed, without duplicates (case-insensitive), in the order written. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLocaleLowerCase('id');
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** Sum of the highest level of every criterion: what a full rubric is worth. */
export function rubricMaxPoints(
  rubric: readonly { levels: { points: number | null }[] }[],
): number {
  return rubric.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points ?? 0)), 0);
}

const isNum = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v);

function checkPercents(
  rows: readonly { percent: number | null }[],
  path: string,
  issues: EditorIssue[],
): void {
  rows.forEach((r, i) => {
    if (!isNum(r.percent) || r.percent < -100 || r.percent > 100) {
      issues.push({ path: `${path}.${i}.percent`, key: `${K}percentRange`, params: { n: i + 1 } });
    }
  });
}

const best = (rows: readonly { percent: number | null }[]): number =>
  Math.max(-Infinity, ...rows.map((r) => r.percent ?? -Infinity));

function checkChoices(
  rows: readonly EditorChoice[],
  path: string,
  issues: EditorIssue[],
  mode: 'single' | Scoring,
): void {
  const used = filled(rows);
  if (used.length < 2) {
    issues.push({ path, key: `${K}choicesMin` });
    return;
  }
  checkPercents(
    rows.filter((r) => r.text.trim()),
    path,
    issues,
  );
  if (mode === 'single') {
    if (best(used) !== 100) {
      issues.push({ path, key: `${K}needFullAnswer` });
    }
    return;
  }
  const positive = used.reduce((s, r) => s + Math.max(0, r.percent ?? 0), 0);
  if (positive <= 0) {
    issues.push({ path, key: `${K}needCorrectChoice` });
  } else if (mode === 'partial' && Math.abs(positive - 100) > 0.01) {
    issues.push({
      path,
      key: `${K}positiveSum`,
      params: { sum: Math.round(positive * 100) / 100 },
    });
  }
}

function checkTextAnswers(
  rows: readonly EditorTextAnswer[],
  path: string,
  issues: EditorIssue[],
): void {
  const used = filled(rows);
  if (used.length === 0) {
    issues.push({ path, key: `${K}answersMin` });
    return;
  }
  checkPercents(used, path, issues);
  if (best(used) !== 100) {
    issues.push({ path, key: `${K}needFullAnswer` });
  }
}

function checkNumerical(
  rows: readonly EditorNumerical[],
  path: string,
  issues: EditorIssue[],
): void {
  if (rows.length === 0) {
    issues.push({ path, key: `${K}answersMin` });
    return;
  }
  rows.forEach((r, i) => {
    const n = i + 1;
    if (r.kind === 'exact') {
      if (!isNum(r.value)) {
        issues.push({ path: `${path}.${i}.value`, key: `${K}numValue`, params: { n } });
      }
      if (isNum(r.tolerance) && r.tolerance < 0) {
        issues.push({ path: `${path}.${i}.tolerance`, key: `${K}numTolerance`, params: { n } });
      }
    } else if (!isNum(r.min) || !isNum(r.max)) {
      issues.push({ path: `${path}.${i}.min`, key: `${K}numRange`, params: { n } });
    } else if (r.min > r.max) {
      issues.push({ path: `${path}.${i}.min`, key: `${K}numRangeOrder`, params: { n } });
    }
  });
  checkPercents(rows, path, issues);
  if (best(rows) !== 100) {
    issues.push({ path, key: `${K}needFullAnswer` });
  }
}

/** Everything the author still has to fix; empty when the draft may be sent. */
export function validateModel(m: QuestionEditorModel): EditorIssue[] {
  const issues: EditorIssue[] = [];
  if (!m.name.trim()) {
    issues.push({ path: 'name', key: `${K}nameRequired` });
  } else if (m.name.trim().length > MAX_NAME_LENGTH) {
    issues.push({ path: 'name', key: `${K}nameLength`, params: { max: MAX_NAME_LENGTH } });
  }
  if (!m.text.trim()) {
    issues.push({ path: 'text', key: `${K}textRequired` });
  }
  if (
    m.type !== 'description' &&
    (!isNum(m.defaultMark) || m.defaultMark <= 0 || m.defaultMark > 100)
  ) {
    issues.push({ path: 'defaultMark', key: `${K}markRange` });
  }
  const tags = normaliseTags(m.tags);
  if (tags.length > MAX_TAGS) {
    issues.push({ path: 'tags', key: `${K}tagsMax`, params: { max: MAX_TAGS } });
  }
  if (tags.some((t) => t.length > MAX_TAG_LENGTH)) {
    issues.push({ path: 'tags', key: `${K}tagLength`, params: { max: MAX_TAG_LENGTH } });
  }

  switch (m.type) {
    case 'single-choice':
      checkChoices(m.choices, 'choices', issues, 'single');
      break;
    case 'multiple-response':
      checkChoices(m.choices, 'choices', issues, m.choiceScoring);
      break;
    case 'true-false':
      break;
    case 'short-answer':
      checkTextAnswers(m.textAnswers, 'textAnswers', issues);
      break;
    case 'numerical':
      checkNumerical(m.numerical, 'numerical', issues);
      break;
    case 'matching': {
      m.pairs.forEach((p, i) => {
        if (Boolean(p.prompt.trim()) !== Boolean(p.answer.trim())) {
          issues.push({ path: `pairs.${i}`, key: `${K}pairIncomplete`, params: { n: i + 1 } });
        }
      });
      if (m.pairs.filter((p) => p.prompt.trim() && p.answer.trim()).length < 2) {
        issues.push({ path: 'pairs', key: `${K}pairsMin` });
      }
      break;
    }
    case 'ordering':
      if (filled(m.items).length < 2) {
        issues.push({ path: 'items', key: `${K}itemsMin` });
      }
      break;
    case 'cloze': {
      const ids = gapIdsInText(m.clozeText);
      if (ids.length === 0) {
        issues.push({ path: 'clozeText', key: `${K}clozeNoGaps` });
      }
      for (const id of ids) {
        if (!m.gaps.some((g) => g.id === id)) {
          issues.push({ path: `gaps.${id}`, key: `${K}gapUndefined`, params: { gap: id } });
        }
      }
      for (const g of m.gaps) {
        const path = `gaps.${g.id}`;
        if (!ids.includes(g.id)) {
          issues.push({ path, key: `${K}gapUnused`, params: { gap: g.id } });
          continue;
        }
        const before = issues.length;
        if (!isNum(g.weight) || g.weight <= 0) {
          issues.push({ path: `${path}.weight`, key: `${K}gapWeight` });
        }
        if (g.type === 'short-answer') {
          checkTextAnswers(g.textAnswers, path, issues);
        } else if (g.type === 'numerical') {
          checkNumerical(g.numerical, path, issues);
        } else {
          checkChoices(g.choices, path, issues, 'single');
        }
        // Say which gap each message is about.
        for (const issue of issues.slice(before)) {
          issue.gap = g.id;
        }
      }
      break;
    }
    case 'essay': {
      if (m.minWords !== null && (!isNum(m.minWords) || m.minWords < 0 || m.minWords > 10_000)) {
        issues.push({ path: 'minWords', key: `${K}minWords` });
      }
      m.rubric.forEach((c, i) => {
        const n = i + 1;
        if (!c.name.trim()) {
          issues.push({ path: `rubric.${i}.name`, key: `${K}criterionName`, params: { n } });
        }
        if (c.levels.length === 0) {
          issues.push({ path: `rubric.${i}`, key: `${K}criterionLevels`, params: { n } });
        }
        c.levels.forEach((l, j) => {
          if (!isNum(l.points) || l.points < 0 || l.points > 1000) {
            issues.push({
              path: `rubric.${i}.levels.${j}.points`,
              key: `${K}levelPoints`,
              params: { n, level: j + 1 },
            });
          }
          if (!l.description.trim()) {
            issues.push({
              path: `rubric.${i}.levels.${j}.description`,
              key: `${K}levelDescription`,
              params: { n, level: j + 1 },
            });
          }
        });
      });
      break;
    }
    case 'description':
      break;
  }
  return issues;
}
