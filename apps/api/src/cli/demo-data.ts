import type { EmploymentType, OrgUnitKind, Role } from '@siantar/contracts';

export interface DemoUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent: string | null;
}

export interface DemoUser {
  email: string;
  name: string;
  birth: string;
  appointed: string;
  sex: 'male' | 'female';
  seq: number;
  position: string;
  rank: string | null;
  type: EmploymentType;
  unit: string;
  roles: Role[];
  supervisor?: string;
  adminScope?: string;
}

const KECAMATAN = [
  'Barat',
  'Marihat',
  'Marimbun',
  'Martoba',
  'Selatan',
  'Sitalasari',
  'Timur',
  'Utara',
];

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'PEMKO', name: 'Pemerintah Kota Pematangsiantar', kind: 'pemda', parent: null },
  { code: 'SETDA', name: 'Sekretariat Daerah', kind: 'opd', parent: 'PEMKO' },
  {
    code: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    kind: 'opd',
    parent: 'PEMKO',
  },
  { code: 'BKPSDM-PK', name: 'Bidang Pengembangan Kompetensi', kind: 'bidang', parent: 'BKPSDM' },
  {
    code: 'DISDUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    kind: 'opd',
    parent: 'PEMKO',
  },
  {
    code: 'DISDUKCAPIL-PDP',
    name: 'Bidang Pelayanan Pendaftaran Penduduk',
    kind: 'bidang',
    parent: 'DISDUKCAPIL',
  },
  {
    code: 'DISDUKCAPIL-PCS',
    name: 'Bidang Pelayanan Pencatatan Sipil',
    kind: 'bidang',
    parent: 'DISDUKCAPIL',
  },
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    kind: 'opd',
    parent: 'PEMKO',
  },
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', kind: 'opd', parent: 'PEMKO' },
  { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'opd', parent: 'PEMKO' },
  { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'opd', parent: 'PEMKO' },
  ...KECAMATAN.map((k) => ({
    code: `KEC-${k.toUpperCase()}`,
    name: `Kecamatan Siantar ${k}`,
    kind: 'opd' as const,
    parent: 'PEMKO',
  })),
  { code: 'USR', name: 'Universitas Siantar Raya', kind: 'mitra', parent: null },
  {
    code: 'IPAP-SU',
    name: 'Ikatan Praktisi Administrasi Publik Sumatera Utara',
    kind: 'mitra',
    parent: null,
  },
];

/** The five accounts the README and the browser journeys rely on. */
export const DEMO_ACCOUNTS: DemoUser[] = [
  {
    email: 'admin@siantar.test',
    name: 'Dedi Simanjuntak',
    birth: '1980-04-17',
    appointed: '2005-03',
    sex: 'male',
    seq: 1,
    position: 'Kepala Bidang Pengembangan Kompetensi',
    rank: 'IV/a',
    type: 'PNS',
    unit: 'BKPSDM-PK',
    roles: ['admin', 'learner'],
    adminScope: 'PEMKO',
  },
  {
    email: 'pelatih@siantar.test',
    name: 'Maria Sitorus',
    birth: '1984-09-02',
    appointed: '2009-02',
    sex: 'female',
    seq: 3,
    position: 'Widyaiswara Ahli Muda',
    rank: 'III/d',
    type: 'PNS',
    unit: 'BKPSDM',
    roles: ['trainer', 'learner'],
  },
  {
    email: 'atasan@siantar.test',
    name: 'Hendra Damanik',
    birth: '1978-01-23',
    appointed: '2003-04',
    sex: 'male',
    seq: 2,
    position: 'Kepala Bidang Pelayanan Pendaftaran Penduduk',
    rank: 'IV/a',
    type: 'PNS',
    unit: 'DISDUKCAPIL',
    roles: ['supervisor', 'learner'],
  },
  {
    email: 'asn@siantar.test',
    name: 'Rina Marpaung',
    birth: '1992-06-14',
    appointed: '2019-03',
    sex: 'female',
    seq: 5,
    position: 'Pengadministrasi Kependudukan',
    rank: 'III/a',
    type: 'PNS',
    unit: 'DISDUKCAPIL',
    roles: ['learner'],
    supervisor: 'atasan@siantar.test',
  },
  {
    email: 'mitra@siantar.test',
    name: 'Dr. Lestari Purba',
    birth: '1981-11-30',
    appointed: '2008-01',
    sex: 'female',
    seq: 1,
    position: 'Dosen Administrasi Publik',
    rank: null,
    type: 'NON_ASN',
    unit: 'USR',
    roles: ['partner'],
  },
];

