import { HttpClient, HttpContext, type HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type AuthoringCourseSummary,
  CERTIFICATE_API,
  type CertificateExportView,
  type CertificatePage,
  type CertificateStatus,
  type CertificateTemplateRequest,
  type CertificateTemplateView,
  type CertificateVerification,
  type CertificateView,
} from '@siantar/contracts';
import { SKIP_AUTH_REFRESH, apiUrl } from '@siantar/web-core';
import type { Observable } from 'rxjs';

const enc = encodeURIComponent;

export interface AdminCertificateFilter {
  courseId?: string | null;
  status?: CertificateStatus | null;
  /** Learner name, NIP or register number (part of it). */
  q?: string | null;
  /** The previous page's `nextBefore`. */
  before?: string | null;
  limit?: number;
}

/** The learner's certificates and a certificate's PDF (owner, or an admin in reach). */
@Injectable({ providedIn: 'root' })
export class CertificatesApi {
  private readonly http = inject(HttpClient);

  /** The caller's own, newest first. */
  mine(): Observable<CertificateView[]> {
    return this.http.get<CertificateView[]>(apiUrl(CERTIFICATE_API.mine));
  }

  one(id: string): Observable<CertificateView> {
    return this.http.get<CertificateView>(apiUrl(CERTIFICATE_API.one(enc(id))));
  }

  /** The PDF with download progress events (the request carries the sign-in, a plain link would not). */
  pdf(id: string): Observable<HttpEvent<Blob>> {
    return this.http.get(apiUrl(CERTIFICATE_API.pdf(enc(id))), {
      responseType: 'blob',
      reportProgress: true,
      observe: 'events',
    });
  }
}

/** Admins: certificates in reach, revoking and re-issuing, zip exports, templates. */
@Injectable({ providedIn: 'root' })
export class CertificatesAdminApi {
  private readonly http = inject(HttpClient);

  /** Newest issue first; `nextBefore` for the next page. */
  list(filter: AdminCertificateFilter = {}): Observable<CertificatePage> {
    let params = new HttpParams().set('limit', filter.limit ?? 50);
    if (filter.courseId) {
      params = params.set('courseId', filter.courseId);
    }
    if (filter.status) {
      params = params.set('status', filter.status);
    }
    const q = filter.q?.trim();
    if (q) {
      params = params.set('q', q);
    }
    if (filter.before) {
      params = params.set('before', filter.before);
    }
    return this.http.get<CertificatePage>(apiUrl(CERTIFICATE_API.admin), { params });
  }

  revoke(id: string, reason: string): Observable<CertificateView> {
    return this.http.post<CertificateView>(apiUrl(CERTIFICATE_API.revoke(enc(id))), { reason });
  }

  /** Same number, the data and template as they are now; the PDF is rendered again. */
  reissue(id: string): Observable<CertificateView> {
    return this.http.post<CertificateView>(apiUrl(CERTIFICATE_API.reissue(enc(id))), {});
  }

  /** Courses in the admin's reach, to pick one from (newest change first). */
  courses(): Observable<AuthoringCourseSummary[]> {
    return this.http.get<AuthoringCourseSummary[]>(apiUrl('/authoring/courses'));
  }

  startExport(courseId: string): Observable<CertificateExportView> {
    return this.http.post<CertificateExportView>(apiUrl(CERTIFICATE_API.exports), { courseId });
  }

  exportJob(id: string): Observable<CertificateExportView> {
    return this.http.get<CertificateExportView>(apiUrl(CERTIFICATE_API.export(enc(id))));
  }

  template(orgUnitId: string): Observable<CertificateTemplateView> {
    return this.http.get<CertificateTemplateView>(apiUrl(CERTIFICATE_API.template(enc(orgUnitId))));
  }

  saveTemplate(
    orgUnitId: string,
    body: CertificateTemplateRequest,
  ): Observable<CertificateTemplateView> {
    return this.http.put<CertificateTemplateView>(
      apiUrl(CERTIFICATE_API.template(enc(orgUnitId))),
      body,
    );
  }

  /** Drops the unit's own template: the nearest ancestor's (or the built-in one) applies again. */
  resetTemplate(orgUnitId: string): Observable<CertificateTemplateView> {
    return this.http.delete<CertificateTemplateView>(
      apiUrl(CERTIFICATE_API.template(enc(orgUnitId))),
    );
  }
}

/** The public verification (no sign-in needed). */
@Injectable({ providedIn: 'root' })
export class CertificateVerificationApi {
  private readonly http = inject(HttpClient);

  /**
   * A signed-in visitor's token still goes along, but a failed refresh never sends anyone to
   * the sign-in page: the page is public.
   */
  verify(code: string): Observable<CertificateVerification> {
    return this.http.get<CertificateVerification>(apiUrl(CERTIFICATE_API.verify(enc(code))), {
      context: new HttpContext().set(SKIP_AUTH_REFRESH, true),
    });
  }
}
