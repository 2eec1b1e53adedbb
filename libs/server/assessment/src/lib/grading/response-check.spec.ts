import { type LearnerQuestionBody } from '@siantar/contracts';
import { checkResponse, MAX_RESPONSE_TEXT } from './response-check';

const choice: LearnerQuestionBody = {
  type: 'single-choice',
  choices: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ],
};
const multi: LearnerQuestionBody = { ...choice, type: 'multiple-response' };
const matching: LearnerQuestionBody = {
  type: 'matching',
  prompts: [
    { id: 'p1', prompt: 'BKN' },
    { id: 'p2', prompt: 'LAN' },
  ],
  options: ['Kepegawaian', 'Pelatihan', 'Pajak'],
};
const ordering: LearnerQuestionBody = {
  type: 'ordering',
  items: [
    { id: 'i2', text: 'Dua' },
    { id: 'i1', text: 'Satu' },
    { id: 'i3', text: 'Tiga' },
  ],
};
const cloze: LearnerQuestionBody = {
  type: 'cloze',
  text: '{{g1}} {{g2}}',
  gaps: [
    { id: 'g1', type: 'short-answer' },
    { id: 'g2', type: 'single-choice', choices: [{ id: 'x', text: 'X' }] },
  ],
};

/** Round-trips through JSON, as the HTTP boundary does. */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function rejects(view: LearnerQuestionBody, response: unknown, why: RegExp) {
  const result = checkResponse(view, response);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toMatch(why);
}

describe('checkResponse accepts', () => {
  it.each([
    ['single choice', choice, { type: 'single-choice', choiceId: 'b' }],
    ['single choice unanswered', choice, { type: 'single-choice', choiceId: null }],
    ['multiple response', multi, { type: 'multiple-response', choiceIds: ['b', 'a'] }],
    ['multiple response empty', multi, { type: 'multiple-response', choiceIds: [] }],
    ['true/false', { type: 'true-false' }, { type: 'true-false', value: false }],
    ['true/false unanswered', { type: 'true-false' }, { type: 'true-false', value: null }],
    ['short answer empty', { type: 'short-answer' }, { type: 'short-answer', text: '' }],
    [
      'numerical garbage (graded later)',
      { type: 'numerical' },
      { type: 'numerical', text: 'bukan angka' },
    ],
    [
      'essay at the length limit',
      { type: 'essay', rubric: [] },
      { type: 'essay', text: 'x'.repeat(MAX_RESPONSE_TEXT) },
    ],
    ['matching with a distractor', matching, { type: 'matching', matches: { p1: 'Pajak' } }],
    ['matching empty', matching, { type: 'matching', matches: {} }],
    ['ordering permutation', ordering, { type: 'ordering', order: ['i3', 'i1', 'i2'] }],
    ['cloze', cloze, { type: 'cloze', gaps: { g1: 'jawaban', g2: 'x' } }],
    ['cloze empty', cloze, { type: 'cloze', gaps: {} }],
  ] as [string, LearnerQuestionBody, unknown][])('%s', (_label, view, response) => {
    expect(checkResponse(view, json(response))).toEqual({ ok: true, response });
  });

  it('drops unknown fields and null (unanswered) map entries', () => {
    expect(
      checkResponse(choice, { type: 'single-choice', choiceId: 'a', fraction: 1, admin: true }),
    ).toEqual({ ok: true, response: { type: 'single-choice', choiceId: 'a' } });
    expect(
      checkResponse(matching, { type: 'matching', matches: { p1: null, p2: 'Pelatihan' } }),
    ).toEqual({ ok: true, response: { type: 'matching', matches: { p2: 'Pelatihan' } } });
  });
});

