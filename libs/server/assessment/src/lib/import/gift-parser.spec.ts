import type { ImportPreviewQuestion, QuestionBody } from '@siantar/contracts';
import { parseGift } from './import-preview';

/** The only question of a file that must parse cleanly. */
function one(text: string): ImportPreviewQuestion {
  const { questions, errors } = parseGift(text);
  expect(errors).toEqual([]);
  expect(questions).toHaveLength(1);
  return questions[0];
}

function bodyOf(text: string): QuestionBody {
  return one(text).draft.body;
}

/** The error messages of a file, with their lines. */
function errorsOf(text: string): { line: number; message: string }[] {
  return parseGift(text).errors;
}

describe('parseGift: multiple choice', () => {
  it('reads Moodle\u2019s single-choice example with deterministic ids', () => {
    const q = one("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
    expect(q.type).toBe('single-choice');
    expect(q.text).toBe("Who's buried in Grant's tomb?");
    expect(q.format).toBe('moodle');
    expect(q.defaultMark).toBe(1);
    expect(q.line).toBe(1);
    expect(q.draft.body).toEqual({
      type: 'single-choice',
      answers: [
        { id: 'a1', text: 'Grant', fraction: 0 },
        { id: 'a2', text: 'Jefferson', fraction: 0 },
        { id: 'a3', text: 'no one', fraction: 1 },
      ],
    });
    expect(q.answers).toEqual([
      { text: 'Grant', fraction: 0 },
      { text: 'Jefferson', fraction: 0 },
      { text: 'no one', fraction: 1 },
    ]);
  });

  it('reads answers written on their own indented lines', () => {
    const q = one(
      [
        'Japanese characters originally came from what country? {',
        '    ~India',
        '    =China',
        '    ~Korea',
        '    ~Egypt}',
      ].join('\n'),
    );
    expect(q.answers?.map((a) => [a.text, a.fraction])).toEqual([
      ['India', 0],
      ['China', 1],
      ['Korea', 0],
      ['Egypt', 0],
    ]);
  });

  it('reads positive and negative weights, including %33.33333%', () => {
    const q = one(
      'Pilih kota di Jawa {=Bandung ~%50%Surabaya barat ~%-25%Makassar ~%33.33333%Kediri ~%-100%Ambon}',
    );
    expect(q.answers?.map((a) => a.fraction)).toEqual([1, 0.5, -0.25, 0.3333333, -1]);
  });

  it('reads per-answer feedback after #', () => {
    const q = one(
      "What's between orange and green in the spectrum? { =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }",
    );
    expect(q.answers).toEqual([
      { text: 'yellow', fraction: 1, feedback: 'right; good!' },
      { text: 'red', fraction: 0, feedback: "wrong, it's yellow" },
      { text: 'blue', fraction: 0, feedback: "wrong, it's yellow" },
    ]);
  });

  it('makes a question without `=` and with weights a partial multiple-response question', () => {
    const q = one(
      "What two people are entombed in Grant's tomb? {~%-100%No one ~%50%Grant ~%50%Grant's wife ~%-100%Grant's father}",
    );
    expect(q.type).toBe('multiple-response');
    expect(q.scoring).toBe('partial');
    expect(q.answers?.map((a) => a.fraction)).toEqual([-1, 0.5, 0.5, -1]);
  });

  it('accepts three thirds written as %33.33333% (Moodle rounds the sum)', () => {
    const body = bodyOf('Pilih tiga {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}');
    expect(body.type).toBe('multiple-response');
  });

  it('keeps `=%50%x` as a full-mark answer whose text is %50%x, as Moodle does', () => {
    const q = one('Diskon? {=%50%x ~y}');
    expect(q.answers?.[0]).toEqual({ text: '%50%x', fraction: 1 });
  });

  it('keeps percent signs that hold no number as text', () => {
    const q = one('Diskon? {=benar ~%besar% sekali}');
    expect(q.answers?.[1]).toEqual({ text: '%besar% sekali', fraction: 0 });
  });

  it('reads the general feedback after ####', () => {
    const q = one('Ibu kota Indonesia? {=Jakarta ~Bandung ####Jakarta sejak 1945.}');
    expect(q.generalFeedback).toBe('Jakarta sejak 1945.');
    expect(q.draft.generalFeedback).toBe('Jakarta sejak 1945.');
    expect(q.answers).toHaveLength(2);
  });
});

describe('parseGift: missing word', () => {
  it('leaves a blank where a choice block sat in the middle of the text', () => {
    const q = one("Grant is {~buried =entombed ~living} in Grant's tomb.");
    expect(q.type).toBe('single-choice');
    expect(q.text).toBe("Grant is _____ in Grant's tomb.");
  });

  it('takes the type from the block, here a short answer', () => {
    const q = one('Two plus {=two =2} equals four.');
    expect(q.type).toBe('short-answer');
    expect(q.text).toBe('Two plus _____ equals four.');
  });

  it.each([
    ['Proklamasi dibacakan tahun {#1945} di Jakarta.', 'numerical'],
    ['Pernyataan {T} ini benar.', 'true-false'],
    ['Pasangkan {=a -> b =c -> d =e -> f} berikut.', 'matching'],
  ])('keeps the blank for other block types: %s', (text, type) => {
    const q = one(text);
    expect(q.type).toBe(type);
    expect(q.text).toContain(' _____ ');
  });

  it('adds no blank when the block ends the text', () => {
    expect(one('Ibu kota Jawa Barat adalah {=Bandung}').text).toBe('Ibu kota Jawa Barat adalah');
  });
});

describe('parseGift: short answer', () => {
  it('reads `=` answers as case-insensitive full-mark answers', () => {
    const q = one("Who's buried in Grant's tomb?{=no one =nobody}");
    expect(q.type).toBe('short-answer');
    expect(q.caseSensitive).toBe(false);
    expect(q.draft.body).toEqual({
      type: 'short-answer',
      caseSensitive: false,
      answers: [
        { text: 'no one', fraction: 1 },
        { text: 'nobody', fraction: 1 },
      ],
    });
  });

  it('reads weights, feedback and the * wildcard', () => {
    const q = one('Singkatan KTP elektronik? {=e-KTP#Tepat =%50%KTP*#Hampir}');
    expect(q.answers).toEqual([
      { text: 'e-KTP', fraction: 1, feedback: 'Tepat' },
      { text: 'KTP*', fraction: 0.5, feedback: 'Hampir' },
    ]);
  });

  it('needs one answer worth 100%', () => {
    expect(errorsOf('Kota? {=%50%Bandung}')).toEqual([
      { line: 1, message: 'Soal isian singkat memerlukan satu jawaban bernilai 100%' },
    ]);
  });
});

describe('parseGift: true-false', () => {
  it.each([
    ['{T}', true],
    ['{TRUE}', true],
    ['{F}', false],
    ['{FALSE}', false],
  ])('reads %s', (block, correct) => {
    const q = one(`Grant is buried in Grant's tomb.${block}`);
    expect(q.type).toBe('true-false');
    expect(q.correct).toBe(correct);
    expect(q.draft.body).toEqual({ type: 'true-false', correct });
  });

  it('maps {TRUE#wrong#right}: the first feedback is for a wrong answer', () => {
    const q = one('Matahari terbit di timur.{TRUE#Salah, justru di timur.#Benar!}');
    expect(q.correct).toBe(true);
    expect(q.feedbackFalse).toBe('Salah, justru di timur.');
    expect(q.feedbackTrue).toBe('Benar!');
  });

  it('maps {FALSE#wrong#right} so "true" shows the wrong-answer feedback', () => {
    const q = one('Matahari terbit di barat.{FALSE#Keliru, di timur.#Betul, di timur.}');
    expect(q.correct).toBe(false);
    expect(q.feedbackTrue).toBe('Keliru, di timur.');
    expect(q.feedbackFalse).toBe('Betul, di timur.');
  });

  it('reads a lone right-answer feedback and a general feedback', () => {
    const q = one('Air mendidih pada 100°C di permukaan laut.{T##Benar.####Tekanan 1 atm.}');
    expect(q.draft.body).toEqual({ type: 'true-false', correct: true, feedbackTrue: 'Benar.' });
    expect(q.generalFeedback).toBe('Tekanan 1 atm.');
  });

  it('reports lower-case {true} instead of turning it into a short answer', () => {
    const [error] = errorsOf('Bumi bulat.{true}');
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/tidak dikenali.*\{T\}/);
  });
});

