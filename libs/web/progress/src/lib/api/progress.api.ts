import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdminLedgerEntryRequest,
  CatalogItem,
  ClaimDecisionRequest,
  ClaimStatus,
  DashboardResponse,
  EvidenceUploadResponse,
  ExportJobView,
  ExportRequest,
  JpTargetView,
  LearningHoursResponse,
  LedgerEntryView,
  NudgeRequest,
  NudgeResponse,
  Page,
  PeopleQuery,
  PersonReport,
  PersonReportRow,
  ReportFilter,
  TeamMemberRow,
  TeamResponse,
  TrainingClaimRequest,
  TrainingClaimView,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import type { Observable } from 'rxjs';
import { filterToApiParams } from '../reports/report-filter';

const id = (value: string): string => encodeURIComponent(value);

function yearParams(year?: number | null): HttpParams {
  return year ? new HttpParams().set('year', year) : new HttpParams();
}

/** A person with their enrolments (admin report or supervisor's team member). */
export type PersonDetail = PersonReport<PersonReportRow | TeamMemberRow>;

export type PeopleFilter = ReportFilter &
  Partial<Pick<PeopleQuery, 'only' | 'q' | 'sort'>> & { limit: number; offset: number };

/** The learning-hours ledger: my hours, claims and their decisions, admin entries, targets. */
@Injectable({ providedIn: 'root' })
export class LedgerApi {
  private readonly http = inject(HttpClient);

  myHours(year?: number | null): Observable<LearningHoursResponse> {
    return this.http.get<LearningHoursResponse>(apiUrl('/me/learning-hours'), {
      params: yearParams(year),
    });
  }

  hours(userId: string, year?: number | null): Observable<LearningHoursResponse> {
    return this.http.get<LearningHoursResponse>(apiUrl(`/users/${id(userId)}/learning-hours`), {
      params: yearParams(year),
    });
  }

  /** The SIASN export of a person's year (the learner's own `userId` for "my" export). */
  siasn(userId: string, year: number, format: 'csv' | 'xlsx'): Observable<Blob> {
    return this.http.get(apiUrl(`/users/${id(userId)}/learning-hours/siasn`), {
      params: yearParams(year).set('format', format),
      responseType: 'blob',
    });
  }

  /** Multipart upload of a claim's evidence; emits progress events then the answer. */
  uploadEvidence(file: File): Observable<HttpEvent<EvidenceUploadResponse>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<EvidenceUploadResponse>(apiUrl('/me/training-claims/evidence'), form, {
      reportProgress: true,
      observe: 'events',
    });
  }

  claim(body: TrainingClaimRequest): Observable<TrainingClaimView> {
    return this.http.post<TrainingClaimView>(apiUrl('/me/training-claims'), body);
  }

  myClaims(limit = 50, offset = 0): Observable<Page<TrainingClaimView>> {
    return this.http.get<Page<TrainingClaimView>>(apiUrl('/me/training-claims'), {
      params: new HttpParams().set('limit', limit).set('offset', offset),
    });
  }

  claimsToDecide(
    status: ClaimStatus | null,
    limit = 50,
    offset = 0,
  ): Observable<Page<TrainingClaimView>> {
    let params = new HttpParams().set('limit', limit).set('offset', offset);
    if (status) {
      params = params.set('status', status);
    }
    return this.http.get<Page<TrainingClaimView>>(apiUrl('/training-claims'), { params });
  }

  decide(claimId: string, body: ClaimDecisionRequest): Observable<TrainingClaimView> {
    return this.http.post<TrainingClaimView>(
      apiUrl(`/training-claims/${id(claimId)}/decision`),
      body,
    );
  }

  addEntry(userId: string, body: AdminLedgerEntryRequest): Observable<LedgerEntryView> {
    return this.http.post<LedgerEntryView>(apiUrl(`/users/${id(userId)}/ledger-entries`), body);
  }

  reverse(entryId: string, reason: string): Observable<LedgerEntryView> {
    return this.http.post<LedgerEntryView>(apiUrl(`/ledger-entries/${id(entryId)}/reverse`), {
      reason,
    });
  }

  targets(): Observable<JpTargetView[]> {
    return this.http.get<JpTargetView[]>(apiUrl('/jp-targets'));
  }

  setTarget(employmentType: 'PNS' | 'PPPK', jp: number): Observable<JpTargetView> {
    return this.http.put<JpTargetView>(apiUrl(`/jp-targets/${id(employmentType)}`), { jp });
  }
}

/** Admin reports and exports, and the supervisor's team. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  dashboard(filter: ReportFilter): Observable<DashboardResponse> {
    return this.http.get<DashboardResponse>(apiUrl('/reports/dashboard'), {
      params: filterToApiParams(filter),
    });
  }

  people(filter: PeopleFilter): Observable<Page<PersonReportRow>> {
    let params = new HttpParams({ fromObject: filterToApiParams(filter) })
      .set('limit', filter.limit)
      .set('offset', filter.offset);
    if (filter.only) {
      params = params.set('only', filter.only);
    }
    const q = filter.q?.trim();
    if (q) {
      params = params.set('q', q);
    }
    if (filter.sort) {
      params = params.set('sort', filter.sort);
    }
    return this.http.get<Page<PersonReportRow>>(apiUrl('/reports/people'), { params });
  }

  person(userId: string, year?: number | null): Observable<PersonDetail> {
    return this.http.get<PersonDetail>(apiUrl(`/reports/people/${id(userId)}`), {
      params: yearParams(year),
    });
  }

  startExport(body: ExportRequest): Observable<ExportJobView> {
    return this.http.post<ExportJobView>(apiUrl('/reports/exports'), body);
  }

  exportJob(jobId: string): Observable<ExportJobView> {
    return this.http.get<ExportJobView>(apiUrl(`/reports/exports/${id(jobId)}`));
  }

  team(year?: number | null): Observable<TeamResponse> {
    return this.http.get<TeamResponse>(apiUrl('/team'), { params: yearParams(year) });
  }

  teamMember(userId: string, year?: number | null): Observable<PersonDetail> {
    return this.http.get<PersonDetail>(apiUrl(`/team/${id(userId)}`), {
      params: yearParams(year),
    });
  }

  nudge(userId: string, body: NudgeRequest): Observable<NudgeResponse> {
    return this.http.post<NudgeResponse>(apiUrl(`/team/${id(userId)}/nudge`), body);
  }

  /** Published courses for the course filter (the catalogue's first 100). */
  courses(): Observable<Page<CatalogItem>> {
    return this.http.get<Page<CatalogItem>>(apiUrl('/catalog'), {
      params: new HttpParams().set('limit', 100).set('offset', 0),
    });
  }
}
