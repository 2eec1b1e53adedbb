import {
  allowedSwitches,
  categoryOfErrorPath,
  inCategoryOrder,
  sameSwitches,
  switchLocks,
  withoutOrphanDigest,
} from './category-rows';

describe('category rows', () => {
  it('keeps known categories in their fixed order without touching the input', () => {
    const input = [
      { category: 'grading' as const },
      { category: 'future-thing' as never },
      { category: 'enrolment' as const },
    ];
    expect(inCategoryOrder(input).map((r) => r.category)).toEqual(['enrolment', 'grading']);
    expect(input.map((r) => r.category)).toEqual(['grading', 'future-thing', 'enrolment']);
  });

  it('drops the digest without email, and locks its switch', () => {
    expect(withoutOrphanDigest({ email: false, inApp: true, digest: true })).toEqual({
      email: false,
      inApp: true,
      digest: false,
    });
    const on = { email: true, inApp: false, digest: true };
    expect(withoutOrphanDigest(on)).toEqual(on);
    expect(withoutOrphanDigest(on)).not.toBe(on);
    expect(switchLocks({ email: false, mandatory: false })).toEqual({
      email: false,
      inApp: false,
      digest: true,
    });
    expect(switchLocks({ email: true, mandatory: false }).digest).toBe(false);
    expect(sameSwitches(on, { ...on })).toBe(true);
    expect(sameSwitches(on, { ...on, inApp: true })).toBe(false);
  });

  it('keeps a mandatory category by email and in the app, never bundled, its switches locked', () => {
    const row = { email: false, inApp: false, digest: true, mandatory: true };
    expect(allowedSwitches(row)).toEqual({
      email: true,
      inApp: true,
      digest: false,
      mandatory: true,
    });
    expect(switchLocks(row)).toEqual({ email: true, inApp: true, digest: true });
    const optional = { email: false, inApp: false, digest: true, mandatory: false };
    expect(allowedSwitches(optional)).toEqual({ ...optional, digest: false });
  });

  it('finds the category an error path is about, by its index in the request', () => {
    const sent = [{ category: 'deadline' as const }, { category: 'live-change' as const }];
    expect(categoryOfErrorPath('categories[1]', sent)).toBe('live-change');
    expect(categoryOfErrorPath('categories.0.email', sent)).toBe('deadline');
    expect(categoryOfErrorPath('categories[5]', sent)).toBeUndefined();
    expect(categoryOfErrorPath('quietHours', sent)).toBeUndefined();
    expect(categoryOfErrorPath('categories', sent)).toBeUndefined();
  });
});
