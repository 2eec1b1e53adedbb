import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificateExportJob as Payload } from '@siantar/contracts';
import {
  committedRow,
  FileStorage,
  fileSlug,
  HandlesJob,
  type JobContext,
  type JobHandler,
} from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { CertificateRenderer, type RenderedPdf } from '../rendering/certificate-renderer';
import { type ExportRecord, loadExport } from './export-record';

/** Share of the progress bar for rendering/collecting the PDFs; the rest is the zip itself. */
const COLLECT_SHARE = 90;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Builds the zip of a course's valid certificates in the requester's reach: each PDF of its
 * current issue (rendered now if the worker had not yet), named by register number and
 * learner, into a temp file, then to FileStorage under a key fixed by the export, so a rerun
 * overwrites the same file. Progress (done/total) is written as it goes; the screen polls.
 */
@Injectable()
@HandlesJob('certificates.export')
export class CertificateExportHandler implements JobHandler<'certificates.export'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly renderer: CertificateRenderer,
    private readonly storage: FileStorage,
  ) {}

  async handle({ exportId }: Payload, ctx: JobContext): Promise<void> {
    const row = await committedRow(ctx, `certificate export ${exportId}`, () =>
      loadExport(this.db.manager, exportId),
    );
    if (!row || row.status === 'done') return;
    await this.db.query(
      `UPDATE certificate_export SET status = 'running', progress = 0, done = 0, total = NULL, file_id = NULL,
              error = NULL, finished_at = NULL WHERE id = $1`,
      [exportId],
    );
    const tmp = join(tmpdir(), `siantar-certs-${exportId}-${randomBytes(4).toString('hex')}.zip`);
    try {
      const pdfs = await this.collect(row, ctx);
      await this.zip(pdfs, tmp);
      const fileId = await this.store(row, tmp);
      await this.db.query(
        `UPDATE certificate_export SET status = 'done', progress = 100, file_id = $2, finished_at = now()
          WHERE id = $1`,
        [exportId, fileId],
      );
      await ctx.updateProgress(100);
    } catch (e) {
      await this.db.query(
        `UPDATE certificate_export SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
        [
          exportId,
          'Arsip sertifikat gagal dibuat; sistem akan mencoba lagi. Bila tetap gagal, minta ekspor baru atau hubungi admin sistem.',
        ],
      );
      throw e;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  private async collect(
    row: ExportRecord,
    ctx: JobContext,
  ): Promise<(RenderedPdf & { entry: string })[]> {
    const certs: { id: string; register_number: string; name: string }[] = await this.db.query(
      `SELECT c.id, c.register_number, c.snapshot #>> '{learner,name}' AS name
         FROM certificate c
         JOIN org_unit iu ON iu.id = c.issuer_org_unit_id
         JOIN app_user u ON u.id = c.user_id
         JOIN org_unit lu ON lu.id = u.org_unit_id
        WHERE c.course_id = $1 AND c.status = 'valid'
          AND (iu.path LIKE $2 || '%' OR lu.path LIKE $2 || '%')
        ORDER BY c.issuer_org_unit_id, c.year, c.seq`,
      [row.course_id, row.scope_path],
    );
    await this.db.query(`UPDATE certificate_export SET total = $2 WHERE id = $1`, [
      row.id,
      certs.length,
    ]);
    const out: (RenderedPdf & { entry: string })[] = [];
    const used = new Set<string>();
    for (const [i, c] of certs.entries()) {
      const pdf = await this.renderer.ensure(c.id);
      if (!pdf) continue;
      let entry = `${fileSlug(c.register_number, 'nomor')}-${fileSlug(c.name, 'peserta')}.pdf`;
      for (let n = 2; used.has(entry); n++) entry = entry.replace(/(-\d+)?\.pdf$/, `-${n}.pdf`);
      used.add(entry);
      out.push({ ...pdf, entry });
      const done = i + 1;
      if (done === certs.length || done % 10 === 0) {
        const pct = Math.floor((done / certs.length) * COLLECT_SHARE);
        await this.db.query(
          `UPDATE certificate_export SET done = $2, progress = $3 WHERE id = $1`,
          [row.id, done, pct],
        );
        await ctx.updateProgress(pct);
      }
    }
    return out;
  }

  /** Streams each PDF from storage into the zip when its turn comes (one open file at a time). */
  private async zip(pdfs: (RenderedPdf & { entry: string })[], tmp: string): Promise<void> {
    const zip = new ZipFile();
    for (const p of pdfs)
      zip.addReadStreamLazy(p.entry, { compress: false }, (cb) => {
        this.storage.read(p.storageKey).then(
          (s) => cb(null, s),
          (e: unknown) => cb(e, undefined as never),
        );
      });
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(tmp));
  }

  private async store(row: ExportRecord, tmp: string): Promise<string> {
    const key = `certificate-exports/${row.id}.zip`;
    const { size } = await this.storage.put(key, createReadStream(tmp));
    const filename = `sertifikat-${fileSlug(row.course_code, 'kursus')}-${new Date().toISOString().slice(0, 10)}.zip`;
    const [file]: { id: string }[] = await this.db.query(
      `INSERT INTO stored_file (purpose, storage_key, filename, content_type, size, sha256, uploaded_by)
       VALUES ('export', $1, $2, 'application/zip', $3, $4, $5)
       ON CONFLICT (storage_key) DO UPDATE SET filename = EXCLUDED.filename, size = EXCLUDED.size,
         sha256 = EXCLUDED.sha256, created_at = now()
       RETURNING id`,
      [key, filename, size || (await stat(tmp)).size, await sha256File(tmp), row.requested_by],
    );
    return file.id;
  }
}
