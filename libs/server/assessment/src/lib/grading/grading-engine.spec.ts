import { type QuestionBody, type QuestionResponse, QUESTION_TYPES } from '@siantar/contracts';
import { gradeResponse, isAutoGradable, markFor } from './grading-engine';

const single: QuestionBody = {
  type: 'single-choice',
  answers: [
    { id: 'a', text: 'UU ASN', fraction: 1, feedback: 'Benar' },
    { id: 'b', text: 'UU Desa', fraction: 0.25, feedback: 'Sebagian' },
    { id: 'c', text: 'KUHP', fraction: -0.5, feedback: 'Salah' },
    { id: 'd', text: 'Tidak tahu', fraction: 0 },
  ],
};

const multi = (scoring: 'partial' | 'all-or-nothing'): QuestionBody => ({
  type: 'multiple-response',
  scoring,
  answers: [
    { id: 'a', text: 'Integritas', fraction: 0.5, feedback: 'fa' },
    { id: 'b', text: 'Profesional', fraction: 0.5, feedback: 'fb' },
    { id: 'c', text: 'Korupsi', fraction: -1, feedback: 'fc' },
    { id: 'd', text: 'Nepotisme', fraction: -0.25 },
  ],
});

const pick = (...choiceIds: string[]): QuestionResponse => ({
  type: 'multiple-response',
  choiceIds,
});

describe('single-choice', () => {
  it('scores the chosen answer with its feedback', () => {
    expect(gradeResponse(single, { type: 'single-choice', choiceId: 'a' })).toEqual({
      fraction: 1,
      feedback: ['Benar'],
    });
    expect(gradeResponse(single, { type: 'single-choice', choiceId: 'b' }).fraction).toBe(0.25);
  });

  it('floors a negative fraction at 0', () => {
    expect(gradeResponse(single, { type: 'single-choice', choiceId: 'c' })).toEqual({
      fraction: 0,
      feedback: ['Salah'],
    });
  });

  it('gives 0 for no answer, an unknown id or no response', () => {
    expect(gradeResponse(single, { type: 'single-choice', choiceId: null })).toEqual({
      fraction: 0,
      feedback: [],
    });
    expect(gradeResponse(single, { type: 'single-choice', choiceId: 'zz' }).fraction).toBe(0);
    expect(gradeResponse(single, null)).toEqual({ fraction: 0, feedback: [] });
  });
});

describe('multiple-response, partial', () => {
  const body = multi('partial');
  it('adds up chosen fractions', () => {
    expect(gradeResponse(body, pick('a')).fraction).toBe(0.5);
    expect(gradeResponse(body, pick('a', 'b')).fraction).toBe(1);
  });

  it('subtracts penalties and floors at 0', () => {
    expect(gradeResponse(body, pick('a', 'b', 'd')).fraction).toBe(0.75);
    expect(gradeResponse(body, pick('a', 'c')).fraction).toBe(0);
    expect(gradeResponse(body, pick('c', 'd')).fraction).toBe(0);
  });

  it('clamps a sum above 1', () => {
    const generous: QuestionBody = {
      type: 'multiple-response',
      scoring: 'partial',
      answers: [
        { id: 'x', text: 'x', fraction: 0.75 },
        { id: 'y', text: 'y', fraction: 0.75 },
      ],
    };
    expect(gradeResponse(generous, pick('x', 'y')).fraction).toBe(1);
  });

  it('counts a duplicated id once and ignores unknown ids', () => {
    expect(gradeResponse(body, pick('a', 'a', 'a')).fraction).toBe(0.5);
    expect(gradeResponse(body, pick('a', 'nope')).fraction).toBe(0.5);
  });

  it('collects feedback of chosen answers in authored order', () => {
    expect(gradeResponse(body, pick('c', 'a')).feedback).toEqual(['fa', 'fc']);
  });

  it('an empty selection scores 0', () => {
    expect(gradeResponse(body, pick())).toEqual({ fraction: 0, feedback: [] });
  });
});

