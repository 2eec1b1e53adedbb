import type { SimulationContent } from '@siantar/scenario';
import { at } from './demo-path';

const SRI = { name: 'Ibu Sri Wahyuni', role: 'Warga, pemilik warung makan di Siantar Martoba' };

/** The patience the offer to apply online needs: only a calm citizen hears it out. */
export const ANTREAN_PATIENCE_FOR_ONLINE = 6;

/**
 * The score that completes the lesson: the best path makes 14; no path with more than one
 * poor choice reaches 10 (the spec walks every path).
 */
export const ANTREAN_MIN_SCORE = 10;

/**
 * Scenario 2 (issue 8): a citizen, angry after two hours in the queue, at the Disdukcapil
 * counter. `kesabaran` (the citizen's patience, 0–10) rises with listening and apologising
 * and falls with rebukes; the offer to apply online appears only while she is calm enough to
 * hear it. All people are fictional.
 */
export const ANTREAN_SIMULATION: SimulationContent = {
  settings: { completion: 'min-score', minScore: ANTREAN_MIN_SCORE, counts: 'best' },
  scenario: {
    schemaVersion: 1,
    title: 'Menenangkan Warga yang Kesal di Antrean Loket',
    competencies: [
      { key: 'empati', label: 'Empati' },
      { key: 'komunikasi', label: 'Komunikasi' },
      { key: 'penyelesaian-masalah', label: 'Penyelesaian masalah' },
    ],
    variables: [{ key: 'kesabaran', label: 'Kesabaran warga', initial: 4, min: 0, max: 10 }],
    startSceneId: 'marah',
    scenes: [
      {
        id: 'marah',
        title: 'Suara meninggi di depan loket',
        narrative:
          '<p>Senin pukul 10.30 di Disdukcapil Kota Pematangsiantar. Mesin antrean sempat rusak pagi tadi sehingga antrean menumpuk. Layar baru memanggil nomor 052.</p><p>Seorang ibu bangkit dari kursi ruang tunggu dan mendekati loket Anda dengan suara tinggi. Warga lain mulai menoleh.</p>',
        speaker: {
          ...SRI,
          mood: 'kesal',
          line: 'Sudah dua jam saya duduk di sini! Nomor saya 087, yang dipanggil baru 052. Warung saya tutup dari pagi. Bagaimana ini pelayanannya?',
        },
        choices: [
          {
            id: 'marah-dengar',
            label:
              'Berdiri, menyapa dengan tenang, dan mempersilakan beliau menyampaikan keluhannya sampai selesai',
            targetSceneId: 'dengar',
            feedback:
              'Warga yang marah perlu didengar lebih dulu sebelum bisa menerima penjelasan. Sikap dan nada Anda yang tenang menurunkan ketegangan.',
            effects: [
              { competency: 'empati', delta: 2 },
              { competency: 'komunikasi', delta: 1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: 2 }],
          },
          {
            id: 'marah-aturan',
            label:
              'Mengatakan dengan tegas bahwa semua warga juga menunggu dan beliau harus kembali ke kursinya',
            targetSceneId: 'memanas',
            feedback:
              'Isinya benar, tetapi disampaikan sebagai teguran kepada orang yang sudah lelah menunggu. Beliau merasa tidak didengar dan makin kesal.',
            effects: [
              { competency: 'empati', delta: -2 },
              { competency: 'komunikasi', delta: -1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: -2 }],
          },
          {
            id: 'marah-abaikan',
            label: 'Tetap melayani warga di depan Anda seolah-olah tidak mendengar',
            targetSceneId: 'memanas',
            feedback:
              'Mengabaikan warga yang kesal hampir selalu memperburuk keadaan: beliau merasa diremehkan, sementara warga lain ikut menonton.',
            effects: [
              { competency: 'empati', delta: -2 },
              { competency: 'komunikasi', delta: -1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: -4 }],
          },
        ],
        position: at(0),
      },
      {
        id: 'dengar',
        title: 'Mendengarkan keluhan',
        narrative:
          '<p>Ibu Sri menumpahkan kekesalannya: beliau datang pukul 08.00, tidak tahu mesin antrean rusak, dan tidak ada yang memberi tahu berapa lama lagi harus menunggu. Beliau hanya perlu <strong>memperbarui alamat di Kartu Keluarga</strong> setelah pindah rumah di dalam kota.</p>',
        speaker: {
          ...SRI,
          mood: 'kesal',
          line: 'Saya cuma mau mengganti alamat di KK. Masa harus setengah hari menunggu?',
        },
        choices: [
          {
            id: 'dengar-akui',
            label:
              'Mengakui bahwa menunggu dua jam tanpa kepastian memang melelahkan, meminta maaf atas gangguan mesin antrean, dan menanyakan dokumen yang beliau bawa',
            targetSceneId: 'keperluan',
            feedback:
              'Permintaan maaf yang tulus dan pengakuan atas perasaan warga bukan tanda kalah. Keduanya membuka jalan untuk mencari solusi bersama.',
            effects: [
              { competency: 'empati', delta: 2 },
              { competency: 'komunikasi', delta: 1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: 2 }],
          },
          {
            id: 'dengar-bela-diri',
            label:
              'Menjelaskan panjang lebar bahwa antrean panjang terjadi karena gangguan sistem, jadi bukan kesalahan petugas loket',
            targetSceneId: 'keperluan',
            feedback:
              'Penjelasan yang membela diri terdengar seperti mencari alasan. Warga tidak perlu tahu siapa yang salah; beliau ingin tahu kapan dan bagaimana urusannya selesai.',
            effects: [{ competency: 'komunikasi', delta: -1 }],
            updates: [{ variable: 'kesabaran', op: 'add', value: -1 }],
          },
        ],
        position: at(1),
      },
      {
        id: 'memanas',
        title: 'Suasana memanas',
        narrative:
          '<p>Ibu Sri makin keras bersuara. Beberapa warga ikut menggerutu, dan seseorang mulai merekam dengan ponselnya. Petugas keamanan di pintu menoleh ke arah loket Anda.</p>',
        speaker: {
          ...SRI,
          mood: 'marah',
          line: 'Begitu cara melayani masyarakat? Saya mau bicara dengan atasan Anda!',
        },
        choices: [
          {
            id: 'memanas-minta-maaf',
            label:
              'Keluar dari balik loket, meminta maaf dengan tulus, dan mengajak beliau bicara di meja bantuan yang lebih tenang',
            targetSceneId: 'keperluan',
            feedback:
              'Memperbaiki sikap tidak pernah terlambat. Mengajak bicara di tempat yang lebih tenang memisahkan masalah dari tontonan dan memberi beliau perhatian penuh.',
            effects: [
              { competency: 'empati', delta: 1 },
              { competency: 'komunikasi', delta: 1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: 3 }],
          },
          {
            id: 'memanas-satpam',
            label: 'Memanggil petugas keamanan agar beliau ditertibkan',
            targetSceneId: 'akhir-konflik',
            feedback:
              'Petugas keamanan adalah jalan terakhir bila ada ancaman keselamatan, bukan untuk warga yang mengeluhkan layanan. Langkah ini mengubah keluhan menjadi konflik.',
            effects: [
              { competency: 'empati', delta: -2 },
              { competency: 'komunikasi', delta: -2 },
            ],
            updates: [{ variable: 'kesabaran', op: 'set', value: 0 }],
          },
        ],
        position: at(1, 1),
      },
      {
        id: 'keperluan',
        title: 'Mencari jalan keluar',
        narrative:
          '<p>Ibu Sri kini duduk di meja bantuan. Beliau membawa <strong>KK lama</strong>, <strong>KTP-el</strong>, dan <strong>surat pengantar pindah dari kelurahan</strong>.</p><p>Perubahan alamat di KK karena pindah di dalam kota dapat diajukan lewat aplikasi <strong>Layanan Siantar</strong> di meja bantuan, tanpa menunggu nomor antrean. Antrean loket sendiri diperkirakan masih sekitar 40 menit.</p><p>Perhatikan <em>Kesabaran warga</em>: tawaran yang memerlukan penjelasan panjang hanya diterima warga yang sudah cukup tenang.</p>',
        choices: [
          {
            id: 'keperluan-daring',
            label:
              'Menawarkan mengajukan perubahan KK lewat aplikasi Layanan Siantar saat itu juga di meja bantuan, dengan pendampingan Anda, tanpa menunggu antrean',
            targetSceneId: 'daring',
            feedback:
              'Solusi ini menjawab kebutuhan yang sebenarnya: urusan selesai hari ini tanpa menunggu. Karena beliau sudah tenang, beliau mau mendengarkan penjelasan tentang aplikasi.',
            effects: [
              { competency: 'penyelesaian-masalah', delta: 3 },
              { competency: 'komunikasi', delta: 1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: 2 }],
            condition: { variable: 'kesabaran', op: 'gte', value: ANTREAN_PATIENCE_FOR_ONLINE },
          },
          {
            id: 'keperluan-tenangkan',
            label:
              'Menawarkan air minum dan tempat duduk yang nyaman, serta memberi perkiraan waktu tunggu yang jujur: sekitar 40 menit',
            targetSceneId: 'tunggu',
            feedback:
              'Kepastian waktu yang jujur sering lebih menenangkan daripada janji manis. Warga bisa memutuskan sendiri apakah menunggu atau mengurus hal lain dulu.',
            effects: [
              { competency: 'empati', delta: 1 },
              { competency: 'komunikasi', delta: 1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: 2 }],
            condition: { variable: 'kesabaran', op: 'gte', value: 3 },
          },
          {
            id: 'keperluan-janji',
            label:
              'Menjanjikan beliau dilayani berikutnya, mendahului nomor antrean lain, supaya cepat reda',
            targetSceneId: 'serobot',
            feedback:
              'Mendahulukan satu warga karena ia paling keras mengeluh tidak adil bagi warga lain yang juga menunggu, dan mengajarkan bahwa marah adalah cara tercepat untuk dilayani.',
            effects: [{ competency: 'penyelesaian-masalah', delta: -2 }],
            updates: [{ variable: 'kesabaran', op: 'add', value: 3 }],
          },
        ],
        position: at(2),
      },
      {
        id: 'serobot',
        title: 'Warga lain protes',
        narrative:
          '<p>Saat Anda memanggil Ibu Sri lebih dulu, seorang bapak dengan nomor antrean 053 berdiri. Beberapa warga lain mengangguk setuju.</p>',
        speaker: {
          name: 'Pak Darwin Nasution',
          role: 'Warga, nomor antrean 053',
          mood: 'kesal',
          line: 'Kami juga sudah menunggu dari pagi! Kenapa yang marah-marah malah didahulukan?',
        },
        choices: [
          {
            id: 'serobot-koreksi',
            label:
              'Meminta maaf kepada semua, menarik janji tadi, dan memberi Ibu Sri tempat duduk serta perkiraan waktu tunggu yang jujur',
            targetSceneId: 'tunggu',
            feedback:
              'Mengakui kekeliruan di depan umum tidak mudah, tetapi menjaga keadilan antrean dan kepercayaan semua warga.',
            effects: [
              { competency: 'komunikasi', delta: 1 },
              { competency: 'penyelesaian-masalah', delta: 1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: -3 }],
          },
          {
            id: 'serobot-lanjut',
            label: 'Tetap mendahulukan Ibu Sri agar suasana cepat reda',
            targetSceneId: 'akhir-tidak-adil',
            feedback:
              'Satu warga tenang, tetapi puluhan warga lain merasa diperlakukan tidak adil.',
            effects: [
              { competency: 'penyelesaian-masalah', delta: -2 },
              { competency: 'komunikasi', delta: -1 },
            ],
          },
        ],
        position: at(3, 1),
      },
      {
        id: 'tunggu',
        title: 'Menunggu dengan kepastian',
        narrative:
          '<p>Ibu Sri duduk kembali dengan segelas air. Beliau tampak lebih tenang karena tahu berapa lama lagi harus menunggu. Anda masih punya sedikit waktu sebelum warga berikutnya maju ke loket.</p>',
        choices: [
          {
            id: 'tunggu-daring',
            label:
              'Menghampiri beliau dan menawarkan mengajukan perubahan KK lewat aplikasi di meja bantuan sambil menunggu',
            targetSceneId: 'daring',
            feedback:
              'Menawarkan jalur daring ketika warga sudah tenang memberi beliau pilihan untuk selesai lebih cepat, dan satu nomor antrean berkurang dari loket.',
            effects: [{ competency: 'penyelesaian-masalah', delta: 2 }],
            updates: [{ variable: 'kesabaran', op: 'add', value: 1 }],
            condition: { variable: 'kesabaran', op: 'gte', value: ANTREAN_PATIENCE_FOR_ONLINE },
          },
          {
            id: 'tunggu-layani',
            label:
              'Membiarkan beliau menunggu giliran, lalu melayani dengan cermat di loket dan berterima kasih atas kesabarannya',
            targetSceneId: 'akhir-cukup',
            feedback:
              'Layanan yang sopan dan cermat menutup keluhan dengan baik, tetapi beliau tetap menunggu 40 menit lagi untuk urusan yang bisa selesai secara daring.',
            effects: [
              { competency: 'empati', delta: 1 },
              { competency: 'komunikasi', delta: 1 },
            ],
          },
        ],
        position: at(4, 1),
      },
      {
        id: 'daring',
        title: 'Mengajukan lewat aplikasi',
        narrative:
          '<p>Di meja bantuan, Anda membuka aplikasi Layanan Siantar bersama Ibu Sri di ponselnya. Menu <strong>Layanan Kependudukan → Perubahan Data KK</strong> sudah terbuka, dan beliau memperhatikan dengan saksama.</p>',
        speaker: {
          ...SRI,
          mood: 'tenang',
          line: 'Jadi bisa dari HP, ya? Kenapa tidak dari tadi ada yang memberi tahu.',
        },
        choices: [
          {
            id: 'daring-dampingi',
            label:
              'Mendampingi beliau langkah demi langkah sampai permohonan terkirim, lalu menjelaskan nomor permohonan, cara melacak status, dan bahwa KK baru bisa diunduh dan dicetak sendiri',
            targetSceneId: 'akhir-terbaik',
            feedback:
              'Pendampingan sampai tuntas memastikan permohonan benar dan Ibu Sri tahu langkah berikutnya. Lain kali beliau tidak perlu mengantre untuk urusan serupa.',
            effects: [
              { competency: 'empati', delta: 1 },
              { competency: 'penyelesaian-masalah', delta: 2 },
              { competency: 'komunikasi', delta: 1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: 1 }],
          },
          {
            id: 'daring-tinggal',
            label:
              'Menunjukkan menu yang benar, lalu kembali ke loket dan membiarkan beliau mengisi sendiri',
            targetSceneId: 'akhir-cukup',
            feedback:
              'Arahnya benar, tetapi warga yang baru saja tenang ditinggalkan di tengah jalan. Bila beliau tersendat, kekesalannya bisa muncul kembali.',
            effects: [
              { competency: 'empati', delta: -1 },
              { competency: 'penyelesaian-masalah', delta: -1 },
            ],
            updates: [{ variable: 'kesabaran', op: 'add', value: -2 }],
          },
        ],
        position: at(5),
      },
      {
        id: 'akhir-terbaik',
        title: 'Keluhan berubah menjadi kepuasan',
        narrative:
          '<p>Dua puluh menit kemudian permohonan perubahan KK Ibu Sri terkirim. Beliau mencatat nomor permohonan dan mencoba sendiri menu Lacak Permohonan. Nomor antrean 087 di tangannya tidak terpakai: satu warga berkurang dari antrean loket.</p>',
        speaker: {
          ...SRI,
          mood: 'lega',
          line: 'Maaf ya, tadi saya marah-marah. Nanti tetangga saya yang mau mengurus KK saya suruh pakai aplikasi ini saja.',
        },
        choices: [],
        ending: {
          rating: 'best',
          debrief:
            'Anda menangani warga yang kesal dengan urutan yang tepat: mendengarkan dulu, mengakui perasaannya dan meminta maaf, baru kemudian menawarkan solusi yang menjawab kebutuhannya. Karena kesabarannya pulih, Ibu Sri mau mendengarkan penjelasan tentang layanan daring, dan Anda mendampinginya sampai tuntas. Keluhan berubah menjadi kepuasan, dan antrean di loket berkurang.',
        },
        position: at(6),
      },
      {
        id: 'akhir-cukup',
        title: 'Urusan selesai, kesempatan terlewat',
        narrative:
          '<p>Permohonan perubahan KK Ibu Sri akhirnya masuk, dan beliau pulang tanpa keributan. Namun hari itu beliau menghabiskan waktu lebih lama daripada yang perlu, dan belum yakin bisa memakai aplikasi Layanan Siantar sendiri lain kali.</p>',
        choices: [],
        ending: {
          rating: 'acceptable',
          debrief:
            'Keluhan Ibu Sri tertangani tanpa keributan, dan itu penting. Namun urusan yang dapat selesai secara daring dalam dua puluh menit tetap memakan waktu lebih lama, atau beliau ditinggal mengisi sendiri tanpa pendampingan. Jalan yang lebih baik: setelah beliau tenang, tawarkan pengajuan lewat aplikasi Layanan Siantar di meja bantuan dan dampingi sampai permohonan terkirim serta beliau tahu cara melacaknya.',
        },
        position: at(6, 1),
      },
      {
        id: 'akhir-konflik',
        title: 'Keluhan berubah menjadi konflik',
        narrative:
          '<p>Petugas keamanan mengantar Ibu Sri keluar dari ruang pelayanan. Beliau pulang tanpa KK yang diperbarui. Sore harinya video keributan di loket beredar di media sosial, dan keluhan resmi masuk ke kanal pengaduan Pemerintah Kota.</p>',
        choices: [],
        ending: {
          rating: 'poor',
          debrief:
            'Warga yang kesal karena menunggu lama bukan ancaman keamanan; beliau pengguna layanan yang kecewa. Menegur, mengabaikan, lalu memanggil petugas keamanan menghabiskan kesabarannya dan mengubah keluhan menjadi konflik terbuka. Jalan yang lebih baik: dengarkan keluhannya sampai selesai, akui perasaannya dan minta maaf atas gangguan antrean, lalu tawarkan solusi, misalnya pengajuan perubahan KK lewat aplikasi Layanan Siantar dengan pendampingan.',
        },
        position: at(2, 1),
      },
      {
        id: 'akhir-tidak-adil',
        title: 'Antrean kehilangan keadilan',
        narrative:
          '<p>Ibu Sri dilayani lebih dulu, tetapi warga lain protes keras. Dua warga menulis keluhan di kanal pengaduan tentang petugas yang mendahulukan warga yang marah-marah. Sepanjang sisa pagi, beberapa warga lain ikut menaikkan suara agar cepat dilayani.</p>',
        choices: [],
        ending: {
          rating: 'poor',
          debrief:
            'Mendahulukan warga yang paling keras mengeluh memang meredakan satu orang, tetapi merusak keadilan antrean dan kepercayaan warga lain, serta mengajarkan bahwa marah adalah jalan pintas. Jalan yang lebih baik: tenangkan warga dengan mendengarkan dan meminta maaf, beri kepastian waktu yang jujur, lalu tawarkan jalur yang sah dan lebih cepat, yaitu pengajuan daring lewat aplikasi Layanan Siantar dengan pendampingan.',
        },
        position: at(4, 2),
      },
    ],
  },
};
