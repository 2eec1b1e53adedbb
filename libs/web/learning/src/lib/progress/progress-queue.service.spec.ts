import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type {
  MeResponse,
  ProgressBatchRequest,
  ProgressBatchResponse,
  ScormCommitRequest,
} from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { ProgressQueueService } from './progress-queue.service';
import {
  LOCAL_STORAGE_KEY,
  LocalStorageProgressStore,
  PROGRESS_STORE,
  type QueuedItem,
} from './progress-store';

const ENROLMENT = '11111111-1111-4111-8111-111111111111';
const LESSON_A = '22222222-2222-4222-8222-222222222222';
const LESSON_B = '33333333-3333-4333-8333-333333333333';

const user = (id: string): MeResponse => ({ id, name: 'Rina Marpaung' }) as MeResponse;

/** Lets pending promise chains (store writes, HTTP subscriptions) run. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 0));
  }
};

const answer = (
  events: ProgressBatchRequest['events'],
  overrides: Partial<ProgressBatchResponse> = {},
): ProgressBatchResponse => ({
  accepted: events.map((e) => e.id),
  duplicates: [],
  rejected: [],
  lessons: [],
  ...overrides,
});

describe('ProgressQueueService', () => {
  let online = true;
  let http: HttpTestingController;

  /** A fresh app instance ("a reload"): new injector, new service, same localStorage. */
  function boot(userId = 'u1'): ProgressQueueService {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: PROGRESS_STORE, useFactory: () => new LocalStorageProgressStore(localStorage) },
      ],
    });
    TestBed.inject(AuthService).setUser(user(userId));
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(ProgressQueueService);
  }

  const stored = (): QueuedItem[] =>
    JSON.parse(localStorage.getItem(LOCAL_STORAGE_KEY) ?? '[]') as QueuedItem[];
  const eventRequests = () => http.match((r) => r.url === '/api/v1/progress/events');

  beforeEach(() => {
    localStorage.clear();
    online = true;
    jest.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('persists an event with a UUID before sending it, and removes it once accepted', async () => {
    const queue = boot();
    const saving = queue.record({ enrolmentId: ENROLMENT, lessonId: LESSON_A, kind: 'opened' });
    // Nothing may go out before the store has it.
    expect(eventRequests()).toHaveLength(0);
    const id = await saving;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stored().map((i) => i.id)).toEqual([id]);
    expect(queue.status()).toBe('saving');

    await settle();
    const [req] = eventRequests();
    expect(req.request.method).toBe('POST');
    const body = req.request.body as ProgressBatchRequest;
    expect(body.events).toEqual([
      expect.objectContaining({ id, enrolmentId: ENROLMENT, lessonId: LESSON_A, kind: 'opened' }),
    ]);
    expect(typeof body.events[0].occurredAt).toBe('string');
    req.flush(
      answer(body.events, {
        lessons: [
          { enrolmentId: ENROLMENT, lessonId: LESSON_A, status: 'completed', percent: 100 },
        ],
      }),
    );
    await settle();
    expect(stored()).toEqual([]);
    expect(queue.status()).toBe('saved');
    expect(queue.lessonState(ENROLMENT, LESSON_A)).toEqual({ status: 'completed', percent: 100 });
  });

  it('keeps events while offline and sends them once, in order, in one batch when back online', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask', 'nextTick'] });
    const queue = boot();
    queue.start();
    online = false;
    window.dispatchEvent(new Event('offline'));

    const first = await queue.record({
      enrolmentId: ENROLMENT,
      lessonId: LESSON_A,
      kind: 'scrolled',
      percent: 100,
    });
    const second = await queue.record({
      enrolmentId: ENROLMENT,
      lessonId: LESSON_B,
      kind: 'time',
      seconds: 15,
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(eventRequests()).toHaveLength(0);
    expect(stored().map((i) => i.id)).toEqual([first, second]);
    expect(queue.status()).toBe('offline');

    // Backoff retries while still offline send nothing.
    await jest.advanceTimersByTimeAsync(120_000);
    expect(eventRequests()).toHaveLength(0);

    online = true;
    window.dispatchEvent(new Event('online'));
    await jest.advanceTimersByTimeAsync(0);
    const reqs = eventRequests();
    expect(reqs).toHaveLength(1);
    const body = reqs[0].request.body as ProgressBatchRequest;
    expect(body.events.map((e) => e.id)).toEqual([first, second]);
    reqs[0].flush(answer(body.events));
    await jest.advanceTimersByTimeAsync(0);
    expect(stored()).toEqual([]);
    expect(queue.status()).toBe('saved');

    // Nothing is sent again later.
    await jest.advanceTimersByTimeAsync(120_000);
    expect(eventRequests()).toHaveLength(0);
  });

  it('keeps events when the network fails and retries with backoff', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask', 'nextTick'] });
    const queue = boot();
    const id = await queue.record({ enrolmentId: ENROLMENT, lessonId: LESSON_A, kind: 'opened' });
    await jest.advanceTimersByTimeAsync(0);
    eventRequests()[0].error(new ProgressEvent('error'));
    await jest.advanceTimersByTimeAsync(0);
    expect(stored().map((i) => i.id)).toEqual([id]);
    expect(queue.status()).toBe('offline');

    await jest.advanceTimersByTimeAsync(1_000);
    const [again] = eventRequests();
    again.flush({ message: 'down' }, { status: 503, statusText: 'Service Unavailable' });
    await jest.advanceTimersByTimeAsync(0);
    expect(stored()).toHaveLength(1);

    await jest.advanceTimersByTimeAsync(2_000);
    const [third] = eventRequests();
    expect((third.request.body as ProgressBatchRequest).events[0].id).toBe(id);
    third.flush(answer((third.request.body as ProgressBatchRequest).events));
    await jest.advanceTimersByTimeAsync(0);
    expect(stored()).toEqual([]);
  });

  it('removes duplicates and rejected events, keeps those the server did not answer for', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask', 'nextTick'] });
    const queue = boot();
    online = false;
    const a = await queue.record({ enrolmentId: ENROLMENT, lessonId: LESSON_A, kind: 'opened' });
    const b = await queue.record({ enrolmentId: ENROLMENT, lessonId: LESSON_B, kind: 'opened' });
    const c = await queue.record({ enrolmentId: ENROLMENT, lessonId: LESSON_B, kind: 'completed' });
    online = true;
    await queue.flush().catch(() => undefined);
    void queue.flush();
    await jest.advanceTimersByTimeAsync(0);
    const [req] = eventRequests();
    req.flush({
      accepted: [],
      duplicates: [a],
      rejected: [{ id: b, reason: 'lesson not in course' }],
      lessons: [],
    } satisfies ProgressBatchResponse);
    await jest.advanceTimersByTimeAsync(0);
    expect(stored().map((i) => i.id)).toEqual([c]);
    // c goes out on the next attempt.
    await jest.advanceTimersByTimeAsync(1_000);
    const [next] = eventRequests();
    expect((next.request.body as ProgressBatchRequest).events.map((e) => e.id)).toEqual([c]);
    next.flush(answer((next.request.body as ProgressBatchRequest).events));
    await jest.advanceTimersByTimeAsync(0);
    expect(stored()).toEqual([]);
    expect(queue.status()).toBe('saved');
  });

  it('survives a reload: a new instance reads the store and sends on start', async () => {
    online = false;
    const before = boot();
    const id = await before.record({ enrolmentId: ENROLMENT, lessonId: LESSON_A, kind: 'opened' });
    await settle();
    expect(eventRequests()).toHaveLength(0);

    online = true;
    const after = boot();
    after.start();
    await settle();
    const [req] = eventRequests();
    expect((req.request.body as ProgressBatchRequest).events.map((e) => e.id)).toEqual([id]);
    req.flush(answer((req.request.body as ProgressBatchRequest).events));
    await settle();
    expect(stored()).toEqual([]);
    expect(after.pending()).toBe(0);
  });

  it("sends only the signed-in user's events", async () => {
    online = false;
    const rina = boot('rina');
    await rina.record({ enrolmentId: ENROLMENT, lessonId: LESSON_A, kind: 'opened' });
    online = true;
    const other = boot('dedi');
    other.start();
    await settle();
    expect(eventRequests()).toHaveLength(0);
    expect(stored()).toHaveLength(1);
    expect(other.status()).toBe('saved');
  });

  it('queues SCORM commits in order with the events and posts them to the commit URL', async () => {
    online = false;
    const queue = boot();
    const e1 = await queue.record({ enrolmentId: ENROLMENT, lessonId: LESSON_A, kind: 'opened' });
    const commit: ScormCommitRequest = {
      id: '44444444-4444-4444-8444-444444444444',
      lessonStatus: 'incomplete',
      suspendData: 'page=2',
    };
    await queue.recordScormCommit(ENROLMENT, LESSON_B, commit);
    const e2 = await queue.record({
      enrolmentId: ENROLMENT,
      lessonId: LESSON_B,
      kind: 'time',
      seconds: 15,
    });
    online = true;
    void queue.flush();
    await settle();

    const [first] = eventRequests();
    expect((first.request.body as ProgressBatchRequest).events.map((e) => e.id)).toEqual([e1]);
    first.flush(answer((first.request.body as ProgressBatchRequest).events));
    await settle();

    const scorm = http.expectOne(
      `/api/v1/enrolments/${ENROLMENT}/lessons/${LESSON_B}/scorm/commit`,
    );
    expect(scorm.request.body).toEqual(commit);
    scorm.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    const [last] = eventRequests();
    expect((last.request.body as ProgressBatchRequest).events.map((e) => e.id)).toEqual([e2]);
    last.flush(answer((last.request.body as ProgressBatchRequest).events));
    await settle();
    expect(stored()).toEqual([]);
  });
});
