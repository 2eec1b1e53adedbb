import type { QuestionDraft } from '@siantar/contracts';
import {
  buildDraft,
  emptyModel,
  gapIdsInText,
  modelFromDraft,
  nextGapId,
  syncGaps,
  toFraction,
  toPercent,
  validateModel,
} from './question-draft';

const keys = (m: Parameters<typeof validateModel>[0]): string[] =>
  validateModel(m).map((i) => i.key.replace('assessment.editor.errors.', ''));

/** The row at an index, failing the test when it is missing (no non-null assertions). */
function at<T>(rows: readonly T[], index: number): T {
  const row = rows[index];
  if (row === undefined) {
    throw new Error(`no row ${index}`);
  }
  return row;
}

describe('question draft', () => {
  it('converts percentages and fractions both ways without drift', () => {
    expect(toFraction(50)).toBe(0.5);
    expect(toFraction(33.33333)).toBe(0.3333333);
    expect(toFraction(-25)).toBe(-0.25);
    expect(toPercent(0.3333333)).toBe(33.33333);
    expect(toPercent(1)).toBe(100);
  });

  describe('single choice', () => {
    it('builds the draft: trimmed, empty choices dropped, fractions, feedback only when given', () => {
      const m = emptyModel('single-choice');
      m.name = '  Ibu kota  ';
      m.text = 'Ibu kota Sumatera Utara adalah …';
      m.defaultMark = 2;
      m.tags = ['geografi', ' Geografi ', 'sumut'];
      m.generalFeedback = '  Medan sejak 1950.  ';
      const [a, b, c] = m.choices;
      Object.assign(a ?? {}, { text: ' Medan ', percent: 100, feedback: 'Tepat.' });
      Object.assign(b ?? {}, { text: 'Pematangsiantar', percent: -25 });
      Object.assign(c ?? {}, { text: '   ', percent: 0 });

      expect(validateModel(m)).toEqual([]);
      const draft = buildDraft(m);
      expect(draft).toEqual({
        name: 'Ibu kota',
        text: 'Ibu kota Sumatera Utara adalah …',
        format: 'html',
        defaultMark: 2,
        generalFeedback: 'Medan sejak 1950.',
        tags: ['geografi', 'sumut'],
        body: {
          type: 'single-choice',
          answers: [
            { id: a?.id, text: 'Medan', fraction: 1, feedback: 'Tepat.' },
            { id: b?.id, text: 'Pematangsiantar', fraction: -0.25 },
          ],
        },
      });
    });

    it('needs a name, a text, two choices and one worth 100%', () => {
      const m = emptyModel('single-choice');
      expect(keys(m)).toEqual(['nameRequired', 'textRequired', 'choicesMin']);
      m.name = 'N';
      m.text = 'T';
      at(m.choices, 0).text = 'A';
      at(m.choices, 1).text = 'B';
      at(m.choices, 1).percent = 50;
      expect(keys(m)).toEqual(['needFullAnswer']);
      at(m.choices, 0).percent = 150;
      expect(keys(m)).toEqual(['percentRange', 'needFullAnswer']);
    });
  });

  describe('multiple response', () => {
    it('requires positive grades summing to 100% with partial scoring only', () => {
      const m = emptyModel('multiple-response');
      m.name = 'Dokumen KTP';
      m.text = 'Pilih syarat pembuatan KTP-el.';
      ['KK', 'Akta lahir', 'SIM'].forEach((t, i) => (at(m.choices, i).text = t));
      at(m.choices, 0).percent = 50;
      at(m.choices, 1).percent = 40;
      at(m.choices, 2).percent = -100;
      expect(validateModel(m)).toEqual([
        expect.objectContaining({
          key: 'assessment.editor.errors.positiveSum',
          params: { sum: 90 },
        }),
      ]);
      m.choiceScoring = 'all-or-nothing';
      expect(validateModel(m)).toEqual([]);
      expect(buildDraft(m).body).toMatchObject({
        type: 'multiple-response',
        scoring: 'all-or-nothing',
        answers: [{ fraction: 0.5 }, { fraction: 0.4 }, { fraction: -1 }],
      });
    });
  });

  it('true-false keeps the right answer and both feedbacks', () => {
    const m = emptyModel('true-false');
    m.name = 'NIK';
    m.text = 'NIK terdiri dari 16 digit.';
    m.correct = true;
    m.feedbackFalse = 'NIK memang 16 digit.';
    expect(buildDraft(m).body).toEqual({
      type: 'true-false',
      correct: true,
      feedbackFalse: 'NIK memang 16 digit.',
    });
  });

  it('short answer keeps several answers and the case option', () => {
    const m = emptyModel('short-answer');
    m.name = 'Singkatan';
    m.text = 'Singkatan Aparatur Sipil Negara?';
    m.caseSensitive = true;
    m.textAnswers = [
      { text: 'ASN', percent: 100, feedback: '' },
      { text: 'A*N', percent: 50, feedback: 'Hampir.' },
      { text: '', percent: 0, feedback: '' },
    ];
    expect(validateModel(m)).toEqual([]);
    expect(buildDraft(m).body).toEqual({
      type: 'short-answer',
      caseSensitive: true,
      answers: [
        { text: 'ASN', fraction: 1 },
        { text: 'A*N', fraction: 0.5, feedback: 'Hampir.' },
      ],
    });
  });

  it('numerical: exact with tolerance and ranges, with their checks', () => {
    const m = emptyModel('numerical');
    m.name = 'Pi';
    m.text = 'Berapa nilai pi?';
    m.numerical = [
      {
        kind: 'exact',
        value: 3.14,
        tolerance: -0.01,
        min: null,
        max: null,
        percent: 100,
        feedback: '',
      },
      { kind: 'range', value: null, tolerance: null, min: 4, max: 3, percent: 50, feedback: '' },
    ];
    expect(keys(m)).toEqual(['numTolerance', 'numRangeOrder']);
    at(m.numerical, 0).tolerance = 0.01;
    at(m.numerical, 1).min = 3;
    at(m.numerical, 1).max = 3.2;
    expect(buildDraft(m).body).toEqual({
      type: 'numerical',
      answers: [
        { kind: 'exact', value: 3.14, tolerance: 0.01, fraction: 1 },
        { kind: 'range', min: 3, max: 3.2, fraction: 0.5 },
      ],
    });
  });

  it('matching needs complete pairs; empty rows and distractors are dropped', () => {
    const m = emptyModel('matching');
    m.name = 'Dinas';
    m.text = 'Jodohkan layanan dengan dinasnya.';
    m.pairs[0] = { id: 'p1', prompt: 'KTP-el', answer: 'Disdukcapil' };
    m.pairs[1] = { id: 'p2', prompt: 'IMB', answer: '' };
    expect(keys(m)).toEqual(['pairIncomplete', 'pairsMin']);
    m.pairs[1] = { id: 'p2', prompt: 'Izin usaha', answer: 'DPMPTSP' };
    m.distractors = ['Dinkes', '  '];
    expect(validateModel(m)).toEqual([]);
    expect(buildDraft(m).body).toEqual({
      type: 'matching',
      pairs: [
        { id: 'p1', prompt: 'KTP-el', answer: 'Disdukcapil' },
        { id: 'p2', prompt: 'Izin usaha', answer: 'DPMPTSP' },
      ],
      distractors: ['Dinkes'],
    });
  });

  describe('cloze', () => {
    it('finds gaps in the text, defines missing ones and flags unused ones', () => {
      const m = emptyModel('cloze');
      m.name = 'Isian';
      m.text = 'Lengkapi.';
      m.clozeText = 'Kota {{g1}} berada di provinsi {{ g2 }}; {{g1}} lagi.';
      expect(gapIdsInText(m.clozeText)).toEqual(['g1', 'g2']);
      expect(nextGapId(m)).toBe('g3');
      syncGaps(m);
      expect(m.gaps.map((g) => g.id)).toEqual(['g1', 'g2']);

      at(m.gaps, 0).textAnswers = [{ text: 'Pematangsiantar', percent: 100, feedback: '' }];
      at(m.gaps, 1).type = 'single-choice';
      at(m.gaps, 1).choices = [
        { id: 'c1', text: 'Sumatera Utara', percent: 100, feedback: '' },
        { id: 'c2', text: 'Aceh', percent: 0, feedback: '' },
      ];
      m.gaps.push({ ...at(m.gaps, 0), id: 'g9' });
      expect(validateModel(m)).toEqual([
        expect.objectContaining({
          key: 'assessment.editor.errors.gapUnused',
          params: { gap: 'g9' },
        }),
      ]);
      m.gaps.pop();
      at(at(m.gaps, 1).choices, 0).percent = 50;
      expect(validateModel(m)).toEqual([
        expect.objectContaining({ key: 'assessment.editor.errors.needFullAnswer', gap: 'g2' }),
      ]);
      at(at(m.gaps, 1).choices, 0).percent = 100;
      expect(buildDraft(m).body).toEqual({
        type: 'cloze',
        text: 'Kota {{g1}} berada di provinsi {{ g2 }}; {{g1}} lagi.',
        gaps: [
          {
            id: 'g1',
            weight: 1,
            type: 'short-answer',
            caseSensitive: false,
            answers: [{ text: 'Pematangsiantar', fraction: 1 }],
          },
          {
            id: 'g2',
            weight: 1,
            type: 'single-choice',
            answers: [
              { id: 'c1', text: 'Sumatera Utara', fraction: 1 },
              { id: 'c2', text: 'Aceh', fraction: 0 },
            ],
          },
        ],
      });
    });

    it('needs at least one gap', () => {
      const m = emptyModel('cloze');
      m.name = 'x';
      m.text = 'x';
      m.clozeText = 'Tanpa celah.';
      expect(keys(m)).toEqual(['clozeNoGaps']);
    });
  });

  it('essay: rubric criteria need a name and described levels with points', () => {
    const m = emptyModel('essay');
    m.name = 'Esai pelayanan';
    m.text = 'Jelaskan standar pelayanan publik.';
    m.defaultMark = 10;
    m.minWords = 50;
    m.rubric = [
      {
        id: 'k1',
        name: 'Isi',
        levels: [
          { points: 0, description: 'Tidak relevan' },
          { points: 5, description: '' },
        ],
      },
    ];
    expect(keys(m)).toEqual(['levelDescription']);
    at(at(m.rubric, 0).levels, 1).description = 'Lengkap';
    expect(buildDraft(m)).toMatchObject({
      defaultMark: 10,
      body: {
        type: 'essay',
        minWords: 50,
        rubric: [
          {
            id: 'k1',
            name: 'Isi',
            levels: [
              { points: 0, description: 'Tidak relevan' },
              { points: 5, description: 'Lengkap' },
            ],
          },
        ],
      },
    });
  });

  it('a description carries no mark', () => {
    const m = emptyModel('description');
    m.name = 'Bacaan';
    m.text = 'Bacalah teks berikut.';
    m.defaultMark = 5;
    expect(validateModel(m)).toEqual([]);
    expect(buildDraft(m)).toMatchObject({ defaultMark: 0, body: { type: 'description' } });
  });

  it('round-trips a stored draft through the editor model', () => {
    const drafts: QuestionDraft[] = [
      {
        name: 'Urutan',
        text: 'Urutkan tahapan.',
        format: 'markdown',
        defaultMark: 3,
        tags: ['prosedur'],
        body: {
          type: 'ordering',
          scoring: 'all-or-nothing',
          items: [
            { id: 'i1', text: 'Daftar' },
            { id: 'i2', text: 'Verifikasi' },
          ],
        },
      },
      {
        name: 'Angka',
        text: 'Berapa?',
        format: 'plain',
        defaultMark: 1,
        generalFeedback: 'Umum',
        body: {
          type: 'numerical',
          answers: [
            { kind: 'range', min: 1, max: 5, fraction: 1, feedback: 'ok' },
            { kind: 'exact', value: 7, tolerance: 0.5, fraction: 0.5 },
          ],
        },
      },
    ];
    for (const draft of drafts) {
      expect(buildDraft(modelFromDraft(draft))).toEqual(draft);
    }
  });
});
