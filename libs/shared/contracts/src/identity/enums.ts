export const ROLES = ['learner', 'trainer', 'admin', 'supervisor', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** NON_ASN: staff of partner organisations (universities, professional bodies); they have no NIP. */
export const EMPLOYMENT_TYPES = ['PNS', 'PPPK', 'NON_ASN'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** pemda = the city government (root), opd = dinas/badan/kecamatan, bidang = a unit inside an OPD, mitra = a partner organisation. */
export const ORG_UNIT_KINDS = ['pemda', 'opd', 'bidang', 'mitra'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const PNS_RANKS = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
] as const;
export const PPPK_GRADES = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;
export type Rank = (typeof PNS_RANKS)[number] | (typeof PPPK_GRADES)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
