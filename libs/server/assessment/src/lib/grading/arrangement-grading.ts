import { type MatchingPair, type OrderingItem, type QuestionGrade } from '@siantar/contracts';
import { ownString } from './learner-input';

/**
 * Matching: each pair weighs the same; a pair is right when the chosen text equals its
 * answer after trimming. Comparing text (not an option index) lets two prompts share one
 * answer, which the learner view shows only once.
 */
export function gradeMatching(
  pairs: readonly MatchingPair[],
  matches: Record<string, unknown>,
): QuestionGrade {
  const parts: Record<string, number> = {};
  let right = 0;
  for (const pair of pairs) {
    const chosen = ownString(matches, pair.id);
    const ok = chosen !== undefined && chosen.trim() === pair.answer.trim();
    parts[pair.id] = ok ? 1 : 0;
    if (ok) right++;
  }
  return { fraction: pairs.length ? right / pairs.length : 0, feedback: [], parts };
}

/**
 * Ordering: `partial` gives the share of items in their correct absolute position;
 * `all-or-nothing` needs every position right. `parts` says, per item, whether it sits
 * where it belongs.
 */
export function gradeOrdering(
  items: readonly OrderingItem[],
  order: readonly string[],
  scoring: 'partial' | 'all-or-nothing',
): QuestionGrade {
  const parts: Record<string, number> = {};
  let placed = 0;
  items.forEach((item, index) => {
    const ok = order[index] === item.id;
    parts[item.id] = ok ? 1 : 0;
    if (ok) placed++;
  });
  const n = items.length;
  if (n === 0) return { fraction: 0, feedback: [], parts };
  const allRight = placed === n && order.length === n;
  const fraction = scoring === 'all-or-nothing' ? (allRight ? 1 : 0) : placed / n;
  return { fraction, feedback: [], parts };
}
