import type { QuestionDraft } from '@siantar/contracts';
import { writeGift } from './gift-writer';
import { parseGift } from './import-preview';

const drafts = (text: string): QuestionDraft[] => {
  const { questions, errors } = parseGift(text);
  expect(errors).toEqual([]);
  return questions.map((q) => q.draft);
};

/** Drafts → GIFT → drafts must give back the same drafts, with nothing skipped. */
function roundTrip(input: QuestionDraft[]): string {
  const written = writeGift(input);
  expect(written.skipped).toEqual([]);
  expect(drafts(written.text)).toEqual(input);
  return written.text;
}

/** Every feature of the format in one bank, as an author would write it. */
const BANK = String.raw`
// Bank soal pelayanan publik
$CATEGORY: $course$/top/Pelayanan/Disdukcapil

// [tag:ktp] [tag:dasar]
::KTP 1::Siapa menerbitkan KTP-el? {
  =Disdukcapil#Tepat.
  ~Polri#Polri menerbitkan SIM.
  ~%-25%Kemenkeu
  ####Dinas Kependudukan dan Pencatatan Sipil.
}

::Dokumen::Dokumen yang diterbitkan Disdukcapil {
  ~%33.33333%KTP-el
  ~%33.33333%Kartu Keluarga
  ~%33.33333%Akta Kelahiran
  ~%-100%Paspor#Paspor oleh Imigrasi.
}

Masa berlaku KTP-el adalah {~5 tahun =seumur hidup ~10 tahun} sejak 2014.

::Singkatan::[markdown]Kepanjangan **NIK**? {=Nomor Induk Kependudukan =%50%Nomor Induk*#Kurang lengkap}

::Benar salah::KTP-el berlaku seumur hidup.{TRUE#Keliru: sejak UU 24/2013 berlaku seumur hidup.#Betul.####UU 24 Tahun 2013.}

::Salah saja::[plain]KK boleh dilaminasi.{F}

$CATEGORY: $course$/top/Kepegawaian

::Pi::Nilai pi? {#3.14:0.01}

::Proklamasi::Tahun proklamasi? {#
  =1945:0#Tepat
  =%50%1945:2#Hampir
  ~#Lihat teks proklamasi.
}

::Rentang::Angka 1 sampai 5? {#1..5}

::Pasangan::Pasangkan dokumen dan instansi. {
  =KTP -> Disdukcapil
  =SIM -> Polri
  =[html]<b>NPWP</b> -> DJP
  = -> Kemenkumham
}

::Esai::[html]<p>Jelaskan alur penerbitan KTP-el.</p>{}

::Esai GF::Uraikan tugas pokok BKN.{####Sebut manajemen ASN.}

::Petunjuk::Soal berikut tentang cuti ASN.

::Escapes \: semua::Karakter \~ \= \# \{ \} \: dan \\ serta baris\nbaru{
  =jawab \= benar#umpan \# balik
  ~salah \~ juga
}

$CATEGORY: $course$/top

Tanpa kategori lagi {T}
`;

