import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type {
  AttemptQuestionView,
  AttemptView,
  MeResponse,
  QuestionResponse,
  SaveAnswerRequest,
  SaveAnswerResponse,
} from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { AnswerQueueService, SAVE_DEBOUNCE_MS } from './answer-queue.service';
import { ANSWER_KEY_PREFIX, ANSWER_STORAGE } from './answer-store';

const ATTEMPT = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const KEY = ANSWER_KEY_PREFIX + ATTEMPT;

const text = (t: string): QuestionResponse => ({ type: 'short-answer', text: t });

function question(
  slot: number,
  seq = 0,
  response: QuestionResponse | null = null,
): AttemptQuestionView {
  return {
    slot,
    type: 'short-answer',
    name: `Q${slot}`,
    html: `<p>Soal ${slot}</p>`,
    maxMark: 1,
    body: { type: 'short-answer' },
    response,
    seq,
  };
}

function attempt(
  questions: AttemptQuestionView[],
  status: AttemptView['status'] = 'in-progress',
): AttemptView {
  return {
    id: ATTEMPT,
    quizId: 'q1',
    quizTitle: 'Kuis Pelayanan Publik',
    number: 1,
    status,
    navigation: 'free',
    currentSlot: 1,
    startedAt: '2026-11-29T01:00:00.000Z',
    deadline: null,
    serverNow: '2026-11-29T01:00:00.000Z',
    submittedAt: null,
    questions,
    result: null,
  };
}

const problem = (status: number, code: string) => ({
  type: 'about:blank',
  title: 'Conflict',
  status,
  detail: 'x',
  code,
});

