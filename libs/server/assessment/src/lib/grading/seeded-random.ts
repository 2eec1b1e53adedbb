/**
 * Deterministic shuffling for learner views: the same seed always gives the same order,
 * so a page reload (or a second device) shows the attempt exactly as before without
 * storing the order.
 *
 * The seed must not be derivable by the learner (e.g. HMAC of a server secret with the
 * attempt and question ids): with a known seed and this public algorithm a learner could
 * undo the shuffle of an ordering question and read the key.
 */

/** 32-bit FNV-1a over UTF-16 code units, then murmur3's finaliser so similar seeds diverge. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for presentation order (not for secrets). */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates driven by the seed; returns a new array and leaves `items` untouched. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const random = mulberry32(hashSeed(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** How many derived seeds to try before falling back to a rotation. */
const RESHUFFLE_ATTEMPTS = 8;

/**
 * Shuffles, and deterministically reshuffles while `revealsKey` says the order gives the
 * answer away (e.g. an ordering question shown in its correct order). After a few tries it
 * rotates by one, which always changes the first element of a list of distinct items, so
 * the result never depends on luck. Lists shorter than 2 cannot be disguised and are
 * returned as they are.
 */
export function shuffleAvoiding<T>(
  items: readonly T[],
  seed: string,
  revealsKey: (candidate: readonly T[]) => boolean,
): T[] {
  if (items.length < 2) return [...items];
  let candidate = seededShuffle(items, seed);
  for (let attempt = 1; attempt <= RESHUFFLE_ATTEMPTS && revealsKey(candidate); attempt++) {
    candidate = seededShuffle(items, `${seed}\u0000reshuffle\u0000${attempt}`);
  }
  return revealsKey(candidate) ? [...candidate.slice(1), candidate[0]] : candidate;
}
