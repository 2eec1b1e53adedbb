import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import type {
  LessonProgressStatus,
  ProgressBatchResponse,
  ProgressEventKind,
  ProgressEventRequest,
  ScormCommitRequest,
} from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { firstValueFrom } from 'rxjs';
import { LearningApi } from '../api/learning.api';
import { PROGRESS_STORE, type QueuedItem } from './progress-store';
import { clearScormSnapshot } from './scorm-snapshot';

/** What the status chip shows: everything saved, sending now, or waiting for a connection. */
export type SyncStatus = 'saved' | 'saving' | 'offline';

export interface LessonState {
  status: LessonProgressStatus;
  percent: number;
}

/** The event as a lesson component describes it; the queue adds `id` and `occurredAt`. */
export type ProgressEventInput = Omit<ProgressEventRequest, 'id' | 'occurredAt' | 'kind'> & {
  kind: ProgressEventKind;
};

/** The server takes at most 200 events per batch. */
export const MAX_BATCH = 200;
/** Waits between retries while the server cannot be reached (ms). */
export const RETRY_DELAYS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000] as const;

type Outcome = 'continue' | 'retry';

const lessonKey = (enrolmentId: string, lessonId: string): string => `${enrolmentId}/${lessonId}`;

export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Network down, proxy/server trouble, or a session that has to be refreshed: try again later. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) {
    return true;
  }
  const s = error.status;
  return s === 0 || s === 401 || s === 408 || s === 425 || s === 429 || s >= 500;
}

/**
 * The browser side of "progress that survives a weak connection". Every event gets a UUID
 * and is written to IndexedDB (or localStorage) BEFORE it is sent; it leaves the store only
 * once the server has answered for it (accepted, duplicate or rejected). Sending happens
 * in creation order, in batches, with backoff while offline, again on the `online` event
 * and when the app starts. The server is idempotent per id, so resending is always safe.
 */
@Injectable({ providedIn: 'root' })
export class ProgressQueueService {
  private readonly api = inject(LearningApi);
  private readonly auth = inject(AuthService);
  private readonly store = inject(PROGRESS_STORE);
  private readonly document = inject(DOCUMENT);

  private readonly pendingCount = signal(0);
  private readonly unreachable = signal(false);
  private readonly states = signal<ReadonlyMap<string, LessonState>>(new Map());

  /** Items of the signed-in user still waiting for the server. */
  readonly pending = this.pendingCount.asReadonly();
  readonly status = computed<SyncStatus>(() => {
    if (this.pendingCount() === 0) {
      return 'saved';
    }
    return this.unreachable() ? 'offline' : 'saving';
  });

  private started = false;
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private lastSeq = 0;

