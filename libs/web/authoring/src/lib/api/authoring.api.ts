import { HttpClient, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuthoringCourseResponse,
  AuthoringCourseSummary,
  CatalogItem,
  CreateCourseRequest,
  FilePurpose,
  LessonRequest,
  ModuleRequest,
  Page,
  ReorderOutlineRequest,
  ReviewCommentRequest,
  ReviewCommentResponse,
  ReviewDecisionRequest,
  ScormPackageResponse,
  SendBackRequest,
  StoredFileResponse,
  SubmitForReviewRequest,
  UpdateCourseDraftRequest,
  UpdateLessonRequest,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import { type Observable, of, switchMap } from 'rxjs';

const enc = encodeURIComponent;

function isCourse(value: unknown): value is AuthoringCourseResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'working' in value &&
    'can' in value &&
    'courseId' in value
  );
}

/** The authoring endpoints of docs/api/catalog.md ("Authoring"). */
@Injectable({ providedIn: 'root' })
export class AuthoringApi {
  private readonly http = inject(HttpClient);

  private course(courseId: string, rest = ''): string {
    return apiUrl(`/authoring/courses/${enc(courseId)}${rest}`);
  }

  /**
   * Several mutations are documented without an answer body (DELETE, PUT outline, submit,
   * review decisions): use the course when the server sends it, otherwise read it again.
   */
  private orReload(
    courseId: string,
    call: Observable<unknown>,
  ): Observable<AuthoringCourseResponse> {
    return call.pipe(switchMap((res) => (isCourse(res) ? of(res) : this.get(courseId))));
  }

  list(): Observable<AuthoringCourseSummary[]> {
    return this.http.get<AuthoringCourseSummary[]>(apiUrl('/authoring/courses'));
  }

  create(body: CreateCourseRequest): Observable<AuthoringCourseResponse> {
    return this.http.post<AuthoringCourseResponse>(apiUrl('/authoring/courses'), body);
  }

  get(courseId: string): Observable<AuthoringCourseResponse> {
    return this.http.get<AuthoringCourseResponse>(this.course(courseId));
  }

  updateDraft(
    courseId: string,
    body: UpdateCourseDraftRequest,
  ): Observable<AuthoringCourseResponse> {
    return this.orReload(courseId, this.http.patch(this.course(courseId, '/draft'), body));
  }

  newDraft(courseId: string): Observable<AuthoringCourseResponse> {
    return this.orReload(courseId, this.http.post(this.course(courseId, '/draft'), {}));
  }

  addModule(courseId: string, body: ModuleRequest): Observable<AuthoringCourseResponse> {
    return this.orReload(courseId, this.http.post(this.course(courseId, '/draft/modules'), body));
  }

  renameModule(
    courseId: string,
    moduleId: string,
    body: ModuleRequest,
  ): Observable<AuthoringCourseResponse> {
    return this.orReload(
      courseId,
      this.http.patch(this.course(courseId, `/draft/modules/${enc(moduleId)}`), body),
    );
  }

  deleteModule(courseId: string, moduleId: string): Observable<AuthoringCourseResponse> {
    return this.orReload(
      courseId,
      this.http.delete(this.course(courseId, `/draft/modules/${enc(moduleId)}`)),
    );
  }

  addLesson(
    courseId: string,
    moduleId: string,
    body: LessonRequest,
  ): Observable<AuthoringCourseResponse> {
    return this.orReload(
      courseId,
      this.http.post(this.course(courseId, `/draft/modules/${enc(moduleId)}/lessons`), body),
    );
  }

  updateLesson(
    courseId: string,
    lessonId: string,
    body: UpdateLessonRequest,
  ): Observable<AuthoringCourseResponse> {
    return this.orReload(
      courseId,
      this.http.patch(this.course(courseId, `/draft/lessons/${enc(lessonId)}`), body),
    );
  }

  deleteLesson(courseId: string, lessonId: string): Observable<AuthoringCourseResponse> {
    return this.orReload(
      courseId,
      this.http.delete(this.course(courseId, `/draft/lessons/${enc(lessonId)}`)),
    );
  }

  reorder(courseId: string, body: ReorderOutlineRequest): Observable<AuthoringCourseResponse> {
    return this.orReload(courseId, this.http.put(this.course(courseId, '/draft/outline'), body));
  }

  submit(courseId: string, body: SubmitForReviewRequest): Observable<AuthoringCourseResponse> {
    return this.orReload(courseId, this.http.post(this.course(courseId, '/draft/submit'), body));
  }

  comments(courseId: string): Observable<ReviewCommentResponse[]> {
    return this.http.get<ReviewCommentResponse[]>(this.course(courseId, '/comments'));
  }

  addComment(courseId: string, body: ReviewCommentRequest): Observable<ReviewCommentResponse> {
    return this.http.post<ReviewCommentResponse>(this.course(courseId, '/comments'), body);
  }

  approve(courseId: string, body: ReviewDecisionRequest): Observable<AuthoringCourseResponse> {
    return this.orReload(courseId, this.http.post(this.course(courseId, '/review/approve'), body));
  }

  sendBack(courseId: string, body: SendBackRequest): Observable<AuthoringCourseResponse> {
    return this.orReload(
      courseId,
      this.http.post(this.course(courseId, '/review/send-back'), body),
    );
  }

  archive(courseId: string): Observable<AuthoringCourseResponse> {
    return this.orReload(courseId, this.http.post(this.course(courseId, '/archive'), {}));
  }

  /** Published courses, to choose prerequisites from. */
  publishedCourses(): Observable<Page<CatalogItem>> {
    return this.http.get<Page<CatalogItem>>(apiUrl('/catalog'), {
      params: { limit: 100, offset: 0, sort: 'title' },
    });
  }
}

/** Uploads through the storage interface (POST /files) and SCORM packages. */
@Injectable({ providedIn: 'root' })
export class UploadsApi {
  private readonly http = inject(HttpClient);

  /** Multipart `file` + `purpose`; emits upload progress events then the response. */
  uploadFile(file: File, purpose: FilePurpose): Observable<HttpEvent<StoredFileResponse>> {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file, file.name);
    return this.http.post<StoredFileResponse>(apiUrl('/files'), form, {
      reportProgress: true,
      observe: 'events',
    });
  }

  uploadScorm(file: File): Observable<HttpEvent<ScormPackageResponse>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ScormPackageResponse>(apiUrl('/scorm-packages'), form, {
      reportProgress: true,
      observe: 'events',
    });
  }

  scormPackage(id: string): Observable<ScormPackageResponse> {
    return this.http.get<ScormPackageResponse>(apiUrl(`/scorm-packages/${enc(id)}`));
  }
}
