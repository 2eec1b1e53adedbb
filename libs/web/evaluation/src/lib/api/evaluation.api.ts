import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionPlanRequest,
  ActionPlanResponse,
  AuthoringCourseSummary,
  CourseIndicators,
  CourseSurveySettingsRequest,
  CourseSurveySettingsView,
  FollowUpConfirmRequest,
  FollowUpFigures,
  FollowUpListStatus,
  FollowUpReportRequest,
  FollowUpSettingsRequest,
  FollowUpSettingsResponse,
  FollowUpView,
  IndicatorRequest,
  IndicatorValueRequest,
  IndicatorView,
  LearningGainResult,
  Page,
  ProgrammeEvaluation,
  SessionSurveySettingsRequest,
  SessionSurveySettingsView,
  StoredFileResponse,
  SurveyForm,
  SurveyResults,
  SurveySubmitRequest,
  SurveyTemplateRequest,
  SurveyTemplateSummary,
  SurveyTemplateView,
  TrainerSurveyResults,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import type { Observable } from 'rxjs';

const id = encodeURIComponent;

/** A period of whole days (YYYY-MM-DD, both ends included); either end may be open. */
export interface EvaluationPeriod {
  from?: string | null;
  to?: string | null;
}

function periodParams(period: EvaluationPeriod = {}): HttpParams {
  let params = new HttpParams();
  if (period.from) {
    params = params.set('from', period.from);
  }
  if (period.to) {
    params = params.set('to', period.to);
  }
  return params;
}

/** Whose survey: a course (through the learner's enrolment) or a live session. */
export type SurveyTarget =
  { kind: 'course'; enrolmentId: string } | { kind: 'session'; sessionId: string };

function surveyPath(target: SurveyTarget): string {
  return target.kind === 'course'
    ? `/enrolments/${id(target.enrolmentId)}/survey`
    : `/live-sessions/${id(target.sessionId)}/survey`;
}

export interface FollowUpListFilter {
  status?: FollowUpListStatus | null;
  limit: number;
  offset: number;
}

function listParams(filter: FollowUpListFilter): HttpParams {
  let params = new HttpParams().set('limit', filter.limit).set('offset', filter.offset);
  if (filter.status) {
    params = params.set('status', filter.status);
  }
  return params;
}

/** The evaluation API (docs/api/evaluation.md): surveys (L1), learning gain (L2), follow-ups (L3), indicators (L4). */
@Injectable({ providedIn: 'root' })
export class EvaluationApi {
  private readonly http = inject(HttpClient);

  // ---- L1: the respondent's survey -------------------------------------------------

  surveyForm(target: SurveyTarget): Observable<SurveyForm> {
    return this.http.get<SurveyForm>(apiUrl(surveyPath(target)));
  }

  submitSurvey(target: SurveyTarget, body: SurveySubmitRequest): Observable<SurveyForm> {
    return this.http.post<SurveyForm>(apiUrl(surveyPath(target)), body);
  }

  // ---- L1: results ---------------------------------------------------------------------

  courseSurveyResults(courseId: string, period?: EvaluationPeriod): Observable<SurveyResults> {
    return this.http.get<SurveyResults>(
      apiUrl(`/evaluation/courses/${id(courseId)}/survey-results`),
      { params: periodParams(period) },
    );
  }

  sessionSurveyResults(sessionId: string, period?: EvaluationPeriod): Observable<SurveyResults> {
    return this.http.get<SurveyResults>(
      apiUrl(`/evaluation/live-sessions/${id(sessionId)}/survey-results`),
      { params: periodParams(period) },
    );
  }

  trainerSurveyResults(
    userId: string,
    period?: EvaluationPeriod,
  ): Observable<TrainerSurveyResults> {
    return this.http.get<TrainerSurveyResults>(
      apiUrl(`/evaluation/trainers/${id(userId)}/survey-results`),
      { params: periodParams(period) },
    );
  }

  // ---- L1: templates and settings ------------------------------------------------------

  templates(): Observable<SurveyTemplateSummary[]> {
    return this.http.get<SurveyTemplateSummary[]>(apiUrl('/admin/survey-templates'));
  }

  template(templateId: string): Observable<SurveyTemplateView> {
    return this.http.get<SurveyTemplateView>(apiUrl(`/admin/survey-templates/${id(templateId)}`));
  }

  createTemplate(body: SurveyTemplateRequest): Observable<SurveyTemplateView> {
    return this.http.post<SurveyTemplateView>(apiUrl('/admin/survey-templates'), body);
  }

  updateTemplate(templateId: string, body: SurveyTemplateRequest): Observable<SurveyTemplateView> {
    return this.http.put<SurveyTemplateView>(
      apiUrl(`/admin/survey-templates/${id(templateId)}`),
      body,
    );
  }

  courseSurveySettings(courseId: string): Observable<CourseSurveySettingsView> {
    return this.http.get<CourseSurveySettingsView>(
      apiUrl(`/authoring/courses/${id(courseId)}/survey`),
    );
  }

  saveCourseSurveySettings(
    courseId: string,
    body: CourseSurveySettingsRequest,
  ): Observable<CourseSurveySettingsView> {
    return this.http.put<CourseSurveySettingsView>(
      apiUrl(`/authoring/courses/${id(courseId)}/survey`),
      body,
    );
  }

  sessionSurveySettings(sessionId: string): Observable<SessionSurveySettingsView> {
    return this.http.get<SessionSurveySettingsView>(
      apiUrl(`/authoring/live-sessions/${id(sessionId)}/survey`),
    );
  }

