import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserImportResult, UserImportRowResult } from '@siantar/contracts';
import { AppError, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { OrgUnitsService } from '../org-units/org-units.service';
import { User } from '../users/user.entity';
import { uniqueViolation, UsersService } from '../users/users.service';
import { type ParsedRow, parseUserCsv } from './parse-user-csv';

/**
 * Supervisors listed in the same file must exist before their staff:
 * rows are ordered so that a row comes after the row of its supervisor.
 */
function supervisorsFirst(rows: ParsedRow[]): ParsedRow[] {
  const byNip = new Map(rows.filter((r) => r.nip).map((r) => [r.nip, r]));
  const done = new Set<ParsedRow>();
  const out: ParsedRow[] = [];
  const visit = (r: ParsedRow, trail: Set<ParsedRow>) => {
    if (done.has(r) || trail.has(r)) return;
    trail.add(r);
    const boss = byNip.get(r.supervisorNip);
    if (boss && boss !== r) visit(boss, trail);
    done.add(r);
    out.push(r);
  };
  for (const r of rows) visit(r, new Set());
  return out;
}

@Injectable()
export class UserImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly orgUnits: OrgUnitsService,
  ) {}

  /** Each valid row is created in its own transaction: a row is written whole or not at all. */
  async import(buffer: Buffer, principal: Principal): Promise<UserImportResult> {
    const parsed = parseUserCsv(buffer);
    const seenNip = new Map<string, number>();
    const seenEmail = new Map<string, number>();
    for (const r of parsed) {
      const firstNip = r.nip ? seenNip.get(r.nip) : undefined;
      if (firstNip) r.errors.push(`NIP ${r.nip} ganda dalam berkas (baris ${firstNip})`);
      else if (r.nip) seenNip.set(r.nip, r.line);
      const mail = r.request.email.toLowerCase();
      const firstEmail = seenEmail.get(mail);
      if (firstEmail) r.errors.push(`email ${mail} ganda dalam berkas (baris ${firstEmail})`);
      else if (mail) seenEmail.set(mail, r.line);
    }

    const results = new Map<ParsedRow, UserImportRowResult>();
    for (const row of supervisorsFirst(parsed)) {
      results.set(row, await this.importRow(row, principal));
    }
    const rows = parsed.map((r) => results.get(r) as UserImportRowResult);
    const created = rows.filter((r) => r.status === 'created').length;
    return { total: rows.length, created, failed: rows.length - created, rows };
  }

  private async importRow(row: ParsedRow, principal: Principal): Promise<UserImportRowResult> {
    const fail = (errors: string[]): UserImportRowResult => ({
      line: row.line,
      nip: row.nip,
      status: 'error',
      errors,
    });
    if (row.errors.length > 0) return fail(row.errors);
    const unit = row.unitCode ? await this.orgUnits.findByCode(row.unitCode) : null;
    if (!unit)
      return fail([
        row.unitCode ? `kode_unit ${row.unitCode} tidak ditemukan` : 'kode_unit wajib diisi',
      ]);
    let supervisorId: string | undefined;
    if (row.supervisorNip) {
      const boss = await this.db.manager.findOne(User, {
        where: { nip: row.supervisorNip },
        select: { id: true },
      });
      if (!boss)
        return fail([
          `nip_atasan ${row.supervisorNip} tidak ditemukan (atasan harus sudah terdaftar atau ada di berkas ini tanpa kesalahan)`,
        ]);
      supervisorId = boss.id;
    }
    try {
      const userId = await this.db.transaction((em) =>
        this.users.createIn(em, { ...row.request, orgUnitId: unit.id, supervisorId }, principal),
      );
      return { line: row.line, nip: row.nip, status: 'created', userId, errors: [] };
    } catch (caught) {
      const e = uniqueViolation(caught) ?? caught;
      if (e instanceof AppError) {
        const body = e.getResponse() as {
          errors?: { path: string; message: string }[];
          detail: string;
        };
        return fail(body.errors?.map((f) => f.message) ?? [body.detail]);
      }
      throw e;
    }
  }
}
