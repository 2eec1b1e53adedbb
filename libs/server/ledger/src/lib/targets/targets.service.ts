import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JpTargetRequest, JpTargetView } from '@siantar/contracts';
import { AppError, isCityWideAdmin, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import type { EmploymentType } from '../access/person-access';

interface TargetRow {
  employment_type: 'PNS' | 'PPPK';
  jp: number;
  updated_at: Date;
}

const toView = (r: TargetRow): JpTargetView => ({
  employmentType: r.employment_type,
  jp: r.jp,
  updatedAt: r.updated_at.toISOString(),
});

/** The yearly JP target of a person's employment type; null for NON_ASN (no target). */
export async function targetFor(em: EntityManager, type: EmploymentType): Promise<number | null> {
  if (type === 'NON_ASN') return null;
  const rows: { jp: number }[] = await em.query(
    `SELECT jp FROM jp_target WHERE employment_type = $1`,
    [type],
  );
  return rows[0]?.jp ?? null;
}

/** Yearly JP targets per employment type: everyone reads them, city-wide admins set them. */
@Injectable()
export class TargetsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<JpTargetView[]> {
    const rows: TargetRow[] = await this.db.query(
      `SELECT employment_type, jp, updated_at FROM jp_target ORDER BY employment_type`,
    );
    return rows.map(toView);
  }

  async set(type: string, dto: JpTargetRequest, p: Principal): Promise<JpTargetView> {
    if (!isCityWideAdmin(p)) {
      throw new AppError(
        403,
        'jp-targets.city-wide-only',
        'Target JP berlaku untuk seluruh pemerintah kota, jadi hanya admin tingkat kota (BKPSDM) yang dapat mengubahnya.',
      );
    }
    if (type !== 'PNS' && type !== 'PPPK') {
      throw new AppError(
        400,
        'validation',
        `Target JP hanya ada untuk PNS dan PPPK, bukan "${type}".`,
        [{ path: 'employmentType', message: 'harus PNS atau PPPK' }],
      );
    }
    await this.db.query(
      `UPDATE jp_target SET jp = $2, updated_by = $3, updated_at = now() WHERE employment_type = $1`,
      [type, dto.jp, p.id],
    );
    const rows: TargetRow[] = await this.db.query(
      `SELECT employment_type, jp, updated_at FROM jp_target WHERE employment_type = $1`,
      [type],
    );
    return toView(rows[0]);
  }
}
