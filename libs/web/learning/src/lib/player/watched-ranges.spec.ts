import { WatchedTracker, mergeRange, watchedSeconds } from './watched-ranges';

describe('watched ranges', () => {
  it('merges overlapping and touching ranges and keeps them sorted', () => {
    let r = mergeRange([], [10, 20]);
    r = mergeRange(r, [30, 40]);
    r = mergeRange(r, [0, 5]);
    expect(r).toEqual([
      [0, 5],
      [10, 20],
      [30, 40],
    ]);
    r = mergeRange(r, [15, 32]);
    expect(r).toEqual([
      [0, 5],
      [10, 40],
    ]);
    r = mergeRange(r, [5.2, 10]); // touching within the tolerance
    expect(r).toEqual([[0, 40]]);
    expect(watchedSeconds(r)).toBe(40);
  });

  it('ignores empty and invalid ranges and swaps reversed ones', () => {
    expect(mergeRange([], [5, 5])).toEqual([]);
    expect(mergeRange([], [Number.NaN, 3])).toEqual([]);
    expect(mergeRange([], [8, 2])).toEqual([[2, 8]]);
  });

  it('counts watching the same part twice once', () => {
    let r = mergeRange([], [0, 30]);
    r = mergeRange(r, [0, 30]);
    r = mergeRange(r, [10, 20]);
    expect(watchedSeconds(r)).toBe(30);
  });

  it('tracks playback, does not count a skip ahead, and counts a rewatch once', () => {
    const t = new WatchedTracker();
    for (let s = 0; s <= 10; s += 0.25) {
      t.tick(s);
    }
    expect(t.seconds()).toBeCloseTo(10);
    // Seek to 60 and watch 5 s: the skipped 50 s do not count.
    for (let s = 60; s <= 65; s += 0.25) {
      t.tick(s);
    }
    expect(t.seconds()).toBeCloseTo(15);
    // Go back and watch 0–10 again: nothing new.
    t.close();
    for (let s = 0; s <= 10; s += 0.25) {
      t.tick(s);
    }
    t.close();
    expect(t.seconds()).toBeCloseTo(15);
    expect(t.snapshot()).toEqual([
      [0, 10],
      [60, 65],
    ]);
  });
});
