import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FOLLOW_UP_QUESTIONS,
  type FollowUpConfirmRequest,
  type FollowUpListQuery,
  type FollowUpMineQuery,
  type FollowUpReportRequest,
  type FollowUpView,
  type Page,
  type StoredFileResponse,
} from '@siantar/contracts';
import { AppError, type Principal } from '@siantar/server-core';
import { FilesService } from '@siantar/server-catalog';
import type { DataSource, EntityManager } from 'typeorm';
import { FollowUpNotices } from '../schedule/follow-up-notices';
import { assertNotPlainZip, EVIDENCE_TYPES, EVIDENCE_TYPES_TEXT } from './follow-up-evidence';
import {
  type EvidenceFile,
  FOLLOW_UP_FROM,
  FOLLOW_UP_SELECT,
  type FollowUpRow,
  toView,
} from './follow-up-rows';

type FieldErrors = { path: string; message: string }[];

const notFound = () => new AppError(404, 'not-found', 'Tindak lanjut pelatihan tidak ditemukan.');

const badRequest = (detail: string, errors: FieldErrors) =>
  new AppError(400, 'validation', detail, errors);

/** Admins reach the follow-ups of people whose unit (when asked) is in their subtree. */
const adminReaches = (p: Principal, path: string | null) =>
  p.roles.includes('admin') && !!p.adminScopePath && !!path && path.startsWith(p.adminScopePath);

/** SQL for a list status filter over follow_up f (asked follow-ups only). */
const STATUS_SQL = {
  pending: `f.status = 'open' AND f.answer_by >= now()`,
  overdue: `f.status = 'open' AND f.answer_by < now()`,
  done: `f.status = 'done'`,
} as const;