describe('multiple-response, all-or-nothing', () => {
  const body = multi('all-or-nothing');
  it('full mark only for exactly the positive answers', () => {
    expect(gradeResponse(body, pick('b', 'a')).fraction).toBe(1);
    expect(gradeResponse(body, pick('a')).fraction).toBe(0);
    expect(gradeResponse(body, pick('a', 'b', 'd')).fraction).toBe(0);
    expect(gradeResponse(body, pick()).fraction).toBe(0);
  });

  it('does not reward an empty answer when no answer is positive (authoring error)', () => {
    const broken: QuestionBody = {
      type: 'multiple-response',
      scoring: 'all-or-nothing',
      answers: [{ id: 'x', text: 'x', fraction: 0 }],
    };
    expect(gradeResponse(broken, pick()).fraction).toBe(0);
  });
});

describe('true-false', () => {
  const body: QuestionBody = {
    type: 'true-false',
    correct: false,
    feedbackTrue: 'Anda menjawab benar — keliru',
    feedbackFalse: 'Anda menjawab salah — tepat',
  };
  it('scores 1 or 0 with the feedback of what was answered', () => {
    expect(gradeResponse(body, { type: 'true-false', value: false })).toEqual({
      fraction: 1,
      feedback: ['Anda menjawab salah — tepat'],
    });
    expect(gradeResponse(body, { type: 'true-false', value: true })).toEqual({
      fraction: 0,
      feedback: ['Anda menjawab benar — keliru'],
    });
  });

  it('unanswered scores 0 without feedback', () => {
    expect(gradeResponse(body, { type: 'true-false', value: null })).toEqual({
      fraction: 0,
      feedback: [],
    });
  });

  it('omits missing feedback', () => {
    const bare: QuestionBody = { type: 'true-false', correct: true };
    expect(gradeResponse(bare, { type: 'true-false', value: true })).toEqual({
      fraction: 1,
      feedback: [],
    });
  });
});

describe('short-answer and numerical through the engine', () => {
  it('short answer', () => {
    const body: QuestionBody = {
      type: 'short-answer',
      caseSensitive: false,
      answers: [{ text: 'Pancasila', fraction: 1 }],
    };
    expect(gradeResponse(body, { type: 'short-answer', text: ' PANCASILA ' }).fraction).toBe(1);
    expect(gradeResponse(body, { type: 'short-answer', text: '' }).fraction).toBe(0);
  });

  it('numerical', () => {
    const body: QuestionBody = {
      type: 'numerical',
      answers: [{ kind: 'exact', value: 2.5, tolerance: 0, fraction: 1 }],
    };
    expect(gradeResponse(body, { type: 'numerical', text: '2,5' }).fraction).toBe(1);
    expect(gradeResponse(body, { type: 'numerical', text: 'dua' }).fraction).toBe(0);
  });
});

describe('matching', () => {
  const body: QuestionBody = {
    type: 'matching',
    pairs: [
      { id: 'p1', prompt: 'BKN', answer: 'Kepegawaian' },
      { id: 'p2', prompt: 'LAN', answer: 'Pelatihan' },
      { id: 'p3', prompt: 'KASN', answer: 'Sistem merit ' },
      { id: 'p4', prompt: 'KemenPAN-RB', answer: 'Kepegawaian' },
    ],
    distractors: ['Pajak', 'Pertahanan'],
  };
  const match = (matches: Record<string, string>): QuestionResponse => ({
    type: 'matching',
    matches,
  });

  it('scores the share of right pairs with per-pair parts', () => {
    expect(
      gradeResponse(
        body,
        match({ p1: 'Kepegawaian', p2: 'Pajak', p3: 'Sistem merit', p4: 'Kepegawaian' }),
      ),
    ).toEqual({ fraction: 0.75, feedback: [], parts: { p1: 1, p2: 0, p3: 1, p4: 1 } });
  });

  it('compares trimmed text, case as written', () => {
    expect(gradeResponse(body, match({ p3: '  Sistem merit' })).parts?.['p3']).toBe(1);
    expect(gradeResponse(body, match({ p3: 'sistem merit' })).parts?.['p3']).toBe(0);
  });

  it('distractors never score, and missing pairs count as wrong', () => {
    expect(gradeResponse(body, match({ p1: 'Pertahanan' })).fraction).toBe(0);
    expect(gradeResponse(body, match({ p2: 'Pelatihan' })).fraction).toBe(0.25);
  });

  it('does not read inherited properties when an id is a prototype member', () => {
    const tricky: QuestionBody = {
      type: 'matching',
      pairs: [{ id: 'constructor', prompt: 'x', answer: 'function Object() { [native code] }' }],
      distractors: [],
    };
    expect(gradeResponse(tricky, match({})).fraction).toBe(0);
  });

  it('unanswered gives parts with zeros', () => {
    expect(gradeResponse(body, null)).toEqual({
      fraction: 0,
      feedback: [],
      parts: { p1: 0, p2: 0, p3: 0, p4: 0 },
    });
  });
});

