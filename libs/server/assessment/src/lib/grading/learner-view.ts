import {
  type ChoiceAnswer,
  type LearnerQuestionBody,
  type MatchingPair,
  type QuestionBody,
} from '@siantar/contracts';
import { seededShuffle, shuffleAvoiding } from './seeded-random';

export { seededShuffle } from './seeded-random';

export interface LearnerViewOptions {
  /** Shuffle choices and matching prompts (the quiz setting); ordering and options always shuffle. */
  shuffleAnswers: boolean;
  /** Stable per attempt and question, and secret from the learner (see seeded-random.ts). */
  seed: string;
}

/** Each shuffled list gets its own derived seed, so lists do not move in lockstep. */
function subSeed(seed: string, ...path: string[]): string {
  return [seed, ...path].join('\u0000');
}

/** Copies only id and text: fractions and feedback never reach the learner. */
function choicesOf(answers: readonly ChoiceAnswer[], opts: LearnerViewOptions, ...path: string[]) {
  const choices = answers.map((a) => ({ id: a.id, text: a.text }));
  return opts.shuffleAnswers ? seededShuffle(choices, subSeed(opts.seed, ...path)) : choices;
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}

/**
 * Matching: prompts shuffle with the quiz setting; options (answers and distractors,
 * trimmed, deduplicated, blanks dropped) always shuffle, as in Moodle — in authored
 * order, option i would simply be prompt i's answer. When at least two distinct answers
 * exist, options never start with the answers in the order the prompts are shown.
 */
function matchingView(
  pairs: readonly MatchingPair[],
  distractors: readonly string[],
  opts: LearnerViewOptions,
): LearnerQuestionBody {
  const prompts = pairs.map((p) => ({ id: p.id, prompt: p.prompt }));
  const shown = opts.shuffleAnswers
    ? seededShuffle(prompts, subSeed(opts.seed, 'prompts'))
    : prompts;
  const answerOf = new Map(pairs.map((p) => [p.id, p.answer.trim()]));
  const aligned = unique(shown.map((p) => answerOf.get(p.id) ?? ''));
  const options = unique(
    [...pairs.map((p) => p.answer), ...distractors].map((t) => t.trim()).filter((t) => t !== ''),
  );
  const revealsKey = (candidate: readonly string[]) =>
    aligned.length >= 2 && sameSequence(candidate.slice(0, aligned.length), aligned);
  return {
    type: 'matching',
    prompts: shown,
    options: shuffleAvoiding(options, subSeed(opts.seed, 'options'), revealsKey),
  };
}

/**
 * What a learner sees during an attempt. Every object is built field by field (never
 * spread from the body), so keys, fractions, feedback and tolerances cannot leak even if
 * the contract gains fields later.
 */
export function learnerView(body: QuestionBody, opts: LearnerViewOptions): LearnerQuestionBody {
  switch (body.type) {
    case 'single-choice':
    case 'multiple-response':
      return { type: body.type, choices: choicesOf(body.answers, opts, 'choices') };
    case 'true-false':
    case 'short-answer':
    case 'numerical':
    case 'description':
      return { type: body.type };
    case 'matching':
      return matchingView(body.pairs, body.distractors, opts);
    case 'ordering': {
      // Always shuffled, and never shown already in the correct order (the key).
      const items = body.items.map((i) => ({ id: i.id, text: i.text }));
      const key = items.map((i) => i.id);
      const revealsKey = (candidate: readonly { id: string }[]) =>
        sameSequence(
          candidate.map((i) => i.id),
          key,
        );
      return {
        type: 'ordering',
        items: shuffleAvoiding(items, subSeed(opts.seed, 'items'), revealsKey),
      };
    }
    case 'cloze':
      return {
        type: 'cloze',
        text: body.text,
        gaps: body.gaps.map((gap) =>
          gap.type === 'single-choice'
            ? { id: gap.id, type: gap.type, choices: choicesOf(gap.answers, opts, 'gap', gap.id) }
            : { id: gap.id, type: gap.type },
        ),
      };
    case 'essay': {
      const rubric = body.rubric.map((c) => ({
        name: c.name,
        maxPoints: c.levels.reduce((max, level) => Math.max(max, level.points), 0),
      }));
      return body.minWords === undefined
        ? { type: 'essay', rubric }
        : { type: 'essay', minWords: body.minWords, rubric };
    }
  }
}
