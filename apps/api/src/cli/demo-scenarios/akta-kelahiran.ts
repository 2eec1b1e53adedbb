import type { SimulationContent } from '@siantar/scenario';
import { at } from './demo-path';

/** The mock public-service application of the demo (fictional). */
export const APP_NAME = 'Layanan Siantar';

const RUDI = {
  name: 'Pak Rudi Hartono Sinaga',
  role: 'Warga Kecamatan Siantar Barat',
};

/**
 * Scenario 1 (issue 8): a father asks for his newborn daughter's birth certificate at the
 * Disdukcapil counter; the ASN helps him apply through the new online service application.
 * A menu practice (finding the right menu) and a form practice (the application's form,
 * filled from the documents he brought). All people, numbers and documents are fictional.
 */
export const AKTA_SIMULATION: SimulationContent = {
  settings: { completion: 'ending', counts: 'best' },
  scenario: {
    schemaVersion: 1,
    title: 'Membantu Warga Mengajukan Akta Kelahiran secara Daring',
    competencies: [
      { key: 'empati', label: 'Empati' },
      { key: 'ketepatan-prosedur', label: 'Ketepatan prosedur' },
      { key: 'penggunaan-aplikasi', label: 'Penggunaan aplikasi' },
    ],
    variables: [],
    startSceneId: 'sambut',
    scenes: [
      {
        id: 'sambut',
        title: 'Warga tiba di loket',
        narrative:
          '<p>Senin pagi di loket pelayanan Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Kota Pematangsiantar. Ruang tunggu mulai penuh. Anda bertugas di loket informasi dan sudah mengikuti pelatihan aplikasi <strong>Layanan Siantar</strong>, aplikasi pelayanan publik daring Pemerintah Kota yang baru diluncurkan.</p><p>Seorang bapak mendekat sambil membawa map plastik berisi beberapa dokumen. Putrinya lahir dua minggu yang lalu.</p>',
        speaker: {
          ...RUDI,
          mood: 'cemas',
          line: 'Selamat pagi. Anak saya baru lahir, saya mau mengurus akta kelahirannya. Katanya KK saya juga harus diperbarui. Saya harus antre di mana, ya?',
        },
        choices: [
          {
            id: 'sambut-tanya',
            label:
              'Menyapa dengan ramah, mengucapkan selamat atas kelahiran putrinya, lalu memeriksa dokumen yang dibawa',
            targetSceneId: 'tawarkan',
            feedback:
              'Sapaan yang hangat membuat warga merasa dihargai, dan memeriksa dokumen sejak awal mencegah warga bolak-balik karena persyaratan kurang.',
            effects: [
              { competency: 'empati', delta: 2 },
              { competency: 'ketepatan-prosedur', delta: 1 },
            ],
          },
          {
            id: 'sambut-kertas',
            label:
              'Memberikan formulir kertas dan meminta beliau mengisinya di ruang tunggu sambil menunggu nomor antrean',
            targetSceneId: 'kertas',
            feedback:
              'Formulir kertas dan antrean panjang membuat warga menunggu lama, padahal permohonan ini dapat diajukan secara daring. Kesempatan memperkenalkan aplikasi terlewat.',
            effects: [
              { competency: 'empati', delta: -1 },
              { competency: 'penggunaan-aplikasi', delta: -1 },
            ],
          },
        ],
        position: at(0),
      },
      {
        id: 'kertas',
        title: 'Antrean makin panjang',
        narrative:
          '<p>Empat puluh menit kemudian Pak Rudi kembali ke loket. Formulirnya baru terisi separuh; beliau ragu mengisi kolom nomor KK dan nama ibu. Nomor antreannya masih jauh, dan di belakangnya belasan warga lain ikut menunggu.</p>',
        speaker: {
          ...RUDI,
          mood: 'bingung',
          line: 'Maaf, saya bingung mengisi ini. Nomor antrean saya masih enam puluhan lagi, padahal siang ini saya harus kembali bekerja.',
        },
        choices: [
          {
            id: 'kertas-daring',
            label:
              'Meminta maaf karena tadi tidak menjelaskan, lalu menawarkan mengajukan permohonan lewat aplikasi Layanan Siantar saat itu juga',
            targetSceneId: 'tawarkan',
            feedback:
              'Mengakui kekeliruan dan menawarkan jalan yang lebih cepat memulihkan kepercayaan warga. Permohonan daring tidak perlu menunggu nomor antrean.',
            effects: [
              { competency: 'empati', delta: 1 },
              { competency: 'penggunaan-aplikasi', delta: 1 },
            ],
          },
          {
            id: 'kertas-antre',
            label:
              'Mengatakan bahwa prosedurnya memang begitu dan meminta beliau menunggu giliran atau datang lagi besok pagi',
            targetSceneId: 'akhir-pulang',
            feedback:
              'Warga dibiarkan menanggung antrean panjang padahal ada layanan daring yang bisa membantunya hari ini. Prosedur bukan alasan untuk tidak membantu.',
            effects: [
              { competency: 'empati', delta: -2 },
              { competency: 'penggunaan-aplikasi', delta: -1 },
            ],
          },
        ],
        position: at(1, 1),
      },
      {
        id: 'tawarkan',
        title: 'Dokumen lengkap, saatnya mencoba aplikasi',
        narrative:
          '<p>Dokumen Pak Rudi lengkap:</p><ul><li><strong>surat keterangan lahir</strong> dari klinik bersalin;</li><li><strong>Kartu Keluarga</strong>;</li><li><strong>KTP-el</strong> beliau dan istrinya;</li><li><strong>kutipan akta perkawinan</strong>.</li></ul><p>Permohonan akta kelahiran sekaligus pembaruan KK dapat diajukan lewat aplikasi Layanan Siantar, tanpa menunggu nomor antrean loket. Pak Rudi membawa ponsel pintar dengan paket data aktif, tetapi belum pernah memakai aplikasi itu.</p>',
        speaker: {
          ...RUDI,
          mood: 'ragu',
          line: 'Bisa lewat HP, ya? Tapi saya belum pernah memakai aplikasinya.',
        },
        choices: [
          {
            id: 'tawarkan-bersama',
            label:
              'Menjelaskan bahwa permohonan bisa diajukan daring, lalu mengajak Pak Rudi mencobanya bersama di ponselnya sendiri di meja bantuan',
            targetSceneId: 'menu',
            feedback:
              'Mendampingi warga di ponselnya sendiri membuat permohonan selesai hari ini dan Pak Rudi tahu caranya untuk keperluan berikutnya. Inilah tujuan pelatihan: membantu warga mengakses layanan daring sehingga antrean berkurang.',
            effects: [
              { competency: 'empati', delta: 1 },
              { competency: 'penggunaan-aplikasi', delta: 2 },
            ],
          },
          {
            id: 'tawarkan-rumah',
            label: 'Menyebutkan nama aplikasinya dan meminta Pak Rudi mengajukan sendiri di rumah',
            targetSceneId: 'akhir-pulang',
            feedback:
              'Warga yang belum pernah memakai aplikasi dilepas tanpa pendampingan. Jika beliau tersendat di rumah, beliau akan kembali mengantre di loket.',
            effects: [
              { competency: 'empati', delta: -1 },
              { competency: 'penggunaan-aplikasi', delta: -1 },
            ],
          },
        ],
        position: at(2),
      },
      {
        id: 'menu',
        title: 'Menemukan menu yang tepat',
        narrative:
          '<p>Pak Rudi sudah mengunduh aplikasi Layanan Siantar dan masuk dengan NIK serta kode verifikasi yang dikirim ke ponselnya. Sekarang temukan bersama beliau menu untuk mengajukan akta kelahiran.</p><p>Ingat: akta kelahiran adalah dokumen <strong>pencatatan sipil</strong>, sedangkan KTP-el, KK, dan pindah datang termasuk <strong>pendaftaran penduduk</strong>.</p>',
        practice: {
          kind: 'menu-path',
          instructions:
            'Pilih menu di aplikasi Layanan Siantar untuk mengajukan akta kelahiran baru bagi putri Pak Rudi.',
          appName: APP_NAME,
          startScreenId: 'beranda',
          screens: [
            {
              id: 'beranda',
              title: 'Beranda',
              options: [
                {
                  id: 'menu-kependudukan',
                  label: 'Layanan Kependudukan (KTP-el, KK, pindah datang)',
                  nextScreenId: null,
                },
                {
                  id: 'menu-pencatatan-sipil',
                  label: 'Layanan Pencatatan Sipil',
                  nextScreenId: 'pencatatan-sipil',
                },
                { id: 'menu-lacak', label: 'Lacak Permohonan', nextScreenId: null },
                { id: 'menu-pengaduan', label: 'Pengaduan', nextScreenId: null },
              ],
            },
            {
              id: 'pencatatan-sipil',
              title: 'Layanan Pencatatan Sipil',
              options: [
                { id: 'menu-akta-kelahiran', label: 'Akta Kelahiran', nextScreenId: 'akta' },
                { id: 'menu-akta-kematian', label: 'Akta Kematian', nextScreenId: null },
                { id: 'menu-akta-perkawinan', label: 'Akta Perkawinan', nextScreenId: null },
              ],
            },
            {
              id: 'akta',
              title: 'Akta Kelahiran',
              options: [
                { id: 'menu-ajukan-baru', label: 'Ajukan Baru', nextScreenId: null },
                {
                  id: 'menu-cetak-ulang',
                  label: 'Cetak Ulang (Kutipan Kedua)',
                  nextScreenId: null,
                },
                { id: 'menu-perbaikan', label: 'Perbaikan Data Akta', nextScreenId: null },
              ],
            },
          ],
          expectedPath: ['menu-pencatatan-sipil', 'menu-akta-kelahiran', 'menu-ajukan-baru'],
          explain:
            'Akta kelahiran adalah dokumen pencatatan sipil: Beranda → Layanan Pencatatan Sipil → Akta Kelahiran → Ajukan Baru. Layanan Kependudukan untuk KTP-el, KK, dan pindah datang; Cetak Ulang dan Perbaikan hanya untuk akta yang sudah pernah terbit.',
          competency: 'penggunaan-aplikasi',
          penaltyPerMistake: 1,
        },
        choices: [
          {
            id: 'menu-ajak-isi',
            label:
              'Menyerahkan ponsel kepada Pak Rudi dan memandu beliau mengetik sendiri, sambil menunjukkan datanya di dokumen',
            targetSceneId: 'formulir',
            feedback:
              'Warga yang mengetik sendiri belajar lebih banyak daripada yang hanya menonton. Lain kali Pak Rudi bisa mengajukan Kartu Identitas Anak untuk putrinya tanpa datang ke loket.',
            effects: [
              { competency: 'empati', delta: 1 },
              { competency: 'penggunaan-aplikasi', delta: 1 },
            ],
          },
          {
            id: 'menu-ambil-alih',
            label:
              'Mengambil ponsel Pak Rudi dan mengetik semuanya sendiri tanpa penjelasan agar cepat',
            targetSceneId: 'formulir',
            feedback:
              'Cepat untuk hari ini, tetapi Pak Rudi tidak belajar apa pun dan merasa tidak dilibatkan dalam permohonan untuk anaknya sendiri.',
            effects: [{ competency: 'empati', delta: -1 }],
          },
        ],
        position: at(3),
      },
      {
        id: 'formulir',
        title: 'Mengisi formulir permohonan',
        narrative:
          '<p>Layar <strong>Permohonan Akta Kelahiran</strong> terbuka. Isi formulirnya dengan data dari dokumen Pak Rudi. Beliau ingin putrinya sekaligus dicatat di Kartu Keluarga.</p><p>Periksa setiap isian dengan teliti: kesalahan data di akta kelahiran terbawa seumur hidup anak, dan perbaikannya memerlukan permohonan tersendiri.</p>',
        practice: {
          kind: 'form',
          instructions:
            'Isi formulir permohonan sesuai dokumen yang dibawa Pak Rudi. Semua nama dan nomor di sini fiktif, khusus untuk latihan.',
          appName: APP_NAME,
          screenTitle: 'Permohonan Akta Kelahiran — Ajukan Baru',
          documents: [
            {
              title: 'Surat Keterangan Lahir (contoh)',
              lines: [
                { label: 'Nama bayi', value: 'NADIA AURELIA SINAGA' },
                { label: 'Jenis kelamin', value: 'Perempuan' },
                { label: 'Tempat lahir', value: 'Pematangsiantar' },
                { label: 'Tanggal lahir', value: '12 November 2026, pukul 04.35 WIB' },
                { label: 'Tempat persalinan', value: 'Klinik Bersalin Sehati, Siantar Barat' },
                { label: 'Nama ibu', value: 'MELATI BR PURBA' },
                { label: 'Nama ayah', value: 'RUDI HARTONO SINAGA' },
              ],
            },
            {
              title: 'KTP-el Ayah (contoh)',
              lines: [
                { label: 'NIK', value: '1273011503900002' },
                { label: 'Nama', value: 'RUDI HARTONO SINAGA' },
                { label: 'Tempat/Tgl lahir', value: 'Pematangsiantar, 15-03-1990' },
                { label: 'Alamat', value: 'Jl. Kenanga No. 12, Siantar Barat' },
              ],
            },
            {
              title: 'Kartu Keluarga (contoh)',
              lines: [
                { label: 'No. KK', value: '1273010405180007' },
                { label: 'Kepala keluarga', value: 'RUDI HARTONO SINAGA' },
                { label: 'Istri', value: 'MELATI BR PURBA (NIK 1273016208930003)' },
                { label: 'Alamat', value: 'Jl. Kenanga No. 12, Siantar Barat' },
              ],
            },
            {
              title: 'Catatan dari Pak Rudi',
              lines: [
                { label: 'Nomor ponsel (WhatsApp)', value: '0812-0000-7788' },
                { label: 'Permintaan', value: 'Akta kelahiran, dan anak dimasukkan ke KK' },
              ],
            },
          ],
          fields: [
            {
              key: 'nik-pemohon',
              label: 'NIK pemohon (ayah)',
              type: 'text',
              required: true,
              pattern: '\\d{16}',
              patternMessage: 'NIK terdiri atas 16 angka, tanpa spasi atau titik',
              expected: '1273011503900002',
              match: 'digits',
              explain:
                'NIK pemohon diambil dari KTP-el Pak Rudi, ayah yang mengajukan: 1273011503900002. Jangan tertukar dengan NIK istri atau nomor KK.',
            },
            {
              key: 'nomor-kk',
              label: 'Nomor KK',
              type: 'text',
              required: true,
              pattern: '\\d{16}',
              patternMessage: 'Nomor KK terdiri atas 16 angka, tanpa spasi atau titik',
              expected: '1273010405180007',
              match: 'digits',
              explain:
                'Nomor KK tertera di bagian atas Kartu Keluarga: 1273010405180007. Bayi akan dicatat pada KK ini.',
            },
            {
              key: 'jenis-permohonan',
              label: 'Jenis permohonan',
              type: 'select',
              options: [
                'Akta Kelahiran',
                'Akta Kelahiran dan pembaruan KK',
                'Kartu Identitas Anak',
              ],
              required: true,
              expected: 'Akta Kelahiran dan pembaruan KK',
              explain:
                'Pak Rudi meminta akta kelahiran sekaligus memasukkan putrinya ke Kartu Keluarga, jadi pilih Akta Kelahiran dan pembaruan KK agar beliau tidak perlu mengajukan dua kali.',
            },
            {
              key: 'nama-anak',
              label: 'Nama anak',
              type: 'text',
              required: true,
              expected: 'Nadia Aurelia Sinaga',
              explain:
                'Tulis nama bayi persis seperti di surat keterangan lahir: NADIA AURELIA SINAGA. Ejaan nama di akta sulit diubah kemudian.',
            },
            {
              key: 'jenis-kelamin',
              label: 'Jenis kelamin',
              type: 'select',
              options: ['Laki-laki', 'Perempuan'],
              required: true,
              expected: 'Perempuan',
              explain: 'Surat keterangan lahir mencatat jenis kelamin bayi: perempuan.',
            },
            {
              key: 'tempat-lahir',
              label: 'Tempat lahir',
              type: 'text',
              required: true,
              expected: 'Pematangsiantar',
              explain:
                'Tempat lahir adalah kota tempat bayi lahir, yaitu Pematangsiantar, bukan nama klinik bersalinnya.',
            },
            {
              key: 'tanggal-lahir',
              label: 'Tanggal lahir',
              type: 'date',
              required: true,
              expected: '2026-11-12',
              explain:
                'Surat keterangan lahir menulis 12 November 2026. Aplikasi memakai format tahun-bulan-hari: 2026-11-12.',
            },
            {
              key: 'nama-ayah',
              label: 'Nama ayah',
              type: 'text',
              required: true,
              expected: 'Rudi Hartono Sinaga',
              explain: 'Nama ayah ditulis lengkap seperti di KTP-el: RUDI HARTONO SINAGA.',
            },
            {
              key: 'nama-ibu',
              label: 'Nama ibu',
              type: 'text',
              required: true,
              expected: 'Melati br Purba',
              explain:
                'Nama ibu ditulis persis seperti di KK dan surat keterangan lahir: MELATI BR PURBA, tanpa titik.',
            },
            {
              key: 'nomor-ponsel',
              label: 'Nomor ponsel aktif',
              type: 'text',
              required: true,
              pattern: '08\\d{8,11}',
              patternMessage:
                'Nomor ponsel diawali 08 dan berisi 10–13 angka, tanpa spasi atau tanda hubung',
              expected: '081200007788',
              match: 'digits',
              explain:
                'Nomor ponsel Pak Rudi dari catatannya, ditulis tanpa tanda hubung: 081200007788. Pemberitahuan status permohonan dikirim ke nomor ini.',
            },
          ],
          competency: 'ketepatan-prosedur',
          penaltyPerMistake: 1,
        },
        choices: [
          {
            id: 'formulir-baca-ulang',
            label:
              'Membacakan ringkasan permohonan kepada Pak Rudi dan memintanya memastikan ejaan nama putrinya sebelum lanjut',
            targetSceneId: 'unggah',
            feedback:
              'Pemeriksaan bersama sebelum mengirim mencegah kesalahan yang sulit diperbaiki. Pak Rudi yang paling tahu ejaan nama anaknya.',
            effects: [
              { competency: 'ketepatan-prosedur', delta: 2 },
              { competency: 'empati', delta: 1 },
            ],
          },
          {
            id: 'formulir-lanjut',
            label:
              'Langsung lanjut ke unggah dokumen tanpa memeriksa ringkasan karena antrean menunggu',
            targetSceneId: 'unggah',
            feedback:
              'Melewatkan pemeriksaan akhir berisiko: satu huruf yang salah pada nama anak berarti permohonan perbaikan akta di kemudian hari.',
            effects: [{ competency: 'ketepatan-prosedur', delta: -1 }],
          },
        ],
        position: at(4),
      },
      {
        id: 'unggah',
        title: 'Mengunggah dokumen persyaratan',
        narrative:
          '<p>Aplikasi meminta foto dokumen persyaratan: surat keterangan lahir, Kartu Keluarga, KTP-el ayah dan ibu, serta kutipan akta perkawinan. Petugas verifikasi Disdukcapil akan memeriksa foto-foto itu sebelum akta diterbitkan.</p>',
        speaker: {
          ...RUDI,
          mood: 'ragu',
          line: 'Yang penting KTP saya dulu, kan? Yang lain bisa menyusul?',
        },
        choices: [
          {
            id: 'unggah-lengkap',
            label:
              'Membantu memotret semua dokumen di tempat terang, lalu memeriksa bersama bahwa setiap foto utuh dan terbaca sebelum mengirim',
            targetSceneId: 'selesai',
            feedback:
              'Dokumen yang lengkap dan terbaca membuat verifikasi lancar tanpa permohonan dikembalikan. Memeriksa foto hanya perlu satu menit, tetapi menghemat beberapa hari.',
            effects: [
              { competency: 'ketepatan-prosedur', delta: 2 },
              { competency: 'penggunaan-aplikasi', delta: 1 },
            ],
          },
          {
            id: 'unggah-seadanya',
            label: 'Mengunggah foto KTP-el saja dan mengatakan dokumen lainnya bisa menyusul',
            targetSceneId: 'akhir-dikembalikan',
            feedback:
              'Permohonan tanpa persyaratan lengkap akan dikembalikan oleh petugas verifikasi. Pak Rudi harus mengulang dan mungkin kembali ke loket.',
            effects: [{ competency: 'ketepatan-prosedur', delta: -2 }],
          },
        ],
        position: at(5),
      },
      {
        id: 'selesai',
        title: 'Permohonan terkirim',
        narrative:
          '<p>Permohonan terkirim. Di layar muncul <strong>nomor permohonan LS-AKL-2026-01873</strong>, yang sekaligus menjadi nomor pelacakan.</p><p>Setelah diverifikasi, akta kelahiran dan KK baru terbit sebagai dokumen elektronik bertanda tangan elektronik (TTE). Dokumen itu dapat diunduh di aplikasi lalu dicetak sendiri di kertas HVS A4, atau dicetak di loket Disdukcapil.</p>',
        speaker: {
          ...RUDI,
          mood: 'lega',
          line: 'Sudah terkirim? Jadi saya tidak perlu antre lagi? Lalu aktanya saya ambil kapan?',
        },
        choices: [
          {
            id: 'selesai-jelaskan',
            label:
              'Menjelaskan nomor permohonan, cara memantau status di menu Lacak Permohonan, dan bahwa akta serta KK baru dapat diunduh lalu dicetak sendiri atau diambil di loket',
            targetSceneId: 'akhir-terbaik',
            feedback:
              'Warga yang tahu cara melacak dan mengunduh dokumennya tidak perlu kembali hanya untuk bertanya. Pak Rudi juga bisa menularkan caranya kepada keluarga dan tetangga.',
            effects: [
              { competency: 'empati', delta: 1 },
              { competency: 'penggunaan-aplikasi', delta: 2 },
              { competency: 'ketepatan-prosedur', delta: 1 },
            ],
          },
          {
            id: 'selesai-singkat',
            label: 'Mengatakan bahwa kabarnya ditunggu saja, lalu memanggil warga berikutnya',
            targetSceneId: 'akhir-cukup',
            feedback:
              'Permohonan memang sudah masuk, tetapi Pak Rudi tidak tahu cara melacaknya atau kapan dan bagaimana dokumennya bisa diambil.',
            effects: [
              { competency: 'empati', delta: -1 },
              { competency: 'penggunaan-aplikasi', delta: -1 },
            ],
          },
        ],
        position: at(6),
      },
      {
        id: 'akhir-terbaik',
        title: 'Pak Rudi pulang dengan tenang',
        narrative:
          '<p>Pak Rudi menyimpan nomor permohonan di ponselnya dan mencoba sendiri membuka menu Lacak Permohonan. Statusnya: <em>Menunggu verifikasi</em>. Beliau berencana mengajukan Kartu Identitas Anak untuk putrinya lewat aplikasi yang sama.</p><p>Satu warga selesai dilayani tanpa menunggu nomor antrean, dan antrean di loket berkurang.</p>',
        speaker: {
          ...RUDI,
          mood: 'senang',
          line: 'Terima kasih banyak. Ternyata tidak sesulit yang saya kira. Nanti istri saya juga saya ajari.',
        },
        choices: [],
        ending: {
          rating: 'best',
          debrief:
            'Anda menempuh jalan terbaik: menyapa dan memeriksa dokumen sejak awal, mendampingi Pak Rudi mengajukan sendiri di ponselnya, mengisi data dengan teliti sesuai dokumen, mengunggah persyaratan lengkap, lalu menjelaskan cara melacak permohonan dan mengambil dokumennya. Hasilnya sejalan dengan studi kasus pelatihan ini: warga terbantu mengakses layanan secara daring, antrean di kantor pelayanan berkurang, dan kepuasan masyarakat meningkat. Lain kali Pak Rudi dapat mengurus sendiri tanpa datang ke loket.',
        },
        position: at(7),
      },
      {
        id: 'akhir-cukup',
        title: 'Terkirim, tetapi warga masih ragu',
        narrative:
          '<p>Permohonan Pak Rudi sudah masuk dan akan diproses. Namun beliau tidak tahu cara memantau statusnya. Tiga hari kemudian beliau kembali mengambil nomor antrean hanya untuk menanyakan apakah aktanya sudah jadi.</p>',
        choices: [],
        ending: {
          rating: 'acceptable',
          debrief:
            'Permohonannya benar dan lengkap, tetapi layanan belum tuntas. Tanpa penjelasan tentang nomor permohonan, menu Lacak Permohonan, dan cara mengunduh atau mengambil dokumen, warga kembali ke loket hanya untuk bertanya, sehingga antrean yang ingin dikurangi justru bertambah. Jalan yang lebih baik: tutup layanan dengan menjelaskan nomor pelacakan, cara memantau status, serta pilihan mengunduh dokumen elektronik ber-TTE atau mengambilnya di loket, lalu pastikan warga bisa melakukannya sendiri.',
        },
        position: at(7, 1),
      },
      {
        id: 'akhir-pulang',
        title: 'Pak Rudi pulang tanpa permohonan',
        narrative:
          '<p>Pak Rudi pulang tanpa satu pun permohonan yang terkirim. Besok beliau harus izin lagi dari tempat kerjanya dan kembali mengantre dari awal. Di ruang tunggu beliau mengeluh kepada warga lain bahwa mengurus akta kelahiran ternyata masih repot.</p>',
        choices: [],
        ending: {
          rating: 'poor',
          debrief:
            'Warga pulang tanpa terlayani, padahal permohonan akta kelahiran dapat diajukan secara daring hari itu juga dengan pendampingan Anda. Menyuruh warga mengantre ulang, atau melepasnya mencoba sendiri di rumah tanpa bimbingan, membuat antrean tetap panjang dan kepercayaan warga menurun. Jalan yang lebih baik: sapa warga dan periksa dokumennya, tawarkan pengajuan daring, dampingi beliau di ponselnya sendiri sampai permohonan terkirim, lalu jelaskan cara melacaknya.',
        },
        position: at(3, 1),
      },
      {
        id: 'akhir-dikembalikan',
        title: 'Permohonan dikembalikan',
        narrative:
          '<p>Dua hari kemudian Pak Rudi menerima pemberitahuan: <em>Permohonan dikembalikan, dokumen persyaratan belum lengkap</em>. Beliau tidak tahu dokumen mana yang kurang, lalu datang lagi ke loket dan mengantre dari awal.</p>',
        choices: [],
        ending: {
          rating: 'poor',
          debrief:
            'Formulir yang benar belum cukup bila persyaratan tidak lengkap: petugas verifikasi Disdukcapil tidak dapat menerbitkan akta tanpa surat keterangan lahir, KK, KTP-el orang tua, dan kutipan akta perkawinan. Jalan yang lebih baik: bantu warga memotret semua dokumen dengan jelas dan periksa setiap foto sebelum mengirim, lalu jelaskan nomor permohonan dan cara melacaknya. Satu menit ketelitian di loket mencegah warga bolak-balik.',
        },
        position: at(6, 1),
      },
    ],
  },
};
