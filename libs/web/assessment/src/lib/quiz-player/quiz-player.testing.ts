import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type Type, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import type { AttemptResult, MeResponse } from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { Subject } from 'rxjs';
import { UserEventsService } from '../realtime/user-events.service';
import { ANSWER_STORAGE } from './answer-store';

/** Test-only (specs import it): the socket, driven by the test through `graded` and `connects`. */
export class FakeUserEvents {
  readonly graded = new Subject<{ attemptId: string; quizId: string; result: AttemptResult }>();
  readonly connects = new Subject<void>();
  readonly connected = signal(true);
  on() {
    return this.graded.asObservable();
  }
}

/**
 * Test-only: TestBed for one of the learner's quiz screens, with a signed-in learner, test HTTP,
 * the fake socket and answers kept in localStorage.
 */
export function setUpQuizPlayerTest(component: Type<unknown>): {
  http: HttpTestingController;
  events: FakeUserEvents;
} {
  TestBed.configureTestingModule({
    imports: [component],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      provideTranslateService({ fallbackLang: 'id' }),
      { provide: UserEventsService, useClass: FakeUserEvents },
      { provide: ANSWER_STORAGE, useValue: localStorage },
    ],
  });
  TestBed.inject(AuthService).setUser({ id: 'u1', name: 'Rina' } as MeResponse);
  return {
    http: TestBed.inject(HttpTestingController),
    events: TestBed.inject(UserEventsService) as unknown as FakeUserEvents,
  };
}
