import { type TextAnswer } from '@siantar/contracts';
import {
  findTextAnswer,
  gradeTextAnswer,
  normaliseAnswerText,
  wildcardMatches,
  wildcardSegments,
} from './text-answer';

const ans = (text: string, fraction = 1, feedback?: string): TextAnswer => ({
  text,
  fraction,
  feedback,
});
const matches = (pattern: string, text: string, caseSensitive = false) =>
  findTextAnswer([ans(pattern)], caseSensitive, text) !== undefined;

describe('normaliseAnswerText', () => {
  it('trims and collapses spaces, tabs, newlines and NBSP', () => {
    expect(normaliseAnswerText('  Badan \t Kepegawaian\n\u00a0Negara  ')).toBe(
      'Badan Kepegawaian Negara',
    );
  });

  it('uses NFC so a decomposed é equals the composed one', () => {
    expect(normaliseAnswerText('cafe\u0301')).toBe('caf\u00e9');
  });
});

describe('wildcard matching', () => {
  it.each([
    ['*sip', 'aparatur sipil', false],
    ['*sip', 'asn sip', true],
    ['a*b', 'ab', true],
    ['a*b', 'a-x-b', true],
    ['a*b', 'a-x-c', false],
    ['peg*', 'pegawai', true],
    ['peg*', 'apegawai', false],
    ['*', 'apa saja', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'acb', false],
    ['ab*ba', 'aba', false], // prefix and suffix may not overlap
    ['a**b', 'ab', true],
  ])('%j on %j → %s', (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });

  it('treats regex characters literally', () => {
    expect(matches('a.b', 'a.b')).toBe(true);
    expect(matches('a.b', 'axb')).toBe(false);
    expect(matches('(x)', '(x)')).toBe(true);
    expect(matches('(x)', 'x')).toBe(false);
    expect(matches('a+b?', 'a+b?')).toBe(true);
    expect(matches('a+b?', 'aab')).toBe(false);
    expect(matches('[abc]', 'a')).toBe(false);
    expect(matches('^$|\\d', '^$|\\d')).toBe(true);
    expect(matches('Rp 5.000*', 'Rp 5.000,00')).toBe(true);
    expect(matches('Rp 5.000*', 'Rp 5x000,00')).toBe(false);
  });

  it('reads \\* as a literal asterisk, as Moodle does', () => {
    expect(wildcardSegments('2\\*3')).toEqual(['2*3']);
    expect(matches('2\\*3', '2*3')).toBe(true);
    expect(matches('2\\*3', '2x3')).toBe(false);
    expect(matches('2\\**', '2*apa')).toBe(true);
  });

  it('does not backtrack badly on long text against many wildcards', () => {
    const segments = wildcardSegments('a*a*a*a*a*a*a*a*a*a*b');
    const text = 'a'.repeat(20_000);
    const started = Date.now();
    expect(wildcardMatches(segments, text)).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('case rules', () => {
  it('ignores case unless the question is case sensitive', () => {
    expect(matches('Jakarta', 'JAKARTA')).toBe(true);
    expect(matches('Jakarta', 'JAKARTA', true)).toBe(false);
    expect(matches('Jakarta', 'Jakarta', true)).toBe(true);
    expect(matches('*KARTA', 'jakarta')).toBe(true);
  });
});

describe('gradeTextAnswer', () => {
  const answers = [
    ans('Badan Kepegawaian Negara', 1, 'Tepat'),
    ans('BKN', 0.5, 'Singkatannya benar'),
    ans('Badan*', 0.2, 'Hampir'),
    ans('salah', -0.5, 'Penalti'),
    ans('*', 0, 'Jawaban lain'),
  ];

  it('first matching answer in listed order wins', () => {
    // "Badan Kepegawaian Negara" also matches "Badan*" and "*", but is listed first.
    expect(gradeTextAnswer(answers, false, 'badan  kepegawaian negara ')).toEqual({
      fraction: 1,
      feedback: ['Tepat'],
    });
    expect(gradeTextAnswer(answers, false, 'Badan Lain')).toEqual({
      fraction: 0.2,
      feedback: ['Hampir'],
    });
  });

  it('uses listed order even when a later answer is worth more', () => {
    const order = [ans('bkn*', 0.5), ans('bkn pusat', 1)];
    expect(gradeTextAnswer(order, false, 'BKN Pusat').fraction).toBe(0.5);
  });

  it('floors a negative fraction at 0 but keeps its feedback', () => {
    expect(gradeTextAnswer(answers, false, 'Salah')).toEqual({
      fraction: 0,
      feedback: ['Penalti'],
    });
  });

  it('gives the catch-all feedback to other text but not to an empty response', () => {
    expect(gradeTextAnswer(answers, false, 'entah')).toEqual({
      fraction: 0,
      feedback: ['Jawaban lain'],
    });
    expect(gradeTextAnswer(answers, false, '   \n ')).toEqual({ fraction: 0, feedback: [] });
  });

  it('scores 0 without feedback when nothing matches', () => {
    expect(gradeTextAnswer([ans('BKN')], false, 'KPK')).toEqual({ fraction: 0, feedback: [] });
  });
});
