import {
  discriminationIndex,
  facilityIndex,
  histogramBands,
  prePostGain,
  scoreHistogram,
} from './quiz-statistics';

describe('scoreHistogram', () => {
  it('counts per 10% band, 100% in the last band', () => {
    expect(scoreHistogram([0, 5, 9.99, 10, 55, 90, 95, 99.99, 100])).toEqual([
      3, 1, 0, 0, 0, 1, 0, 0, 0, 4,
    ]);
  });

  it('keeps binary noise on a band edge in the intended band', () => {
    // 29.999999999999996 is how (0.1 * 3) * 100 style arithmetic lands next to 30.
    expect(scoreHistogram([29.999999999999996, (0.1 + 0.2) * 100])).toEqual([
      0, 0, 0, 2, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('clamps out-of-range values and skips non-finite ones', () => {
    expect(scoreHistogram([-3, 120, Number.NaN, Number.POSITIVE_INFINITY])).toEqual([
      1, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
  });

  it('supports other band counts and empty input', () => {
    expect(scoreHistogram([0, 24.9, 25, 50, 74.99, 100], 4)).toEqual([2, 1, 2, 1]);
    expect(scoreHistogram([], 5)).toEqual([0, 0, 0, 0, 0]);
    expect(() => scoreHistogram([1], 0)).toThrow(RangeError);
    expect(() => scoreHistogram([1], 2.5)).toThrow(RangeError);
  });

  it('labels bands', () => {
    expect(histogramBands(4)).toEqual([
      { from: 0, to: 25 },
      { from: 25, to: 50 },
      { from: 50, to: 75 },
      { from: 75, to: 100 },
    ]);
  });
});

describe('facilityIndex', () => {
  it('is the mean fraction', () => {
    expect(facilityIndex([1, 0.5, 0, 0.5])).toBe(0.5);
    expect(facilityIndex([1, 1, 1, 0])).toBe(0.75);
  });

  it('is null without data and ignores non-numbers', () => {
    expect(facilityIndex([])).toBeNull();
    expect(facilityIndex([1, Number.NaN])).toBe(1);
  });
});

describe('discriminationIndex (corrected item-total correlation)', () => {
  it('correlates the item with the rest of the test, not the total', () => {
    // item [1,1,0,0], total [5,4,2,1] → rest [4,3,2,1]
    // cov = 2, var(item) = 1, var(rest) = 5 → r = 2/√5 ≈ 0.894427
    // (correlating with the total instead would give 3/√10 ≈ 0.948683)
    const r = discriminationIndex([
      { total: 5, fraction: 1 },
      { total: 4, fraction: 1 },
      { total: 2, fraction: 0 },
      { total: 1, fraction: 0 },
    ]);
    expect(r).toBeCloseTo(2 / Math.sqrt(5), 12);
  });

  it('is negative when strong learners miss the item', () => {
    // item [0,0,1,1], total [4,3,2,2] → rest [4,3,1,1]: mean 2.25
    // di = [-.5,-.5,.5,.5], dr = [1.75,.75,-1.25,-1.25]
    // cov = -0.875 - 0.375 - 0.625 - 0.625 = -2.5, vi = 1, vr = 6.75 → r = -2.5/√6.75
    const r = discriminationIndex([
      { total: 4, fraction: 0 },
      { total: 3, fraction: 0 },
      { total: 2, fraction: 1 },
      { total: 2, fraction: 1 },
    ]);
    expect(r).toBeCloseTo(-2.5 / Math.sqrt(6.75), 12);
  });

  it('uses itemMark to put the item in the unit of the total', () => {
    // Item worth 2 points: scores [2,1,0], totals [10,6,2] → rest [8,5,2]: perfectly linear.
    const r = discriminationIndex([
      { total: 10, fraction: 1, itemMark: 2 },
      { total: 6, fraction: 0.5, itemMark: 2 },
      { total: 2, fraction: 0, itemMark: 2 },
    ]);
    expect(r).toBeCloseTo(1, 12);
  });

  it('is null with fewer than 2 rows or no variance on either side', () => {
    expect(discriminationIndex([])).toBeNull();
    expect(discriminationIndex([{ total: 3, fraction: 1 }])).toBeNull();
    expect(
      discriminationIndex([
        { total: 3, fraction: 1 },
        { total: 2, fraction: 1 },
      ]),
    ).toBeNull();
    // Totals differ only by this item, so the rest of the test is constant.
    expect(
      discriminationIndex([
        { total: 3, fraction: 1 },
        { total: 2, fraction: 0 },
      ]),
    ).toBeNull();
    expect(
      discriminationIndex([
        { total: 0.1 + 0.2, fraction: 0.1 },
        { total: 0.1 + 0.2, fraction: 0.1 },
      ]),
    ).toBeNull();
  });
});

describe('prePostGain', () => {
  const summary = prePostGain([
    { userId: 'a', pre: 40, post: 70 },
    { userId: 'b', pre: 100, post: 90 },
    { userId: 'c', pre: 50, post: null },
    { userId: 'd', pre: 20, post: 60 },
    { userId: 'e', pre: null, post: null },
  ]);

  it('gives absolute and Hake normalised gain per learner', () => {
    expect(summary.learners).toEqual([
      { userId: 'a', pre: 40, post: 70, gain: 30, normalisedGain: 0.5 },
      { userId: 'b', pre: 100, post: 90, gain: -10, normalisedGain: null },
      { userId: 'c', pre: 50, post: null, gain: null, normalisedGain: null },
      { userId: 'd', pre: 20, post: 60, gain: 40, normalisedGain: 0.5 },
      { userId: 'e', pre: null, post: null, gain: null, normalisedGain: null },
    ]);
  });

  it('averages over learners with both scores', () => {
    expect(summary.paired).toBe(3);
    expect(summary.averageGain).toBe(20); // (30 − 10 + 40) / 3
    expect(summary.averageNormalisedGain).toBe(0.5); // b has none (pre = 100)
    // ⟨pre⟩ = 160/3, ⟨post⟩ = 220/3 → (60/3) / (140/3) = 3/7
    expect(summary.classNormalisedGain).toBeCloseTo(3 / 7, 12);
  });

  it('reports a loss as a negative normalised gain', () => {
    expect(prePostGain([{ userId: 'x', pre: 60, post: 50 }]).learners[0].normalisedGain).toBe(
      -0.25,
    );
  });

  it('has null averages when nobody took both tests', () => {
    expect(prePostGain([{ userId: 'x', pre: 10, post: null }])).toEqual({
      learners: [{ userId: 'x', pre: 10, post: null, gain: null, normalisedGain: null }],
      paired: 0,
      averageGain: null,
      averageNormalisedGain: null,
      classNormalisedGain: null,
    });
  });
});
