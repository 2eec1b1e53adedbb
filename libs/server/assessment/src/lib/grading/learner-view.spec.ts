import { type LearnerQuestionBody, type QuestionBody } from '@siantar/contracts';
import { learnerView, seededShuffle } from './learner-view';

const SECRET = 'RAHASIA';
const on = { shuffleAnswers: true, seed: 'attempt-7:q-3' };
const off = { shuffleAnswers: false, seed: 'attempt-7:q-3' };

const bodies: QuestionBody[] = [
  {
    type: 'single-choice',
    answers: [
      { id: 'a', text: 'Satu', fraction: 1, feedback: `${SECRET} a` },
      { id: 'b', text: 'Dua', fraction: 0, feedback: `${SECRET} b` },
      { id: 'c', text: 'Tiga', fraction: -0.5 },
    ],
  },
  {
    type: 'multiple-response',
    scoring: 'partial',
    answers: [
      { id: 'a', text: 'A', fraction: 0.5, feedback: SECRET },
      { id: 'b', text: 'B', fraction: 0.5 },
    ],
  },
  { type: 'true-false', correct: true, feedbackTrue: SECRET, feedbackFalse: SECRET },
  {
    type: 'short-answer',
    caseSensitive: false,
    answers: [{ text: `${SECRET}-jawaban`, fraction: 1, feedback: SECRET }],
  },
  {
    type: 'numerical',
    answers: [{ kind: 'exact', value: 31415, tolerance: 0.5, fraction: 1, feedback: SECRET }],
  },
  {
    type: 'matching',
    pairs: [
      { id: 'p1', prompt: 'BKN', answer: 'Kepegawaian' },
      { id: 'p2', prompt: 'LAN', answer: 'Pelatihan' },
    ],
    distractors: ['Pajak'],
  },
  {
    type: 'ordering',
    scoring: 'partial',
    items: [
      { id: 'i1', text: 'Satu' },
      { id: 'i2', text: 'Dua' },
      { id: 'i3', text: 'Tiga' },
    ],
  },
  {
    type: 'cloze',
    text: 'Ibu kota {{g1}} dan {{g2}} dan {{g3}}',
    gaps: [
      {
        id: 'g1',
        weight: 1,
        type: 'short-answer',
        caseSensitive: false,
        answers: [{ text: `${SECRET}-kota`, fraction: 1, feedback: SECRET }],
      },
      {
        id: 'g2',
        weight: 2,
        type: 'numerical',
        answers: [{ kind: 'range', min: 27182, max: 27183, fraction: 1 }],
      },
      {
        id: 'g3',
        weight: 1,
        type: 'single-choice',
        answers: [
          { id: 'x', text: 'X', fraction: 1, feedback: SECRET },
          { id: 'y', text: 'Y', fraction: 0 },
        ],
      },
    ],
  },
  {
    type: 'essay',
    minWords: 50,
    rubric: [
      {
        id: 'r1',
        name: 'Struktur',
        levels: [
          { points: 0, description: `${SECRET} buruk` },
          { points: 4, description: 'baik' },
          { points: 2, description: 'cukup' },
        ],
      },
    ],
  },
  { type: 'description' },
];

describe('learnerView never leaks the key', () => {
  it.each(bodies.map((b) => [b.type, b] as const))('%s', (_type, body) => {
    for (const opts of [on, off]) {
      const json = JSON.stringify(learnerView(body, opts));
      expect(json).not.toMatch(/fraction|feedback|tolerance|correct|caseSensitive|weight|levels/);
      expect(json).not.toContain(SECRET);
      expect(json).not.toContain('31415');
      expect(json).not.toContain('27182');
    }
  });

  it('shows only ids and texts of choices', () => {
    expect(learnerView(bodies[0], off)).toEqual({
      type: 'single-choice',
      choices: [
        { id: 'a', text: 'Satu' },
        { id: 'b', text: 'Dua' },
        { id: 'c', text: 'Tiga' },
      ],
    });
  });

  it('cloze keeps the text and gap types; only choice gaps list choices', () => {
    const view = learnerView(bodies[7], off);
    expect(view).toEqual({
      type: 'cloze',
      text: 'Ibu kota {{g1}} dan {{g2}} dan {{g3}}',
      gaps: [
        { id: 'g1', type: 'short-answer' },
        { id: 'g2', type: 'numerical' },
        {
          id: 'g3',
          type: 'single-choice',
          choices: [
            { id: 'x', text: 'X' },
            { id: 'y', text: 'Y' },
          ],
        },
      ],
    });
  });

  it('essay rubric becomes name and highest points', () => {
    expect(learnerView(bodies[8], on)).toEqual({
      type: 'essay',
      minWords: 50,
      rubric: [{ name: 'Struktur', maxPoints: 4 }],
    });
    expect(learnerView({ type: 'essay', rubric: [] }, on)).toEqual({ type: 'essay', rubric: [] });
  });
});

