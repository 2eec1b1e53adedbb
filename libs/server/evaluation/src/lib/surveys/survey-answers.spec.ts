import type { SurveyItemView } from '@siantar/contracts';
import { checkAnswers } from './survey-answers';

const items: SurveyItemView[] = [
  { id: 'a', kind: 'likert', dimension: 'content', text: 'Materi jelas', required: true },
  { id: 'b', kind: 'likert', dimension: 'trainer', text: 'Pengajar menguasai', required: true },
  { id: 'c', kind: 'likert', dimension: 'method', text: 'Metode tepat', required: false },
  { id: 'd', kind: 'text', dimension: null, text: 'Saran', required: false },
];

describe('checkAnswers', () => {
  it('accepts whole scores 1..5, optional items left out, and trims open answers', () => {
    expect(
      checkAnswers(items, [
        { itemId: 'a', score: 1 },
        { itemId: 'b', score: 5 },
        { itemId: 'd', text: '  Lebih banyak praktik. ' },
      ]),
    ).toEqual({
      errors: [],
      answers: [
        { itemId: 'a', score: 1, text: null },
        { itemId: 'b', score: 5, text: null },
        { itemId: 'd', score: null, text: 'Lebih banyak praktik.' },
      ],
    });
  });

  it('treats a blank open answer as not answered', () => {
    expect(
      checkAnswers(items, [
        { itemId: 'a', score: 3 },
        { itemId: 'b', score: 3 },
        { itemId: 'd', text: '   ' },
      ]).answers.map((a) => a.itemId),
    ).toEqual(['a', 'b']);
  });

  it('lists every problem at once: out of range, unknown, repeated, wrong kind, missing', () => {
    const { errors } = checkAnswers(items, [
      { itemId: 'a', score: 0 },
      { itemId: 'zz', score: 3 },
      { itemId: 'c', score: 6 },
      { itemId: 'c', score: 2 },
      { itemId: 'd', score: 4 },
      { itemId: 'a', text: 'x' },
    ]);
    expect(errors.map((e) => e.path)).toEqual([
      'answers[0].score',
      'answers[1].itemId',
      'answers[2].score',
      'answers[3].itemId',
      'answers[4].score',
      'answers[5].itemId',
      'answers',
    ]);
    expect(errors[0].message).toContain('harus 1–5 (diterima 0)');
    expect(errors[1].message).toContain('zz');
    expect(errors[2].message).toContain('diterima 6');
    expect(errors[6].message).toContain('Pengajar menguasai');
  });

  it('refuses a fractional score and text on a likert item', () => {
    const { errors } = checkAnswers(items, [
      { itemId: 'a', score: 4.5 },
      { itemId: 'b', score: 4, text: 'bagus' },
    ]);
    expect(errors.map((e) => e.path)).toEqual(['answers[0].score', 'answers[1].text']);
  });
});
