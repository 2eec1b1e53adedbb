import type { CertificateExportStatus, CertificateExportView } from '@siantar/contracts';
import { type EnvSchema, signedFileUrl } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

export interface ExportRecord {
  id: string;
  requested_by: string;
  course_id: string;
  course_title: string;
  course_code: string;
  scope_path: string;
  status: CertificateExportStatus;
  progress: number;
  done: number;
  total: number | null;
  file_id: string | null;
  filename: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export const EXPORT_SELECT = `
  SELECT x.*, f.filename, c.code AS course_code,
         coalesce(cv.title, c.code) AS course_title
    FROM certificate_export x
    JOIN course c ON c.id = x.course_id
    LEFT JOIN course_version cv ON cv.id = c.current_version_id
    LEFT JOIN stored_file f ON f.id = x.file_id`;

export async function loadExport(em: EntityManager, id: string): Promise<ExportRecord | undefined> {
  const rows: ExportRecord[] = await em.query(`${EXPORT_SELECT} WHERE x.id = $1`, [id]);
  return rows[0];
}

export function exportView(r: ExportRecord, config: EnvSchema): CertificateExportView {
  const done = r.status === 'done' && r.file_id !== null;
  return {
    id: r.id,
    courseId: r.course_id,
    courseTitle: r.course_title,
    status: r.status,
    progress: r.progress,
    done: r.done,
    total: r.total,
    downloadUrl: done ? signedFileUrl(config, r.file_id as string, { download: true }) : null,
    filename: done ? r.filename : null,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
