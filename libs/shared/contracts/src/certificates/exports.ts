import { IsUUID } from 'class-validator';

/** `POST /admin/certificate-exports`: every valid certificate of a course as PDFs in one zip. */
export class CertificateExportRequest {
  @IsUUID()
  courseId!: string;
}

export const CERTIFICATE_EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type CertificateExportStatus = (typeof CERTIFICATE_EXPORT_STATUSES)[number];

export interface CertificateExportView {
  id: string;
  courseId: string;
  courseTitle: string;
  status: CertificateExportStatus;
  /** 0–100. */
  progress: number;
  /** Certificates put into the zip so far. */
  done: number;
  /** Certificates to put in; known once the job has started. */
  total: number | null;
  /** Short-lived signed URL of the zip once done. */
  downloadUrl: string | null;
  filename: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