/**
 * Follow-ups once asked: the alumnus's report (progress, RTL item statuses, evidence) and
 * the direct supervisor's confirmation (questionnaire and comment); lists for the alumnus,
 * the supervisor and admins in reach. A follow-up is done when both parts are in, or the
 * report alone when there was no supervisor to ask.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FilesService,
    private readonly notices: FollowUpNotices,
  ) {}

  // ---- reading -------------------------------------------------------------------

  private async views(
    em: EntityManager,
    rows: FollowUpRow[],
    p: Principal,
  ): Promise<FollowUpView[]> {
    const ids = [...new Set(rows.flatMap((r) => r.evidence_file_ids))];
    const files: EvidenceFile[] = ids.length
      ? await em.query(
          `SELECT id, filename, content_type, size FROM stored_file WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    const byId = new Map(files.map((f) => [f.id, f]));
    const now = new Date();
    return rows.map((r) =>
      toView(r, byId, (id) => this.files.signedUrl(id, { download: true }), p.id, now),
    );
  }

  private async page(
    em: EntityManager,
    where: string[],
    params: unknown[],
    q: FollowUpMineQuery,
    p: Principal,
  ): Promise<Page<FollowUpView>> {
    const conditions = [`f.status IN ('open', 'done')`, ...where];
    if (q.status) conditions.push(STATUS_SQL[q.status]);
    const sqlWhere = `WHERE ${conditions.join(' AND ')}`;
    const [{ total }] = (await em.query(
      `SELECT count(*)::int AS total ${FOLLOW_UP_FROM} ${sqlWhere}`,
      params,
    )) as { total: number }[];
    const rows: FollowUpRow[] = await em.query(
      `${FOLLOW_UP_SELECT} ${sqlWhere} ORDER BY f.due_at DESC, f.id
        LIMIT ${Number(q.limit)} OFFSET ${Number(q.offset)}`,
      params,
    );
    return { items: await this.views(em, rows, p), total, limit: q.limit, offset: q.offset };
  }

  mine(p: Principal, q: FollowUpMineQuery): Promise<Page<FollowUpView>> {
    return this.page(this.db.manager, ['e.user_id = $1'], [p.id], q, p);
  }

  team(p: Principal, q: FollowUpMineQuery): Promise<Page<FollowUpView>> {
    return this.page(this.db.manager, ['f.supervisor_id = $1'], [p.id], q, p);
  }

  /** Admins: the follow-ups in their reach, by the alumnus's unit when asked. */
  async list(p: Principal, q: FollowUpListQuery): Promise<Page<FollowUpView>> {
    const em = this.db.manager;
    let path = p.adminScopePath;
    if (q.orgUnitId) {
      const [unit] = (await em.query(`SELECT path FROM org_unit WHERE id = $1`, [q.orgUnitId])) as {
        path: string;
      }[];
      if (!unit || !adminReaches(p, unit.path))
        throw new AppError(404, 'not-found', 'Unit kerja tidak ditemukan dalam jangkauan Anda.');
      path = unit.path;
    }
    if (!path) return { items: [], total: 0, limit: q.limit, offset: q.offset };
    const where = [`o.path LIKE $1 || '%'`];
    const params: unknown[] = [path];
    if (q.courseId) {
      params.push(q.courseId);
      where.push(`e.course_id = $${params.length}`);
    }
    return this.page(em, where, params, q, p);
  }

  private async row(em: EntityManager, id: string, lock = false): Promise<FollowUpRow | null> {
    const rows: FollowUpRow[] = await em.query(
      `${FOLLOW_UP_SELECT} WHERE f.id = $1 ${lock ? 'FOR UPDATE OF f' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Who may see a follow-up: the alumnus, the supervisor asked, admins in reach (asked ones). */
  private visible(r: FollowUpRow, p: Principal): boolean {
    if (r.user_id === p.id) return r.status !== 'scheduled';
    if (r.status !== 'open' && r.status !== 'done') return false;
    return r.supervisor_id === p.id || adminReaches(p, r.org_unit_path);
  }

  async one(id: string, p: Principal): Promise<FollowUpView> {
    const em = this.db.manager;
    const r = await this.row(em, id);
    if (!r || !this.visible(r, p)) throw notFound();
    return (await this.views(em, [r], p))[0];
  }

  // ---- the alumnus's report ------------------------------------------------------

  /** The alumnus's own follow-up, still open to a report; anyone else is refused. */
  private reportable(r: FollowUpRow | null, p: Principal): FollowUpRow {
    if (!r || !this.visible(r, p)) throw notFound();
    if (r.user_id !== p.id) {
      throw new AppError(
        403,
        'follow-up.not-alumnus',
        'Laporan tindak lanjut hanya dapat diisi oleh alumni pelatihan itu sendiri.',
      );
    }
    if (r.status === 'cancelled')
      throw new AppError(409, 'follow-up.cancelled', 'Tindak lanjut ini dibatalkan.');
    if (r.status === 'done' || r.confirmed_at) {
      throw new AppError(
        409,
        'follow-up.closed',
        'Tindak lanjut ini sudah selesai dan dikonfirmasi; laporannya tidak dapat diubah lagi.',
      );
    }
    return r;
  }

  async uploadEvidence(
    id: string,
    file: Express.Multer.File | undefined,
    p: Principal,
  ): Promise<StoredFileResponse> {
    this.reportable(await this.row(this.db.manager, id), p);
    if (!file) {
      throw new AppError(
        400,
        'files.no-file',
        `Kirim berkas bukti (${EVIDENCE_TYPES_TEXT}) pada kolom formulir "file".`,
        [{ path: 'file', message: 'wajib diisi' }],
      );
    }
    if (file.buffer.length > 0) assertNotPlainZip(file.buffer, file.originalname);
    const stored = await this.files.upload(file.buffer, {
      purpose: 'evidence',
      filename: file.originalname,
      uploadedBy: p.id,
    });
    return this.files.toResponse(stored);
  }

  /** What is wrong with the evidence a report cites. */
  private async evidenceErrors(
    em: EntityManager,
    ids: string[],
    p: Principal,
  ): Promise<FieldErrors> {
    if (ids.length === 0) return [];
    const rows: {
      id: string;
      purpose: string;
      content_type: string;
      size: string;
      uploaded_by: string | null;
    }[] = await em.query(
      `SELECT id, purpose, content_type, size, uploaded_by FROM stored_file WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const limit = this.files.limitFor('evidence');
    const errors: FieldErrors = [];
    ids.forEach((id, i) => {
      const path = `evidenceFileIds[${i}]`;
      const f = byId.get(id);
      if (!f || f.uploaded_by !== p.id)
        errors.push({
          path,
          message: 'berkas tidak ditemukan di antara unggahan Anda; unggah ulang',
        });
      else if (f.purpose !== 'evidence' || !EVIDENCE_TYPES.includes(f.content_type))
        errors.push({
          path,
          message: `jenis berkas tidak diterima sebagai bukti; hanya ${EVIDENCE_TYPES_TEXT}`,
        });
      else if (Number(f.size) > limit)
        errors.push({
          path,
          message: 'berkas melebihi batas ukuran bukti; unggah versi yang lebih kecil',
        });
    });
    return errors;
  }

  async report(id: string, dto: FollowUpReportRequest, p: Principal): Promise<FollowUpView> {
    return this.db.transaction(async (em) => {
      const r = this.reportable(await this.row(em, id, true), p);
      const errors: FieldErrors = [];
      const plan = new Set((r.plan ?? []).map((i) => i.id));
      const seen = new Set<string>();
      dto.items.forEach((it, i) => {
        if (!plan.has(it.itemId) || seen.has(it.itemId))
          errors.push({
            path: `items[${i}].itemId`,
            message: seen.has(it.itemId) ? 'butir RTL disebut dua kali' : 'bukan butir RTL Anda',
          });
        seen.add(it.itemId);
      });
      const missing = [...plan].filter((itemId) => !seen.has(itemId)).length;
      if (missing > 0)
        errors.push({
          path: 'items',
          message: `laporkan status setiap butir RTL (${missing} belum disebut)`,
        });
      errors.push(...(await this.evidenceErrors(em, dto.evidenceFileIds, p)));
      if (errors.length > 0)
        throw badRequest(
          'Laporan tindak lanjut belum dapat disimpan. Periksa isian yang ditandai.',
          errors,
        );

      const items = dto.items.map((it) => ({
        itemId: it.itemId,
        status: it.status,
        note: it.note?.trim() || null,
      }));
      await em.query(
        `UPDATE follow_up SET reported_at = now(), progress = $2, item_statuses = $3,
                evidence_file_ids = $4::uuid[],
                status = CASE WHEN supervisor_id IS NULL THEN 'done' ELSE status END,
                done_at = CASE WHEN supervisor_id IS NULL THEN now() ELSE done_at END
          WHERE id = $1`,
        [id, dto.progress, JSON.stringify(items), dto.evidenceFileIds],
      );
      await this.notices.answered(em, id, p.id);
      return (await this.views(em, [(await this.row(em, id)) as FollowUpRow], p))[0];
    });
  }

  // ---- the supervisor's confirmation ---------------------------------------------

  async confirm(id: string, dto: FollowUpConfirmRequest, p: Principal): Promise<FollowUpView> {
    return this.db.transaction(async (em) => {
      const r = await this.row(em, id, true);
      if (!r) throw notFound();
      if (r.supervisor_id !== p.id) {
        throw new AppError(
          403,
          'follow-up.not-in-team',
          r.status === 'scheduled'
            ? 'Tindak lanjut ini belum dimulai, dan hanya atasan langsung alumni yang dapat mengonfirmasinya.'
            : `${r.user_name} bukan anggota tim Anda untuk tindak lanjut ini. Hanya atasan langsung pada saat evaluasi pasca pelatihan diminta yang dapat mengonfirmasi penerapannya.`,
        );
      }
      if (r.status === 'cancelled')
        throw new AppError(409, 'follow-up.cancelled', 'Tindak lanjut ini dibatalkan.');
      if (r.confirmed_at) {
        throw new AppError(
          409,
          'follow-up.already-confirmed',
          `Anda sudah mengonfirmasi tindak lanjut ini pada ${r.confirmed_at.toLocaleDateString('id-ID', { timeZone: 'Asia/Jakarta' })}; konfirmasi tidak dapat diubah.`,
        );
      }
      const errors: FieldErrors = [];
      const seen = new Set<string>();
      dto.answers.forEach((a, i) => {
        if (seen.has(a.question))
          errors.push({ path: `answers[${i}].question`, message: 'pertanyaan dijawab dua kali' });
        seen.add(a.question);
      });
      for (const q of FOLLOW_UP_QUESTIONS)
        if (!seen.has(q))
          errors.push({ path: 'answers', message: `pertanyaan "${q}" belum dijawab` });
      if (errors.length > 0)
        throw badRequest('Kuesioner belum lengkap. Jawab setiap pertanyaan satu kali.', errors);

      const answers = FOLLOW_UP_QUESTIONS.map((question) => ({
        question,
        score: (dto.answers.find((a) => a.question === question) as { score: number }).score,
      }));
      await em.query(
        `UPDATE follow_up SET confirmed_at = now(), confirmed_by = $2, answers = $3, comment = $4,
                status = CASE WHEN reported_at IS NOT NULL THEN 'done' ELSE status END,
                done_at = CASE WHEN reported_at IS NOT NULL THEN now() ELSE done_at END
          WHERE id = $1`,
        [id, p.id, JSON.stringify(answers), dto.comment?.trim() || null],
      );
      await this.notices.answered(em, id, p.id);
      return (await this.views(em, [(await this.row(em, id)) as FollowUpRow], p))[0];
    });
  }
}