const FIRST = [
  'Andi',
  'Butet',
  'Charles',
  'Dewi',
  'Erwin',
  'Fitri',
  'Gomgom',
  'Hotma',
  'Irwan',
  'Juliana',
  'Kristina',
  'Lamhot',
  'Maruli',
  'Nurhayati',
  'Oktavia',
  'Parulian',
  'Rosmawati',
  'Samuel',
  'Tiurma',
  'Uli',
  'Viktor',
  'Wahyuni',
  'Yosua',
  'Zulkifli',
  'Ayu',
  'Benny',
  'Citra',
  'Daniel',
];
const LAST = [
  'Siregar',
  'Saragih',
  'Sinaga',
  'Nainggolan',
  'Hutapea',
  'Manurung',
  'Lubis',
  'Nasution',
  'Harahap',
  'Tambunan',
  'Pardede',
  'Silalahi',
  'Panjaitan',
  'Pasaribu',
  'Situmorang',
  'Napitupulu',
  'Girsang',
  'Sipayung',
  'Munthe',
  'Sihombing',
];
const POSITIONS: [string, string][] = [
  ['Pengadministrasi Umum', 'II/c'],
  ['Analis Kebijakan Ahli Pertama', 'III/a'],
  ['Pranata Komputer Ahli Pertama', 'III/b'],
  ['Verifikator Data Kependudukan', 'III/a'],
  ['Penata Layanan Operasional', 'III/c'],
  ['Perawat Terampil', 'II/d'],
  ['Guru Ahli Pertama', 'III/b'],
];
const STAFF_UNITS = [
  'DISDUKCAPIL-PDP',
  'DISDUKCAPIL-PCS',
  'DPMPTSP',
  'DISKOMINFO',
  'DINKES',
  'DISDIK',
  'SETDA',
  'KEC-BARAT',
  'KEC-TIMUR',
  'KEC-UTARA',
  'KEC-MARTOBA',
];

/** Thirty more staff, deterministic so every run of the seed yields the same people. */
export const DEMO_STAFF: DemoUser[] = Array.from({ length: 30 }, (_, i) => {
  const [position, rank] = POSITIONS[i % POSITIONS.length];
  const pppk = i % 6 === 5;
  const year = 1975 + ((i * 7) % 23);
  const month = 1 + ((i * 5) % 12);
  const day = 1 + ((i * 11) % 28);
  const unit = STAFF_UNITS[i % STAFF_UNITS.length];
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]}`;
  return {
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${i + 1}@siantar.test`,
    name,
    birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    appointed: `${year + 24}-${String(1 + (i % 12)).padStart(2, '0')}`,
    sex: i % 2 === 0 ? 'male' : 'female',
    seq: 10 + i,
    position: pppk ? `${position} (PPPK)` : position,
    rank: pppk ? 'IX' : rank,
    type: pppk ? 'PPPK' : 'PNS',
    unit,
    roles: i === 7 ? ['learner', 'trainer'] : ['learner'],
    supervisor: unit.startsWith('DISDUKCAPIL') ? 'atasan@siantar.test' : undefined,
  };
});

/** A lecturer of the second partner, so both partners have someone to co-author with. */
export const DEMO_PARTNER_STAFF: DemoUser[] = [
  {
    email: 'ipap@siantar.test',
    name: 'Ir. Bonar Hutagalung',
    birth: '1975-05-05',
    appointed: '2000-01',
    sex: 'male',
    seq: 1,
    position: 'Ketua Bidang Diklat',
    rank: null,
    type: 'NON_ASN',
    unit: 'IPAP-SU',
    roles: ['partner'],
  },
];
