import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { CompetencyType } from '../catalog/enums';
import { trim } from '../common/transforms';
import type { EmploymentType } from '../identity/enums';

/**
 * Surat Keterangan Pelatihan (Peraturan LAN 5/2020): one per learner and course
 * version, or per learner and webinar. Issued by the worker when an enrolment
 * completes (or a webinar's attendance is finalised); never edited afterwards —
 * only revoked (with a reason) or re-issued (same register number, data and
 * template as they are now, `reissueCount` + 1).
 */
export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** `course`: a completed enrolment; `webinar`: a finalised live session without a course. */
export const CERTIFICATE_KINDS = ['course', 'webinar'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** The learner as the certificate states it (frozen at issue and at each re-issue). */
export interface CertificateLearner {
  userId: string;
  name: string;
  /** Full NIP; only the owner and admins see it (the public page shows it masked). */
  nip: string | null;
  employmentType: EmploymentType;
  /** Golongan as stored, e.g. `III/a` (PNS) or `IX` (PPPK); null when unknown. */
  rank: string | null;
  /** Pangkat/golongan as printed, e.g. `Penata Muda (III/a)`; null when unknown. */
  rankLabel: string | null;
  position: string;
  /** The learner's unit, and the OPD it belongs to (the same name for an OPD itself). */
  orgUnitName: string;
  opdName: string;
}

export interface CertificateView {
  id: string;
  kind: CertificateKind;
  status: CertificateStatus;
  /** e.g. `0001/SKP/BKPSDM/2026`: unique per issuer and year, without gaps. */
  registerNumber: string;
  /** The public verification code (32 characters a–z, 2–7). */
  code: string;
  /** `${PUBLIC_URL}/verify/<code>`: what the QR code on the PDF carries. */
  verificationUrl: string;
  learner: CertificateLearner;
  /** Course or webinar title as printed. */
  title: string;
  courseId: string | null;
  versionId: string | null;
  enrolmentId: string | null;
  liveSessionId: string | null;
  competencyType: CompetencyType;
  jp: number;
  /** Asia/Jakarta dates (YYYY-MM-DD): enrolment (or session) start → completion. */
  startDate: string;
  endDate: string;
  issuerOrgUnitId: string;
  issuerName: string;
  /** When the number was given (ISO 8601). */
  issuedAt: string;
  reissueCount: number;
  reissuedAt: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  /** False until the worker has rendered the PDF of the current issue (a few seconds). */
  pdfReady: boolean;
  /** Short-lived signed URL of the PDF (attachment) once ready; null before. */
  downloadUrl: string | null;
}

/** `GET /admin/certificates`: a page of certificates, newest issue first. */
export interface CertificatePage {
  items: CertificateView[];
  /** Matching certificates in the caller's reach (all pages). */
  total: number;
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

export class AdminCertificatesQuery {
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @IsOptional()
  @IsUUID()
  liveSessionId?: string;

  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: CertificateStatus;

  /** Learner name, NIP or register number (part of it). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  /** The `nextBefore` of the previous page. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{10,200}$/, {
    message: 'before harus nilai nextBefore dari halaman sebelumnya',
  })
  before?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;
}

export class RevokeCertificateRequest {
  /** Shown on the public verification page. */
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'alasan pencabutan minimal 5 karakter' })
  @MaxLength(500, { message: 'alasan pencabutan paling banyak 500 karakter' })
  reason!: string;
}

/** `POST /admin/certificates`: issue (or return) the certificate of a completed enrolment. */
export class IssueCertificateRequest {
  @IsUUID()
  enrolmentId!: string;
}

/** `GET /public/certificates/:code` — no sign-in; only what a verifier needs. */
export interface CertificateVerification {
  code: string;
  status: CertificateStatus;
  kind: CertificateKind;
  registerNumber: string;
  learnerName: string;
  /** e.g. `1992**********0005`: first and last four digits; null without a NIP. */
  nipMasked: string | null;
  title: string;
  jp: number;
  startDate: string;
  endDate: string;
  issuerName: string;
  /** Date of the issue in force (the last re-issue if any), YYYY-MM-DD (WIB). */
  issuedOn: string;
  reissueCount: number;
  revokedAt: string | null;
  revokeReason: string | null;
}
