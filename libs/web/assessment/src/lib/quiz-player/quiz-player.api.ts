import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AttemptView,
  QuestionResponse,
  QuizLearnerOverview,
  SaveAnswerResponse,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import { type Observable, defer, map } from 'rxjs';

const id = (value: string): string => encodeURIComponent(value);

/**
 * An attempt view with the local times around its request, so that the countdown can correct
 * the browser's clock by the server's (`serverNow` was taken somewhere between the two).
 */
export interface TimedAttemptView {
  view: AttemptView;
  /** `Date.now()` when the request left and when the answer arrived. */
  sentAt: number;
  receivedAt: number;
}

/** The learner's quiz calls (docs/api/assessment.md, "Quizzes" and "Attempts"). */
@Injectable({ providedIn: 'root' })
export class QuizPlayerApi {
  private readonly http = inject(HttpClient);

  overview(quizId: string): Observable<QuizLearnerOverview> {
    return this.http.get<QuizLearnerOverview>(apiUrl(`/quizzes/${id(quizId)}/me`));
  }

  /** 201 with the new attempt; 409 `attempts.in-progress` carries `attemptId` in the problem. */
  start(quizId: string): Observable<TimedAttemptView> {
    return timed(() => this.http.post<AttemptView>(apiUrl(`/quizzes/${id(quizId)}/attempts`), {}));
  }

  attempt(attemptId: string): Observable<TimedAttemptView> {
    return timed(() => this.http.get<AttemptView>(apiUrl(`/attempts/${id(attemptId)}`)));
  }

  saveAnswer(
    attemptId: string,
    slot: number,
    seq: number,
    response: QuestionResponse,
  ): Observable<SaveAnswerResponse> {
    return this.http.put<SaveAnswerResponse>(apiUrl(`/attempts/${id(attemptId)}/answers/${slot}`), {
      seq,
      response,
    });
  }

  submit(attemptId: string): Observable<TimedAttemptView> {
    return timed(() =>
      this.http.post<AttemptView>(apiUrl(`/attempts/${id(attemptId)}/submit`), {}),
    );
  }
}

function timed(call: () => Observable<AttemptView>): Observable<TimedAttemptView> {
  return defer(() => {
    const sentAt = Date.now();
    return call().pipe(map((view) => ({ view, sentAt, receivedAt: Date.now() })));
  });
}