describe('parseGift: numerical', () => {
  it('reads value with tolerance', () => {
    const q = one('Berapa nilai pi (2 desimal)? {#3.14:0.01}');
    expect(q.type).toBe('numerical');
    expect(q.answers).toEqual([{ text: '3.14:0.01', value: 3.14, tolerance: 0.01, fraction: 1 }]);
    expect(q.draft.body).toEqual({
      type: 'numerical',
      answers: [{ kind: 'exact', value: 3.14, tolerance: 0.01, fraction: 1 }],
    });
  });

  it('reads a range', () => {
    const q = one('What is a number from 1 to 5? {#1..5}');
    expect(q.answers).toEqual([{ text: '1..5', min: 1, max: 5, fraction: 1 }]);
  });

  it('reads negative ranges and exact values without tolerance', () => {
    expect(one('Suhu? {#-5..-1}').answers?.[0]).toMatchObject({ min: -5, max: -1 });
    expect(one('Tahun? {#1945}').answers?.[0]).toMatchObject({ value: 1945, tolerance: 0 });
  });

  it('reads several weighted answers with feedback', () => {
    const q = one(
      'When was Ulysses S. Grant born? {#\n=1822:0 # Correct! Full credit.\n=%50%1822:2 # He was born in 1822. Half credit for being close.\n}',
    );
    expect(q.answers).toEqual([
      { text: '1822:0', value: 1822, tolerance: 0, fraction: 1, feedback: 'Correct! Full credit.' },
      {
        text: '1822:2',
        value: 1822,
        tolerance: 2,
        fraction: 0.5,
        feedback: 'He was born in 1822. Half credit for being close.',
      },
    ]);
  });

  it('keeps Moodle\u2019s `~#feedback` for any other number as a 0% catch-all', () => {
    const q = one('Proklamasi tahun? {#=1945 ~#Lihat teks proklamasi.}');
    expect(q.answers?.[1]).toEqual({
      text: '*',
      min: -1e15,
      max: 1e15,
      fraction: 0,
      feedback: 'Lihat teks proklamasi.',
    });
  });

  it('reports a non-number, and a decimal comma with a hint', () => {
    expect(errorsOf('Pi? {#tiga}')).toEqual([
      { line: 1, message: 'Jawaban numerik "tiga" bukan angka' },
    ]);
    expect(errorsOf('Pi? {#3,14:0,01}')[0].message).toMatch(/memakai koma.*3\.14/);
  });

  it('reports a reversed range, a negative tolerance and an empty block', () => {
    expect(errorsOf('A? {#5..1}')[0].message).toMatch(/terbalik/);
    expect(errorsOf('A? {#5:-1}')[0].message).toMatch(/Toleransi/);
    expect(errorsOf('A? {#}')[0].message).toBe('Soal numerik tidak memiliki jawaban');
  });
});

