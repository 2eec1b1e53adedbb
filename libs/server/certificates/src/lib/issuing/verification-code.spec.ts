import {
  base32,
  newVerificationCode,
  normaliseVerificationCode,
  VERIFICATION_CODE_BITS,
} from './verification-code';

describe('verification codes', () => {
  it('are 32 base32 characters carrying 160 random bits', () => {
    expect(VERIFICATION_CODE_BITS).toBeGreaterThanOrEqual(128);
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{32}$/);
  });

  it('encodes base32 as RFC 4648 (lower case, no padding)', () => {
    // RFC 4648 test vectors.
    expect(base32(Buffer.from(''))).toBe('');
    expect(base32(Buffer.from('f'))).toBe('my');
    expect(base32(Buffer.from('fo'))).toBe('mzxq');
    expect(base32(Buffer.from('foobar'))).toBe('mzxw6ytboi');
  });

  it('accepts upper case and surrounding spaces, and nothing malformed', () => {
    const c = newVerificationCode();
    expect(normaliseVerificationCode(` ${c.toUpperCase()} `)).toBe(c);
    expect(normaliseVerificationCode(c.slice(1))).toBeNull();
    expect(normaliseVerificationCode(`${c}a`)).toBeNull();
    expect(normaliseVerificationCode(c.replace(/./, '0'))).toBeNull();
    expect(normaliseVerificationCode('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(normaliseVerificationCode("' OR 1=1 --")).toBeNull();
  });
});
