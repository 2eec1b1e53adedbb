import { finalPercent } from './final-grade';

describe('finalPercent', () => {
  const attempts = [
    { number: 2, percent: 80 },
    { number: 1, percent: 50 },
    { number: 3, percent: 65 },
  ];

  it('is null without graded attempts', () => {
    expect(finalPercent([], 'highest')).toBeNull();
  });

  it.each([
    ['highest', 80],
    ['first', 50],
    ['last', 65],
    ['average', 65],
  ] as const)('%s → %d', (method, expected) => {
    expect(finalPercent(attempts, method)).toBe(expected);
  });

  it('rounds the average to two decimals', () => {
    expect(
      finalPercent(
        [
          { number: 1, percent: 100 },
          { number: 2, percent: 0 },
          { number: 3, percent: 0 },
        ],
        'average',
      ),
    ).toBe(33.33);
  });
});
