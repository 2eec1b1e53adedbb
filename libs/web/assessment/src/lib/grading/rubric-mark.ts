import type { GradingItemDetail, RubricScoreInput } from '@siantar/contracts';

export type GradingRubric = GradingItemDetail['rubric'];

/** The level index chosen per criterion id (absent: not chosen yet). */
export type RubricSelection = Readonly<Record<string, number>>;

export interface RubricTotal {
  /** Sum of the chosen levels' points. */
  points: number;
  /** Sum of every criterion's highest level. */
  maxPoints: number;
  /** Every criterion has a level. */
  complete: boolean;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function rubricTotal(rubric: GradingRubric, selection: RubricSelection): RubricTotal {
  let points = 0;
  let maxPoints = 0;
  let complete = true;
  for (const c of rubric) {
    maxPoints += Math.max(0, ...c.levels.map((l) => l.points));
    const level = selection[c.id];
    const chosen = level === undefined ? undefined : c.levels[level];
    if (chosen) {
      points += chosen.points;
    } else {
      complete = false;
    }
  }
  return { points: round2(points), maxPoints: round2(maxPoints), complete };
}

/**
 * The mark the rubric gives: the share of the rubric's full points times the question's
 * mark (so a 10-point rubric still marks a 5-point question out of 5), two decimals.
 * null until every criterion has a level.
 */
export function rubricMark(
  rubric: GradingRubric,
  selection: RubricSelection,
  maxMark: number,
): number | null {
  const total = rubricTotal(rubric, selection);
  if (!total.complete || rubric.length === 0) {
    return null;
  }
  if (total.maxPoints <= 0) {
    return 0;
  }
  return round2(Math.min(1, Math.max(0, total.points / total.maxPoints)) * maxMark);
}

/** `ManualGradeRequest.rubric`: the points of the chosen level per criterion. */
export function rubricScores(
  rubric: GradingRubric,
  selection: RubricSelection,
): RubricScoreInput[] {
  const scores: RubricScoreInput[] = [];
  for (const c of rubric) {
    const level = selection[c.id];
    const chosen = level === undefined ? undefined : c.levels[level];
    if (chosen) {
      scores.push({ criterionId: c.id, points: chosen.points });
    }
  }
  return scores;
}

/** The selection a stored mark was made with, so re-marking starts from it. */
export function rubricSelection(
  rubric: GradingRubric,
  scores: GradingItemDetail['rubricScores'],
): RubricSelection {
  const selection: Record<string, number> = {};
  for (const s of scores ?? []) {
    const level = rubric
      .find((c) => c.id === s.criterionId)
      ?.levels.findIndex((l) => l.points === s.points);
    if (level !== undefined && level >= 0) selection[s.criterionId] = level;
  }
  return selection;
}

/** Words in an answer, for the grader (same counting as a word processor: runs of non-space). */
export function wordCount(text: string): number {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}
