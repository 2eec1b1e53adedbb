/**
 * A NIP as the public verification page shows it: the first and last four digits, the
 * rest as `*`, length kept (`199205152015031005` → `1992**********1005`). Enough to match
 * a paper certificate against the person in front of you, not enough to learn their birth
 * date or appointment month. Anything shorter than 9 digits is masked whole.
 */
export function maskNip(nip: string | null | undefined): string | null {
  if (!nip) return null;
  const digits = nip.trim();
  if (!/^\d{9,}$/.test(digits)) return '*'.repeat(Math.max(digits.length, 1));
  return digits.slice(0, 4) + '*'.repeat(digits.length - 8) + digits.slice(-4);
}
