import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BulkEnrolRequest,
  BulkEnrolResponse,
  CatalogItem,
  CatalogQuery,
  CompletionChecklist,
  CourseDetailResponse,
  CourseLearnerRow,
  EnrolmentSummary,
  LearnerCourseResponse,
  LessonPlayerResponse,
  Page,
  ProgressBatchRequest,
  ProgressBatchResponse,
  ScormCommitRequest,
  ScormStateResponse,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import type { Observable } from 'rxjs';

/** The catalogue query as the screen builds it: every filter optional, paging required. */
export type CatalogFilter = Partial<Omit<CatalogQuery, 'limit' | 'offset'>> & {
  limit: number;
  offset: number;
};

const id = (value: string): string => encodeURIComponent(value);

/** Catalogue, enrolment and course-learner calls (docs/api/catalog.md, "Catalogue and enrolment"). */
@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);

  search(filter: CatalogFilter): Observable<Page<CatalogItem>> {
    let params = new HttpParams().set('limit', filter.limit).set('offset', filter.offset);
    const q = filter.q?.trim();
    if (q) {
      params = params.set('q', q);
    }
    for (const key of ['competencyType', 'deliveryMode', 'orgUnitId', 'sort'] as const) {
      const value = filter[key];
      if (value) {
        params = params.set(key, value);
      }
    }
    if (filter.jpMin !== undefined && filter.jpMin !== null) {
      params = params.set('jpMin', filter.jpMin);
    }
    if (filter.jpMax !== undefined && filter.jpMax !== null) {
      params = params.set('jpMax', filter.jpMax);
    }
    return this.http.get<Page<CatalogItem>>(apiUrl('/catalog'), { params });
  }

  course(courseId: string): Observable<CourseDetailResponse> {
    return this.http.get<CourseDetailResponse>(apiUrl(`/catalog/${id(courseId)}`));
  }

  enrol(courseId: string): Observable<EnrolmentSummary> {
    return this.http.post<EnrolmentSummary>(apiUrl(`/catalog/${id(courseId)}/enrol`), {});
  }

  myEnrolments(): Observable<EnrolmentSummary[]> {
    return this.http.get<EnrolmentSummary[]>(apiUrl('/my/enrolments'));
  }

  bulkEnrol(courseId: string, body: BulkEnrolRequest): Observable<BulkEnrolResponse> {
    return this.http.post<BulkEnrolResponse>(apiUrl(`/courses/${id(courseId)}/enrolments`), body);
  }

  bulkEnrolStatus(requestId: string): Observable<BulkEnrolResponse> {
    return this.http.get<BulkEnrolResponse>(apiUrl(`/enrolment-requests/${id(requestId)}`));
  }

  learners(courseId: string): Observable<CourseLearnerRow[]> {
    return this.http.get<CourseLearnerRow[]>(apiUrl(`/courses/${id(courseId)}/learners`));
  }
}

/** The learner's own course, the lesson player and progress (docs/api/catalog.md, "Learning"). */
@Injectable({ providedIn: 'root' })
export class LearningApi {
  private readonly http = inject(HttpClient);

  course(enrolmentId: string): Observable<LearnerCourseResponse> {
    return this.http.get<LearnerCourseResponse>(apiUrl(`/enrolments/${id(enrolmentId)}`));
  }

  /** What completes the course and what remains (docs/api: completion). */
  completion(enrolmentId: string): Observable<CompletionChecklist> {
    return this.http.get<CompletionChecklist>(apiUrl(`/enrolments/${id(enrolmentId)}/completion`));
  }

  lesson(enrolmentId: string, lessonId: string): Observable<LessonPlayerResponse> {
    return this.http.get<LessonPlayerResponse>(
      apiUrl(`/enrolments/${id(enrolmentId)}/lessons/${id(lessonId)}`),
    );
  }

  sendEvents(body: ProgressBatchRequest): Observable<ProgressBatchResponse> {
    return this.http.post<ProgressBatchResponse>(apiUrl('/progress/events'), body);
  }

  scormState(enrolmentId: string, lessonId: string): Observable<ScormStateResponse> {
    return this.http.get<ScormStateResponse>(
      apiUrl(`/enrolments/${id(enrolmentId)}/lessons/${id(lessonId)}/scorm`),
    );
  }

  scormCommit(enrolmentId: string, lessonId: string, body: ScormCommitRequest): Observable<void> {
    return this.http.post<void>(
      apiUrl(`/enrolments/${id(enrolmentId)}/lessons/${id(lessonId)}/scorm/commit`),
      body,
    );
  }
}
