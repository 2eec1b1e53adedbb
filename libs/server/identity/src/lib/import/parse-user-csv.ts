import {
  CreateUserRequest,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  ROLES,
  type Role,
  USER_IMPORT_COLUMNS,
  USER_IMPORT_MAX_ROWS,
} from '@siantar/contracts';
import { AppError } from '@siantar/server-core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';

type Column = (typeof USER_IMPORT_COLUMNS)[number];

/** Indonesian role names are accepted next to the codes, since admins type them. */
const ROLE_ALIASES: Record<string, Role> = {
  peserta: 'learner',
  pelatih: 'trainer',
  atasan: 'supervisor',
  mitra: 'partner',
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
};

export interface ParsedRow {
  line: number;
  nip: string;
  unitCode: string;
  supervisorNip: string;
  /** The request minus the ids that still have to be looked up. */
  request: Omit<CreateUserRequest, 'orgUnitId' | 'supervisorId'>;
  errors: string[];
}

function detectDelimiter(headerLine: string): ',' | ';' {
  // Spreadsheets in the Indonesian locale save CSV with semicolons.
  return headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
}

/** Reads the staff CSV. A wrong header refuses the whole file; bad rows are reported one by one. */
export function parseUserCsv(buffer: Buffer): ParsedRow[] {
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    throw new AppError(
      400,
      'import.encoding',
      'Berkas bukan teks UTF-8. Simpan ulang sebagai "CSV UTF-8".',
    );
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(firstLine),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (e) {
    throw new AppError(
      400,
      'import.malformed',
      `CSV tidak dapat dibaca: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const [header, ...rows] = records;
  const expected = USER_IMPORT_COLUMNS.join(',');
  if (!header)
    throw new AppError(400, 'import.empty', `Berkas kosong. Baris pertama harus: ${expected}`);
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = USER_IMPORT_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(USER_IMPORT_COLUMNS as readonly string[]).includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length ? `kolom hilang: ${missing.join(', ')}` : '',
      unknown.length ? `kolom tidak dikenal: ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new AppError(
      400,
      'import.bad-header',
      `Baris judul CSV salah (${parts.join('; ')}). Baris pertama harus: ${expected}`,
    );
  }
  if (rows.length === 0)
    throw new AppError(
      400,
      'import.no-rows',
      'CSV hanya berisi baris judul; tidak ada data untuk diimpor.',
    );
  if (rows.length > USER_IMPORT_MAX_ROWS) {
    throw new AppError(
      400,
      'import.too-many-rows',
      `CSV berisi ${rows.length} baris; maksimal ${USER_IMPORT_MAX_ROWS} per berkas. Pecah menjadi beberapa berkas.`,
    );
  }
  const index = new Map(names.map((n, i) => [n, i]));
  return rows.map((cells, i) => {
    const get = (c: Column) => (cells[index.get(c) ?? -1] ?? '').trim();
    const errors: string[] = [];
    if (cells.length !== header.length)
      errors.push(`jumlah kolom ${cells.length}, seharusnya ${header.length}`);
    const employment = get('jenis_kepegawaian').toUpperCase().replace(/[\s-]/g, '_');
    const roles = get('peran')
      .split(/[;|]/)
      .map((r) => r.trim().toLowerCase())
      .filter(Boolean);
    const mappedRoles = roles.map((r) => ROLE_ALIASES[r]);
    roles.forEach((r, k) => {
      if (!mappedRoles[k]) errors.push(`peran "${r}" tidak dikenal (${ROLES.join(', ')})`);
    });
    if (!(EMPLOYMENT_TYPES as readonly string[]).includes(employment)) {
      errors.push(
        `jenis_kepegawaian "${get('jenis_kepegawaian')}" harus ${EMPLOYMENT_TYPES.join('/')}`,
      );
    }
    const request = {
      nip: get('nip') || undefined,
      name: get('nama'),
      email: get('email'),
      phone: get('telepon') || undefined,
      position: get('jabatan'),
      rank: get('golongan') || undefined,
      employmentType: employment as EmploymentType,
      roles: [...new Set(mappedRoles.filter((r): r is Role => Boolean(r)))],
    };
    // Reuse the create form's validation with a placeholder id: the unit is checked by code later.
    const dto = plainToInstance(CreateUserRequest, {
      ...request,
      orgUnitId: '00000000-0000-4000-8000-000000000000',
    });
    for (const e of validateSync(dto)) {
      const column = COLUMN_OF[e.property] ?? e.property;
      if (
        e.property === 'employmentType' ||
        (e.property === 'roles' && roles.length > 0 && mappedRoles.some((r) => !r))
      )
        continue;
      errors.push(`${column}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    }
    return {
      line: i + 2,
      nip: get('nip'),
      unitCode: get('kode_unit').toUpperCase(),
      supervisorNip: get('nip_atasan'),
      request: { ...request, email: dto.email, name: dto.name, position: dto.position },
      errors,
    };
  });
}

const COLUMN_OF: Record<string, Column> = {
  nip: 'nip',
  name: 'nama',
  email: 'email',
  phone: 'telepon',
  position: 'jabatan',
  rank: 'golongan',
  employmentType: 'jenis_kepegawaian',
  roles: 'peran',
};