describe('parseGift: matching', () => {
  it('reads pairs with stable ids', () => {
    const q = one(
      'Match the following countries with their corresponding capitals. {\n=Canada -> Ottawa\n=Italy -> Rome\n=Japan -> Tokyo\n=India -> New Delhi\n}',
    );
    expect(q.type).toBe('matching');
    expect(q.pairs).toEqual([
      { prompt: 'Canada', answer: 'Ottawa' },
      { prompt: 'Italy', answer: 'Rome' },
      { prompt: 'Japan', answer: 'Tokyo' },
      { prompt: 'India', answer: 'New Delhi' },
    ]);
    expect(q.draft.body).toMatchObject({
      pairs: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }, { id: 'p4' }],
    });
    expect(q.distractors).toEqual([]);
  });

  it('reads an empty left side as a distractor', () => {
    const q = one('Pasangkan instansi.{=KTP -> Disdukcapil =SIM -> Polri = -> Kemenkeu}');
    expect(q.pairs).toHaveLength(2);
    expect(q.distractors).toEqual(['Kemenkeu']);
  });

  it('reports fewer than 2 pairs and 3 answers with the line', () => {
    const text = 'Soal 1 {T}\n\nPasangkan.{=KTP -> Disdukcapil =SIM -> Polri}';
    expect(errorsOf(text)).toEqual([
      {
        line: 3,
        message:
          'Soal menjodohkan memerlukan minimal 2 pasangan dan 3 jawaban (pasangan ditambah pengecoh)',
      },
    ]);
  });

  it('reports an entry without ->', () => {
    expect(errorsOf('Pasangkan.{=a -> b =c -> d =e}')[0].message).toBe(
      'Pasangan "e" harus berbentuk `=pernyataan -> jawaban`',
    );
  });
});

