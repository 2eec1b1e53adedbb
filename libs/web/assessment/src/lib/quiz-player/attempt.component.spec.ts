import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { AttemptResult, AttemptView, SaveAnswerRequest } from '@siantar/contracts';
import { QuizAttemptComponent } from './attempt.component';
import { type FakeUserEvents, setUpQuizPlayerTest } from './quiz-player.testing';

const ATTEMPT = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const T0 = Date.parse('2026-11-29T03:00:00.000Z');

function view(overrides: Partial<AttemptView> = {}): AttemptView {
  return {
    id: ATTEMPT,
    quizId: 'quiz-1',
    quizTitle: 'Post-test Pelayanan Prima',
    number: 1,
    status: 'in-progress',
    navigation: 'free',
    currentSlot: 1,
    startedAt: new Date(T0).toISOString(),
    deadline: null,
    serverNow: new Date(T0).toISOString(),
    submittedAt: null,
    result: null,
    questions: [
      {
        slot: 1,
        type: 'single-choice',
        name: 'Q1',
        html: '<p>Siapa yang menerbitkan KTP-el?</p>',
        maxMark: 1,
        body: {
          type: 'single-choice',
          choices: [
            { id: 'c1', text: 'Disdukcapil' },
            { id: 'c2', text: 'Dinkes' },
          ],
        },
        response: null,
        seq: 0,
      },
      {
        slot: 2,
        type: 'short-answer',
        name: 'Q2',
        html: '<p>Sebutkan satu asas pelayanan publik.</p>',
        maxMark: 1,
        body: { type: 'short-answer' },
        response: null,
        seq: 0,
      },
    ],
    ...overrides,
  };
}