describe('ordering', () => {
  const items = [
    { id: 'i1', text: 'Perencanaan' },
    { id: 'i2', text: 'Pelaksanaan' },
    { id: 'i3', text: 'Pemantauan' },
    { id: 'i4', text: 'Evaluasi' },
  ];
  const order = (...ids: string[]): QuestionResponse => ({ type: 'ordering', order: ids });
  const partial: QuestionBody = { type: 'ordering', items, scoring: 'partial' };
  const strict: QuestionBody = { type: 'ordering', items, scoring: 'all-or-nothing' };

  it('partial: items in their correct absolute position / n', () => {
    expect(gradeResponse(partial, order('i1', 'i2', 'i3', 'i4')).fraction).toBe(1);
    expect(gradeResponse(partial, order('i1', 'i3', 'i2', 'i4'))).toEqual({
      fraction: 0.5,
      feedback: [],
      parts: { i1: 1, i2: 0, i3: 0, i4: 1 },
    });
    // Everything shifted by one: relative order is right, absolute positions are not.
    expect(gradeResponse(partial, order('i4', 'i1', 'i2', 'i3')).fraction).toBe(0);
  });

  it('all-or-nothing: 1 only for the full correct order', () => {
    expect(gradeResponse(strict, order('i1', 'i2', 'i3', 'i4')).fraction).toBe(1);
    expect(gradeResponse(strict, order('i1', 'i2', 'i4', 'i3')).fraction).toBe(0);
    expect(gradeResponse(strict, order('i1', 'i2', 'i3')).fraction).toBe(0);
    expect(gradeResponse(strict, order('i1', 'i2', 'i3', 'i4', 'i4')).fraction).toBe(0);
  });

  it('a short or empty order scores what it places', () => {
    expect(gradeResponse(partial, order('i1')).fraction).toBe(0.25);
    expect(gradeResponse(partial, order()).fraction).toBe(0);
  });
});

describe('cloze', () => {
  const body: QuestionBody = {
    type: 'cloze',
    text: 'Ibu kota {{kota}} punya {{jumlah}} wilayah kota dan {{pilih}}.',
    gaps: [
      {
        id: 'kota',
        weight: 2,
        type: 'short-answer',
        caseSensitive: false,
        answers: [
          { text: 'Jakarta', fraction: 1, feedback: 'Ya' },
          { text: 'Jkt', fraction: 0.5 },
        ],
      },
      {
        id: 'jumlah',
        weight: 1,
        type: 'numerical',
        answers: [{ kind: 'exact', value: 5, tolerance: 0, fraction: 1, feedback: 'Lima' }],
      },
      {
        id: 'pilih',
        weight: 1,
        type: 'single-choice',
        answers: [
          { id: 'k', text: 'satu kabupaten', fraction: 1 },
          { id: 'x', text: 'tiga kabupaten', fraction: -1, feedback: 'Bukan' },
        ],
      },
    ],
  };
  const gaps = (g: Record<string, string>): QuestionResponse => ({ type: 'cloze', gaps: g });

  it('weights gap fractions by their weight', () => {
    expect(gradeResponse(body, gaps({ kota: 'jakarta', jumlah: '5', pilih: 'k' }))).toEqual({
      fraction: 1,
      feedback: ['Ya', 'Lima'],
      parts: { kota: 1, jumlah: 1, pilih: 1 },
    });
    // (2·1 + 1·0 + 1·0) / 4
    expect(gradeResponse(body, gaps({ kota: 'Jakarta', jumlah: '6' })).fraction).toBe(0.5);
    // (2·0.5 + 1·1 + 1·0) / 4, penalty gap floored at 0
    expect(gradeResponse(body, gaps({ kota: 'jkt', jumlah: '5,0', pilih: 'x' }))).toEqual({
      fraction: 0.5,
      feedback: ['Lima', 'Bukan'],
      parts: { kota: 0.5, jumlah: 1, pilih: 0 },
    });
  });

  it('a gap weight of 0 does not count; a broken weight defaults to 1', () => {
    const zero: QuestionBody = {
      ...body,
      gaps:
        body.type === 'cloze'
          ? body.gaps.map((g) => (g.id === 'kota' ? { ...g, weight: 0 } : g))
          : [],
    };
    expect(gradeResponse(zero, gaps({ jumlah: '5' })).fraction).toBe(0.5);
    const broken: QuestionBody = {
      ...body,
      gaps: body.type === 'cloze' ? body.gaps.map((g) => ({ ...g, weight: Number.NaN })) : [],
    };
    expect(gradeResponse(broken, gaps({ jumlah: '5' })).fraction).toBeCloseTo(1 / 3, 12);
  });

  it('no gaps or no response scores 0', () => {
    expect(gradeResponse({ type: 'cloze', text: 'x', gaps: [] }, gaps({})).fraction).toBe(0);
    expect(gradeResponse(body, null)).toEqual({
      fraction: 0,
      feedback: [],
      parts: { kota: 0, jumlah: 0, pilih: 0 },
    });
  });
});