describe('parseGift: essay and description', () => {
  it('reads {} as an essay without rubric', () => {
    const q = one('Jelaskan alur penerbitan KTP-el.{}');
    expect(q.type).toBe('essay');
    expect(q.defaultMark).toBe(1);
    expect(q.draft.body).toEqual({ type: 'essay', rubric: [] });
  });

  it('reads an essay with only a general feedback', () => {
    const q = one('Uraikan tugas Disdukcapil.{####Sebut pendaftaran dan pencatatan sipil.}');
    expect(q.type).toBe('essay');
    expect(q.generalFeedback).toBe('Sebut pendaftaran dan pencatatan sipil.');
  });

  it('reads text without a block as a description worth 0', () => {
    const q = one('::Petunjuk::Soal berikut tentang pelayanan publik.');
    expect(q.type).toBe('description');
    expect(q.defaultMark).toBe(0);
    expect(q.name).toBe('Petunjuk');
    expect(q.draft.body).toEqual({ type: 'description' });
  });
});

describe('parseGift: names and formats', () => {
  it('reads ::title:: and trims around it', () => {
    const q = one('::Q1 KTP:: Siapa menerbitkan KTP? {=Disdukcapil ~Polri}');
    expect(q.name).toBe('Q1 KTP');
    expect(q.text).toBe('Siapa menerbitkan KTP?');
  });

  it('names an untitled question by its text, shortened like Moodle at 80 characters', () => {
    expect(one('Siapa menerbitkan KTP? {=Disdukcapil ~Polri}').name).toBe('Siapa menerbitkan KTP?');
    const long = `${'kata '.repeat(30)}akhir? {T}`;
    const name = one(long).name;
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^kata kata .*kata\.\.\.$/);
  });

  it('strips tags from names made from HTML text', () => {
    expect(one('[html]<p>Apa <b>NIK</b>?</p>{=Nomor Induk Kependudukan}').name).toBe('Apa NIK?');
  });

  it.each(['html', 'markdown', 'plain', 'moodle'] as const)('reads the [%s] prefix', (format) => {
    const q = one(`::N::[${format}]Teks **soal**{T}`);
    expect(q.format).toBe(format);
    expect(q.text).toBe('Teks **soal**');
  });

  it('defaults to moodle and keeps an unknown [prefix] as text', () => {
    const q = one('[catatan] Teks{T}');
    expect(q.format).toBe('moodle');
    expect(q.text).toBe('[catatan] Teks');
  });

  it('strips a format prefix from answers and feedback', () => {
    const q = one('[html]<p>Pilih</p>{=[html]<b>Ya</b>#[plain]benar ~Tidak}');
    expect(q.answers?.[0]).toEqual({ text: '<b>Ya</b>', fraction: 1, feedback: 'benar' });
  });

  it('reports an unclosed title', () => {
    expect(errorsOf('::Judul tanpa penutup {T}')[0].message).toMatch(/::/);
  });
});

