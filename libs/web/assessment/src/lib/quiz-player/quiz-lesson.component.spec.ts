import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { QuizLearnerOverview } from '@siantar/contracts';
import { UserEventsService } from '../realtime/user-events.service';
import { QuizLessonComponent } from './quiz-lesson.component';
import { type FakeUserEvents, setUpQuizPlayerTest } from './quiz-player.testing';

const QUIZ = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

function overview(overrides: Partial<QuizLearnerOverview> = {}): QuizLearnerOverview {
  return {
    id: QUIZ,
    title: 'Post-test Pelayanan Prima',
    role: 'post-test',
    timeLimitMinutes: 30,
    opensAt: null,
    closesAt: '2026-12-31T09:00:00.000Z',
    attemptsAllowed: 2,
    gradingMethod: 'highest',
    passPercent: 70,
    questionCount: 20,
    attempts: [],
    finalPercent: null,
    passed: null,
    canStart: true,
    blockedReason: null,
    inProgressAttemptId: null,
    ...overrides,
  };
}

describe('QuizLessonComponent', () => {
  let fixture: ComponentFixture<QuizLessonComponent>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let el: HTMLElement;

  async function open(first: QuizLearnerOverview): Promise<void> {
    ({ http } = setUpQuizPlayerTest(QuizLessonComponent));
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(QuizLessonComponent);
    fixture.componentRef.setInput('quizId', QUIZ);
    fixture.componentRef.setInput('enrolmentId', 'e1');
    fixture.componentRef.setInput('lessonId', 'l1');
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(`/api/v1/quizzes/${QUIZ}/me`).flush(first);
    await fixture.whenStable();
  }

  it('explains the rules and starts an attempt', async () => {
    await open(overview());
    const rules = el.querySelector('[data-testid="quiz-rules"]')?.textContent ?? '';
    for (const key of [
      'quiz.rules.questions',
      'quiz.rules.timeLimit',
      'quiz.rules.attempts',
      'quiz.rules.closes',
      'quiz.rules.pass',
      'quiz.rules.gradingMethod.highest',
    ]) {
      expect(rules).toContain(key);
    }
    el.querySelector<HTMLButtonElement>('[data-testid="quiz-start"]')?.click();
    const req = http.expectOne(`/api/v1/quizzes/${QUIZ}/attempts`);
    expect(req.request.method).toBe('POST');
    req.flush({ id: 'new-attempt' }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/belajar', 'kuis', 'new-attempt'], {
      queryParams: { enrolmentId: 'e1', lessonId: 'l1' },
    });
  });

  it('resumes the attempt a 409 attempts.in-progress names', async () => {
    await open(overview());
    el.querySelector<HTMLButtonElement>('[data-testid="quiz-start"]')?.click();
    http.expectOne(`/api/v1/quizzes/${QUIZ}/attempts`).flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Masih ada percobaan yang berjalan.',
        code: 'attempts.in-progress',
        attemptId: 'running',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/belajar', 'kuis', 'running'], expect.anything());
  });

  it('continues an attempt in progress, and says why a new one cannot start', async () => {
    await open(overview({ inProgressAttemptId: 'running', canStart: false }));
    const button = el.querySelector<HTMLButtonElement>('[data-testid="quiz-start"]');
    expect(button?.textContent).toContain('quiz.overview.resume');
    button?.click();
    expect(navigate).toHaveBeenCalledWith(['/belajar', 'kuis', 'running'], expect.anything());
    http.expectNone(`/api/v1/quizzes/${QUIZ}/attempts`);
  });

  it('shows the blocked reason, the attempts and the final grade, and updates on a grade event', async () => {
    await open(
      overview({
        canStart: false,
        blockedReason: 'Kesempatan mengerjakan sudah habis.',
        attempts: [
          {
            id: 'a1',
            number: 1,
            status: 'awaiting-grading',
            startedAt: '2026-11-29T01:00:00.000Z',
            submittedAt: '2026-11-29T01:20:00.000Z',
            percent: null,
            passed: null,
          },
        ],
      }),
    );
    expect(el.querySelector('[data-testid="quiz-blocked"]')?.textContent).toContain(
      'Kesempatan mengerjakan sudah habis.',
    );
    expect(el.querySelector('[data-testid="quiz-start"]')).toBeNull();
    expect(el.querySelector('[data-testid="quiz-attempt-1"]')?.textContent).toContain(
      'quiz.status.awaiting-grading',
    );

    const events = TestBed.inject(UserEventsService) as unknown as FakeUserEvents;
    events.graded.next({
      attemptId: 'a1',
      quizId: QUIZ,
      result: { status: 'graded', mark: 8, maxMark: 10, percent: 80, passed: true, gradedAt: null },
    });
    http.expectOne(`/api/v1/quizzes/${QUIZ}/me`).flush(
      overview({
        canStart: false,
        blockedReason: 'Kesempatan mengerjakan sudah habis.',
        finalPercent: 80,
        passed: true,
      }),
    );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="quiz-final"]')?.textContent).toContain('80');
    expect(el.querySelector('[data-testid="quiz-final-passed"]')?.textContent).toContain(
      'quiz.result.passed',
    );
  });
});
