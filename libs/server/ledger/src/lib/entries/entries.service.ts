import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AdminLedgerEntryRequest,
  LedgerEntryView,
  ReverseEntryRequest,
} from '@siantar/contracts';
import { AppError, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { adminReachesPath, personForAdmin, requireAsn } from '../access/person-access';
import { assertValidTraining, creditClaim, insertClaim } from '../claims/record-training';
import { writtenEntry } from './entry-view';

const entryNotFound = () => new AppError(404, 'not-found', 'Entri buku JP tidak ditemukan.');

/** What admins write into someone's ledger: external trainings and reversing entries. */
@Injectable()
export class EntriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An approved claim (submitted and decided by the admin) and its credit, in one transaction. */
  enter(userId: string, dto: AdminLedgerEntryRequest, p: Principal): Promise<LedgerEntryView> {
    return this.db.transaction(async (em) => {
      const person = await personForAdmin(em, userId, p);
      if (person.id === p.id) {
        throw new AppError(
          403,
          'ledger.own-entry',
          'Anda tidak dapat mencatat JP untuk diri sendiri; ajukan klaim pelatihan agar diputuskan oleh atasan atau admin lain.',
        );
      }
      requireAsn(person, false);
      await assertValidTraining(em, dto, dto.evidenceFileId, null);
      const claimId = await insertClaim(em, dto, {
        userId,
        submittedBy: p.id,
        evidenceFileId: dto.evidenceFileId,
        decidedBy: p.id,
      });
      const entryId = await creditClaim(em, claimId, p.id);
      return writtenEntry(em, entryId);
    });
  }

  /**
   * Cancels an entry with a reversing one: the same dates and description,
   * negative JP, so the year it counted in is corrected and history keeps both.
   */
  reverse(id: string, dto: ReverseEntryRequest, p: Principal): Promise<LedgerEntryView> {
    return this.db.transaction(async (em) => {
      // Lock first, then read in a new statement: under READ COMMITTED its snapshot
      // sees a reversal that a concurrent request committed while this one waited.
      await em.query(`SELECT 1 FROM ledger_entry WHERE id = $1 FOR UPDATE`, [id]);
      const rows: { reverses_id: string | null; path: string; reversed_by: string | null }[] =
        await em.query(
          `SELECT e.reverses_id, o.path, (SELECT r.id FROM ledger_entry r WHERE r.reverses_id = e.id) AS reversed_by
             FROM ledger_entry e JOIN app_user u ON u.id = e.user_id JOIN org_unit o ON o.id = u.org_unit_id
            WHERE e.id = $1`,
          [id],
        );
      const e = rows[0];
      if (!e || !adminReachesPath(p, e.path)) throw entryNotFound();
      if (e.reverses_id) {
        throw new AppError(
          409,
          'ledger.reversal-of-reversal',
          'Entri ini sendiri adalah entri pembalik; entri pembalik tidak dapat dibalik. Bila pembalikannya keliru, catat ulang pelatihannya sebagai entri baru.',
        );
      }
      if (e.reversed_by) {
        throw new AppError(
          409,
          'ledger.already-reversed',
          'Entri ini sudah dibalik; satu entri hanya dapat dibalik sekali.',
          undefined,
          {},
          { reversedById: e.reversed_by },
        );
      }
      const inserted: { id: string }[] = await em.query(
        `INSERT INTO ledger_entry (user_id, entry_date, source, source_ref, title, provider, training_type, route,
                competency_type, jp, start_date, end_date, certificate_number, reverses_id, reason, recorded_by)
         SELECT user_id, entry_date, source, source_ref, title, provider, training_type, route,
                competency_type, -jp, start_date, end_date, certificate_number, id, $2, $3
           FROM ledger_entry WHERE id = $1
         RETURNING id`,
        [id, dto.reason, p.id],
      );
      return writtenEntry(em, inserted[0].id);
    });
  }
}

/** PATCH, PUT and DELETE of an entry: the ledger is append-only. */
export const appendOnly = () =>
  new AppError(
    405,
    'ledger-append-only',
    'Entri buku JP tidak pernah diubah atau dihapus. Untuk mengoreksi, buat entri pembalik dengan POST /api/v1/ledger-entries/{id}/reverse (beserta alasannya), lalu catat entri yang benar bila perlu.',
    undefined,
    { Allow: 'POST' },
  );