describe('parseGift: escapes', () => {
  it.each([
    ['\\~', '~'],
    ['\\=', '='],
    ['\\#', '#'],
    ['\\{', '{'],
    ['\\}', '}'],
    ['\\:', ':'],
  ])('reads %s as a literal character in text, name, answers and feedback', (escaped, plain) => {
    const q = one(`::a${escaped}b::Teks ${escaped} soal{=x${escaped}y#f${escaped}g ~z}`);
    expect(q.name).toBe(`a${plain}b`);
    expect(q.text).toBe(`Teks ${plain} soal`);
    expect(q.answers?.[0]).toEqual({ text: `x${plain}y`, fraction: 1, feedback: `f${plain}g` });
  });

  it('reads \\n as a newline and \\\\ as one backslash', () => {
    expect(one('Baris 1\\nBaris 2{T}').text).toBe('Baris 1\nBaris 2');
    expect(one('C:\\\\data\\\\new{T}').text).toBe('C:\\data\\new');
  });

  it('does not read \\\\n as a newline', () => {
    expect(one('a\\\\nb{T}').text).toBe('a\\nb');
  });

  it('keeps LaTeX with escaped braces', () => {
    expect(one('Hitung \\\\(\\\\frac\\{1\\}\\{2\\}\\\\){#0.5}').text).toBe(
      'Hitung \\(\\frac{1}{2}\\)',
    );
  });

  it('keeps a text spread over several lines', () => {
    expect(one('Baris satu\n   baris dua{T}').text).toBe('Baris satu\nbaris dua');
  });
});

describe('parseGift: comments, categories, tags and lines', () => {
  it('ignores whole-line comments and keeps // inside a line', () => {
    const { questions, errors } = parseGift(
      [
        '// soal pertama',
        'Situs resmi: https://disdukcapil.go.id {T}',
        '',
        '// hanya komentar',
        '',
        'Soal kedua {',
        '// komentar di dalam blok',
        '=ya ~tidak}',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.line, q.text])).toEqual([
      [2, 'Situs resmi: https://disdukcapil.go.id'],
      [6, 'Soal kedua'],
    ]);
  });

  it('applies $CATEGORY to the following questions, cleaning Moodle context prefixes', () => {
    const { questions } = parseGift(
      [
        'Tanpa kategori {T}',
        '',
        '$CATEGORY: $course$/top/Pelayanan/Disdukcapil',
        '',
        'Satu {T}',
        '',
        'Dua {F}',
        '',
        '$CATEGORY: $system$/top/Kepegawaian / Cuti',
        'Tiga {T}',
        '',
        '$CATEGORY: $course$/top',
        '',
        'Empat {T}',
      ].join('\n'),
    );
    expect(questions.map((q) => [q.line, q.category])).toEqual([
      [1, undefined],
      [5, 'Pelayanan/Disdukcapil'],
      [7, 'Pelayanan/Disdukcapil'],
      [10, 'Kepegawaian/Cuti'],
      [14, undefined],
    ]);
    expect(questions[1].draft.category).toBe('Pelayanan/Disdukcapil');
  });

  it('reads a plain category path as is', () => {
    const { questions } = parseGift('$CATEGORY: Pelayanan/Disdukcapil\n\nSatu {T}');
    expect(questions[0].category).toBe('Pelayanan/Disdukcapil');
  });

  it('reads Moodle [tag:…] tokens from the question\u2019s comments', () => {
    const q = one(
      '// question: 12  name: KTP\n// [id:Q12] [tag:ktp] [tag:pelayanan publik]\nKTP? {T}',
    );
    expect(q.draft.tags).toEqual(['ktp', 'pelayanan publik']);
    expect(q.line).toBe(3);
  });

  it('reads Windows line endings and a byte order mark', () => {
    const { questions, errors } = parseGift(
      '\uFEFF::A::Satu {T}\r\n\r\n::B::Dua {\r\n=x\r\n~y\r\n}\r\n',
    );
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.line, q.name, q.type])).toEqual([
      [1, 'A', 'true-false'],
      [3, 'B', 'single-choice'],
    ]);
  });
});