  saveSessionSurveySettings(
    sessionId: string,
    body: SessionSurveySettingsRequest,
  ): Observable<SessionSurveySettingsView> {
    return this.http.put<SessionSurveySettingsView>(
      apiUrl(`/authoring/live-sessions/${id(sessionId)}/survey`),
      body,
    );
  }

  // ---- L2 ----------------------------------------------------------------------------------

  learningGain(courseId: string): Observable<LearningGainResult> {
    return this.http.get<LearningGainResult>(
      apiUrl(`/evaluation/courses/${id(courseId)}/learning-gain`),
    );
  }

  // ---- L3: action plan and follow-ups -------------------------------------------------

  actionPlan(enrolmentId: string): Observable<ActionPlanResponse> {
    return this.http.get<ActionPlanResponse>(apiUrl(`/enrolments/${id(enrolmentId)}/action-plan`));
  }

  saveActionPlan(enrolmentId: string, body: ActionPlanRequest): Observable<ActionPlanResponse> {
    return this.http.put<ActionPlanResponse>(
      apiUrl(`/enrolments/${id(enrolmentId)}/action-plan`),
      body,
    );
  }

  followUpSettings(courseId: string): Observable<FollowUpSettingsResponse> {
    return this.http.get<FollowUpSettingsResponse>(
      apiUrl(`/authoring/courses/${id(courseId)}/follow-up-settings`),
    );
  }

  saveFollowUpSettings(
    courseId: string,
    body: FollowUpSettingsRequest,
  ): Observable<FollowUpSettingsResponse> {
    return this.http.put<FollowUpSettingsResponse>(
      apiUrl(`/authoring/courses/${id(courseId)}/follow-up-settings`),
      body,
    );
  }

  myFollowUps(filter: FollowUpListFilter): Observable<Page<FollowUpView>> {
    return this.http.get<Page<FollowUpView>>(apiUrl('/my/follow-ups'), {
      params: listParams(filter),
    });
  }

  teamFollowUps(filter: FollowUpListFilter): Observable<Page<FollowUpView>> {
    return this.http.get<Page<FollowUpView>>(apiUrl('/follow-ups/team'), {
      params: listParams(filter),
    });
  }

  /** Multipart upload of one evidence file (field `file`); emits progress events, then the stored file. */
  uploadEvidence(followUpId: string, file: File): Observable<HttpEvent<StoredFileResponse>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<StoredFileResponse>(
      apiUrl(`/follow-ups/${id(followUpId)}/evidence`),
      form,
      { reportProgress: true, observe: 'events' },
    );
  }

  report(followUpId: string, body: FollowUpReportRequest): Observable<FollowUpView> {
    return this.http.post<FollowUpView>(apiUrl(`/follow-ups/${id(followUpId)}/report`), body);
  }

  confirm(followUpId: string, body: FollowUpConfirmRequest): Observable<FollowUpView> {
    return this.http.post<FollowUpView>(apiUrl(`/follow-ups/${id(followUpId)}/confirm`), body);
  }

  followUpFigures(courseId: string): Observable<FollowUpFigures> {
    return this.http.get<FollowUpFigures>(
      apiUrl(`/authoring/courses/${id(courseId)}/follow-up-figures`),
    );
  }

  // ---- L4 ----------------------------------------------------------------------------------

  indicators(courseId: string): Observable<CourseIndicators> {
    return this.http.get<CourseIndicators>(
      apiUrl(`/evaluation/courses/${id(courseId)}/indicators`),
    );
  }

  createIndicator(courseId: string, body: IndicatorRequest): Observable<IndicatorView> {
    return this.http.post<IndicatorView>(
      apiUrl(`/evaluation/courses/${id(courseId)}/indicators`),
      body,
    );
  }

  updateIndicator(
    courseId: string,
    indicatorId: string,
    body: IndicatorRequest,
  ): Observable<IndicatorView> {
    return this.http.put<IndicatorView>(
      apiUrl(`/evaluation/courses/${id(courseId)}/indicators/${id(indicatorId)}`),
      body,
    );
  }

  deleteIndicator(courseId: string, indicatorId: string): Observable<void> {
    return this.http.delete<void>(
      apiUrl(`/evaluation/courses/${id(courseId)}/indicators/${id(indicatorId)}`),
    );
  }

  saveIndicatorValue(indicatorId: string, body: IndicatorValueRequest): Observable<IndicatorView> {
    return this.http.put<IndicatorView>(
      apiUrl(`/evaluation/indicators/${id(indicatorId)}/values`),
      body,
    );
  }

  removeIndicatorValue(indicatorId: string, orgUnitId: string): Observable<IndicatorView> {
    return this.http.delete<IndicatorView>(
      apiUrl(`/evaluation/indicators/${id(indicatorId)}/values/${id(orgUnitId)}`),
    );
  }

  // ---- the programme page --------------------------------------------------------------

  programme(courseId: string, period?: EvaluationPeriod): Observable<ProgrammeEvaluation> {
    return this.http.get<ProgrammeEvaluation>(apiUrl(`/evaluation/courses/${id(courseId)}`), {
      params: periodParams(period),
    });
  }

  /** The printable report; emits download progress events, then the PDF. */
  reportPdf(courseId: string, period?: EvaluationPeriod): Observable<HttpEvent<Blob>> {
    return this.http.get(apiUrl(`/evaluation/courses/${id(courseId)}/report.pdf`), {
      params: periodParams(period),
      responseType: 'blob',
      reportProgress: true,
      observe: 'events',
    });
  }

  /** Courses an admin can pick on the evaluation list (the authoring list of their reach). */
  courses(): Observable<AuthoringCourseSummary[]> {
    return this.http.get<AuthoringCourseSummary[]>(apiUrl('/authoring/courses'));
  }
}
