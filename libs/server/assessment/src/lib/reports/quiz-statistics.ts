/**
 * Quiz report statistics over plain rows (classical test theory, as in Moodle's quiz
 * statistics report). Pure: callers load the rows, these functions only count.
 */
/**
 * Counts of percentages per band of `100 / bins` points: band i holds [i·w, (i+1)·w),
 * and 100 % goes into the last band. Values outside 0–100 are clamped; non-finite ones
 * are skipped. A tiny epsilon keeps 29.999999999999996 (binary noise for 30) in the 30 band.
 */
export function scoreHistogram(percentages: readonly number[], bins = 10): number[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError('bins must be a positive integer');
  const counts = new Array<number>(bins).fill(0);
  for (const p of percentages) {
    if (!Number.isFinite(p)) continue;
    const clamped = Math.min(100, Math.max(0, p));
    const band = Math.min(bins - 1, Math.floor((clamped * bins) / 100 + 1e-9));
    counts[band]++;
  }
  return counts;
}

/** The [from, to] percentage limits of each histogram band, for labels and CSV headers. */
export function histogramBands(bins = 10): { from: number; to: number }[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError('bins must be a positive integer');
  return Array.from({ length: bins }, (_, i) => ({
    from: (100 * i) / bins,
    to: (100 * (i + 1)) / bins,
  }));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Facility index: the mean fraction (0–1) learners scored on an item; null with no data. */
export function facilityIndex(questionFractions: readonly number[]): number | null {
  const values = questionFractions.filter(Number.isFinite);
  return values.length ? mean(values) : null;
}

export interface DiscriminationRow {
  /** The attempt's total score, in the same unit as the item's score (see `itemMark`). */
  total: number;
  /** The item's fraction (0–1). */
  fraction: number;
  /** Points the item is worth within `total`; default 1 (total is a sum of fractions). */
  itemMark?: number;
}

/**
 * Discrimination index: Pearson correlation between the item score and the rest of the
 * test (total minus this item), Moodle's "corrected item-total correlation" — leaving the
 * item out stops it from correlating with itself. Null for fewer than two rows or when
 * either side has no variance (the correlation is undefined there, not 0).
 */
export function discriminationIndex(rows: readonly DiscriminationRow[]): number | null {
  const usable = rows.filter((r) => Number.isFinite(r.total) && Number.isFinite(r.fraction));
  if (usable.length < 2) return null;
  const item = usable.map((r) => r.fraction * (r.itemMark ?? 1));
  const rest = usable.map((r, i) => r.total - item[i]);
  // Exact equality check rather than a variance threshold: identical values are the case.
  const constant = (v: number[]) => v.every((x) => x === v[0]);
  if (constant(item) || constant(rest)) return null;
  // Two-pass formula: subtracting means first avoids cancellation in sum-of-squares.
  const mi = mean(item);
  const mr = mean(rest);
  let cov = 0;
  let vi = 0;
  let vr = 0;
  for (let k = 0; k < item.length; k++) {
    const di = item[k] - mi;
    const dr = rest[k] - mr;
    cov += di * dr;
    vi += di * di;
    vr += dr * dr;
  }
  if (vi === 0 || vr === 0) return null;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(vi * vr)));
}

export interface PrePostPair {
  userId: string;
  /** Pre-test score in percent (0–100), null if not taken. */
  pre: number | null;
  /** Post-test score in percent (0–100), null if not taken. */
  post: number | null;
}

export interface LearnerGain extends PrePostPair {
  /** post − pre in percentage points; null unless both tests were taken. */
  gain: number | null;
  /** Hake's normalised gain (post − pre) / (100 − pre); null when pre is 100 (no room). */
  normalisedGain: number | null;
}

export interface PrePostSummary {
  learners: LearnerGain[];
  /** Learners with both a pre- and a post-test score. */
  paired: number;
  /** Mean of `gain` over paired learners. */
  averageGain: number | null;
  /** Mean of individual normalised gains (paired learners whose pre was below 100). */
  averageNormalisedGain: number | null;
  /**
   * Hake's original class gain ⟨g⟩ = (⟨post⟩ − ⟨pre⟩) / (100 − ⟨pre⟩) over paired
   * learners. It differs from the mean of individual gains; reports may want either.
   */
  classNormalisedGain: number | null;
}

type Paired = PrePostPair & { pre: number; post: number };

/** Both scores present and numeric; a NaN from a broken row counts as "not taken". */
function isPaired(p: PrePostPair): p is Paired {
  return p.pre !== null && p.post !== null && Number.isFinite(p.pre) && Number.isFinite(p.post);
}

/** Pre/post comparison per learner, with averages over learners who took both tests. */
export function prePostGain(pairs: readonly PrePostPair[]): PrePostSummary {
  const learners: LearnerGain[] = pairs.map((p) => {
    const base = { userId: p.userId, pre: p.pre, post: p.post };
    if (!isPaired(p)) return { ...base, gain: null, normalisedGain: null };
    const gain = p.post - p.pre;
    return { ...base, gain, normalisedGain: p.pre < 100 ? gain / (100 - p.pre) : null };
  });
  const paired = pairs.filter(isPaired);
  const normalised = learners.map((l) => l.normalisedGain).filter((g): g is number => g !== null);
  let classNormalisedGain: number | null = null;
  if (paired.length) {
    const meanPre = mean(paired.map((p) => p.pre));
    const meanPost = mean(paired.map((p) => p.post));
    classNormalisedGain = meanPre < 100 ? (meanPost - meanPre) / (100 - meanPre) : null;
  }
  return {
    learners,
    paired: paired.length,
    averageGain: paired.length ? mean(paired.map((p) => p.post - p.pre)) : null,
    averageNormalisedGain: normalised.length ? mean(normalised) : null,
    classNormalisedGain,
  };
}
