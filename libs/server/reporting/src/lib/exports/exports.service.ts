import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ExportJobView, ExportRequest } from '@siantar/contracts';
import { AppError, EnvSchema, jobKey, type Principal, QueueService } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { DashboardService } from '../dashboard/dashboard.service';
import {
  EXPORT_SELECT,
  type ExportRecord,
  exportView,
  loadExport,
  type StoredExportFilter,
} from './export-view';

export const exportNotFound = () =>
  new AppError(404, 'export-not-found', 'Ekspor laporan tidak ditemukan.');

/** Report exports: the request (row + job in one transaction) and their status for the requester. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dashboards: DashboardService,
    private readonly queue: QueueService,
    private readonly config: EnvSchema,
  ) {}

  async request(p: Principal, dto: ExportRequest): Promise<ExportJobView> {
    if (dto.behindOnly !== undefined && dto.table !== 'people') {
      throw new AppError(400, 'validation', 'behindOnly hanya berlaku untuk tabel "people".', [
        { path: 'behindOnly', message: 'hanya untuk tabel "people"' },
      ]);
    }
    // Checked now, so a wrong unit or course is a 404 here rather than a failed job.
    const { scope, filter } = await this.dashboards.resolve(this.db.manager, p, dto.filter);
    const stored: StoredExportFilter = {
      ...filter,
      ...(dto.behindOnly !== undefined ? { behindOnly: dto.behindOnly } : {}),
      scopeUnitId: scope.unit.id,
      named: scope.named,
    };
    const id = await this.db.transaction(async (em) => {
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO report_export (requested_by, report, format, filter) VALUES ($1, $2, $3, $4) RETURNING id`,
        [p.id, dto.table, dto.format, JSON.stringify(stored)],
      );
      // Last step of the transaction: a Redis failure rolls the row back.
      await this.queue.enqueue(
        'reporting.export',
        { exportId: row.id },
        { jobId: jobKey('export', row.id) },
      );
      return row.id;
    });
    return this.get(p, id);
  }

  /** The requester's own export; anyone else's answers 404. */
  async get(p: Principal, id: string): Promise<ExportJobView> {
    const r = await loadExport(this.db.manager, id);
    if (!r || r.requested_by !== p.id) throw exportNotFound();
    return exportView(r, this.config);
  }

  async latest(p: Principal): Promise<ExportJobView[]> {
    const rows: ExportRecord[] = await this.db.query(
      `${EXPORT_SELECT} WHERE x.requested_by = $1 ORDER BY x.created_at DESC, x.id LIMIT 20`,
      [p.id],
    );
    return rows.map((r) => exportView(r, this.config));
  }
}