  /** Listens for the connection coming back and sends what an earlier visit left behind. */
  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    const win = this.document.defaultView;
    win?.addEventListener('online', () => {
      this.unreachable.set(false);
      this.attempt = 0;
      void this.flush();
    });
    win?.addEventListener('offline', () => this.unreachable.set(true));
    this.document.addEventListener('visibilitychange', () => {
      if (this.document.visibilityState === 'visible') {
        void this.flush();
      }
    });
    if (!this.online()) {
      this.unreachable.set(true);
    }
    void this.flush();
  }

  /** Server-confirmed state of a lesson from the answers to this session's events. */
  lessonState(enrolmentId: string, lessonId: string): LessonState | undefined {
    return this.states().get(lessonKey(enrolmentId, lessonId));
  }

  /** Persists the event, then tries to send it. Resolves once it is safely stored. */
  async record(input: ProgressEventInput): Promise<string> {
    const event: ProgressEventRequest = {
      ...input,
      id: newId(),
      occurredAt: new Date().toISOString(),
    };
    await this.enqueue({ kind: 'progress', id: event.id, event });
    return event.id;
  }

  /** Queues a SCORM commit (its `id` is the idempotency key) like any other event. */
  async recordScormCommit(
    enrolmentId: string,
    lessonId: string,
    commit: ScormCommitRequest,
  ): Promise<void> {
    await this.enqueue({ kind: 'scorm', id: commit.id, enrolmentId, lessonId, commit });
  }

  /** Sends everything queued for the signed-in user; concurrent calls share one run. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
      if (this.flushAgain) {
        this.flushAgain = false;
        void this.flush();
      }
    });
    return this.flushing;
  }

  private async enqueue(
    item:
      | Omit<Extract<QueuedItem, { kind: 'progress' }>, 'seq' | 'userId'>
      | Omit<Extract<QueuedItem, { kind: 'scorm' }>, 'seq' | 'userId'>,
  ): Promise<void> {
    const userId = this.auth.user()?.id;
    if (!userId) {
      return;
    }
    // Creation order, strictly increasing even within one millisecond.
    const seq = Math.max(Date.now() * 1000, this.lastSeq + 1);
    this.lastSeq = seq;
    await this.store.add({ ...item, seq, userId } as QueuedItem);
    this.pendingCount.update((n) => n + 1);
    void this.flush();
  }

  private online(): boolean {
    return this.document.defaultView?.navigator.onLine ?? true;
  }

  private async mine(): Promise<QueuedItem[]> {
    const userId = this.auth.user()?.id;
    if (!userId) {
      return [];
    }
    const items = (await this.store.load()).filter((i) => i.userId === userId);
    return items.sort((a, b) => a.seq - b.seq);
  }

  private async drain(): Promise<void> {
    this.clearRetry();
    let single = false;
    for (;;) {
      const items = await this.mine();
      this.pendingCount.set(items.length);
      if (items.length === 0) {
        this.attempt = 0;
        return;
      }
      if (!this.online()) {
        this.unreachable.set(true);
        this.scheduleRetry();
        return;
      }
      const outcome = await this.sendHead(items, single);
      if (outcome === 'retry') {
        this.unreachable.set(true);
        this.scheduleRetry();
        this.pendingCount.set((await this.mine()).length);
        return;
      }
      this.unreachable.set(false);
      this.attempt = 0;
      single = single || this.splitNext;
      this.splitNext = false;
    }
  }

  /** Set when the server refused a whole batch: the next sends go one by one to find the bad event. */
  private splitNext = false;

  private async sendHead(items: QueuedItem[], single: boolean): Promise<Outcome> {
    const head = items[0];
    if (head.kind === 'scorm') {
      try {
        await firstValueFrom(this.api.scormCommit(head.enrolmentId, head.lessonId, head.commit));
      } catch (error: unknown) {
        if (isTransient(error)) {
          return 'retry';
        }
        console.warn('SCORM commit refused for good; dropped', head.id, error);
      }
      await this.store.remove([head.id]);
      clearScormSnapshot(head.enrolmentId, head.lessonId, head.id);
      return 'continue';
    }

    const batch: ProgressEventRequest[] = [];
    for (const item of items) {
      if (item.kind !== 'progress' || batch.length >= (single ? 1 : MAX_BATCH)) {
        break;
      }
      batch.push(item.event);
    }
    let answer: ProgressBatchResponse;
    try {
      answer = await firstValueFrom(this.api.sendEvents({ events: batch }));
    } catch (error: unknown) {
      if (isTransient(error)) {
        return 'retry';
      }
      if (batch.length > 1) {
        this.splitNext = true;
        return 'continue';
      }
      console.warn('Progress event refused for good; dropped', batch[0].id, error);
      await this.store.remove([batch[0].id]);
      return 'continue';
    }
    const answered = new Set<string>([
      ...(answer.accepted ?? []),
      ...(answer.duplicates ?? []),
      ...(answer.rejected ?? []).map((r) => r.id),
    ]);
    for (const r of answer.rejected ?? []) {
      console.warn('Progress event rejected', r.id, r.reason);
    }
    this.applyLessons(answer);
    const done = batch.filter((e) => answered.has(e.id)).map((e) => e.id);
    if (done.length === 0) {
      // The server answered for none of them: do not spin, wait and retry.
      return 'retry';
    }
    await this.store.remove(done);
    return 'continue';
  }

  private applyLessons(answer: ProgressBatchResponse): void {
    if (!answer.lessons?.length) {
      return;
    }
    this.states.update((current) => {
      const next = new Map(current);
      for (const l of answer.lessons) {
        next.set(lessonKey(l.enrolmentId, l.lessonId), { status: l.status, percent: l.percent });
      }
      return next;
    });
  }

  private scheduleRetry(): void {
    this.clearRetry();
    const delay = RETRY_DELAYS[Math.min(this.attempt, RETRY_DELAYS.length - 1)];
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }
}
