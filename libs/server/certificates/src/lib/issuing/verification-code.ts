import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32, lower case, without padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Random bits in a verification code: guessing one is hopeless (and verification is rate-limited). */
export const VERIFICATION_CODE_BITS = 160;

/** A new public verification code: 20 random bytes as 32 base32 characters (a–z, 2–7). */
export const newVerificationCode = (): string => base32(randomBytes(VERIFICATION_CODE_BITS / 8));

const CODE = /^[a-z2-7]{32}$/;

/**
 * The code as stored, or null when the input cannot be one. Upper case is accepted (people
 * type codes from paper); nothing else is corrected.
 */
export function normaliseVerificationCode(input: string): string | null {
  const code = input.trim().toLowerCase();
  return CODE.test(code) ? code : null;
}
