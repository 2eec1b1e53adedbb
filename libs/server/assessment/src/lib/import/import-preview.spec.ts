import type { QuestionDraft } from '@siantar/contracts';
import { anyNumberAnswer } from './any-number';
import { parseQuestions, toPreview } from './import-preview';

const base = { name: 'N', text: 'T', format: 'moodle' as const, defaultMark: 1 };

describe('toPreview', () => {
  it('flattens the common fields and keeps the draft itself', () => {
    const draft: QuestionDraft = {
      ...base,
      generalFeedback: 'G',
      category: 'A/B',
      tags: ['x'],
      body: { type: 'true-false', correct: true, feedbackFalse: 'F' },
    };
    expect(toPreview(draft, 7)).toEqual({
      line: 7,
      type: 'true-false',
      name: 'N',
      text: 'T',
      format: 'moodle',
      generalFeedback: 'G',
      defaultMark: 1,
      category: 'A/B',
      correct: true,
      feedbackFalse: 'F',
      draft,
    });
  });

  it('flattens choices without ids and adds scoring for multiple response', () => {
    const preview = toPreview(
      {
        ...base,
        body: {
          type: 'multiple-response',
          scoring: 'partial',
          answers: [
            { id: 'a1', text: 'x', fraction: 0.5, feedback: 'f' },
            { id: 'a2', text: 'y', fraction: 0.5 },
          ],
        },
      },
      1,
    );
    expect(preview.answers).toEqual([
      { text: 'x', fraction: 0.5, feedback: 'f' },
      { text: 'y', fraction: 0.5 },
    ]);
    expect(preview.scoring).toBe('partial');
  });

  it('writes numerical answers as value:tolerance, min..max and * for any other number', () => {
    const preview = toPreview(
      {
        ...base,
        body: {
          type: 'numerical',
          answers: [
            { kind: 'exact', value: 3.14, tolerance: 0.01, fraction: 1 },
            { kind: 'range', min: 1, max: 5, fraction: 0.5 },
            anyNumberAnswer('lain'),
          ],
        },
      },
      1,
    );
    expect(preview.answers?.map((a) => a.text)).toEqual(['3.14:0.01', '1..5', '*']);
    expect(preview.answers?.[1]).toEqual({ text: '1..5', min: 1, max: 5, fraction: 0.5 });
  });

  it('flattens short answers, matching pairs and distractors', () => {
    const short = toPreview(
      {
        ...base,
        body: { type: 'short-answer', caseSensitive: false, answers: [{ text: 'a', fraction: 1 }] },
      },
      1,
    );
    expect(short).toMatchObject({ answers: [{ text: 'a', fraction: 1 }], caseSensitive: false });
    const matching = toPreview(
      {
        ...base,
        body: {
          type: 'matching',
          pairs: [{ id: 'p1', prompt: 'a', answer: 'b' }],
          distractors: ['c'],
        },
      },
      1,
    );
    expect(matching.pairs).toEqual([{ prompt: 'a', answer: 'b' }]);
    expect(matching.distractors).toEqual(['c']);
  });

  it('adds no type fields for essay, description, ordering and cloze', () => {
    const bodies: QuestionDraft['body'][] = [
      { type: 'essay', rubric: [] },
      { type: 'description' },
      { type: 'ordering', scoring: 'partial', items: [] },
      { type: 'cloze', text: '', gaps: [] },
    ];
    for (const body of bodies) {
      const preview = toPreview({ ...base, body }, 1);
      expect(Object.keys(preview).sort()).toEqual(
        ['defaultMark', 'draft', 'format', 'line', 'name', 'text', 'type'].sort(),
      );
    }
  });
});

describe('parseQuestions', () => {
  it('dispatches on the format', () => {
    expect(parseQuestions('gift', 'Soal {T}').questions[0].type).toBe('true-false');
    expect(parseQuestions('aiken', 'S?\nA. x\nB. y\nANSWER: A').questions[0].type).toBe(
      'single-choice',
    );
  });
});
