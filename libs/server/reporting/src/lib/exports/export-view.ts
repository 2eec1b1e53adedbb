import type { ExportJobView, ExportFormat, ExportStatus, ReportTable } from '@siantar/contracts';
import { type EnvSchema, signedFileUrl } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

export interface ExportRecord {
  id: string;
  requested_by: string;
  report: ReportTable;
  format: ExportFormat;
  filter: StoredExportFilter;
  status: ExportStatus;
  progress: number;
  rows: number;
  total_rows: number | null;
  file_id: string | null;
  filename: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** What report_export.filter holds: the request's filter with its year, and the resolved scope. */
export interface StoredExportFilter {
  year: number;
  orgUnitId?: string;
  courseId?: string;
  competencyType?: string;
  employmentType?: string;
  behindOnly?: boolean;
  /** The unit the export covers (the named unit or the requester's reach root). */
  scopeUnitId: string;
  named: boolean;
}

export const EXPORT_SELECT = `SELECT x.*, f.filename FROM report_export x LEFT JOIN stored_file f ON f.id = x.file_id`;

export async function loadExport(em: EntityManager, id: string): Promise<ExportRecord | undefined> {
  const rows: ExportRecord[] = await em.query(`${EXPORT_SELECT} WHERE x.id = $1`, [id]);
  return rows[0];
}

export function exportView(r: ExportRecord, config: EnvSchema): ExportJobView {
  const done = r.status === 'done' && r.file_id !== null;
  return {
    id: r.id,
    table: r.report,
    format: r.format,
    status: r.status,
    progress: r.progress,
    rows: r.rows,
    totalRows: r.total_rows,
    downloadUrl: done ? signedFileUrl(config, r.file_id as string, { download: true }) : null,
    filename: done ? r.filename : null,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
