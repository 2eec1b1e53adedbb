import type { SimulationContent } from '@siantar/scenario';
import { at } from './demo-path';

const OPUNG = {
  name: 'Opung Rosmauli br. Damanik',
  role: 'Warga lanjut usia (74 tahun), Kecamatan Siantar Timur',
};

/**
 * Scenario 3 (issue 8): explaining the online service to an elderly citizen whose family
 * card was damaged by water: a slow, patient explanation, filling in together, her daughter
 * brought in with her consent, a printed large-type guide. All people are fictional.
 */
export const LANSIA_SIMULATION: SimulationContent = {
  settings: { completion: 'ending', counts: 'last' },
  scenario: {
    schemaVersion: 1,
    title: 'Menjelaskan Layanan Daring kepada Warga Lanjut Usia',
    competencies: [
      { key: 'empati', label: 'Empati' },
      { key: 'komunikasi', label: 'Komunikasi yang jelas' },
      { key: 'pendampingan', label: 'Pendampingan warga' },
    ],
    variables: [],
    startSceneId: 'datang',
    scenes: [
      {
        id: 'datang',
        title: 'Opung datang ke meja bantuan',
        narrative:
          '<p>Selasa siang di meja bantuan Disdukcapil Kota Pematangsiantar. Seorang ibu lanjut usia berjalan pelan ke arah Anda sambil memegang map plastik. Di dalamnya ada Kartu Keluarga yang kertasnya rusak terkena air hujan.</p>',
        speaker: {
          ...OPUNG,
          mood: 'ragu',
          line: 'Nak, KK Opung rusak kena bocor. Kata orang kelurahan, sekarang mengurusnya harus pakai HP. Opung tak paham HP-HP begitu.',
        },
        choices: [
          {
            id: 'datang-duduk',
            label:
              'Mempersilakan Opung duduk, memperkenalkan diri, dan menanyakan keperluannya dengan suara pelan dan jelas',
            targetSceneId: 'kebutuhan',
            feedback:
              'Warga lanjut usia perlu merasa tidak diburu-buru. Tempat duduk, perkenalan, dan suara yang pelan serta jelas membuat Opung siap mendengarkan.',
            effects: [
              { competency: 'empati', delta: 2 },
              { competency: 'komunikasi', delta: 1 },
            ],
          },
          {
            id: 'datang-istilah',
            label:
              'Langsung menjelaskan: unduh aplikasinya di Play Store, registrasi, verifikasi OTP, lalu unggah pindaian KK',
            targetSceneId: 'bingung',
            feedback:
              'Istilah seperti unduh, registrasi, dan OTP asing bagi banyak warga lanjut usia. Penjelasan cepat yang penuh istilah membuat warga merasa tertinggal dan menyerah.',
            effects: [
              { competency: 'komunikasi', delta: -2 },
              { competency: 'empati', delta: -1 },
            ],
          },
        ],
        position: at(0),
      },
      {
        id: 'bingung',
        title: 'Opung kebingungan',
        narrative: '<p>Opung menatap Anda lama, lalu memasukkan kembali KK-nya ke dalam map.</p>',
        speaker: {
          ...OPUNG,
          mood: 'bingung',
          line: 'Apa pula itu otepe? Sudahlah, Nak. Opung pulang saja, nanti biar anak Opung yang mengurus kalau dia sempat.',
        },
        choices: [
          {
            id: 'bingung-ulang',
            label:
              'Meminta maaf, mempersilakan Opung duduk, dan mengulang penjelasan pelan-pelan dengan bahasa sehari-hari',
            targetSceneId: 'kebutuhan',
            feedback:
              'Menyadari penjelasan terlalu cepat lalu mengulanginya dengan sabar mengembalikan kepercayaan Opung. Bahasa sehari-hari lebih mudah diikuti daripada istilah aplikasi.',
            effects: [
              { competency: 'empati', delta: 1 },
              { competency: 'komunikasi', delta: 1 },
            ],
          },
          {
            id: 'bingung-pulang',
            label:
              'Setuju bahwa sebaiknya anaknya saja yang mengurus, lalu mempersilakan Opung pulang',
            targetSceneId: 'akhir-pulang',
            feedback:
              'Opung datang sendiri dan berhak dilayani. Menyerahkan urusan kepada anaknya, yang belum tentu sempat, berarti layanan tidak diberikan.',
            effects: [
              { competency: 'empati', delta: -1 },
              { competency: 'pendampingan', delta: -2 },
            ],
          },
        ],
        position: at(1, 1),
      },
      {
        id: 'kebutuhan',
        title: 'Memahami kebutuhan Opung',
        narrative:
          '<p>Sambil duduk, Opung bercerita bahwa KK-nya rusak ketika atap rumah bocor bulan lalu. Beliau membawa <strong>KTP-el</strong> dan KK yang rusak itu. Ponselnya adalah ponsel pintar pemberian cucunya, yang selama ini hanya dipakai untuk menelepon dan panggilan video. Putrinya, Maria, tinggal di Siantar Utara dan biasa mengantar Opung berobat.</p><p>Permohonan <strong>cetak ulang KK karena rusak</strong> dapat diajukan lewat aplikasi Layanan Siantar. KK baru terbit sebagai dokumen elektronik bertanda tangan elektronik (TTE) yang dapat dicetak di kertas HVS A4.</p>',
        choices: [
          {
            id: 'kebutuhan-bertahap',
            label:
              'Menjelaskan satu langkah pada satu waktu sambil menunjukkan layar, lalu bertanya apakah Opung sudah bisa mengikuti sebelum lanjut',
            targetSceneId: 'isi',
            feedback:
              'Satu langkah sekali jalan, diikuti pertanyaan “Sudah, Opung?”, membuat warga lanjut usia dapat mengikuti tanpa kewalahan dan berani bertanya.',
            effects: [
              { competency: 'komunikasi', delta: 2 },
              { competency: 'pendampingan', delta: 1 },
            ],
          },
          {
            id: 'kebutuhan-sekaligus',
            label:
              'Menjelaskan semua langkah sekaligus dengan cepat karena antrean di belakang menunggu',
            targetSceneId: 'isi',
            feedback:
              'Semua langkah sekaligus sulit diingat, terutama oleh warga yang baru mengenal aplikasi. Beberapa menit tambahan di awal mencegah Opung kembali karena lupa.',
            effects: [{ competency: 'komunikasi', delta: -1 }],
          },
        ],
        position: at(2),
      },
      {
        id: 'isi',
        title: 'Mengisi permohonan',
        narrative:
          '<p>Opung sudah memahami garis besarnya: permohonan diisi di ponsel, KK yang rusak difoto, lalu KK baru dikirim sebagai berkas yang bisa dicetak. Sekarang permohonannya perlu diisi.</p>',
        speaker: {
          ...OPUNG,
          mood: 'cemas',
          line: 'Opung takut salah pencet, Nak. Nanti rusak pula HP ini.',
        },
        choices: [
          {
            id: 'isi-bersama',
            label:
              'Meyakinkan bahwa ponselnya tidak akan rusak, lalu menawarkan mengisi bersama: Opung yang menekan layar, Anda yang menunjukkan dan membacakan',
            targetSceneId: 'keluarga',
            feedback:
              'Mengisi bersama membuat Opung mengalami sendiri setiap langkah. Rasa takut salah berkurang ketika ada yang mendampingi.',
            effects: [
              { competency: 'pendampingan', delta: 2 },
              { competency: 'empati', delta: 1 },
            ],
          },
          {
            id: 'isi-petugas',
            label:
              'Mengambil alih dan mengisikan seluruh permohonan di ponsel Opung sementara beliau menunggu',
            targetSceneId: 'keluarga',
            feedback:
              'Permohonan memang terisi, tetapi Opung tidak ikut belajar. Tanpa terlibat, beliau tidak tahu apa yang dikirim atas namanya dan akan tetap bergantung pada petugas.',
            effects: [{ competency: 'pendampingan', delta: -1 }],
          },
          {
            id: 'isi-rumah',
            label:
              'Menuliskan nama aplikasinya di secarik kertas dan meminta Opung mencobanya sendiri di rumah',
            targetSceneId: 'akhir-pulang',
            feedback:
              'Warga yang baru saja mengatakan takut salah pencet hampir pasti tidak berhasil sendirian di rumah. Beliau akan kembali ke kantor, atau berhenti mengurus sama sekali.',
            effects: [
              { competency: 'pendampingan', delta: -2 },
              { competency: 'empati', delta: -1 },
            ],
          },
        ],
        position: at(3),
      },
      {
        id: 'keluarga',
        title: 'Kode verifikasi dan keluarga',
        narrative:
          '<p>Aplikasi mengirim <strong>kode verifikasi (OTP)</strong> lewat SMS ke ponsel Opung. Hurufnya kecil, dan Opung kesulitan membacanya. Setelah permohonan diproses, KK baru juga perlu diunduh dan dicetak, padahal di rumah Opung tidak ada mesin pencetak.</p>',
        speaker: {
          ...OPUNG,
          mood: 'ragu',
          line: 'Kalau nanti ada pesan-pesan lagi dari aplikasi ini, Opung mana bisa membacanya, Nak.',
        },
        choices: [
          {
            id: 'keluarga-maria',
            label:
              'Dengan izin Opung, menelepon Maria lewat panggilan video, menjelaskan permohonan yang diajukan, dan memintanya membantu memantau status serta mencetak KK nanti',
            targetSceneId: 'panduan',
            feedback:
              'Melibatkan keluarga yang dipercaya warga, atas izinnya, memberi Opung pendamping di rumah. Maria tahu apa yang diajukan dan apa langkah berikutnya.',
            effects: [
              { competency: 'pendampingan', delta: 2 },
              { competency: 'komunikasi', delta: 1 },
            ],
          },
          {
            id: 'keluarga-nomor-petugas',
            label:
              'Mengganti nomor ponsel di permohonan dengan nomor pribadi Anda, supaya Anda yang menerima semua pesan lalu mengabari Opung',
            targetSceneId: 'akhir-cukup',
            feedback:
              'Niatnya membantu, tetapi permohonan warga harus memakai kontak warga sendiri atau keluarga yang ditunjuknya, bukan nomor pribadi petugas. Data pribadi Opung mengalir ke ponsel orang lain, dan beliau menjadi bergantung pada Anda.',
            effects: [
              { competency: 'pendampingan', delta: -2 },
              { competency: 'komunikasi', delta: -1 },
            ],
          },
        ],
        position: at(4),
      },
      {
        id: 'panduan',
        title: 'Sebelum Opung pulang',
        narrative:
          '<p>Permohonan cetak ulang KK sudah terkirim, dan layar menampilkan nomor permohonannya. KK baru akan terbit setelah diverifikasi.</p><p>Di meja bantuan tersedia <strong>panduan cetak bergambar berhuruf besar</strong> untuk aplikasi Layanan Siantar.</p>',
        speaker: {
          ...OPUNG,
          mood: 'lega',
          line: 'Sudah, Nak? Jadi Opung tunggu saja di rumah?',
        },
        choices: [
          {
            id: 'panduan-cetak',
            label:
              'Memberikan panduan cetak berhuruf besar, menuliskan nomor permohonan di sampulnya, dan menandai halaman Lacak Permohonan sambil menjelaskannya sekali lagi pelan-pelan',
            targetSceneId: 'akhir-terbaik',
            feedback:
              'Panduan tertulis membantu warga lanjut usia mengingat langkah di rumah, dan nomor permohonan yang tertulis jelas memudahkan Maria melacaknya.',
            effects: [
              { competency: 'komunikasi', delta: 2 },
              { competency: 'pendampingan', delta: 1 },
              { competency: 'empati', delta: 1 },
            ],
          },
          {
            id: 'panduan-lisan',
            label:
              'Mengatakan bahwa nanti statusnya dicek saja di aplikasi, lalu mempersilakan Opung pulang',
            targetSceneId: 'akhir-cukup',
            feedback:
              'Penjelasan lisan yang singkat mudah terlupa. Tanpa catatan nomor permohonan dan langkah melacak, Opung kemungkinan kembali ke kantor untuk bertanya.',
            effects: [{ competency: 'komunikasi', delta: -1 }],
          },
        ],
        position: at(5),
      },
      {
        id: 'akhir-terbaik',
        title: 'Opung pulang dengan yakin',
        narrative:
          '<p>Opung menyimpan panduan itu di dalam map, di samping KK lamanya. Sore harinya Maria menelepon: ia sudah melihat status permohonan di aplikasi. Setelah KK baru terbit, Maria mengunduh dan mencetaknya untuk Opung.</p>',
        speaker: {
          ...OPUNG,
          mood: 'senang',
          line: 'Terima kasih, Nak. Sabar kali kau mengajari Opung. Nanti Opung ceritakan ke kawan-kawan arisan.',
        },
        choices: [],
        ending: {
          rating: 'best',
          debrief:
            'Anda menjelaskan layanan daring dengan cara yang cocok bagi warga lanjut usia: memberi tempat duduk dan waktu, berbicara pelan dan jelas tanpa istilah teknis, menjelaskan satu langkah sekali jalan, mengisi bersama sehingga Opung ikut mengalami, melibatkan keluarga yang dipercaya atas izinnya, dan memberikan panduan tertulis berhuruf besar berisi nomor permohonan. Opung terlayani tanpa harus kembali mengantre, dan kini ada pendamping di rumah untuk langkah berikutnya.',
        },
        position: at(6),
      },
      {
        id: 'akhir-cukup',
        title: 'Permohonan terkirim, Opung belum yakin',
        narrative:
          '<p>Permohonan Opung terkirim, dan KK barunya akan terbit. Namun Opung belum tahu cara memantau dan mencetaknya. Dua minggu kemudian beliau kembali ke kantor dan mengantre untuk menanyakan apakah KK-nya sudah jadi.</p>',
        choices: [],
        ending: {
          rating: 'acceptable',
          debrief:
            'Permohonannya terkirim, jadi layanan tidak gagal. Namun Opung belum mampu melanjutkan sendiri: penjelasan lisan yang singkat mudah terlupa, dan pesan dari aplikasi tidak sampai kepada beliau atau keluarganya. Ingat pula bahwa permohonan warga harus memakai kontak warga atau keluarga yang ditunjuknya, bukan nomor pribadi petugas. Jalan yang lebih baik: libatkan keluarga yang dipercaya Opung atas izinnya, berikan panduan cetak berhuruf besar, tuliskan nomor permohonan, dan tandai langkah melacak status.',
        },
        position: at(6, 1),
      },
      {
        id: 'akhir-pulang',
        title: 'Opung pulang tanpa permohonan',
        narrative:
          '<p>Opung pulang dengan KK yang masih rusak dan tanpa permohonan yang terkirim. Maria baru sempat mengantar beliau ke kantor tiga minggu kemudian, dan mereka mengantre dari awal.</p>',
        choices: [],
        ending: {
          rating: 'poor',
          debrief:
            'Opung datang sendiri dan pulang tanpa terlayani. Penjelasan yang penuh istilah, menyerahkan urusan kepada keluarga yang belum tentu sempat, atau meminta beliau mencoba sendiri di rumah membuat warga lanjut usia tertinggal dari layanan daring. Jalan yang lebih baik: persilakan duduk, jelaskan pelan-pelan satu langkah sekali jalan dengan bahasa sehari-hari, isi permohonan bersama di ponselnya, libatkan keluarga atas izinnya, dan berikan panduan cetak berhuruf besar.',
        },
        position: at(4, 1),
      },
    ],
  },
};
