import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AdminCertificatesQuery,
  CertificatePage,
  CertificateView,
  IssueCertificateRequest,
} from '@siantar/contracts';
import { adminReaches } from '@siantar/server-catalog';
import {
  AppError,
  EnvSchema,
  FileStorage,
  type Principal,
  QueueService,
  contentDisposition,
} from '@siantar/server-core';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { CertificateIssuer } from '../issuing/certificate-issuer';
import { renderJob } from '../issuing/render-job';
import { CertificateRenderer } from '../rendering/certificate-renderer';
import {
  adminIssues,
  adminScope,
  adminSees,
  CERTIFICATE_SELECT,
  type CertificateRecord,
  certificateView,
  loadCertificate,
  pdfReady,
} from './certificate-record';

export const certificateNotFound = () =>
  new AppError(404, 'certificates.not-found', 'Sertifikat tidak ditemukan.');

const notIssuer = () =>
  new AppError(
    403,
    'forbidden',
    'Hanya admin unit penerbit sertifikat ini (atau admin tingkat kota) yang dapat mencabut atau menerbitkan ulang.',
  );

/** Keyset cursor of the admin list: the exact issue time and id of the last row shown. */
export function encodeCursor(c: Pick<CertificateRecord, 'issued_at_text' | 'id'>): string {
  return Buffer.from(JSON.stringify([c.issued_at_text, c.id])).toString('base64url');
}

