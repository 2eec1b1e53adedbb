import type { ReportTable } from '@siantar/contracts';
import { wibDate } from '@siantar/server-ledger';
import type { EntityManager } from 'typeorm';
import { courseFunnelsSql } from '../courses/course-funnels';
import type { DashboardService, YearFilter } from '../dashboard/dashboard.service';
import { overdueSql } from '../overdue/overdue-sql';
import { personRowSql } from '../people/person-rows';
import type { ReportScope } from '../scope/report-scope';
import { num, SqlParams } from '../scope/sql-params';
import { filterConditions } from '../scope/stat-filters';
import type { Cell } from './table-writer';

/** A table to export: its header and either a query read through a cursor or a few rows. */
export interface ExportSource {
  header: string[];
  /** Sheet name and file-name stem. */
  title: string;
  query?: { sql: string; params: unknown[]; cells: (r: Record<string, unknown>) => Cell[] };
  rows?: Cell[][];
}

export interface ExportSpec {
  scope: ReportScope;
  filter: YearFilter;
  behindOnly: boolean;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const orNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const dateCell = (v: unknown): string | null => (v instanceof Date ? wibDate(v) : orNull(v));

export const TABLE_TITLES: Record<ReportTable, string> = {
  units: 'unit',
  people: 'pegawai',
  courses: 'kursus',
  overdue: 'lewat-tenggat',
  ledger: 'catatan-jp',
};

/** The rows of each report table, with Indonesian headers. */
export async function exportSource(
  em: EntityManager,
  dashboards: DashboardService,
  table: ReportTable,
  spec: ExportSpec,
): Promise<ExportSource> {
  const { scope, filter } = spec;
  const title = TABLE_TITLES[table];
  switch (table) {
    case 'units': {
      const fig = await dashboards.figures(em, scope, filter);
      return {
        title,
        header: [
          'Unit',
          'Jenis unit',
          'Terdaftar',
          'Mulai belajar',
          'Selesai',
          'Lulus',
          'Mengundurkan diri',
          'Tingkat penyelesaian (%)',
          'Lewat tenggat',
          'ASN aktif',
          'Di bawah target JP',
          'JP',
        ],
        rows: dashboards
          .units(fig)
          .map((u) => [
            u.direct ? `${u.name} (langsung)` : u.name,
            u.kind,
            u.enrolled,
            u.started,
            u.completed,
            u.passed,
            u.withdrawn,
            u.completionRate,
            u.overdue,
            u.staff,
            u.belowTarget,
            u.jp,
          ]),
      };
    }
    case 'people': {
      const prm = new SqlParams();
      const path = prm.add(scope.unit.path);
      const year = prm.add(filter.year);
      let where = `u.active AND o.path LIKE ${path} || '%'`;
      if (filter.employmentType)
        where += ` AND u.employment_type = ${prm.add(filter.employmentType)}`;
      if (spec.behindOnly) where += ` AND jt.jp IS NOT NULL AND coalesce(t.jp, 0) < jt.jp`;
      return {
        title,
        header: [
          'NIP',
          'Nama',
          'Pangkat/golongan',
          'Jenis kepegawaian',
          'Unit',
          `JP ${filter.year}`,
          'Target JP',
          'Di bawah target',
          'Kursus aktif',
          `Kursus selesai ${filter.year}`,
          'Kursus lewat tenggat',
        ],
        query: {
          sql: `${personRowSql(year)} WHERE ${where} ORDER BY lower(o.name), o.id, lower(u.name), u.id`,
          params: prm.values,
          cells: (r) => {
            const jp = num(r['jp']);
            const target = r['target'] === null ? null : num(r['target']);
            return [
              orNull(r['nip']),
              str(r['name']),
              orNull(r['rank']),
              str(r['employmentType']),
              str(r['orgUnitName']),
              jp,
              target,
              target === null ? null : jp < target ? 'Ya' : 'Tidak',
              num(r['active']),
              num(r['completed']),
              num(r['overdue']),
            ];
          },
        },
      };
    }
    case 'courses': {
      const { sql, params } = courseFunnelsSql(scope, filter);
      return {
        title,
        header: [
          'Kode',
          'Judul',
          'Terdaftar',
          'Mulai belajar',
          'Selesai',
          'Lulus',
          'Mengundurkan diri',
        ],
        query: {
          sql,
          params,
          cells: (r) => [
            str(r['code']),
            str(r['title']),
            num(r['enrolled']),
            num(r['started']),
            num(r['completed']),
            num(r['passed']),
            num(r['withdrawn']),
          ],
        },
      };
    }
    case 'overdue': {
      const { sql, params } = overdueSql(scope, filter);
      return {
        title,
        header: ['NIP', 'Nama', 'Unit', 'Kode kursus', 'Judul kursus', 'Tenggat'],
        query: {
          sql,
          params,
          cells: (r) => [
            orNull(r['nip']),
            str(r['name']),
            str(r['orgUnitName']),
            str(r['code']),
            str(r['title']),
            dateCell(r['dueAt']),
          ],
        },
      };
    }
    case 'ledger': {
      const prm = new SqlParams();
      const path = prm.add(scope.unit.path);
      const year = prm.add(filter.year);
      const more = filterConditions(
        prm,
        filter,
        { employmentType: true, competencyType: true },
        'l',
      );
      return {
        title,
        header: [
          'NIP',
          'Nama',
          'Unit',
          'Tanggal',
          'Judul',
          'Penyelenggara',
          'Jenis pelatihan',
          'Jalur',
          'Kompetensi',
          'JP',
          'Nomor sertifikat',
        ],
        query: {
          // Attributed, like stat_jp_month, to the unit snapshotted on the entry.
          sql: `SELECT l.nip, u.name, o.name AS unit, to_char(l.entry_date, 'YYYY-MM-DD') AS date, l.title,
                       l.provider, l.training_type, l.route, l.competency_type, l.jp, l.certificate_number
                  FROM ledger_entry l JOIN org_unit o ON o.id = l.org_unit_id AND o.path LIKE ${path} || '%'
                  JOIN app_user u ON u.id = l.user_id
                 WHERE l.year = ${year}${more}
                 ORDER BY l.entry_date, lower(u.name), l.id`,
          params: prm.values,
          cells: (r) => [
            orNull(r['nip']),
            str(r['name']),
            str(r['unit']),
            str(r['date']),
            str(r['title']),
            str(r['provider']),
            str(r['training_type']),
            str(r['route']),
            str(r['competency_type']),
            num(r['jp']),
            orNull(r['certificate_number']),
          ],
        },
      };
    }
  }
}