describe('essay and description', () => {
  it('essay needs a person: fraction null', () => {
    const essay: QuestionBody = { type: 'essay', rubric: [] };
    expect(gradeResponse(essay, { type: 'essay', text: 'Jawaban panjang' })).toEqual({
      fraction: null,
      feedback: [],
    });
  });

  it('description carries no mark', () => {
    expect(gradeResponse({ type: 'description' }, null)).toEqual({ fraction: null, feedback: [] });
    expect(markFor(gradeResponse({ type: 'description' }, null).fraction, 0)).toBeNull();
  });
});

describe('responses that do not fit the question', () => {
  it('a response of another type scores 0', () => {
    expect(gradeResponse(single, { type: 'true-false', value: true })).toEqual({
      fraction: 0,
      feedback: [],
    });
    expect(gradeResponse(multi('partial'), { type: 'single-choice', choiceId: 'a' }).fraction).toBe(
      0,
    );
  });

  it('malformed JSON-ish data never throws', () => {
    const junk: unknown[] = [
      'a',
      42,
      [],
      { type: 'single-choice', choiceId: 7 },
      { type: 'multiple-response', choiceIds: 'a' },
      { type: 'multiple-response', choiceIds: ['a', 3, null] },
      { type: 'matching', matches: ['x'] },
      { type: 'cloze', gaps: null },
      { type: 'ordering', order: { 0: 'i1' } },
      { type: 'short-answer', text: { toString: 'x' } },
      { type: 'numerical' },
    ];
    const bodies: QuestionBody[] = [
      single,
      multi('partial'),
      { type: 'short-answer', caseSensitive: true, answers: [{ text: '*', fraction: 1 }] },
      { type: 'numerical', answers: [{ kind: 'range', min: 0, max: 1, fraction: 1 }] },
      { type: 'matching', pairs: [{ id: 'p', prompt: 'p', answer: 'a' }], distractors: [] },
      { type: 'ordering', items: [{ id: 'i1', text: 'x' }], scoring: 'partial' },
      { type: 'cloze', text: '{{g}}', gaps: [] },
    ];
    for (const body of bodies) {
      for (const response of junk) {
        expect(() => gradeResponse(body, response as QuestionResponse)).not.toThrow();
      }
    }
    expect(
      gradeResponse(multi('partial'), {
        type: 'multiple-response',
        choiceIds: ['a', 3, null],
      } as never).fraction,
    ).toBe(0.5);
  });
});

describe('markFor', () => {
  it.each([
    [1, 10, 10],
    [0.5, 3, 1.5],
    [1 / 3, 1, 0.33],
    [2 / 3, 1, 0.67],
    [0.335, 1, 0.34], // 33.5 in binary is 33.499999… without the precision fix
    [1.005 / 2, 2, 1.01],
    [0, 5, 0],
    [-0.5, 5, 0],
    [1.5, 5, 5],
  ])('markFor(%s, %s) = %s', (fraction, max, mark) => {
    expect(markFor(fraction, max)).toBe(mark);
  });

  it('no fraction means no mark', () => {
    expect(markFor(null, 10)).toBeNull();
  });
});

describe('isAutoGradable', () => {
  it('everything but essay and description', () => {
    expect(QUESTION_TYPES.filter((t) => !isAutoGradable(t))).toEqual(['essay', 'description']);
  });
});
