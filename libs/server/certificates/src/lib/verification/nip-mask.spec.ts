import { maskNip } from './nip-mask';

describe('NIP masking on the public page', () => {
  it('keeps the first and last four digits and the length', () => {
    expect(maskNip('199205152015031005')).toBe('1992**********1005');
    expect(maskNip('199205152015031005')).toHaveLength(18);
  });

  it('hides the birth date and the appointment month', () => {
    const masked = maskNip('199205152015031005') as string;
    expect(masked).not.toContain('0515');
    expect(masked).not.toContain('201503');
  });

  it('is null without a NIP and fully masks anything odd', () => {
    expect(maskNip(null)).toBeNull();
    expect(maskNip('')).toBeNull();
    expect(maskNip('12345678')).toBe('********');
    expect(maskNip('abc')).toBe('***');
  });
});
