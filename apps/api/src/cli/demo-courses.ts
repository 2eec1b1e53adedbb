import type { CompetencyType, DeliveryMode } from '@siantar/contracts';
import type { SimulationContent } from '@siantar/scenario';
import { DEMO_SIMULATIONS } from './demo-scenarios';

export interface DemoLesson {
  title: string;
  minutes: number;
  type: 'text' | 'link' | 'scorm' | 'quiz' | 'simulation';
  /** Markdown for text lessons, the URL for links; the demo SCORM package for scorm; the demo quiz for quiz. */
  body?: string;
  /** The scenario of a simulation lesson. */
  simulation?: SimulationContent;
}

export interface DemoCourse {
  code: string;
  title: string;
  summary: string;
  competencyType: CompetencyType;
  deliveryMode: DeliveryMode;
  jp: number;
  authors: string[];
  owner: string;
  modules: { title: string; lessons: DemoLesson[] }[];
}

/** Courses drawn from the source document: its goals, methods, stakeholders and case study. */
export const DEMO_COURSES: DemoCourse[] = [
  {
    code: 'PPBD-01',
    title: 'Pelayanan Publik Berbasis Digital',
    summary:
      'Menggunakan aplikasi pelayanan publik daring yang baru diluncurkan dan membantu warga mengaksesnya, agar antrean di kantor pelayanan berkurang dan kepuasan masyarakat meningkat.',
    competencyType: 'teknis',
    deliveryMode: 'self-paced',
    jp: 4,
    owner: 'BKPSDM',
    authors: ['pelatih@siantar.test', 'mitra@siantar.test'],
    modules: [
      {
        title: 'Mengenal layanan daring',
        lessons: [
          {
            title: 'Mengapa layanan publik berbasis digital',
            minutes: 20,
            type: 'text',
            body: `# Mengapa layanan publik berbasis digital\n\nTujuan utama pelatihan ASN di Pematangsiantar adalah **meningkatkan kualitas layanan publik**: pelayanan yang lebih cepat, akurat, dan efisien.\n\nSistem *e-government* memudahkan masyarakat mengakses layanan publik secara daring, tanpa harus antre di kantor pelayanan.\n\n## Yang akan Anda pelajari\n\n1. Alur layanan daring dari sisi warga.\n2. Peran petugas loket saat warga memakai aplikasi.\n3. Cara membantu warga yang baru pertama kali mencoba.\n`,
          },
          {
            title: 'Alur permohonan di aplikasi pelayanan',
            minutes: 25,
            type: 'text',
            body: `# Alur permohonan di aplikasi pelayanan\n\n1. Warga membuat akun dengan NIK dan nomor ponsel.\n2. Warga memilih layanan, misalnya **perubahan data KK**.\n3. Warga mengunggah dokumen persyaratan.\n4. Petugas memverifikasi dan menyetujui permohonan.\n5. Warga menerima notifikasi dan dokumen elektronik.\n\n> Petugas yang memahami alur ini dapat menjawab pertanyaan warga dengan tepat dan cepat.\n`,
          },
          {
            title: 'Portal layanan Pemerintah Kota',
            minutes: 10,
            type: 'link',
            body: 'https://www.pematangsiantarkota.go.id',
          },
        ],
      },
      {
        title: 'Praktik di loket',
        lessons: [
          {
            title: 'Membantu warga mengakses layanan secara daring',
            minutes: 30,
            type: 'text',
            body: `# Membantu warga mengakses layanan secara daring\n\nSetelah pelatihan, ASN mampu membantu masyarakat mengakses layanan secara daring sehingga **antrean panjang berkurang**.\n\n- Sapa warga dan tanyakan kebutuhannya.\n- Tunjukkan langkah di aplikasi, biarkan warga mencoba sendiri.\n- Periksa kelengkapan dokumen sebelum dikirim.\n`,
          },
          { title: 'Simulasi loket Disdukcapil (SCORM)', minutes: 20, type: 'scorm' },
          { title: 'Kuis akhir', minutes: 15, type: 'quiz' },
        ],
      },
    ],
  },
  {
    code: 'MAP-01',
    title: 'Manajemen Administrasi Perkantoran',
    summary:
      'Sesi praktis manajemen administrasi dengan simulasi situasi nyata yang sering dihadapi dalam tugas sehari-hari: surat-menyurat, kearsipan, dan penjadwalan.',
    competencyType: 'manajerial',
    deliveryMode: 'blended',
    jp: 6,
    owner: 'BKPSDM',
    authors: ['pelatih@siantar.test'],
    modules: [
      {
        title: 'Tata naskah dinas',
        lessons: [
          {
            title: 'Jenis naskah dinas',
            minutes: 30,
            type: 'text',
            body: '# Jenis naskah dinas\n\nNota dinas, surat dinas, undangan, dan surat edaran memiliki format dan kewenangan penandatanganan yang berbeda.',
          },
          {
            title: 'Kearsipan elektronik',
            minutes: 30,
            type: 'text',
            body: '# Kearsipan elektronik\n\nArsip yang tertata memudahkan penelusuran dokumen dan mempercepat pelayanan.',
          },
        ],
      },
    ],
  },
  {
    code: 'PRIMA-01',
    title: 'Pelayanan Prima',
    summary:
      'Sikap dan keterampilan melayani masyarakat dengan ramah, tepat, dan tuntas; disusun bersama Ikatan Praktisi Administrasi Publik Sumatera Utara.',
    competencyType: 'sosial-kultural',
    deliveryMode: 'self-paced',
    jp: 3,
    owner: 'BKPSDM',
    authors: ['pelatih@siantar.test', 'ipap@siantar.test'],
    modules: [
      {
        title: 'Budaya melayani',
        lessons: [
          {
            title: 'Standar pelayanan',
            minutes: 40,
            type: 'text',
            body: '# Standar pelayanan\n\nStandar pelayanan memuat persyaratan, prosedur, waktu, biaya, dan produk layanan yang diumumkan kepada masyarakat.',
          },
          {
            title: 'Menangani keluhan',
            minutes: 35,
            type: 'text',
            body: '# Menangani keluhan\n\nDengarkan, akui, tindak lanjuti, dan kabari kembali warga yang menyampaikan keluhan.',
          },
        ],
      },
    ],
  },
  {
    code: 'SIM-01',
    title: 'Simulasi Pelayanan di Loket',
    summary:
      'Berlatih menghadapi situasi nyata di loket sebelum bertemu warga: membantu pengajuan daring lewat aplikasi layanan baru, menenangkan warga di antrean panjang, dan menjelaskan layanan daring kepada warga lanjut usia.',
    competencyType: 'teknis',
    deliveryMode: 'self-paced',
    jp: 2,
    owner: 'BKPSDM',
    authors: ['pelatih@siantar.test'],
    modules: [
      {
        title: 'Simulasi situasi pelayanan',
        lessons: DEMO_SIMULATIONS.map((d) => ({
          title: d.title,
          minutes: d.minutes,
          type: 'simulation' as const,
          simulation: d.content,
        })),
      },
    ],
  },
  {
    code: 'ETIKA-01',
    title: 'Etika dan Standar Pelayanan Publik',
    summary:
      'Kelas singkat tentang standar pelayanan, maklumat pelayanan dan etika melayani warga; diakhiri survei reaksi peserta dan rencana tindak lanjut (RTL) yang dievaluasi 30 dan 90 hari kemudian.',
    competencyType: 'sosial-kultural',
    deliveryMode: 'self-paced',
    jp: 2,
    owner: 'BKPSDM',
    authors: ['pelatih@siantar.test'],
    modules: [
      {
        title: 'Standar pelayanan',
        lessons: [
          {
            title: 'Bacaan: standar dan maklumat pelayanan',
            minutes: 30,
            type: 'link',
            body: 'https://jdih.menpan.go.id/',
          },
        ],
      },
    ],
  },
];