describe('checkResponse rejects', () => {
  it.each([
    ['null', choice, null, /objek JSON/],
    ['array', choice, [], /objek JSON/],
    ['string', choice, 'a', /objek JSON/],
    ['missing type', choice, { choiceId: 'a' }, /\(kosong\) tidak sesuai/],
    [
      'other type',
      choice,
      { type: 'multiple-response', choiceIds: ['a'] },
      /tidak sesuai dengan jenis soal/,
    ],
    ['description', { type: 'description' }, { type: 'description' }, /tidak memerlukan jawaban/],
    ['unknown choice', choice, { type: 'single-choice', choiceId: 'z' }, /"z" tidak ada pada soal/],
    ['missing choiceId', choice, { type: 'single-choice' }, /id pilihan atau null/],
    ['numeric choiceId', choice, { type: 'single-choice', choiceId: 1 }, /id pilihan atau null/],
    [
      'choiceIds not array',
      multi,
      { type: 'multiple-response', choiceIds: 'a' },
      /harus berupa array/,
    ],
    [
      'duplicate choice',
      multi,
      { type: 'multiple-response', choiceIds: ['a', 'a'] },
      /lebih dari sekali/,
    ],
    [
      'unknown choice in list',
      multi,
      { type: 'multiple-response', choiceIds: ['a', 'q'] },
      /"q" tidak ada/,
    ],
    ['non-string id', multi, { type: 'multiple-response', choiceIds: [1] }, /harus berupa string/],
    [
      'true/false as string',
      { type: 'true-false' },
      { type: 'true-false', value: 'true' },
      /true, false, atau null/,
    ],
    [
      'text not string',
      { type: 'short-answer' },
      { type: 'short-answer', text: 5 },
      /harus berupa string/,
    ],
    [
      'text too long',
      { type: 'short-answer' },
      { type: 'short-answer', text: 'x'.repeat(20_001) },
      /20\.000/,
    ],
    ['essay without text', { type: 'essay', rubric: [] }, { type: 'essay' }, /harus berupa string/],
    ['matches array', matching, { type: 'matching', matches: [] }, /harus berupa objek/],
    [
      'unknown prompt',
      matching,
      { type: 'matching', matches: { p9: 'Pajak' } },
      /Pernyataan "p9" tidak ada/,
    ],
    [
      'option not offered',
      matching,
      { type: 'matching', matches: { p1: 'Sejarah' } },
      /tidak tersedia/,
    ],
    ['match not string', matching, { type: 'matching', matches: { p1: 3 } }, /harus berupa string/],
    ['ordering too short', ordering, { type: 'ordering', order: ['i1', 'i2'] }, /tepat satu kali/],
    [
      'ordering duplicate',
      ordering,
      { type: 'ordering', order: ['i1', 'i2', 'i2'] },
      /lebih dari sekali/,
    ],
    [
      'ordering unknown',
      ordering,
      { type: 'ordering', order: ['i1', 'i2', 'i4'] },
      /"i4" tidak ada/,
    ],
    ['ordering null', ordering, { type: 'ordering', order: null }, /harus berupa array/],
    ['cloze unknown gap', cloze, { type: 'cloze', gaps: { g9: 'x' } }, /Isian "g9" tidak ada/],
    [
      'cloze unknown choice',
      cloze,
      { type: 'cloze', gaps: { g2: 'y' } },
      /"y" tidak ada pada isian "g2"/,
    ],
    ['cloze text too long', cloze, { type: 'cloze', gaps: { g1: 'x'.repeat(20_001) } }, /20\.000/],
    ['cloze without gaps', cloze, { type: 'cloze' }, /Isian harus berupa objek/],
  ] as [string, LearnerQuestionBody, unknown, RegExp][])('%s', (_label, view, response, why) => {
    rejects(view, response, why);
  });

  it('treats prototype names as unknown keys, not as existing ones', () => {
    rejects(matching, json({ type: 'matching', matches: { constructor: 'Pajak' } }), /tidak ada/);
    rejects(
      cloze,
      JSON.parse('{"type":"cloze","gaps":{"__proto__":"x"}}') as unknown,
      /"__proto__" tidak ada/,
    );
  });

  it('keeps messages short when echoing long ids', () => {
    const result = checkResponse(choice, { type: 'single-choice', choiceId: 'z'.repeat(10_000) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(120);
  });
});
