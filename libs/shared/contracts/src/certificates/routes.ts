/**
 * The certificates API (under `/api/v1`), for the web app's data access. Request and
 * answer types are beside each path; see docs/api/certificates.md for who may call what.
 */
export const CERTIFICATE_API = {
  /** GET → CertificateView[] (the caller's own, newest first). */
  mine: '/my/certificates',
  /** GET → application/pdf attachment (owner, or an admin in reach). */
  pdf: (id: string) => `/certificates/${id}/pdf`,
  /** GET → CertificateView (owner, or an admin in reach). */
  one: (id: string) => `/certificates/${id}`,
  /** POST RevokeCertificateRequest → CertificateView. */
  revoke: (id: string) => `/certificates/${id}/revoke`,
  /** POST (no body) → CertificateView (same number, pdfReady false until re-rendered). */
  reissue: (id: string) => `/certificates/${id}/reissue`,
  /** GET AdminCertificatesQuery → CertificatePage; POST IssueCertificateRequest → CertificateView. */
  admin: '/admin/certificates',
  /** GET → CertificateTemplateView; PUT CertificateTemplateRequest → CertificateTemplateView; DELETE → CertificateTemplateView (inherited again). */
  template: (orgUnitId: string) => `/admin/certificate-templates/${orgUnitId}`,
  /** POST CertificateExportRequest → 202 CertificateExportView. */
  exports: '/admin/certificate-exports',
  /** GET → CertificateExportView. */
  export: (id: string) => `/admin/certificate-exports/${id}`,
  /** GET (no sign-in) → CertificateVerification; the web page lives at `/verify/:code`. */
  verify: (code: string) => `/public/certificates/${code}`,
} as const;

/** The web app's public page that the QR code points at: `${PUBLIC_URL}/verify/<code>`. */
export const CERTIFICATE_VERIFY_PAGE = '/verify';
