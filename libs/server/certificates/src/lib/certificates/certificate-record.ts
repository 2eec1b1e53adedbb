import type { CertificateStatus, CertificateView } from '@siantar/contracts';
import {
  type EnvSchema,
  isCityWideAdmin,
  type Principal,
  signedFileUrl,
} from '@siantar/server-core';
import type { EntityManager } from 'typeorm';
import type { CertificateSnapshot } from '../issuing/snapshot';

export interface CertificateRecord {
  id: string;
  code: string;
  kind: 'course' | 'webinar';
  user_id: string;
  enrolment_id: string | null;
  course_id: string | null;
  version_id: string | null;
  live_session_id: string | null;
  attendance_id: string | null;
  issuer_org_unit_id: string;
  register_number: string;
  snapshot: CertificateSnapshot;
  status: CertificateStatus;
  issued_at: Date;
  reissue_count: number;
  reissued_at: Date | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  file_id: string | null;
  rendered_revision: number | null;
  /** Materialised paths: the issuer's, and the learner's current unit's (for admin reach). */
  issuer_path: string;
  learner_path: string;
  /** Keyset cursor parts (exact to the microsecond). */
  issued_at_text: string;
}

/** Certificates with the paths that decide an admin's reach (`c`, issuer `iu`, learner unit `lu`). */
export const CERTIFICATE_SELECT = `
  SELECT c.id, c.code, c.kind, c.user_id, c.enrolment_id, c.course_id, c.version_id, c.live_session_id,
         c.attendance_id, c.issuer_org_unit_id, c.register_number, c.snapshot, c.status, c.issued_at,
         c.reissue_count, c.reissued_at, c.revoked_at, c.revoke_reason, c.file_id, c.rendered_revision,
         iu.path AS issuer_path, lu.path AS learner_path,
         to_char(c.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS issued_at_text
    FROM certificate c
    JOIN org_unit iu ON iu.id = c.issuer_org_unit_id
    JOIN app_user u ON u.id = c.user_id
    JOIN org_unit lu ON lu.id = u.org_unit_id`;

export async function loadCertificate(
  em: EntityManager,
  id: string,
  lock = false,
): Promise<CertificateRecord | undefined> {
  const rows: CertificateRecord[] = await em.query(
    `${CERTIFICATE_SELECT} WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
    [id],
  );
  return rows[0];
}

/** The path prefix an admin reaches ('/' for city-wide admins); null for anyone else. */
export function adminScope(p: Principal): string | null {
  if (!p.roles.includes('admin')) return null;
  if (isCityWideAdmin(p)) return '/';
  return p.adminScopePath;
}

/** Admins see certificates they issued (issuer in reach) and those of their staff (learner in reach). */
export function adminSees(p: Principal, c: CertificateRecord): boolean {
  const scope = adminScope(p);
  return Boolean(scope && (c.issuer_path.startsWith(scope) || c.learner_path.startsWith(scope)));
}

/** Revoking and re-issuing belong to the issuer: admins whose reach holds the issuing unit. */
export function adminIssues(p: Principal, c: CertificateRecord): boolean {
  const scope = adminScope(p);
  return Boolean(scope && c.issuer_path.startsWith(scope));
}

export const pdfReady = (
  c: Pick<CertificateRecord, 'file_id' | 'rendered_revision' | 'reissue_count'>,
) => c.file_id !== null && c.rendered_revision === c.reissue_count;

/**
 * The contract view. `adminView`: the caller sees it as an admin, who may still download a
 * revoked certificate (for the record); its owner no longer gets a download URL for it.
 */
export function certificateView(
  c: CertificateRecord,
  config: EnvSchema,
  adminView: boolean,
): CertificateView {
  const s = c.snapshot;
  const ready = pdfReady(c);
  const downloadable = ready && (c.status === 'valid' || adminView);
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    registerNumber: c.register_number,
    code: c.code,
    verificationUrl: s.verificationUrl,
    learner: s.learner,
    title: s.programme.title,
    courseId: c.course_id,
    versionId: c.version_id,
    enrolmentId: c.enrolment_id,
    liveSessionId: c.live_session_id,
    competencyType: s.programme.competencyType,
    jp: s.programme.jp,
    startDate: s.programme.startDate,
    endDate: s.programme.endDate,
    issuerOrgUnitId: c.issuer_org_unit_id,
    issuerName: s.template.issuerName,
    issuedAt: c.issued_at.toISOString(),
    reissueCount: c.reissue_count,
    reissuedAt: c.reissued_at?.toISOString() ?? null,
    revokedAt: c.revoked_at?.toISOString() ?? null,
    revokeReason: c.revoke_reason,
    pdfReady: ready,
    downloadUrl: downloadable
      ? signedFileUrl(config, c.file_id as string, { download: true })
      : null,
  };
}
