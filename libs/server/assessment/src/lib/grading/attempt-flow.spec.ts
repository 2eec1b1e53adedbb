import { type QuestionBody } from '@siantar/contracts';
import { gradeResponse, markFor } from './grading-engine';
import { learnerView } from './learner-view';
import { checkResponse } from './response-check';

/** The path one answer takes: shown to the learner, checked at the HTTP boundary, graded. */
function submit(body: QuestionBody, rawJson: string, maxMark = 1) {
  const view = learnerView(body, { shuffleAnswers: true, seed: 'secret:attempt-1:q-1' });
  const checked = checkResponse(view, JSON.parse(rawJson) as unknown);
  if (!checked.ok) return { rejected: checked.message };
  const grade = gradeResponse(body, checked.response);
  return { fraction: grade.fraction, mark: markFor(grade.fraction, maxMark) };
}

describe('attempt flow', () => {
  const ordering: QuestionBody = {
    type: 'ordering',
    scoring: 'partial',
    items: [
      { id: 'i1', text: 'Usulan' },
      { id: 'i2', text: 'Verifikasi' },
      { id: 'i3', text: 'Penetapan' },
    ],
  };

  it('grades a valid ordering and rejects an incomplete one', () => {
    expect(submit(ordering, '{"type":"ordering","order":["i1","i3","i2"]}', 3)).toEqual({
      fraction: 1 / 3,
      mark: 1,
    });
    expect(submit(ordering, '{"type":"ordering","order":["i1","i3"]}')).toEqual({
      rejected: 'Urutan harus memuat setiap butir tepat satu kali.',
    });
  });

  it('grades a matching answer chosen from the shown options', () => {
    const matching: QuestionBody = {
      type: 'matching',
      pairs: [
        { id: 'p1', prompt: 'BKN', answer: ' Kepegawaian ' },
        { id: 'p2', prompt: 'LAN', answer: 'Pelatihan' },
      ],
      distractors: ['Pajak'],
    };
    // Options are trimmed in the view; the trimmed text still scores against ' Kepegawaian '.
    expect(
      submit(matching, '{"type":"matching","matches":{"p1":"Kepegawaian","p2":"Pajak"}}', 2),
    ).toEqual({ fraction: 0.5, mark: 1 });
  });

  it('grades cloze with an Indonesian decimal comma', () => {
    const cloze: QuestionBody = {
      type: 'cloze',
      text: 'PPN {{tarif}} persen',
      gaps: [
        {
          id: 'tarif',
          weight: 1,
          type: 'numerical',
          answers: [{ kind: 'exact', value: 11, tolerance: 0, fraction: 1 }],
        },
      ],
    };
    expect(submit(cloze, '{"type":"cloze","gaps":{"tarif":"11,0"}}', 2.5)).toEqual({
      fraction: 1,
      mark: 2.5,
    });
  });
});
