import { IsInt, IsUUID, Min } from 'class-validator';
import type { QueueName } from './queue-names';

/** Issue (once) and render the certificate of a completed enrolment. */
export class CertificateIssueJob {
  @IsUUID()
  enrolmentId!: string;
}

/** Issue (once) and render the certificate of a webinar attendance that met the rule. */
export class CertificateIssueWebinarJob {
  @IsUUID()
  attendanceId!: string;
}

/** Render (again) a certificate's PDF from its stored snapshot, e.g. after a re-issue. */
export class CertificateRenderJob {
  @IsUUID()
  certificateId!: string;

  /** The issue to render (the certificate's reissue count once the re-issue has committed). */
  @IsInt()
  @Min(0)
  revision!: number;
}

/** Build a course's certificates zip (a `certificate_export` row). */
export class CertificateExportJob {
  @IsUUID()
  exportId!: string;
}

/** The certificates domain's jobs (queue `certificates`): name → queue and payload class. */
export const CERTIFICATE_JOBS = {
  'certificates.issue': { queue: 'certificates', payload: CertificateIssueJob },
  'certificates.issue-webinar': { queue: 'certificates', payload: CertificateIssueWebinarJob },
  'certificates.render': { queue: 'certificates', payload: CertificateRenderJob },
  'certificates.export': { queue: 'certificates', payload: CertificateExportJob },
} as const satisfies Record<string, { queue: QueueName; payload: new () => object }>;
