import type { GradingMethod } from '@siantar/contracts';

export interface GradedAttempt {
  number: number;
  percent: number;
}

/** The percentage that counts for a quiz, from its graded attempts, by the quiz's method. */
export function finalPercent(attempts: GradedAttempt[], method: GradingMethod): number | null {
  if (attempts.length === 0) return null;
  const byNumber = [...attempts].sort((a, b) => a.number - b.number);
  switch (method) {
    case 'highest':
      return Math.max(...byNumber.map((a) => a.percent));
    case 'first':
      return byNumber[0].percent;
    case 'last':
      return byNumber[byNumber.length - 1].percent;
    case 'average':
      return (
        Math.round((byNumber.reduce((s, a) => s + a.percent, 0) / byNumber.length) * 100) / 100
      );
  }
}
