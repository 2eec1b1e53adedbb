import { hashSeed, mulberry32, seededShuffle, shuffleAvoiding } from './seeded-random';

describe('hashSeed and mulberry32', () => {
  it('are deterministic and spread nearby seeds', () => {
    expect(hashSeed('attempt-1')).toBe(hashSeed('attempt-1'));
    expect(hashSeed('attempt-1')).not.toBe(hashSeed('attempt-2'));
    const a = mulberry32(hashSeed('x'));
    const b = mulberry32(hashSeed('x'));
    const seq = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seq);
    for (const v of seq) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});

describe('seededShuffle', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

  it('returns the same permutation for the same seed, without mutating the input', () => {
    const copy = [...items];
    const first = seededShuffle(items, 'seed-1');
    expect(seededShuffle(items, 'seed-1')).toEqual(first);
    expect(items).toEqual(copy);
    expect([...first].sort()).toEqual(items);
  });

  it('different seeds give different orders', () => {
    const orders = new Set(
      Array.from({ length: 50 }, (_, i) => seededShuffle(items, `s${i}`).join('')),
    );
    expect(orders.size).toBeGreaterThan(40);
  });

  it('is roughly uniform over the 6 orders of 3 items', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = seededShuffle(['x', 'y', 'z'], `attempt-${i}`).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(850);
      expect(n).toBeLessThan(1150);
    }
  });

  it('handles empty and single lists', () => {
    expect(seededShuffle([], 's')).toEqual([]);
    expect(seededShuffle([1], 's')).toEqual([1]);
  });
});

describe('shuffleAvoiding', () => {
  const isIdentity = (c: readonly number[]) => c.every((v, i) => v === i);

  it('never returns a rejected order when one exists, for any seed', () => {
    for (let i = 0; i < 500; i++) {
      expect(isIdentity(shuffleAvoiding([0, 1], `s${i}`, isIdentity))).toBe(false);
      expect(isIdentity(shuffleAvoiding([0, 1, 2], `s${i}`, isIdentity))).toBe(false);
    }
  });

  it('falls back to a rotation when every reshuffle is rejected', () => {
    expect(shuffleAvoiding([0, 1, 2], 's', () => true)).toHaveLength(3);
  });

  it('leaves lists shorter than 2 alone', () => {
    expect(shuffleAvoiding([0], 's', isIdentity)).toEqual([0]);
  });
});