describe('AnswerQueueService', () => {
  let online = true;
  let http: HttpTestingController;

  /** A fresh app instance ("a reload"): new injector, new service, the same localStorage. */
  function boot(userId = 'u1'): AnswerQueueService {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ANSWER_STORAGE, useValue: localStorage },
      ],
    });
    TestBed.inject(AuthService).setUser({ id: userId, name: 'Rina Marpaung' } as MeResponse);
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(AnswerQueueService);
  }

  const puts = (): TestRequest[] =>
    http.match(
      (r) => r.method === 'PUT' && r.url.startsWith(`/api/v1/attempts/${ATTEMPT}/answers/`),
    );
  const slotOf = (r: TestRequest): number => Number(r.request.url.split('/').pop());
  const bodyOf = (r: TestRequest): SaveAnswerRequest => r.request.body as SaveAnswerRequest;
  const ok = (r: TestRequest): void =>
    r.flush({
      slot: slotOf(r),
      seq: bodyOf(r).seq,
      savedAt: '2026-11-29T01:00:01.000Z',
    } satisfies SaveAnswerResponse);
  const stored = (): Record<string, { seq: number; response: QuestionResponse }> =>
    (
      JSON.parse(localStorage.getItem(KEY) ?? '{"answers":{}}') as {
        answers: Record<string, never>;
      }
    ).answers;
  const tick = (ms = 0): Promise<void> => jest.advanceTimersByTimeAsync(ms);

  beforeEach(() => {
    localStorage.clear();
    online = true;
    jest.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask', 'nextTick'] });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('debounces changes, numbers them from the server seq and sends only the last', async () => {
    const queue = boot();
    queue.open(attempt([question(1, 4, text('lama'))]));
    expect(queue.state(ATTEMPT, 1)).toBe('saved');

    queue.change(ATTEMPT, 1, text('P'));
    await tick(300);
    queue.change(ATTEMPT, 1, text('Pe'));
    await tick(300);
    queue.change(ATTEMPT, 1, text('Pel'));
    expect(queue.state(ATTEMPT, 1)).toBe('saving');
    // Stored at once, before anything is sent.
    expect(stored()['1']).toEqual(expect.objectContaining({ seq: 7, response: text('Pel') }));
    await tick(SAVE_DEBOUNCE_MS - 1);
    expect(puts()).toHaveLength(0);

    await tick(1);
    const [req] = puts();
    expect(slotOf(req)).toBe(1);
    expect(bodyOf(req)).toEqual({ seq: 7, response: text('Pel') });
    ok(req);
    await tick();
    expect(stored()).toEqual({});
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(queue.state(ATTEMPT, 1)).toBe('saved');

    // The next change goes on from there.
    queue.change(ATTEMPT, 1, text('Pelayanan'));
    await tick(SAVE_DEBOUNCE_MS);
    const [next] = puts();
    expect(bodyOf(next).seq).toBe(8);
    ok(next);
    await tick();
  });

  it('keeps a change made while its predecessor is on the way, and sends it after', async () => {
    const queue = boot();
    queue.open(attempt([question(1)]));
    queue.change(ATTEMPT, 1, text('a'));
    await tick(SAVE_DEBOUNCE_MS);
    const [first] = puts();
    queue.change(ATTEMPT, 1, text('ab'));
    ok(first);
    await tick();
    expect(stored()['1'].seq).toBe(2);
    expect(queue.state(ATTEMPT, 1)).toBe('saving');
    await tick(SAVE_DEBOUNCE_MS);
    const [second] = puts();
    expect(bodyOf(second)).toEqual({ seq: 2, response: text('ab') });
    ok(second);
    await tick();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('holds answers while offline and sends them in the order they were made when back online', async () => {
    const queue = boot();
    queue.open(attempt([question(1), question(2), question(3)]));
    online = false;
    window.dispatchEvent(new Event('offline'));

    queue.change(ATTEMPT, 2, text('dua'));
    await tick(10);
    queue.change(ATTEMPT, 1, text('satu'));
    await tick(10);
    queue.change(ATTEMPT, 3, text('tiga'));
    await tick(SAVE_DEBOUNCE_MS);
    expect(queue.state(ATTEMPT, 1)).toBe('offline');
    expect(queue.unsent(ATTEMPT)).toBe(3);
    // Retries while still offline send nothing.
    await tick(60_000);
    expect(puts()).toHaveLength(0);

    online = true;
    window.dispatchEvent(new Event('online'));
    const order: number[] = [];
    for (let i = 0; i < 3; i++) {
      await tick();
      const reqs = puts();
      // One at a time.
      expect(reqs).toHaveLength(1);
      order.push(slotOf(reqs[0]));
      ok(reqs[0]);
    }
    await tick();
    expect(order).toEqual([2, 1, 3]);
    expect(queue.unsent(ATTEMPT)).toBe(0);
    expect(queue.state(ATTEMPT, 3)).toBe('saved');
  });

  it('keeps an answer on a network error or a 5xx and retries it', async () => {
    const queue = boot();
    queue.open(attempt([question(1)]));
    queue.change(ATTEMPT, 1, text('x'));
    await tick(SAVE_DEBOUNCE_MS);
    puts()[0].error(new ProgressEvent('error'));
    await tick();
    expect(queue.state(ATTEMPT, 1)).toBe('offline');
    expect(stored()['1'].seq).toBe(1);

    await tick(1_000);
    puts()[0].flush(problem(503, 'unavailable'), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    await tick();
    expect(stored()['1'].seq).toBe(1);

    await tick(2_000);
    const [third] = puts();
    expect(bodyOf(third).seq).toBe(1);
    ok(third);
    await tick();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(queue.state(ATTEMPT, 1)).toBe('saved');
  });

  it('replays answers a closed tab left behind, after a reload, oldest first', async () => {
    online = false;
    const before = boot();
    before.open(attempt([question(1, 2), question(2)]));
    before.change(ATTEMPT, 2, text('dua'));
    await tick(5);
    before.change(ATTEMPT, 1, text('satu'));
    // The tab closes before the pause is over.
    expect(Object.keys(stored())).toEqual(['1', '2']);

    online = true;
    const after = boot();
    after.start();
    await tick();
    const [first] = puts();
    expect(slotOf(first)).toBe(2);
    expect(bodyOf(first)).toEqual({ seq: 1, response: text('dua') });
    ok(first);
    await tick();
    const [second] = puts();
    expect(bodyOf(second)).toEqual({ seq: 3, response: text('satu') });
    ok(second);
    await tick();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('shows a waiting answer instead of the older one the server returns, and drops one the server has superseded', () => {
    online = false;
    const before = boot();
    before.open(attempt([question(1), question(2)]));
    before.change(ATTEMPT, 1, text('lokal'));
    before.change(ATTEMPT, 2, text('lokal lama'));

    const after = boot();
    const shown = after.open(attempt([question(1, 0, null), question(2, 5, text('server baru'))]));
    expect(shown.get(1)).toEqual(text('lokal'));
    expect(shown.get(2)).toEqual(text('server baru'));
    expect(Object.keys(stored())).toEqual(['1']);
    expect(after.state(ATTEMPT, 1)).toBe('offline');
    expect(after.state(ATTEMPT, 2)).toBe('saved');
  });

  it('drops an answer when the server already has a newer one (409 attempts.stale-seq)', async () => {
    const queue = boot();
    queue.open(attempt([question(1)]));
    queue.change(ATTEMPT, 1, text('tab ini'));
    await tick(SAVE_DEBOUNCE_MS);
    puts()[0].flush(problem(409, 'attempts.stale-seq'), { status: 409, statusText: 'Conflict' });
    await tick();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(queue.state(ATTEMPT, 1)).toBe('saved');
    await tick(60_000);
    expect(puts()).toHaveLength(0);
  });

  it('reports an attempt the server closed (409 attempts.closed) and stops sending its answers', async () => {
    const queue = boot();
    const closed: string[] = [];
    queue.closed.subscribe((id) => closed.push(id));
    queue.open(attempt([question(1), question(2)]));
    queue.change(ATTEMPT, 1, text('a'));
    queue.change(ATTEMPT, 2, text('b'));
    await tick(SAVE_DEBOUNCE_MS);
    puts()[0].flush(problem(409, 'attempts.closed'), { status: 409, statusText: 'Conflict' });
    await tick();
    expect(closed).toEqual([ATTEMPT]);
    expect(localStorage.getItem(KEY)).toBeNull();
    await tick(60_000);
    expect(puts()).toHaveLength(0);
  });

  it('marks an answer the server refuses for good (400) and does not resend it', async () => {
    const queue = boot();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    queue.open(attempt([question(1)]));
    queue.change(ATTEMPT, 1, text('?'));
    await tick(SAVE_DEBOUNCE_MS);
    puts()[0].flush(problem(400, 'validation'), { status: 400, statusText: 'Bad Request' });
    await tick();
    expect(queue.state(ATTEMPT, 1)).toBe('error');
    expect(localStorage.getItem(KEY)).toBeNull();
    await tick(60_000);
    expect(puts()).toHaveLength(0);
  });

  it('flushAttempt sends at once and tells whether everything reached the server', async () => {
    const queue = boot();
    queue.open(attempt([question(1)]));
    queue.change(ATTEMPT, 1, text('cepat'));
    const done = queue.flushAttempt(ATTEMPT);
    await tick();
    ok(puts()[0]);
    await expect(done).resolves.toBe(true);

    online = false;
    queue.change(ATTEMPT, 1, text('offline'));
    await expect(queue.flushAttempt(ATTEMPT)).resolves.toBe(false);
    expect(stored()['1'].response).toEqual(text('offline'));
  });

  it("never sends another user's waiting answers", async () => {
    online = false;
    const rina = boot('rina');
    rina.open(attempt([question(1)]));
    rina.change(ATTEMPT, 1, text('punya Rina'));

    online = true;
    const dedi = boot('dedi');
    dedi.start();
    await tick(60_000);
    expect(puts()).toHaveLength(0);
    expect(stored()['1'].response).toEqual(text('punya Rina'));
  });

  it('drops waiting answers of an attempt that is no longer in progress', () => {
    online = false;
    const before = boot();
    before.open(attempt([question(1)]));
    before.change(ATTEMPT, 1, text('terlambat'));
    const after = boot();
    const shown = after.open(attempt([question(1)], 'submitted'));
    expect(shown.get(1)).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});
