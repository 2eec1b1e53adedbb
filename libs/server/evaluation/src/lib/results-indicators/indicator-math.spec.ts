import { indicatorChange } from './indicator-math';

describe('indicatorChange', () => {
  it('a queue time that fell improved (lower is better)', () => {
    expect(indicatorChange('lower-is-better', 40, 25)).toEqual({
      change: -15,
      changePercent: -37.5,
      improved: true,
    });
  });

  it('a satisfaction index that fell got worse (higher is better)', () => {
    expect(indicatorChange('higher-is-better', 80, 76.5)).toEqual({
      change: -3.5,
      changePercent: -4.38,
      improved: false,
    });
  });

  it('has nothing to say before the value after is measured, or when nothing changed', () => {
    expect(indicatorChange('higher-is-better', 10, null)).toEqual({
      change: null,
      changePercent: null,
      improved: null,
    });
    expect(indicatorChange('higher-is-better', 10, 10).improved).toBeNull();
  });

  it('gives no percentage from a value of 0 before, and none of float noise', () => {
    expect(indicatorChange('higher-is-better', 0, 12)).toEqual({
      change: 12,
      changePercent: null,
      improved: true,
    });
    expect(indicatorChange('higher-is-better', 0.1, 0.3).change).toBe(0.2);
  });
});
