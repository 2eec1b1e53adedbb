import {
  type LikertDistribution,
  SURVEY_DIMENSION_LABELS,
  SURVEY_DIMENSIONS,
  SURVEY_SCORE_MAX,
  SURVEY_SCORE_MIN,
  type SurveyCommentGroup,
  type SurveyDimension,
  type SurveyDimensionResult,
  type SurveyItemKind,
  type SurveyItemResult,
  type SurveyScoreSummary,
} from '@siantar/contracts';

/** An item as the results need it (current or retired, of any template the responses used). */
export interface ItemMeta {
  id: string;
  kind: SurveyItemKind;
  dimension: SurveyDimension | null;
  text: string;
  retired: boolean;
}

/** How many likert answers of an item gave a score. */
export interface ScoreCount {
  itemId: string;
  score: number;
  count: number;
}

export interface CommentRow {
  itemId: string;
  text: string;
}

export interface Gate {
  suppressed: boolean;
  /** More responses needed before anything but the count is shown; 0 when shown. */
  needed: number;
}

/**
 * The anonymity rule: results (aggregates and comments) are shown once a survey has at least
 * `threshold` responses; a caller allowed to read individual responses is not held back.
 */
export function anonymityGate(responses: number, threshold: number, privileged: boolean): Gate {
  if (privileged || responses >= threshold) return { suppressed: false, needed: 0 };
  return { suppressed: true, needed: threshold - responses };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Count, mean (2 decimals) and distribution of scores given as counts per score. */
export function summarise(counts: readonly { score: number; count: number }[]): SurveyScoreSummary {
  const distribution: LikertDistribution = [0, 0, 0, 0, 0];
  let answers = 0;
  let sum = 0;
  for (const { score, count } of counts) {
    if (!Number.isInteger(score) || score < SURVEY_SCORE_MIN || score > SURVEY_SCORE_MAX)
      throw new Error(`score out of range: ${score}`);
    distribution[score - SURVEY_SCORE_MIN] += count;
    answers += count;
    sum += score * count;
  }
  return { answers, average: answers ? round2(sum / answers) : null, distribution };
}

export interface Aggregates {
  overall: SurveyScoreSummary;
  dimensions: SurveyDimensionResult[];
  items: SurveyItemResult[];
  comments: SurveyCommentGroup[];
}

/**
 * Per item, per dimension (answer-weighted, in the canonical order, only dimensions that
 * have items) and overall; open answers per question, alphabetically (never in the order
 * they came in, which could point at a person). Items are listed in the order given; a
 * retired item is listed only when it was answered.
 */
export function aggregate(
  items: readonly ItemMeta[],
  counts: readonly ScoreCount[],
  comments: readonly CommentRow[],
): Aggregates {
  const byItem = new Map<string, ScoreCount[]>();
  for (const c of counts) byItem.set(c.itemId, [...(byItem.get(c.itemId) ?? []), c]);
  const likert = items.filter(
    (i): i is ItemMeta & { dimension: SurveyDimension } =>
      i.kind === 'likert' && i.dimension !== null && (!i.retired || byItem.has(i.id)),
  );
  const itemResults: SurveyItemResult[] = likert.map((i) => ({
    itemId: i.id,
    text: i.text,
    dimension: i.dimension,
    retired: i.retired,
    ...summarise(byItem.get(i.id) ?? []),
  }));
  const known = new Set(likert.map((i) => i.id));
  const dimensions: SurveyDimensionResult[] = SURVEY_DIMENSIONS.filter((d) =>
    likert.some((i) => i.dimension === d),
  ).map((d) => ({
    dimension: d,
    label: SURVEY_DIMENSION_LABELS[d],
    ...summarise(likert.filter((i) => i.dimension === d).flatMap((i) => byItem.get(i.id) ?? [])),
  }));
  const texts = new Map<string, string[]>();
  for (const c of comments) {
    const t = c.text.trim();
    if (t) texts.set(c.itemId, [...(texts.get(c.itemId) ?? []), t]);
  }
  const commentGroups: SurveyCommentGroup[] = items
    .filter((i) => i.kind === 'text' && (!i.retired || texts.has(i.id)))
    .map((i) => ({
      itemId: i.id,
      question: i.text,
      comments: [...(texts.get(i.id) ?? [])].sort((a, b) => a.localeCompare(b, 'id')),
    }));
  return {
    overall: summarise(counts.filter((c) => known.has(c.itemId))),
    dimensions,
    items: itemResults,
    comments: commentGroups,
  };
}
