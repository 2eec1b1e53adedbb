import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportExportJob as Payload } from '@siantar/contracts';
import {
  committedRow,
  EnvSchema,
  FileStorage,
  fileSlug,
  HandlesJob,
  type JobContext,
  type JobHandler,
  UserEventsPublisher,
} from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { DashboardService } from '../dashboard/dashboard.service';
import type { ScopeUnit } from '../scope/report-scope';
import { exportSource, type ExportSource } from './export-tables';
import { type ExportRecord, exportView, loadExport } from './export-view';
import { CONTENT_TYPES, fileSha256, type TableWriter, tableWriter } from './table-writer';

/** Rows read per FETCH from the server-side cursor, and between progress reports. */
export const FETCH_ROWS = 5000;

/**
 * Builds a report export's file. Rows stream from PostgreSQL through a cursor
 * (DECLARE … FETCH 5000 in a read-only, repeatable-read transaction, so the count
 * and the rows see one snapshot) into a temp file, which goes to FileStorage under
 * a key fixed by the export: a rerun (worker restart, retry) starts over and
 * overwrites the same file and its stored_file row, so one file remains.
 */
@Injectable()
@HandlesJob('reporting.export')
export class ReportExportHandler implements JobHandler<'reporting.export'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dashboards: DashboardService,
    private readonly storage: FileStorage,
    private readonly events: UserEventsPublisher,
    private readonly config: EnvSchema,
  ) {}

  async handle({ exportId }: Payload, ctx: JobContext): Promise<void> {
    const row = await committedRow(ctx, `report export ${exportId}`, () =>
      loadExport(this.db.manager, exportId),
    );
    if (!row || row.status === 'done') return;
    await this.db.query(
      `UPDATE report_export SET status = 'running', progress = 0, rows = 0, total_rows = NULL,
              file_id = NULL, error = NULL, finished_at = NULL WHERE id = $1`,
      [exportId],
    );
    await this.publish(exportId);
    const tmp = join(
      tmpdir(),
      `siantar-export-${exportId}-${randomBytes(4).toString('hex')}.${row.format}`,
    );
    try {
      const { source, unit } = await this.source(row);
      const writer = tableWriter(row.format, tmp, source.header, source.title);
      const rows = await this.writeRows(exportId, source, writer, ctx);
      await writer.close();
      const filename = `laporan-${source.title}-${fileSlug(unit.name, 'unit')}-${row.filter.year}.${row.format}`;
      const fileId = await this.store(row, tmp, filename);
      await this.db.query(
        `UPDATE report_export SET status = 'done', progress = 100, rows = $2, total_rows = $2, file_id = $3,
                finished_at = now() WHERE id = $1`,
        [exportId, rows, fileId],
      );
      await ctx.updateProgress(100);
      await this.publish(exportId);
    } catch (e) {
      await this.db.query(
        `UPDATE report_export SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
        [
          exportId,
          'Ekspor gagal dibuat; sistem akan mencoba lagi. Bila tetap gagal, buat ekspor baru atau hubungi admin sistem.',
        ],
      );
      await this.publish(exportId);
      throw e;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  private async source(row: ExportRecord): Promise<{ source: ExportSource; unit: ScopeUnit }> {
    const units: ScopeUnit[] = await this.db.query(
      `SELECT id, name, kind, path, parent_id AS "parentId" FROM org_unit WHERE id = $1`,
      [row.filter.scopeUnitId],
    );
    if (!units[0])
      throw new Error(`org unit ${row.filter.scopeUnitId} of export ${row.id} is gone`);
    const { scopeUnitId: _u, named, behindOnly, ...filter } = row.filter;
    const source = await exportSource(this.db.manager, this.dashboards, row.report, {
      scope: { unit: units[0], named, trail: [] },
      filter: filter as Parameters<typeof exportSource>[3]['filter'],
      behindOnly: behindOnly === true,
    });
    return { source, unit: units[0] };
  }

  private async writeRows(
    exportId: string,
    source: ExportSource,
    writer: TableWriter,
    ctx: JobContext,
  ): Promise<number> {
    if (source.rows) {
      await this.progress(exportId, 0, source.rows.length, ctx);
      for (const cells of source.rows) await writer.add(cells);
      return source.rows.length;
    }
    const q = source.query;
    if (!q) return 0;
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [{ n }] = await runner.query(`SELECT count(*)::int AS n FROM (${q.sql}) r`, q.params);
      const total = Number(n);
      await this.progress(exportId, 0, total, ctx);
      await runner.query(`DECLARE report_export_rows NO SCROLL CURSOR FOR ${q.sql}`, q.params);
      let written = 0;
      for (;;) {
        const batch: Record<string, unknown>[] = await runner.query(
          `FETCH ${FETCH_ROWS} FROM report_export_rows`,
        );
        if (!batch.length) break;
        for (const r of batch) await writer.add(q.cells(r));
        written += batch.length;
        await this.progress(exportId, written, total, ctx);
      }
      await runner.query('CLOSE report_export_rows');
      await runner.query('COMMIT');
      return written;
    } catch (e) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  /** Below 100 until the file is stored; 100 comes with status done. */
  private async progress(
    exportId: string,
    rows: number,
    total: number,
    ctx: JobContext,
  ): Promise<void> {
    const pct = total > 0 ? Math.min(99, Math.floor((rows / total) * 100)) : 0;
    await this.db.query(
      `UPDATE report_export SET progress = $2, rows = $3, total_rows = $4 WHERE id = $1`,
      [exportId, pct, rows, total],
    );
    await ctx.updateProgress(pct);
    await this.publish(exportId);
  }

  private async store(row: ExportRecord, tmp: string, filename: string): Promise<string> {
    const key = `exports/${row.id}.${row.format}`;
    const { size } = await this.storage.put(key, createReadStream(tmp));
    const sha256 = await fileSha256(tmp);
    const [file] = await this.db.query<{ id: string }[]>(
      `INSERT INTO stored_file (purpose, storage_key, filename, content_type, size, sha256, uploaded_by)
       VALUES ('export', $1, $2, $3, $4, $5, $6)
       ON CONFLICT (storage_key) DO UPDATE SET filename = EXCLUDED.filename, size = EXCLUDED.size,
         sha256 = EXCLUDED.sha256, created_at = now()
       RETURNING id`,
      [key, filename, CONTENT_TYPES[row.format], size, sha256, row.requested_by],
    );
    return file.id;
  }

  /** Best effort: the screen also polls GET /reports/exports/:id. */
  private async publish(exportId: string): Promise<void> {
    const r = await loadExport(this.db.manager, exportId);
    if (r)
      await this.events
        .publish(r.requested_by, 'report-export', exportView(r, this.config))
        .catch(() => undefined);
  }
}
