import { parseAiken } from './import-preview';

describe('parseAiken', () => {
  it('reads Moodle\u2019s example and several questions with A. and A) options', () => {
    const text = [
      'Is this a funny question?',
      'A. Yes',
      'B. No',
      'C. Maybe',
      'ANSWER: B',
      '',
      'Siapa yang menerbitkan KTP-el?',
      'A) Polri',
      'B) Disdukcapil',
      'C) Kemenkeu',
      'D) BKN',
      'ANSWER: B',
    ].join('\n');
    const { questions, errors } = parseAiken(text);
    expect(errors).toEqual([]);
    expect(questions.map((q) => q.line)).toEqual([1, 7]);
    const q = questions[1];
    expect(q.type).toBe('single-choice');
    expect(q.name).toBe('Siapa yang menerbitkan KTP-el?');
    expect(q.text).toBe('Siapa yang menerbitkan KTP-el?');
    expect(q.format).toBe('plain');
    expect(q.defaultMark).toBe(1);
    expect(q.draft.body).toEqual({
      type: 'single-choice',
      answers: [
        { id: 'a1', text: 'Polri', fraction: 0 },
        { id: 'a2', text: 'Disdukcapil', fraction: 1 },
        { id: 'a3', text: 'Kemenkeu', fraction: 0 },
        { id: 'a4', text: 'BKN', fraction: 0 },
      ],
    });
    expect(q.answers?.map((a) => a.fraction)).toEqual([0, 1, 0, 0]);
  });

  it('joins question text written over several lines, and reads answer: in any case', () => {
    const { questions, errors } = parseAiken(
      'Perhatikan pernyataan berikut.\nB.J. Habibie adalah presiden ke berapa?\nA. Dua\nB. Tiga\nAnswer: b\n',
    );
    expect(errors).toEqual([]);
    expect(questions[0].text).toBe(
      'Perhatikan pernyataan berikut.\nB.J. Habibie adalah presiden ke berapa?',
    );
    expect(questions[0].answers?.map((a) => a.fraction)).toEqual([0, 1]);
  });

  it('reads Windows line endings and surrounding blank lines', () => {
    const { questions, errors } = parseAiken('\r\n\r\nSoal?\r\nA. x\r\nB. y\r\nANSWER: A\r\n\r\n');
    expect(errors).toEqual([]);
    expect(questions[0].line).toBe(3);
  });

  it('reports a missing ANSWER and still imports the next question', () => {
    const { questions, errors } = parseAiken(
      ['Soal satu?', 'A. x', 'B. y', '', 'Soal dua?', 'A. x', 'B. y', 'ANSWER: A'].join('\n'),
    );
    expect(errors).toEqual([
      { line: 1, message: 'Baris `ANSWER:` tidak ditemukan setelah pilihan jawaban' },
    ]);
    expect(questions.map((q) => [q.line, q.text])).toEqual([[5, 'Soal dua?']]);
  });

  it('reports an answer letter that is not among the options', () => {
    const { errors } = parseAiken('Soal?\nA. x\nB. y\nC. z\nANSWER: E');
    expect(errors).toEqual([
      { line: 1, message: 'Jawaban E (baris 5) tidak ada di antara pilihan A, B, C' },
    ]);
  });

  it('reports fewer than two options', () => {
    expect(parseAiken('Soal?\nA. satu\nANSWER: A').errors).toEqual([
      { line: 1, message: 'Soal Aiken memerlukan minimal 2 pilihan jawaban' },
    ]);
  });

  it('reports a question with neither options nor ANSWER at the end of the file', () => {
    expect(parseAiken('Soal?\nA. x\nB. y\nANSWER: A\n\nSoal tanpa apa-apa').errors).toEqual([
      { line: 6, message: 'Soal tidak memiliki pilihan jawaban maupun baris `ANSWER:`' },
    ]);
  });

  it('reports options and ANSWER lines without a question', () => {
    const { errors } = parseAiken('A. x\nANSWER: A');
    expect(errors).toEqual([
      { line: 1, message: 'Pilihan jawaban tanpa teks soal di atasnya' },
      { line: 2, message: 'Baris `ANSWER:` tanpa soal di atasnya' },
    ]);
  });

  it('reports repeated letters, an empty ANSWER and an empty option', () => {
    expect(parseAiken('S?\nA. x\nA. y\nANSWER: A').errors[0].message).toBe(
      'Huruf pilihan A dipakai lebih dari sekali',
    );
    expect(parseAiken('S?\nA. x\nB. y\nANSWER:').errors[0].message).toBe(
      'Baris `ANSWER:` (baris 4) tidak menyebut huruf jawaban',
    );
    expect(parseAiken('S?\nA.\nB. y\nANSWER: B').errors[0].message).toBe(
      'Teks jawaban tidak boleh kosong',
    );
  });

  it('matches the key by the letters as written', () => {
    const { questions } = parseAiken('S?\nA. x\nB. y\nD. z\nANSWER: D');
    expect(questions[0].answers?.map((a) => a.fraction)).toEqual([0, 0, 1]);
  });
});