export function decodeCursor(before: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(before, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v[0]) &&
      typeof v[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(v[1])
    )
      return [v[0], v[1]];
  } catch {
    /* answered below */
  }
  throw new AppError(
    400,
    'validation',
    'Nilai before tidak dikenali; pakai nextBefore dari halaman sebelumnya.',
    [{ path: 'before', message: 'harus nilai nextBefore dari halaman sebelumnya' }],
  );
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Certificates for their owners and for admins: lists, download, revocation and re-issue. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly issuer: CertificateIssuer,
    private readonly renderer: CertificateRenderer,
    private readonly storage: FileStorage,
    private readonly queue: QueueService,
    private readonly config: EnvSchema,
  ) {}

  async mine(p: Principal): Promise<CertificateView[]> {
    const rows: CertificateRecord[] = await this.db.query(
      `${CERTIFICATE_SELECT} WHERE c.user_id = $1 ORDER BY c.issued_at DESC, c.id DESC`,
      [p.id],
    );
    return rows.map((r) => certificateView(r, this.config, false));
  }

  /** The owner's, or one an admin reaches (issuer or learner in reach); anyone else gets 404. */
  async visible(p: Principal, id: string): Promise<CertificateRecord> {
    const c = await loadCertificate(this.db.manager, id);
    if (!c || (c.user_id !== p.id && !adminSees(p, c))) throw certificateNotFound();
    return c;
  }

  async get(p: Principal, id: string): Promise<CertificateView> {
    const c = await this.visible(p, id);
    return certificateView(c, this.config, adminSees(p, c));
  }

  /** Streams the PDF of the current issue as an attachment. */
  async sendPdf(p: Principal, id: string, res: Response): Promise<void> {
    const c = await this.visible(p, id);
    if (c.status === 'revoked' && !adminSees(p, c))
      throw new AppError(
        410,
        'certificates.revoked',
        `Sertifikat ${c.register_number} telah dicabut (alasan: ${c.revoke_reason ?? '-'}) dan tidak dapat diunduh lagi.`,
      );
    if (!pdfReady(c))
      throw new AppError(
        409,
        'certificates.pdf-not-ready',
        'Berkas PDF sertifikat sedang dibuat. Coba unduh lagi dalam beberapa detik.',
        undefined,
        { 'Retry-After': '5' },
      );
    const file = await this.renderer.ensure(c.id);
    if (!file) throw certificateNotFound();
    const stat = await this.storage.stat(file.storageKey);
    if (!stat) throw new Error(`stored PDF ${file.storageKey} of certificate ${c.id} is missing`);
    const body = await this.storage.read(file.storageKey);
    res
      .status(200)
      .type('application/pdf')
      .set({
        'Content-Disposition': contentDisposition('attachment', file.filename),
        'Content-Length': String(stat.size),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    await new Promise<void>((resolve, reject) => {
      body.on('error', reject);
      res.on('finish', resolve);
      res.on('close', resolve);
      body.pipe(res);
    });
  }

  async list(p: Principal, q: AdminCertificatesQuery): Promise<CertificatePage> {
    const scope = adminScope(p);
    if (!scope) throw certificateNotFound();
    const where: string[] = [`(iu.path LIKE $1 || '%' OR lu.path LIKE $1 || '%')`];
    const params: unknown[] = [scope];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.courseId) add((n) => `c.course_id = ${n}`, q.courseId);
    if (q.liveSessionId) add((n) => `c.live_session_id = ${n}`, q.liveSessionId);
    if (q.status) add((n) => `c.status = ${n}`, q.status);
    if (q.q)
      add(
        (n) => `(c.snapshot #>> '{learner,name}' ILIKE '%' || ${n} || '%'
                 OR c.snapshot #>> '{learner,nip}' LIKE '%' || ${n} || '%'
                 OR c.register_number ILIKE '%' || ${n} || '%')`,
        escapeLike(q.q),
      );
    const filter = where.join(' AND ');
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total
         FROM certificate c
         JOIN org_unit iu ON iu.id = c.issuer_org_unit_id
         JOIN app_user u ON u.id = c.user_id
         JOIN org_unit lu ON lu.id = u.org_unit_id
        WHERE ${filter}`,
      params,
    );
    const pageParams = [...params];
    let pageFilter = filter;
    if (q.before) {
      const [at, id] = decodeCursor(q.before);
      pageParams.push(at, id);
      pageFilter += ` AND (c.issued_at, c.id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`;
    }
    const limit = q.limit ?? 50;
    pageParams.push(limit + 1);
    const rows: CertificateRecord[] = await this.db.query(
      `${CERTIFICATE_SELECT} WHERE ${pageFilter} ORDER BY c.issued_at DESC, c.id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    return {
      items: items.map((r) => certificateView(r, this.config, true)),
      total,
      nextBefore: more ? encodeCursor(items[items.length - 1]) : null,
    };
  }

  async revoke(p: Principal, id: string, reason: string): Promise<CertificateView> {
    await this.db.transaction(async (em) => {
      const c = await loadCertificate(em, id, true);
      if (!c || !adminSees(p, c)) throw certificateNotFound();
      if (!adminIssues(p, c)) throw notIssuer();
      if (c.status === 'revoked')
        throw new AppError(
          409,
          'certificates.already-revoked',
          `Sertifikat ${c.register_number} sudah dicabut sebelumnya.`,
        );
      await em.query(
        `UPDATE certificate SET status = 'revoked', revoked_at = now(), revoked_by = $2, revoke_reason = $3
          WHERE id = $1`,
        [id, p.id, reason],
      );
    });
    return this.get(p, id);
  }

  /**
   * Same number and code; the learner's current data and the issuer's current template; the
   * PDF is rendered again by the worker (pdfReady is false until then).
   */
  async reissue(p: Principal, id: string, now = new Date()): Promise<CertificateView> {
    await this.db.transaction(async (em) => {
      const c = await loadCertificate(em, id, true);
      if (!c || !adminSees(p, c)) throw certificateNotFound();
      if (!adminIssues(p, c)) throw notIssuer();
      if (c.status === 'revoked')
        throw new AppError(
          409,
          'certificates.revoked',
          `Sertifikat ${c.register_number} telah dicabut dan tidak dapat diterbitkan ulang.`,
        );
      const snapshot = await this.issuer.currentSnapshot(em, c, now);
      const revision = c.reissue_count + 1;
      await em.query(
        `UPDATE certificate SET snapshot = $2, reissue_count = $3, reissued_at = $4, reissued_by = $5
          WHERE id = $1`,
        [id, JSON.stringify(snapshot), revision, now, p.id],
      );
      // Last step: a Redis failure rolls the re-issue back.
      await this.queue.enqueue(...renderJob(id, revision));
    });
    return this.get(p, id);
  }

  /**
   * Issues (or returns) the certificate of a completed enrolment, for admins whose reach holds
   * the course's owner unit — e.g. for enrolments completed before certificates existed.
   */
  async issue(p: Principal, dto: IssueCertificateRequest): Promise<CertificateView> {
    const [e]: { owner_org_unit_id: string }[] = await this.db.query(
      `SELECT c.owner_org_unit_id FROM enrolment e JOIN course c ON c.id = e.course_id WHERE e.id = $1`,
      [dto.enrolmentId],
    );
    if (!e || !(await adminReaches(this.db.manager, e.owner_org_unit_id, p)))
      throw new AppError(404, 'certificates.no-enrolment', 'Pendaftaran kursus tidak ditemukan.');
    const { certificateId, created } = await this.issuer.issueForEnrolment(dto.enrolmentId);
    const c = await loadCertificate(this.db.manager, certificateId);
    if (!c) throw certificateNotFound();
    if (created || !pdfReady(c))
      await this.queue.enqueue(...renderJob(certificateId, c.reissue_count));
    return certificateView(c, this.config, true);
  }
}
