import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuthoringCourseResponse,
  AuthoringCourseSummary,
  BankDetail,
  BankSummary,
  CategoryNode,
  CreateBankRequest,
  CreateCategoryRequest,
  CreateQuizRequest,
  GradingItemDetail,
  GradingQueueItem,
  ImportConfirmRequest,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportResult,
  ManualGradeRequest,
  Page,
  QuestionDetail,
  QuestionSummary,
  QuestionType,
  QuizReport,
  QuizSettingsRequest,
  QuizView,
  RegradeRequest,
  SaveQuestionRequest,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import type { Observable } from 'rxjs';

const enc = encodeURIComponent;

export interface QuestionFilter {
  categoryId?: string;
  tag?: string;
  type?: QuestionType;
  q?: string;
  limit: number;
  offset: number;
}

/** Drops empty values so that the query string holds only real filters. */
function params(values: Record<string, string | number | undefined | null>): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') {
      p = p.set(key, String(value));
    }
  }
  return p;
}

/** The trainer/admin endpoints of docs/api/assessment.md: banks, questions, quizzes, grading, reports. */
@Injectable({ providedIn: 'root' })
export class AssessmentAuthoringApi {
  private readonly http = inject(HttpClient);

  // Banks and categories

  banks(filter: {
    courseId?: string;
    limit: number;
    offset: number;
  }): Observable<Page<BankSummary>> {
    return this.http.get<Page<BankSummary>>(apiUrl('/question-banks'), { params: params(filter) });
  }

  createBank(body: CreateBankRequest): Observable<BankDetail> {
    return this.http.post<BankDetail>(apiUrl('/question-banks'), body);
  }

  bank(bankId: string): Observable<BankDetail> {
    return this.http.get<BankDetail>(apiUrl(`/question-banks/${enc(bankId)}`));
  }

  createCategory(bankId: string, body: CreateCategoryRequest): Observable<CategoryNode> {
    return this.http.post<CategoryNode>(apiUrl(`/question-banks/${enc(bankId)}/categories`), body);
  }

  // Questions

  questions(bankId: string, filter: QuestionFilter): Observable<Page<QuestionSummary>> {
    return this.http.get<Page<QuestionSummary>>(
      apiUrl(`/question-banks/${enc(bankId)}/questions`),
      { params: params({ ...filter }) },
    );
  }

  question(questionId: string): Observable<QuestionDetail> {
    return this.http.get<QuestionDetail>(apiUrl(`/questions/${enc(questionId)}`));
  }

  createQuestion(bankId: string, body: SaveQuestionRequest): Observable<QuestionDetail> {
    return this.http.post<QuestionDetail>(apiUrl(`/question-banks/${enc(bankId)}/questions`), body);
  }

  updateQuestion(questionId: string, body: SaveQuestionRequest): Observable<QuestionDetail> {
    return this.http.put<QuestionDetail>(apiUrl(`/questions/${enc(questionId)}`), body);
  }

  // Import and export

  previewImport(body: ImportPreviewRequest): Observable<ImportPreviewResponse> {
    return this.http.post<ImportPreviewResponse>(apiUrl('/question-import/preview'), body);
  }

  confirmImport(bankId: string, body: ImportConfirmRequest): Observable<ImportResult> {
    return this.http.post<ImportResult>(apiUrl(`/question-banks/${enc(bankId)}/import`), body);
  }

  /** The bank as a GIFT file; a blob so that the auth header goes with it (a plain link would not). */
  exportGift(bankId: string): Observable<Blob> {
    return this.http.get(apiUrl(`/question-banks/${enc(bankId)}/export.gift`), {
      responseType: 'blob',
    });
  }

  // Quizzes

  createQuiz(body: CreateQuizRequest): Observable<QuizView> {
    return this.http.post<QuizView>(apiUrl('/quizzes'), body);
  }

  quiz(quizId: string): Observable<QuizView> {
    return this.http.get<QuizView>(apiUrl(`/quizzes/${enc(quizId)}`));
  }

  updateQuiz(quizId: string, body: QuizSettingsRequest): Observable<QuizView> {
    return this.http.put<QuizView>(apiUrl(`/quizzes/${enc(quizId)}`), body);
  }

  regrade(quizId: string, body: RegradeRequest): Observable<{ enqueued: number }> {
    return this.http.post<{ enqueued: number }>(apiUrl(`/quizzes/${enc(quizId)}/regrade`), body);
  }

  report(quizId: string): Observable<QuizReport> {
    return this.http.get<QuizReport>(apiUrl(`/quizzes/${enc(quizId)}/report`));
  }

  reportCsv(quizId: string): Observable<Blob> {
    return this.http.get(apiUrl(`/quizzes/${enc(quizId)}/report.csv`), { responseType: 'blob' });
  }

  // Manual grading

  gradingQueue(filter: {
    quizId?: string;
    limit: number;
    offset: number;
  }): Observable<Page<GradingQueueItem>> {
    return this.http.get<Page<GradingQueueItem>>(apiUrl('/grading-queue'), {
      params: params(filter),
    });
  }

  gradingItem(attemptId: string, slot: number): Observable<GradingItemDetail> {
    return this.http.get<GradingItemDetail>(
      apiUrl(`/attempts/${enc(attemptId)}/slots/${slot}/grading`),
    );
  }

  grade(attemptId: string, slot: number, body: ManualGradeRequest): Observable<GradingItemDetail> {
    return this.http.put<GradingItemDetail>(
      apiUrl(`/attempts/${enc(attemptId)}/slots/${slot}/grade`),
      body,
    );
  }

  // Courses (docs/api/catalog.md, "Authoring"): to attach banks to a course and find its quizzes.

  authoringCourses(): Observable<AuthoringCourseSummary[]> {
    return this.http.get<AuthoringCourseSummary[]>(apiUrl('/authoring/courses'));
  }

  authoringCourse(courseId: string): Observable<AuthoringCourseResponse> {
    return this.http.get<AuthoringCourseResponse>(apiUrl(`/authoring/courses/${enc(courseId)}`));
  }
}
