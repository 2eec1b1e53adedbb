import type { LearnerQuestionBody, QuestionResponse } from '@siantar/contracts';

/** How much of a question is answered; `none` for descriptions, which take no answer. */
export type Completeness = 'empty' | 'partial' | 'complete' | 'none';

type ClozeBody = Extract<LearnerQuestionBody, { type: 'cloze' }>;
export type ClozeGapView = ClozeBody['gaps'][number];

/** A cloze text cut at its `{{gapId}}` markers. Unknown markers stay as text. */
export type ClozeSegment =
  { kind: 'text'; text: string } | { kind: 'gap'; gap: ClozeGapView; number: number };

export function clozeSegments(text: string, gaps: readonly ClozeGapView[]): ClozeSegment[] {
  const byId = new Map(gaps.map((g) => [g.id, g]));
  const segments: ClozeSegment[] = [];
  const marker = /\{\{\s*([^{}\s]+)\s*\}\}/g;
  let last = 0;
  let number = 0;
  const pushText = (t: string): void => {
    if (!t) {
      return;
    }
    const prev = segments[segments.length - 1];
    if (prev?.kind === 'text') {
      prev.text += t;
    } else {
      segments.push({ kind: 'text', text: t });
    }
  };
  for (let m = marker.exec(text); m !== null; m = marker.exec(text)) {
    const gap = byId.get(m[1]);
    pushText(text.slice(last, m.index));
    if (gap) {
      segments.push({ kind: 'gap', gap, number: ++number });
    } else {
      pushText(m[0]);
    }
    last = m.index + m[0].length;
  }
  pushText(text.slice(last));
  return segments;
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/u).length : 0;
}

/** `3,14`, `3.14`, `-2`, `1.250,5`: a number as Indonesians and others write it. */
export function looksNumeric(text: string): boolean {
  const t = text.trim().replace(/\s/gu, '');
  return /^[-+]?(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)([.,]\d+)?$/u.test(t);
}

const filled = (s: string | null | undefined): boolean => !!s && s.trim() !== '';

/** How far the learner answered; the submit dialog lists the questions that are not complete. */
export function completeness(
  body: LearnerQuestionBody,
  response: QuestionResponse | null,
): Completeness {
  if (body.type === 'description') {
    return 'none';
  }
  if (!response || response.type !== body.type) {
    return 'empty';
  }
  switch (response.type) {
    case 'single-choice':
      return response.choiceId ? 'complete' : 'empty';
    case 'multiple-response':
      return response.choiceIds.length > 0 ? 'complete' : 'empty';
    case 'true-false':
      return response.value === null ? 'empty' : 'complete';
    case 'short-answer':
    case 'numerical':
    case 'essay':
      return filled(response.text) ? 'complete' : 'empty';
    case 'ordering':
      return response.order.length > 0 ? 'complete' : 'empty';
    case 'matching': {
      const prompts = body.type === 'matching' ? body.prompts : [];
      const n = prompts.filter((p) => filled(response.matches[p.id])).length;
      return n === 0 ? 'empty' : n === prompts.length ? 'complete' : 'partial';
    }
    case 'cloze': {
      const gaps = body.type === 'cloze' ? body.gaps : [];
      const n = gaps.filter((g) => filled(response.gaps[g.id])).length;
      return n === 0 ? 'empty' : n === gaps.length ? 'complete' : 'partial';
    }
  }
}
