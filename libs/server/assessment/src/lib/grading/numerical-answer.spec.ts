import { type NumericalAnswer } from '@siantar/contracts';
import { gradeNumericalAnswer, numericalMatches, parseLearnerNumber } from './numerical-answer';

const exact = (
  value: number,
  tolerance: number,
  fraction = 1,
  feedback?: string,
): NumericalAnswer => ({
  kind: 'exact',
  value,
  tolerance,
  fraction,
  feedback,
});
const range = (min: number, max: number, fraction = 1, feedback?: string): NumericalAnswer => ({
  kind: 'range',
  min,
  max,
  fraction,
  feedback,
});

describe('parseLearnerNumber', () => {
  it.each([
    ['3,14', 3.14],
    ['3.14', 3.14],
    [' -2,5 ', -2.5],
    ['+7', 7],
    ['\u22124', -4],
    [',5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['2,5E-1', 0.25],
    ['１２', 12],
    ['1.000', 1], // a single separator is always decimal
    ['0', 0],
  ])('%j → %s', (text, value) => {
    expect(parseLearnerNumber(text)).toBe(value);
  });

  it.each([
    '',
    '   ',
    'abc',
    '3,14abc',
    '1.000,5',
    '1,000.5',
    '1 000',
    '3..1',
    '--3',
    '1e',
    'Infinity',
    'NaN',
    '0x10',
    '1e999',
    '1/2',
    '5%',
    '9'.repeat(100),
  ])('rejects %j', (text) => {
    expect(parseLearnerNumber(text)).toBeNull();
  });
});

describe('numericalMatches', () => {
  it('includes both ends of value ± tolerance and excludes just outside', () => {
    const a = exact(3.14, 0.01);
    expect(numericalMatches(a, 3.15)).toBe(true);
    expect(numericalMatches(a, 3.13)).toBe(true);
    expect(numericalMatches(a, 3.1501)).toBe(false);
    expect(numericalMatches(a, 3.1299)).toBe(false);
  });

  it('absorbs binary floating-point error (0.1 + 0.2 style)', () => {
    expect(numericalMatches(exact(0.3, 0), 0.1 + 0.2)).toBe(true);
    expect(numericalMatches(exact(0.1 + 0.2, 0), 0.3)).toBe(true);
    // 0.4 − 0.3 is 0.10000000000000003 in binary, but it is exactly the tolerance.
    expect(numericalMatches(exact(0.3, 0.1), 0.4)).toBe(true);
    expect(numericalMatches(exact(0.3, 0.1), 0.2)).toBe(true);
    expect(numericalMatches(exact(0.3, 0.1), 0.40001)).toBe(false);
  });

  it('with tolerance 0 needs the exact value', () => {
    expect(numericalMatches(exact(42, 0), 42)).toBe(true);
    expect(numericalMatches(exact(42, 0), 42.001)).toBe(false);
    expect(numericalMatches(exact(0, 0), 0)).toBe(true);
    expect(numericalMatches(exact(0, 0), 1e-300)).toBe(false);
  });

  it('works for large values and negative tolerances typed by mistake', () => {
    expect(numericalMatches(exact(1_500_000, 50_000), 1_550_000)).toBe(true);
    expect(numericalMatches(exact(1_500_000, 50_000), 1_550_001)).toBe(false);
    expect(numericalMatches(exact(10, -1), 11)).toBe(true);
  });

  it('includes range ends, excludes just outside, tolerates a reversed range', () => {
    const r = range(1, 5);
    expect(numericalMatches(r, 1)).toBe(true);
    expect(numericalMatches(r, 5)).toBe(true);
    expect(numericalMatches(r, 3.3)).toBe(true);
    expect(numericalMatches(r, 0.999)).toBe(false);
    expect(numericalMatches(r, 5.001)).toBe(false);
    expect(numericalMatches(range(5, 1), 3)).toBe(true);
    expect(numericalMatches(range(0.1, 0.3), 0.1 + 0.2)).toBe(true);
  });
});

describe('gradeNumericalAnswer', () => {
  const answers = [
    exact(3.14, 0.01, 1, 'Tepat'),
    exact(3, 0.5, 0.5, 'Kurang teliti'),
    range(-10, 0, -1, 'Negatif'),
  ];

  it('the best matching fraction wins, whatever the listed order', () => {
    expect(gradeNumericalAnswer([...answers].reverse(), '3,14')).toEqual({
      fraction: 1,
      feedback: ['Tepat'],
    });
    expect(gradeNumericalAnswer(answers, '3.4')).toEqual({
      fraction: 0.5,
      feedback: ['Kurang teliti'],
    });
  });

  it('floors penalties at 0 and keeps the feedback', () => {
    expect(gradeNumericalAnswer(answers, '-2')).toEqual({ fraction: 0, feedback: ['Negatif'] });
  });

  it('gives 0 without feedback for garbage or no match, never throws', () => {
    expect(gradeNumericalAnswer(answers, 'tiga koma satu')).toEqual({ fraction: 0, feedback: [] });
    expect(gradeNumericalAnswer(answers, '')).toEqual({ fraction: 0, feedback: [] });
    expect(gradeNumericalAnswer(answers, '100')).toEqual({ fraction: 0, feedback: [] });
  });
});
