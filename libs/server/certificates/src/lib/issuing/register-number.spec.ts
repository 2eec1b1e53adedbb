import { DEFAULT_CERTIFICATE_NUMBER_FORMAT } from '@siantar/contracts';
import { formatRegisterNumber, isRegisterNumberFormat } from './register-number';

describe('register numbers', () => {
  const parts = { seq: 7, year: 2026, month: 11, issuerCode: 'BKPSDM' };

  it('formats the default as 0001/SKP/BKPSDM/2026', () => {
    expect(formatRegisterNumber(DEFAULT_CERTIFICATE_NUMBER_FORMAT, { ...parts, seq: 1 })).toBe(
      '0001/SKP/BKPSDM/2026',
    );
    expect(formatRegisterNumber(DEFAULT_CERTIFICATE_NUMBER_FORMAT, parts)).toBe(
      '0007/SKP/BKPSDM/2026',
    );
  });

  it('pads as asked, never cuts a longer number, and fills month and Roman month', () => {
    expect(formatRegisterNumber('{seq}/{issuer}/{year}', { ...parts, seq: 42 })).toBe(
      '42/BKPSDM/2026',
    );
    expect(formatRegisterNumber('{seq:3}/{issuer}/{year}', { ...parts, seq: 12345 })).toBe(
      '12345/BKPSDM/2026',
    );
    expect(formatRegisterNumber('SKP.{seq:5}/{issuer}/{month-roman}/{year}', parts)).toBe(
      'SKP.00007/BKPSDM/XI/2026',
    );
    expect(formatRegisterNumber('{year}{month}-{seq:2}-{issuer}', { ...parts, month: 3 })).toBe(
      '202603-07-BKPSDM',
    );
  });

  it('refuses a sequence below 1 or a wrong month', () => {
    expect(() => formatRegisterNumber('{seq}/{issuer}/{year}', { ...parts, seq: 0 })).toThrow();
    expect(() => formatRegisterNumber('{seq}/{issuer}/{year}', { ...parts, month: 13 })).toThrow();
  });

  it.each([
    ['{seq:4}/SKP/{issuer}/{year}', true],
    ['{seq}-{issuer}-{year}', true],
    ['{seq:4}/SKP/{issuer}/{month-roman}/{year}', true],
    ['{seq:4}/SKP/BKPSDM/{year}', false], // no {issuer}: two issuers could print one number
    ['{seq:4}/SKP/{issuer}', false], // no {year}
    ['SKP/{issuer}/{year}', false], // no {seq}
    ['{seq:9}/{issuer}/{year}', false], // padding 1–8
    ['{seq}/{issuer}/{year}/{day}', false], // unknown placeholder
    ['{seq}/{issuer}/{year}<script>', false], // literal text is restricted
    ['{seq}/{issuer}/{year', false],
  ])('format %s is acceptable: %s', (format, ok) => {
    expect(isRegisterNumberFormat(format)).toBe(ok);
  });
});
