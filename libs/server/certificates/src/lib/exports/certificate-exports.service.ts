import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificateExportRequest, CertificateExportView } from '@siantar/contracts';
import { AppError, EnvSchema, jobKey, type Principal, QueueService } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { adminScope } from '../certificates/certificate-record';
import { exportView, loadExport } from './export-record';

const exportNotFound = () =>
  new AppError(404, 'certificates.export-not-found', 'Ekspor sertifikat tidak ditemukan.');

/**
 * Zip exports of a course's valid certificates: the request (row + job in one transaction)
 * and its status for the admin who asked. The zip holds the certificates in the requester's
 * reach (issuer or learner's unit), as of when the job runs.
 */
@Injectable()
export class CertificateExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueService,
    private readonly config: EnvSchema,
  ) {}

  async request(p: Principal, dto: CertificateExportRequest): Promise<CertificateExportView> {
    const scope = adminScope(p);
    if (!scope) throw exportNotFound();
    const course: unknown[] = await this.db.query(`SELECT 1 FROM course WHERE id = $1`, [
      dto.courseId,
    ]);
    if (!course.length) throw new AppError(404, 'not-found', 'Kursus tidak ditemukan.');
    const id = await this.db.transaction(async (em) => {
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO certificate_export (requested_by, course_id, scope_path) VALUES ($1, $2, $3) RETURNING id`,
        [p.id, dto.courseId, scope],
      );
      // Last step of the transaction: a Redis failure rolls the row back.
      await this.queue.enqueue(
        'certificates.export',
        { exportId: row.id },
        { jobId: jobKey('certificate-export', row.id) },
      );
      return row.id;
    });
    return this.get(p, id);
  }

  /** The requester's own export; anyone else's answers 404. */
  async get(p: Principal, id: string): Promise<CertificateExportView> {
    const r = await loadExport(this.db.manager, id);
    if (!r || r.requested_by !== p.id) throw exportNotFound();
    return exportView(r, this.config);
  }
}