describe('shuffling', () => {
  const many: QuestionBody = {
    type: 'single-choice',
    answers: 'abcdefgh'.split('').map((id) => ({ id, text: id.toUpperCase(), fraction: 0 })),
  };
  const ids = (view: LearnerQuestionBody) =>
    view.type === 'single-choice' ? view.choices.map((c) => c.id).join('') : '';

  it('is deterministic per seed so a reload shows the same order', () => {
    expect(learnerView(many, on)).toEqual(learnerView(many, on));
    const orders = new Set(
      Array.from({ length: 30 }, (_, i) => ids(learnerView(many, { ...on, seed: `s${i}` }))),
    );
    expect(orders.size).toBeGreaterThan(25);
  });

  it('keeps authored choice order when shuffling is off', () => {
    expect(ids(learnerView(many, off))).toBe('abcdefgh');
  });

  it('shuffles cloze choice gaps independently of other lists', () => {
    const cloze: QuestionBody = {
      type: 'cloze',
      text: '{{g}}',
      gaps: [
        {
          id: 'g',
          weight: 1,
          type: 'single-choice',
          answers: 'abcdefgh'.split('').map((id) => ({ id, text: id, fraction: 0 })),
        },
      ],
    };
    const orders = new Set(
      Array.from({ length: 30 }, (_, i) => {
        const view = learnerView(cloze, { ...on, seed: `s${i}` });
        return view.type === 'cloze' ? (view.gaps[0].choices ?? []).map((c) => c.id).join('') : '';
      }),
    );
    expect(orders.size).toBeGreaterThan(25);
  });

  it('exports seededShuffle', () => {
    expect(seededShuffle([1, 2, 3], 'x')).toEqual(seededShuffle([1, 2, 3], 'x'));
  });
});

describe('ordering is never shown in the correct order', () => {
  const ordering = (n: number): QuestionBody => ({
    type: 'ordering',
    scoring: 'all-or-nothing',
    items: Array.from({ length: n }, (_, i) => ({ id: `i${i}`, text: `Langkah ${i}` })),
  });
  const order = (view: LearnerQuestionBody) =>
    view.type === 'ordering' ? view.items.map((i) => i.id).join(',') : '';

  it.each([2, 3, 4])('with %i items, over many seeds, even with shuffling off', (n) => {
    const correct = Array.from({ length: n }, (_, i) => `i${i}`).join(',');
    for (let s = 0; s < 300; s++) {
      const shown = order(learnerView(ordering(n), { shuffleAnswers: s % 2 === 0, seed: `a${s}` }));
      expect(shown).not.toBe(correct);
      expect(shown.split(',').sort().join(',')).toBe(correct);
    }
  });

  it('a single item cannot be disguised', () => {
    expect(learnerView(ordering(1), on)).toEqual({
      type: 'ordering',
      items: [{ id: 'i0', text: 'Langkah 0' }],
    });
  });
});

describe('matching options', () => {
  const body: QuestionBody = {
    type: 'matching',
    pairs: [
      { id: 'p1', prompt: 'Kucing', answer: 'Mamalia' },
      { id: 'p2', prompt: 'Anjing', answer: ' Mamalia ' },
      { id: 'p3', prompt: 'Elang', answer: 'Burung' },
      { id: 'p4', prompt: 'Hiu', answer: 'Ikan' },
    ],
    distractors: ['Reptil', 'Burung', '  ', 'Amfibi'],
  };

  it('are answers plus distractors, trimmed and deduplicated', () => {
    const view = learnerView(body, on);
    if (view.type !== 'matching') throw new Error('expected matching');
    expect([...view.options].sort()).toEqual(['Amfibi', 'Burung', 'Ikan', 'Mamalia', 'Reptil']);
  });

  it('prompts keep authored order when shuffling is off, options still shuffle', () => {
    const view = learnerView(body, off);
    if (view.type !== 'matching') throw new Error('expected matching');
    expect(view.prompts.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    const orders = new Set(
      Array.from({ length: 30 }, (_, i) => {
        const v = learnerView(body, { ...off, seed: `s${i}` });
        return v.type === 'matching' ? v.options.join('|') : '';
      }),
    );
    expect(orders.size).toBeGreaterThan(20);
  });

  it('options never start with the answers in the order prompts are shown', () => {
    for (let s = 0; s < 300; s++) {
      const two: QuestionBody = {
        type: 'matching',
        pairs: [
          { id: 'p1', prompt: 'a', answer: 'A' },
          { id: 'p2', prompt: 'b', answer: 'B' },
        ],
        distractors: [],
      };
      const view = learnerView(two, { shuffleAnswers: s % 2 === 0, seed: `m${s}` });
      if (view.type !== 'matching') throw new Error('expected matching');
      const aligned = view.prompts.map((p) => (p.id === 'p1' ? 'A' : 'B'));
      expect(view.options).not.toEqual(aligned);
    }
  });

  it('prompts shuffle when shuffling is on', () => {
    const orders = new Set(
      Array.from({ length: 30 }, (_, i) => {
        const v = learnerView(body, { ...on, seed: `s${i}` });
        return v.type === 'matching' ? v.prompts.map((p) => p.id).join('') : '';
      }),
    );
    expect(orders.size).toBeGreaterThan(10);
  });
});
