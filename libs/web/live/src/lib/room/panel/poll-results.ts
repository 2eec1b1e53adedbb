import type { LivePollView } from '@siantar/contracts';

export interface PollBar {
  option: string;
  count: number;
  /** Share of the voters who chose it, 0..1 (several per voter in a multiple-choice poll). */
  share: number;
  /** A right option of a graded poll (known once it closed, or to the host). */
  correct: boolean;
  /** This user chose it. */
  mine: boolean;
}

/** One bar per option, scaled to the voters. */
export function pollBars(p: LivePollView): PollBar[] {
  const correct = new Set(p.correctOptions ?? []);
  const mine = new Set(p.myVote ?? []);
  return p.options.map((option, i) => {
    const count = p.counts[i] ?? 0;
    return {
      option,
      count,
      share: p.voters > 0 ? Math.min(1, count / p.voters) : 0,
      correct: p.graded && correct.has(i),
      mine: mine.has(i),
    };
  });
}

const sameSet = (a: readonly number[], b: readonly number[]): boolean => {
  const x = [...new Set(a)].sort((m, n) => m - n);
  const y = [...new Set(b)].sort((m, n) => m - n);
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** After a graded poll closed: whether this user's answer was right; null otherwise. */
export function pollVerdict(p: LivePollView): 'right' | 'wrong' | null {
  if (!p.graded || p.status !== 'closed' || !p.correctOptions || !p.myVote) {
    return null;
  }
  return sameSet(p.correctOptions, p.myVote) ? 'right' : 'wrong';
}