describe('writeGift round trip', () => {
  it('reads back a bank with every feature to the same drafts', () => {
    const first = drafts(BANK);
    expect(first).toHaveLength(15);
    const text = roundTrip(first);
    // Writing what was read back gives the same text again.
    expect(writeGift(drafts(text)).text).toBe(text);
  });

  it('writes categories only when they change and resets to the top', () => {
    const { text } = writeGift(drafts(BANK));
    expect(text.match(/^\$CATEGORY:.*$/gm)).toEqual([
      '$CATEGORY: $course$/top/Pelayanan/Disdukcapil',
      '$CATEGORY: $course$/top/Kepegawaian',
      '$CATEGORY: $course$/top',
    ]);
  });

  it('writes names, formats, escapes, weights and feedback as Moodle does', () => {
    const { text } = writeGift(drafts(BANK));
    expect(text).toContain(
      '// [tag:ktp] [tag:dasar]\n::KTP 1::Siapa menerbitkan KTP-el?{\n\t=Disdukcapil#Tepat.\n\t~Polri#Polri menerbitkan SIM.\n\t~%-25%Kemenkeu\n\t####Dinas Kependudukan dan Pencatatan Sipil.\n}',
    );
    expect(text).toContain('\t~%33.33333%KTP-el\n');
    expect(text).toContain(
      '::Singkatan::[markdown]Kepanjangan **NIK**?{\n\t=Nomor Induk Kependudukan\n\t=%50%Nomor Induk*#Kurang lengkap\n}',
    );
    expect(text).toContain(
      '{TRUE#Keliru\\: sejak UU 24/2013 berlaku seumur hidup.#Betul.####UU 24 Tahun 2013.}',
    );
    expect(text).toContain(
      '{#\n\t=1945:0#Tepat\n\t=%50%1945:2#Hampir\n\t~#Lihat teks proklamasi.\n}',
    );
    expect(text).toContain('\t=1..5\n');
    expect(text).toContain('\t=<b>NPWP</b> -> DJP\n\t= -> Kemenkumham\n');
    expect(text).toContain('::Esai::[html]<p>Jelaskan alur penerbitan KTP-el.</p>{}');
    expect(text).toContain('::Petunjuk::Soal berikut tentang cuti ASN.\n');
    expect(text).toContain(
      '::Escapes \\: semua::Karakter \\~ \\= \\# \\{ \\} \\: dan \\\\ serta baris\\nbaru{',
    );
    expect(text).toContain('Masa berlaku KTP-el adalah _____ sejak 2014.{');
  });

  it('round-trips drafts made in the editor, with awkward texts', () => {
    const base = { format: 'moodle' as const, defaultMark: 1 };
    roundTrip([
      {
        ...base,
        name: 'Dua jawaban benar',
        text: '[html] bukan format, hanya teks',
        body: {
          type: 'single-choice',
          answers: [
            { id: 'a1', text: 'Ya', fraction: 1 },
            { id: 'a2', text: 'Juga ya', fraction: 1 },
            { id: 'a3', text: '%50% diskon', fraction: 0 },
            { id: 'a4', text: '[plain] kurung', fraction: 0.5, feedback: '[x] umpan {balik}' },
          ],
        },
      },
      {
        ...base,
        name: 'Baris\\miring',
        text: 'Baris satu\nbaris dua: C:\\data\\new',
        generalFeedback: '[markdown] bukan prefiks',
        category: 'A/B',
        body: {
          type: 'multiple-response',
          scoring: 'partial',
          answers: [
            { id: 'a1', text: '%100% semua', fraction: 1 },
            { id: 'a2', text: 'tidak', fraction: -0.5 },
          ],
        },
      },
      {
        ...base,
        name: 'Isian',
        text: 'Isi',
        body: {
          type: 'short-answer',
          caseSensitive: false,
          answers: [
            { text: '%persen', fraction: 1 },
            { text: 'a = b', fraction: 0.1234567 },
          ],
        },
      },
      {
        ...base,
        name: 'BS',
        text: 'Benar?',
        body: { type: 'true-false', correct: false, feedbackTrue: 'Hanya salah' },
      },
      {
        ...base,
        name: 'Angka',
        text: 'Angka kecil',
        body: {
          type: 'numerical',
          answers: [
            { kind: 'exact', value: -0.000001, tolerance: 1e-7, fraction: 1 },
            { kind: 'range', min: -1e21, max: 2.5, fraction: -0.5, feedback: 'jauh' },
          ],
        },
      },
      {
        ...base,
        name: 'Jodohkan',
        text: 'Pasangkan',
        body: {
          type: 'matching',
          pairs: [
            { id: 'p1', prompt: 'a', answer: 'x -> y' },
            { id: 'p2', prompt: 'b', answer: '[html]c' },
          ],
          distractors: ['z # ~ ='],
        },
      },
    ]);
  });

  it('skips what GIFT cannot say, with a reason in Bahasa Indonesia', () => {
    const base = { format: 'moodle' as const, defaultMark: 1, text: 'Teks' };
    const result = writeGift([
      {
        ...base,
        name: 'Urutan',
        body: { type: 'ordering', scoring: 'partial', items: [{ id: 'i1', text: 'a' }] },
      },
      { ...base, name: 'Cloze', body: { type: 'cloze', text: '{{g1}}', gaps: [] } },
      {
        ...base,
        name: 'Esai rubrik',
        body: {
          type: 'essay',
          rubric: [{ id: 'c1', name: 'Isi', levels: [{ points: 1, description: 'ada' }] }],
        },
      },
      { ...base, name: 'Esai kata', body: { type: 'essay', rubric: [], minWords: 50 } },
      {
        ...base,
        name: 'Peka huruf',
        body: { type: 'short-answer', caseSensitive: true, answers: [{ text: 'A', fraction: 1 }] },
      },
      {
        ...base,
        name: 'Panah',
        body: {
          type: 'short-answer',
          caseSensitive: false,
          answers: [{ text: 'a->b', fraction: 1 }],
        },
      },
      {
        ...base,
        name: 'Tanpa kunci',
        body: {
          type: 'single-choice',
          answers: [
            { id: 'a1', text: 'x', fraction: 0 },
            { id: 'a2', text: 'y', fraction: 0 },
          ],
        },
      },
      { ...base, name: 'Esai biasa', body: { type: 'essay', rubric: [] } },
    ]);
    expect(result.skipped).toEqual([
      { name: 'Urutan', reason: 'Soal urutan (ordering) tidak dapat dinyatakan dalam format GIFT' },
      { name: 'Cloze', reason: 'Soal cloze tidak dapat dinyatakan dalam format GIFT' },
      { name: 'Esai rubrik', reason: 'Rubrik esai tidak dapat dinyatakan dalam format GIFT' },
      {
        name: 'Esai kata',
        reason: 'Batas minimal kata esai tidak dapat dinyatakan dalam format GIFT',
      },
      {
        name: 'Peka huruf',
        reason: 'GIFT tidak dapat menyatakan jawaban isian yang peka huruf besar/kecil',
      },
      {
        name: 'Panah',
        reason: 'Jawaban isian yang memuat `->` akan terbaca sebagai soal menjodohkan dalam GIFT',
      },
      {
        name: 'Tanpa kunci',
        reason:
          'Soal tidak valid: Soal pilihan tunggal memerlukan satu jawaban bernilai 100% (ditandai `=`)',
      },
    ]);
    expect(result.text).toBe('::Esai biasa::Teks{}\n');
  });

  it('writes nothing for an empty bank', () => {
    expect(writeGift([])).toEqual({ text: '', skipped: [] });
  });
});
