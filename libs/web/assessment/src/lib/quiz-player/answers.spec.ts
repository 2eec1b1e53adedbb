import type { LearnerQuestionBody } from '@siantar/contracts';
import { clozeSegments, completeness, looksNumeric, wordCount } from './answers';

describe('answer helpers', () => {
  const gaps = [
    { id: 'g1', type: 'short-answer' as const },
    { id: 'g2', type: 'single-choice' as const, choices: [{ id: 'c1', text: 'Disdukcapil' }] },
  ];

  it('cuts a cloze text at its gaps and keeps unknown markers and markup as text', () => {
    expect(clozeSegments('KTP <b>dibuat</b> di {{g2}} dalam {{ g1 }} hari {{zz}}.', gaps)).toEqual([
      { kind: 'text', text: 'KTP <b>dibuat</b> di ' },
      { kind: 'gap', gap: gaps[1], number: 1 },
      { kind: 'text', text: ' dalam ' },
      { kind: 'gap', gap: gaps[0], number: 2 },
      { kind: 'text', text: ' hari {{zz}}.' },
    ]);
  });

  it('accepts Indonesian and English number spellings', () => {
    for (const ok of ['3,14', '3.14', '-2', '1.250,5', '1,250.5', ' 42 ']) {
      expect(looksNumeric(ok)).toBe(true);
    }
    for (const bad of ['tiga', '3,1,4', '', '1e3']) {
      expect(looksNumeric(bad)).toBe(false);
    }
  });

  it('counts words', () => {
    expect(wordCount('  Pelayanan   publik yang\nprima ')).toBe(4);
    expect(wordCount('   ')).toBe(0);
  });

  it('tells empty, partial and complete answers apart', () => {
    const matching: LearnerQuestionBody = {
      type: 'matching',
      prompts: [
        { id: 'p1', prompt: 'KTP' },
        { id: 'p2', prompt: 'Akta' },
      ],
      options: ['Disdukcapil', 'Dinkes'],
    };
    expect(completeness(matching, null)).toBe('empty');
    expect(completeness(matching, { type: 'matching', matches: { p1: 'Disdukcapil' } })).toBe(
      'partial',
    );
    expect(
      completeness(matching, { type: 'matching', matches: { p1: 'Disdukcapil', p2: 'Dinkes' } }),
    ).toBe('complete');
    expect(completeness({ type: 'true-false' }, { type: 'true-false', value: false })).toBe(
      'complete',
    );
    expect(completeness({ type: 'essay', rubric: [] }, { type: 'essay', text: '  ' })).toBe(
      'empty',
    );
    expect(completeness({ type: 'description' }, null)).toBe('none');
  });
});
