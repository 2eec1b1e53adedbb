/**
 * Defensive readers for learner data. Responses are typed, but they arrive from JSON and
 * old stored attempts, so the grading engine re-checks shapes instead of trusting types:
 * grading must never throw on what a learner sent.
 */

export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function asStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an own string property only. `record[key]` alone would find inherited members
 * such as `constructor` when an author picked that word as a gap or pair id.
 */
export function ownString(record: unknown, key: string): string | undefined {
  if (!isPlainRecord(record) || !Object.prototype.hasOwnProperty.call(record, key)) {
    return undefined;
  }
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** Moodle's rule: a question (or part) never scores below 0 or above full marks. */
export function clampFraction(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.min(1, Math.max(0, fraction));
}

/** Feedback list without empty entries, so the client can render it directly. */
export function feedbackOf(...texts: (string | undefined)[]): string[] {
  return texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
}
