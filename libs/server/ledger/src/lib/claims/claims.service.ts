import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ClaimDecisionRequest,
  ClaimListQuery,
  Page,
  TrainingClaimRequest,
  TrainingClaimView,
} from '@siantar/contracts';
import { AppError, EnvSchema, type Principal, signedFileUrl } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { adminReachesPath, loadPerson, personNotFound, requireAsn } from '../access/person-access';
import { CLAIM_SELECT, type ClaimRow, claimView } from './claim-view';
import { assertValidTraining, creditClaim, insertClaim } from './record-training';

const claimNotFound = () => new AppError(404, 'not-found', 'Klaim pelatihan tidak ditemukan.');

/** External-training claims: a learner submits with evidence, their supervisor or an admin decides. */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: EnvSchema,
  ) {}

  submit(dto: TrainingClaimRequest, p: Principal): Promise<TrainingClaimView> {
    return this.db.transaction(async (em) => {
      const me = await loadPerson(em, p.id);
      if (!me) throw personNotFound();
      requireAsn(me, true);
      await assertValidTraining(em, dto, dto.evidenceFileId, p.id);
      const id = await insertClaim(em, dto, {
        userId: p.id,
        submittedBy: p.id,
        evidenceFileId: dto.evidenceFileId,
      });
      return this.view(em, id);
    });
  }

  mine(q: ClaimListQuery, p: Principal): Promise<Page<TrainingClaimView>> {
    return this.list(`c.user_id = $1`, [p.id], q);
  }

  /** Claims the caller may decide: their direct reports', and, for an admin, those in reach; never their own. */
  toDecide(q: ClaimListQuery, p: Principal): Promise<Page<TrainingClaimView>> {
    const scope = p.roles.includes('admin') ? p.adminScopePath : null;
    return this.list(
      `c.user_id <> $1 AND (u.supervisor_id = $1 OR ($2::text IS NOT NULL AND starts_with(o.path, $2)))`,
      [p.id, scope],
      q,
    );
  }

  /**
   * Approves (and credits, in the same transaction) or rejects a pending claim.
   * The claim row is locked, so of two concurrent approvals one writes the
   * entry and the other finds the claim decided.
   */
  decide(id: string, dto: ClaimDecisionRequest, p: Principal): Promise<TrainingClaimView> {
    return this.db.transaction(async (em) => {
      // Lock first, then read in a new statement, whose snapshot sees a decision
      // committed by a concurrent request while this one waited (and its decider).
      await em.query(`SELECT 1 FROM external_training_claim WHERE id = $1 FOR UPDATE`, [id]);
      const rows: {
        user_id: string;
        status: string;
        supervisor_id: string | null;
        path: string;
        name: string;
        decided_by_name: string | null;
        decided_at: Date | null;
      }[] = await em.query(
        `SELECT c.user_id, c.status, u.supervisor_id, o.path, u.name, d.name AS decided_by_name, c.decided_at
           FROM external_training_claim c
           JOIN app_user u ON u.id = c.user_id
           JOIN org_unit o ON o.id = u.org_unit_id
           LEFT JOIN app_user d ON d.id = c.decided_by
          WHERE c.id = $1`,
        [id],
      );
      const c = rows[0];
      if (!c) throw claimNotFound();
      if (c.user_id === p.id) {
        throw new AppError(
          403,
          'claims.own-claim',
          'Anda tidak dapat memutuskan klaim pelatihan Anda sendiri; klaim ini diputuskan oleh atasan langsung Anda atau admin unit Anda.',
        );
      }
      if (c.supervisor_id !== p.id && !adminReachesPath(p, c.path)) {
        if (!p.roles.includes('supervisor')) throw claimNotFound();
        throw new AppError(
          403,
          'claims.not-your-team',
          `${c.name} bukan anggota tim Anda (Anda bukan atasan langsungnya), jadi Anda tidak dapat memutuskan klaim ini. Klaim diputuskan oleh atasan langsungnya atau admin unitnya.`,
        );
      }
      if (c.status !== 'pending') {
        const when = c.decided_at?.toLocaleDateString('id-ID', { timeZone: 'Asia/Jakarta' });
        throw new AppError(
          409,
          'claims.already-decided',
          `Klaim ini sudah ${c.status === 'approved' ? 'disetujui' : 'ditolak'}${c.decided_by_name ? ` oleh ${c.decided_by_name}` : ''}${when ? ` pada ${when}` : ''}; keputusan tidak dapat diubah. Untuk mengoreksi JP yang sudah tercatat, admin membuat entri pembalik.`,
        );
      }
      const note = dto.note?.trim() || null;
      if (dto.decision === 'reject' && !note) {
        throw new AppError(
          400,
          'validation',
          'Tuliskan alasan penolakan pada kolom "note"; pegawai akan membacanya.',
          [{ path: 'note', message: 'wajib diisi saat menolak klaim' }],
        );
      }
      await em.query(
        `UPDATE external_training_claim SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4
          WHERE id = $1`,
        [id, dto.decision === 'approve' ? 'approved' : 'rejected', p.id, note],
      );
      if (dto.decision === 'approve') await creditClaim(em, id, p.id);
      return this.view(em, id);
    });
  }

  async view(em: EntityManager, id: string): Promise<TrainingClaimView> {
    const rows: ClaimRow[] = await em.query(`${CLAIM_SELECT} WHERE c.id = $1`, [id]);
    if (!rows[0]) throw claimNotFound();
    return claimView(rows[0], this.fileUrl);
  }

  private readonly fileUrl = (fileId: string) => signedFileUrl(this.config, fileId);

  private async list(
    where: string,
    params: unknown[],
    q: ClaimListQuery,
  ): Promise<Page<TrainingClaimView>> {
    const n = params.length;
    const rows: ClaimRow[] = await this.db.query(
      `SELECT *, count(*) OVER () AS total FROM (${CLAIM_SELECT}
        WHERE ${where} AND ($${n + 1}::text IS NULL OR c.status = $${n + 1})) x
        ORDER BY created_at DESC, id LIMIT $${n + 2} OFFSET $${n + 3}`,
      [...params, q.status ?? null, q.limit, q.offset],
    );
    return {
      items: rows.map((r) => claimView(r, this.fileUrl)),
      total: Number(rows[0]?.total ?? 0),
      limit: q.limit,
      offset: q.offset,
    };
  }
}
