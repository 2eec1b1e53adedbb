import type { PracticeField } from './model';

/**
 * The mock application's own rule for a field (required, the pattern, a number, a date,
 * one of the options), as the real application would refuse the input; null when it passes.
 */
export function fieldRuleError(f: PracticeField, raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (value === '') return f.required ? `${f.label} wajib diisi` : null;
  if (f.type === 'number' && !/^-?\d+([.,]\d+)?$/.test(value))
    return `${f.label} harus berupa angka`;
  if (f.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    return `${f.label} harus tanggal (TTTT-BB-HH)`;
  if (f.type === 'select' && !(f.options ?? []).includes(value))
    return `${f.label} harus dipilih dari daftar`;
  if (f.pattern !== undefined && !new RegExp(`^(?:${f.pattern})$`).test(value))
    return f.patternMessage ?? `${f.label} tidak sesuai format`;
  return null;
}

const normalise = (f: PracticeField, v: string): string => {
  const t = v.trim();
  switch (f.match ?? 'case-insensitive') {
    case 'exact':
      return t;
    case 'digits':
      return t.replace(/\D/g, '');
    case 'case-insensitive':
      return t.replace(/\s+/g, ' ').toLowerCase();
  }
};

/** Whether an answer is the one the citizen's documents give. */
export const matchesExpected = (f: PracticeField, raw: string | undefined): boolean =>
  normalise(f, raw ?? '') === normalise(f, f.expected);
