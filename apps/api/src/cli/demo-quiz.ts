import type { QuizSettings } from '@siantar/contracts';

/** The final quiz of PPBD-01, as trainers would write it in Moodle's GIFT format. */
export const PPBD_QUIZ_GIFT = `// Kuis akhir Pelayanan Publik Berbasis Digital
$CATEGORY: $course$/top/Layanan daring

::Dokumen KK::Dokumen apa yang diunggah warga untuk permohonan perubahan data KK? {
  =Kartu Keluarga lama dan dokumen pendukung perubahan #Benar, keduanya diperlukan.
  ~Surat izin usaha #Itu untuk layanan perizinan.
  ~%-50%Tidak perlu dokumen apa pun #Persyaratan selalu diunggah.
}

::Langkah pertama::Langkah pertama warga di aplikasi pelayanan adalah membuat akun dengan NIK dan nomor ponsel. {T#Periksa lagi alur permohonan.#Tepat.}

::Bantuan di loket::Pilih semua yang sebaiknya dilakukan petugas saat membantu warga memakai aplikasi. {
  ~%50%Menunjukkan langkahnya lalu membiarkan warga mencoba sendiri
  ~%50%Memeriksa kelengkapan dokumen sebelum dikirim
  ~%-100%Mengisi semua data warga tanpa bertanya
}

::Waktu verifikasi::Standar waktu verifikasi permohonan daring di kota ini adalah 3 hari kerja. Berapa hari kerja? {#3:0}

::Istilah::Layanan pemerintahan berbasis elektronik disebut {=e-government =e-gov}.

$CATEGORY: $course$/top/Refleksi

::Refleksi loket::Ceritakan bagaimana Anda akan membantu warga lanjut usia yang belum pernah memakai aplikasi pelayanan. {}
`;

export const PPBD_QUIZ_SETTINGS: Omit<QuizSettings, 'slots'> = {
  title: 'Kuis akhir: Pelayanan Publik Berbasis Digital',
  shuffleQuestions: false,
  shuffleAnswers: true,
  timeLimitMinutes: 15,
  opensAt: null,
  closesAt: null,
  attemptsAllowed: 3,
  gradingMethod: 'highest',
  passPercent: 70,
  review: { when: 'immediately', score: true, rightAnswers: true, feedback: true },
  role: 'post-test',
  navigation: 'free',
  anonymousGrading: false,
};