describe('parseGift: malformed input', () => {
  it.each([
    ['Soal {=a ~b', 'Kurung kurawal `{` tidak ditutup'],
    ['Soal =a ~b}', 'Kurung kurawal `}` tanpa pembuka `{`; tulis `\\}` untuk kurung kurawal biasa'],
    [
      'Soal {=a ~b} lagi {=c ~d}',
      'Satu soal hanya boleh memiliki satu blok jawaban `{…}`; pisahkan soal dengan baris kosong',
    ],
    [
      'Soal {=a {~b}',
      'Kurung kurawal `{` tidak ditutup sebelum `{` berikutnya; tulis `\\{` untuk kurung kurawal biasa',
    ],
    [
      'Soal {~a ~b}',
      'Soal pilihan ganda tidak memiliki jawaban benar: tandai dengan `=` atau beri bobot seperti `~%50%`',
    ],
    [
      'Soal {~%50%a ~%10%b}',
      'Jumlah bobot positif pada soal pilihan jawaban ganda harus 100%, bukan 60%',
    ],
    ['Soal {=a ~%150%b}', 'Bobot 150% di luar rentang -100% sampai 100%'],
    ['Soal {=a ~%-101%b}', 'Bobot -101% di luar rentang -100% sampai 100%'],
    [
      'Soal {=a ~%50,5%b}',
      'Bobot %50,5% memakai koma; tulis desimal dengan titik, misalnya %33.33333%',
    ],
    ['Soal {=satu-satunya ~}', 'Teks jawaban tidak boleh kosong'],
    [
      'Soal {=a}x{',
      'Satu soal hanya boleh memiliki satu blok jawaban `{…}`; pisahkan soal dengan baris kosong',
    ],
    [
      'Soal {Jakarta}',
      'Blok jawaban "{Jakarta}" tidak dikenali: awali setiap jawaban dengan `=` atau `~`, atau tulis {T}, {F}, {TRUE}, {FALSE} untuk soal benar/salah',
    ],
    [
      'Soal {~a =b ~c} {',
      'Satu soal hanya boleh memiliki satu blok jawaban `{…}`; pisahkan soal dengan baris kosong',
    ],
    [
      'Soal {=a ~b}}',
      'Kurung kurawal `}` tanpa pembuka `{`; tulis `\\}` untuk kurung kurawal biasa',
    ],
    ['Soal {=x}', null],
  ])('%s', (text, message) => {
    const errors = errorsOf(text);
    if (message === null) {
      expect(errors).toEqual([]);
    } else {
      expect(errors).toEqual([{ line: 1, message }]);
    }
  });

  it('needs two answers in a multiple-choice question', () => {
    expect(errorsOf('Soal {~%100%hanya satu}')[0].message).toBe(
      'Soal pilihan ganda memerlukan minimal 2 jawaban',
    );
  });

  it('reports a bad question in the middle with its line and imports the others', () => {
    const text = [
      '// Bank soal pelayanan',
      '::Q1:: Ibu kota? {=Jakarta ~Bandung}',
      '',
      '::Q2:: Rusak {=a ~b',
      '~c',
      '',
      '// penjelasan',
      '::Q3:: Pi? {#abc}',
      '',
      '::Q4:: Bumi bulat {T}',
      '',
      '::Q5:: Pasangkan {=a -> b}',
      '',
      '::Q6:: Jelaskan {}',
    ].join('\n');
    const { questions, errors } = parseGift(text);
    expect(questions.map((q) => [q.line, q.name])).toEqual([
      [2, 'Q1'],
      [10, 'Q4'],
      [14, 'Q6'],
    ]);
    expect(errors.map((e) => e.line)).toEqual([4, 8, 12]);
    expect(errors[0].message).toBe('Kurung kurawal `{` tidak ditutup');
  });

  it('reports a block broken by a blank line as two errors, as Moodle would split it', () => {
    const errors = errorsOf('Soal {\n=a\n\n~b\n}');
    expect(errors.map((e) => e.line)).toEqual([1, 4]);
  });

  it('never throws on random GIFT-like noise', () => {
    const alphabet = [
      '{',
      '}',
      '=',
      '~',
      '#',
      '%',
      ':',
      '->',
      '\\',
      '\n',
      '\n\n',
      'a',
      ' ',
      '1',
      '.',
      '..',
      '$CATEGORY:',
      '//',
      '[html]',
      'T',
      '-',
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(random() * 40);
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(() => parseGift(text)).not.toThrow();
    }
  });

  it('returns nothing for an empty file', () => {
    expect(parseGift('')).toEqual({ questions: [], errors: [] });
    expect(parseGift('\n\n// hanya komentar\n')).toEqual({ questions: [], errors: [] });
  });
});
