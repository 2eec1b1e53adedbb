import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SiasnExportFormat, SiasnTrainingRow } from '@siantar/contracts';
import { AppError, fileSlug, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { personForReader } from '../access/person-access';
import { siasnCsv, siasnXlsx } from './siasn-file';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** One row per training still standing: credits that no later entry reversed. */
@Injectable()
export class SiasnExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async export(
    userId: string,
    p: Principal,
    format: SiasnExportFormat,
    year?: number,
  ): Promise<ExportFile> {
    const person = await personForReader(this.db.manager, userId, p);
    const nip = person.nip;
    if (!nip) {
      throw new AppError(
        409,
        'ledger.no-nip',
        `${person.name} tidak memiliki NIP (terdaftar sebagai ${person.employmentType === 'NON_ASN' ? 'non-ASN' : person.employmentType} tanpa NIP), sedangkan SIASN mencatat riwayat diklat per NIP. Ekspor SIASN hanya untuk ASN yang NIP-nya tercatat.`,
      );
    }
    const rows: SiasnTrainingRow[] = (
      await this.db.query<
        {
          title: string;
          provider: string;
          training_type: string;
          jp: string;
          year: number;
          start_date: string;
          end_date: string;
          certificate_number: string | null;
        }[]
      >(
        `SELECT e.title, e.provider, e.training_type, e.jp, e.year, e.start_date::text AS start_date,
                e.end_date::text AS end_date, e.certificate_number
           FROM ledger_entry e
          WHERE e.user_id = $1 AND e.reverses_id IS NULL AND e.jp > 0
            AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id)
            AND ($2::int IS NULL OR e.year = $2)
          ORDER BY e.start_date, e.entry_date, e.recorded_at`,
        [userId, year ?? null],
      )
    ).map((r) => ({
      nip,
      namaKursus: r.title,
      institusiPenyelenggara: r.provider,
      jenisDiklat: r.training_type,
      jumlahJam: Number(r.jp),
      tahunKursus: Number(r.year),
      tanggalKursus: r.start_date,
      tanggalSelesaiKursus: r.end_date,
      nomorSertipikat: r.certificate_number ?? '',
    }));
    const stem = `siasn-diklat-${nip}-${fileSlug(person.name, 'pegawai')}${year ? `-${year}` : ''}`;
    return format === 'xlsx'
      ? {
          filename: `${stem}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: await siasnXlsx(rows),
        }
      : { filename: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: siasnCsv(rows) };
  }
}
