import type {
  CertificateKind,
  CertificateLearner,
  CertificateTemplateFields,
  CompetencyType,
} from '@siantar/contracts';

/**
 * Everything a certificate states, frozen when it is issued (and replaced only by a
 * re-issue): the PDF is rendered from this alone, so it can be rendered again at any time
 * with the same result, and later profile or template edits do not change it.
 */
export interface CertificateSnapshot {
  v: 1;
  registerNumber: string;
  code: string;
  /** `${PUBLIC_URL}/verify/<code>`: the QR code's content. */
  verificationUrl: string;
  /** Asia/Jakarta date of this issue (or re-issue), YYYY-MM-DD. */
  issuedOn: string;
  learner: CertificateLearner;
  programme: {
    kind: CertificateKind;
    title: string;
    /** Course version number; null for a webinar. */
    versionNumber: number | null;
    competencyType: CompetencyType;
    jp: number;
    /** Asia/Jakarta dates: enrolment (or session start) → completion (or session end). */
    startDate: string;
    endDate: string;
  };
  issuer: { orgUnitId: string; code: string; templateOrgUnitId: string | null };
  template: CertificateTemplateFields;
}

/** The public page of a code (the web app serves it; the api answers its data). */
export const verificationUrl = (publicUrl: string, code: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/verify/${code}`;
