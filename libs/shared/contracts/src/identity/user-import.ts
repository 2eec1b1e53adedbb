/** Columns of the staff CSV, in this order; `nip_atasan`, `telepon`, `golongan` may be empty. */
export const USER_IMPORT_COLUMNS = [
  'nip',
  'nama',
  'email',
  'telepon',
  'jabatan',
  'golongan',
  'jenis_kepegawaian',
  'kode_unit',
  'peran',
  'nip_atasan',
] as const;

export const USER_IMPORT_MAX_ROWS = 5000;

export interface UserImportRowResult {
  /** 1-based line number in the file, the header being line 1. */
  line: number;
  nip: string;
  status: 'created' | 'error';
  userId?: string;
  errors: string[];
}

export interface UserImportResult {
  total: number;
  created: number;
  failed: number;
  rows: UserImportRowResult[];
}
