import { CERTIFICATE_NUMBER_FORMAT } from '@siantar/contracts';

export interface RegisterNumberParts {
  seq: number;
  year: number;
  /** 1–12, of the issue date (Asia/Jakarta). */
  month: number;
  /** The issuing unit's code, e.g. `BKPSDM`. */
  issuerCode: string;
}

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Whether a format has the placeholders a unique number needs (the contract's rule). */
export const isRegisterNumberFormat = (format: string): boolean =>
  CERTIFICATE_NUMBER_FORMAT.test(format);

/**
 * A register number from its format, e.g. `{seq:4}/SKP/{issuer}/{year}` with seq 7 in 2026
 * → `0007/SKP/BKPSDM/2026`. `{seq}` alone is not padded; a number longer than the padding is
 * printed whole (10000 with `{seq:4}` is `10000`), never cut.
 */
export function formatRegisterNumber(format: string, parts: RegisterNumberParts): string {
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new Error(`bad sequence ${parts.seq}`);
  if (parts.month < 1 || parts.month > 12) throw new Error(`bad month ${parts.month}`);
  return format.replace(
    /\{(seq(?::([1-8]))?|year|issuer|month|month-roman)\}/g,
    (_m, token: string, pad?: string) => {
      if (token.startsWith('seq')) return String(parts.seq).padStart(pad ? Number(pad) : 0, '0');
      switch (token) {
        case 'year':
          return String(parts.year);
        case 'issuer':
          return parts.issuerCode;
        case 'month':
          return String(parts.month).padStart(2, '0');
        default:
          return ROMAN_MONTHS[parts.month - 1];
      }
    },
  );
}