describe('QuizAttemptComponent', () => {
  let fixture: ComponentFixture<QuizAttemptComponent>;
  let http: HttpTestingController;
  let events: FakeUserEvents;
  let el: HTMLElement;

  const tick = async (ms = 0): Promise<void> => {
    await jest.advanceTimersByTimeAsync(ms);
    fixture.detectChanges();
    await jest.advanceTimersByTimeAsync(0);
  };
  const q = <T extends Element = HTMLElement>(sel: string): T | null =>
    document.querySelector<T>(sel);
  const getAttempt = () =>
    http.match((r) => r.method === 'GET' && r.url === `/api/v1/attempts/${ATTEMPT}`);

  async function open(first: AttemptView, browserNow = T0): Promise<void> {
    jest.setSystemTime(browserNow);
    ({ http, events } = setUpQuizPlayerTest(QuizAttemptComponent));
    fixture = TestBed.createComponent(QuizAttemptComponent);
    fixture.componentRef.setInput('attemptId', ATTEMPT);
    el = fixture.nativeElement as HTMLElement;
    await tick();
    const [req] = getAttempt();
    req.flush(first);
    await tick();
  }

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
  });

  afterEach(() => {
    fixture?.destroy();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('saves, confirms, flushes before submitting, then shows the grade pushed on the socket', async () => {
    await open(view());
    expect(el.querySelector('[data-testid="question-1"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="quiz-timer"]')).toBeNull();

    el.querySelectorAll<HTMLInputElement>('input[type="radio"]')[0].click();
    await tick();
    expect(el.querySelector('[data-testid="save-state-1"]')?.getAttribute('data-state')).toBe(
      'saving',
    );
    expect(el.querySelector('[data-testid="palette-1"]')?.getAttribute('data-state')).toBe(
      'complete',
    );

    // Submitting before the save pause is over.
    el.querySelector<HTMLButtonElement>('[data-testid="quiz-submit"]')?.click();
    await tick();
    expect(q('[data-testid="unanswered-list"]')?.textContent).toContain('quiz.question.number');
    expect(q('[data-testid="unanswered-list"]')?.querySelectorAll('li')).toHaveLength(1);
    q<HTMLButtonElement>('[data-testid="quiz-confirm-submit"]')?.click();
    await tick(500);

    // The answer goes first, without waiting for the pause...
    const put = http.expectOne(`/api/v1/attempts/${ATTEMPT}/answers/1`);
    expect(put.request.body as SaveAnswerRequest).toEqual({
      seq: 1,
      response: { type: 'single-choice', choiceId: 'c1' },
    });
    http.expectNone(`/api/v1/attempts/${ATTEMPT}/submit`);
    put.flush({ slot: 1, seq: 1, savedAt: new Date().toISOString() });
    await tick();

    // ...then the submit.
    const submit = http.expectOne(`/api/v1/attempts/${ATTEMPT}/submit`);
    expect(submit.request.method).toBe('POST');
    submit.flush(view({ status: 'submitted', submittedAt: new Date().toISOString() }));
    await tick();
    expect(el.querySelector('[data-testid="quiz-result"]')?.getAttribute('data-status')).toBe(
      'submitted',
    );
    expect(el.querySelector('[data-testid="quiz-grading"]')?.textContent).toContain(
      'quiz.result.grading',
    );

    // The worker's grade arrives on the socket: shown at once, the review fetched quietly.
    const result: AttemptResult = {
      status: 'graded',
      mark: 1,
      maxMark: 2,
      percent: 50,
      passed: false,
      gradedAt: new Date().toISOString(),
    };
    events.graded.next({ attemptId: 'another', quizId: 'quiz-1', result });
    await tick();
    expect(el.querySelector('[data-testid="quiz-score"]')).toBeNull();
    events.graded.next({ attemptId: ATTEMPT, quizId: 'quiz-1', result });
    await tick();
    expect(el.querySelector('[data-testid="quiz-score"]')?.textContent).toContain('50');
    expect(el.querySelector('[data-testid="quiz-passed"]')?.textContent).toContain(
      'quiz.result.failed',
    );
    const graded = view({ status: 'graded', result });
    graded.questions[0].review = { mark: 1, fraction: 1, feedback: ['Benar.'] };
    getAttempt()[0].flush(graded);
    await tick();
    expect(el.querySelector('[data-testid="question-review"]')?.textContent).toContain('Benar.');
  });

  it('does not submit while answers cannot reach the server', async () => {
    await open(view());
    el.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    await tick();
    jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    el.querySelector<HTMLButtonElement>('[data-testid="quiz-submit"]')?.click();
    await tick();
    q<HTMLButtonElement>('[data-testid="quiz-confirm-submit"]')?.click();
    await tick(500);
    http.expectNone(`/api/v1/attempts/${ATTEMPT}/submit`);
    expect(el.querySelector('[role="alert"].sb-banner')?.textContent).toContain(
      'quiz.submit.unsent',
    );
  });

  it('counts down by the server clock, warns, and locks and reloads the attempt at zero', async () => {
    // The browser clock is 2 minutes fast; the server gives 6 minutes.
    await open(view({ deadline: new Date(T0 + 6 * 60_000).toISOString() }), T0 + 120_000);
    const timer = () => el.querySelector('[data-testid="quiz-timer"]');
    expect(timer()?.textContent).toContain('06:00');

    await tick(61_000);
    expect(timer()?.textContent).toContain('04:59');
    expect(el.querySelector('[data-testid="quiz-announcement"]')?.textContent).toContain(
      'quiz.timer.warn5',
    );

    await tick(4 * 60_000);
    expect(el.querySelector('[data-testid="quiz-announcement"]')?.textContent).toContain(
      'quiz.timer.warn1',
    );

    await tick(60_000);
    expect(timer()?.textContent).toContain('00:00');
    expect(el.querySelector('[data-testid="quiz-time-up"]')).not.toBeNull();
    const input = el.querySelector<HTMLInputElement>('input[type="radio"]');
    expect(input?.disabled).toBe(true);
    expect(el.querySelector<HTMLButtonElement>('[data-testid="quiz-submit"]')?.disabled).toBe(true);

    // The server submits it at its deadline; the screen asks for it.
    await tick(1_500);
    const [reload] = getAttempt();
    reload.flush(view({ status: 'submitted', submittedAt: new Date().toISOString() }));
    await tick();
    expect(el.querySelector('[data-testid="quiz-result"]')).not.toBeNull();
  });

  it('sequential: resumes at the current question of the server, next only, no palette', async () => {
    const v = view({ navigation: 'sequential', currentSlot: 2 });
    v.questions.push({ ...v.questions[1], slot: 3, name: 'Q3' });
    await open(v);
    expect(el.querySelector('[data-testid="question-2"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="palette-1"]')).toBeNull();
    expect(el.querySelector('[data-testid="quiz-prev"]')).toBeNull();
    expect(el.querySelector('[data-testid="quiz-submit"]')).toBeNull();

    const input = el.querySelector<HTMLInputElement>(
      '[data-testid="text-answer"]',
    ) as HTMLInputElement;
    input.value = 'Keterbukaan';
    input.dispatchEvent(new Event('input'));
    await tick();
    el.querySelector<HTMLButtonElement>('[data-testid="quiz-next"]')?.click();
    await tick();
    // Sent at once: the server closes question 2 once question 3 is answered.
    const put = http.expectOne(`/api/v1/attempts/${ATTEMPT}/answers/2`);
    put.flush({ slot: 2, seq: 1, savedAt: new Date().toISOString() });
    await tick();
    expect(el.querySelector('[data-testid="question-3"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="quiz-next"]')).toBeNull();
    expect(el.querySelector('[data-testid="quiz-submit"]')).not.toBeNull();
    expect(localStorage.getItem(`siantar.quiz.position.v1:${ATTEMPT}`)).toBe('2');
  });

  it('fetches the attempt again on reconnect while it waits for a grade', async () => {
    await open(view({ status: 'awaiting-grading' }));
    expect(el.querySelector('[data-testid="quiz-awaiting"]')?.textContent).toContain(
      'quiz.result.awaiting',
    );
    events.connects.next();
    await tick();
    expect(getAttempt()).toHaveLength(1);
  });
});
