import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { AttemptView, QuestionResponse } from '@siantar/contracts';
import { AuthService, toProblem } from '@siantar/web-core';
import { Subject, firstValueFrom } from 'rxjs';
import { ANSWER_STORAGE, AnswerStore, type StoredAnswer } from './answer-store';
import { QuizPlayerApi } from './quiz-player.api';

/**
 * What a question shows about its answer: nothing answered yet, sending, on the server,
 * waiting for a connection, or refused by the server for good.
 */
export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

/** Typing pauses this long before an answer is sent (ms). */
export const SAVE_DEBOUNCE_MS = 800;
/** Waits between retries while the server cannot be reached (ms). */
export const SAVE_RETRY_DELAYS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/** The server numbers answers up to this (SaveAnswerRequest.seq). */
const MAX_SEQ = 2_000_000_000;

interface Pending extends StoredAnswer {
  attemptId: string;
  slot: number;
  /** Only this user's session sends it (shared office PCs). */
  userId: string;
}

const keyOf = (attemptId: string, slot: number): string => `${attemptId}/${slot}`;

/** Network down, proxy or server trouble, or a session being refreshed: try again later. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) {
    return true;
  }
  const s = error.status;
  return s === 0 || s === 401 || s === 408 || s === 425 || s === 429 || s >= 500;
}

/**
 * "Never lose an answer". Every change gets the next sequence number of its slot and is written
 * to localStorage at once; it is sent after a short pause (debounced per slot) with
 * `PUT /attempts/:id/answers/:slot`, and leaves the store only when the server has it — or
 * already has a newer one (409 `attempts.stale-seq`). While offline (or on a network error or
 * 5xx) answers stay queued and are replayed in the order they were made, on `online`, with
 * backoff, when the tab becomes visible again, and after a reload (`start()`, `open()`).
 */
@Injectable({ providedIn: 'root' })
export class AnswerQueueService {
  private readonly api = inject(QuizPlayerApi);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private readonly store = new AnswerStore(inject(ANSWER_STORAGE));
  private readonly destroyRef = inject(DestroyRef);

  /** attempt/slot → the newest unsent answer. */
  private readonly pending = new Map<string, Pending>();
  /** attempt/slot → the highest seq the server confirmed (or returned with the attempt). */
  private readonly serverSeq = new Map<string, number>();
  /** attempt/slot → the highest seq handed out in this tab. */
  private readonly lastSeq = new Map<string, number>();
  /** Pending answers whose pause is over: the sender may take them. */
  private readonly ready = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly errors = new Set<string>();

  /** Bumped on every change of the maps above, so that `state()` readers update. */
  private readonly revision = signal(0);
  private readonly unreachable = signal(false);

  /** Attempt ids the server closed (submitted or past the deadline) while answers were sent. */
  readonly closed = new Subject<string>();

  private started = false;
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAttempt = 0;

  /** Listens for the connection and replays what an earlier visit left behind. Idempotent. */
  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    const win = this.document.defaultView;
    const onOnline = (): void => this.reconnected();
    const onOffline = (): void => this.unreachable.set(true);
    const onVisible = (): void => {
      if (this.document.visibilityState === 'visible') {
        void this.flush();
      }
    };
    win?.addEventListener('online', onOnline);
    win?.addEventListener('offline', onOffline);
    this.document.addEventListener('visibilitychange', onVisible);
    this.destroyRef.onDestroy(() => {
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('offline', onOffline);
      this.document.removeEventListener('visibilitychange', onVisible);
      this.clearRetry();
      this.timers.forEach((t) => clearTimeout(t));
    });
    if (!this.online()) {
      this.unreachable.set(true);
    }
    const userId = this.userId();
    for (const attemptId of this.store.attemptIds(userId)) {
      for (const [slot, answer] of this.store.read(attemptId, userId)) {
        this.adoptStored(attemptId, slot, answer, userId);
      }
    }
    this.bump();
    void this.flush();
  }

  /** The connection came back (browser `online`, or the socket reconnected): send now. */
  reconnected(): void {
    this.unreachable.set(false);
    this.retryAttempt = 0;
    void this.flush();
  }

  /**
   * Takes an attempt as the server sent it and merges the answers still waiting in this
   * browser; returns the answers to show per slot (a waiting answer wins over the server's).
   */
  open(view: AttemptView): Map<number, QuestionResponse | null> {
    this.start();
    const userId = this.userId();
    const stored = this.store.read(view.id, userId);
    const shown = new Map<number, QuestionResponse | null>();
    const open = view.status === 'in-progress';
    for (const q of view.questions) {
      const key = keyOf(view.id, q.slot);
      this.serverSeq.set(key, Math.max(this.serverSeq.get(key) ?? 0, q.seq));
      shown.set(q.slot, q.response);
      const local =
        this.pending.get(key) ?? this.fromStore(view.id, q.slot, userId, stored.get(q.slot));
      if (!open || !local || local.seq <= q.seq) {
        // Closed attempts take no more answers; an older local answer lost to a newer one.
        this.drop(key);
        continue;
      }
      this.pending.set(key, local);
      if (!this.timers.has(key)) {
        this.ready.add(key);
      }
      shown.set(q.slot, local.response);
    }
    if (!open) {
      for (const key of [...this.pending.keys()]) {
        if (key.startsWith(`${view.id}/`)) {
          this.drop(key);
        }
      }
    }
    this.persist(view.id);
    this.bump();
    void this.flush();
    return shown;
  }

  /** Records a change: the next seq of the slot, stored at once, sent after a pause. */
  change(attemptId: string, slot: number, response: QuestionResponse): void {
    this.start();
    const key = keyOf(attemptId, slot);
    const seq = Math.min(
      MAX_SEQ,
      Math.max(
        this.serverSeq.get(key) ?? 0,
        this.lastSeq.get(key) ?? 0,
        this.pending.get(key)?.seq ?? 0,
        this.store.read(attemptId, this.userId()).get(slot)?.seq ?? 0,
      ) + 1,
    );
    this.lastSeq.set(key, seq);
    this.pending.set(key, {
      attemptId,
      slot,
      seq,
      response,
      changedAt: Date.now(),
      userId: this.userId(),
    });
    this.errors.delete(key);
    this.ready.delete(key);
    this.persist(attemptId);
    const timer = this.timers.get(key);
    if (timer !== undefined) {
      clearTimeout(timer);
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (this.pending.has(key)) {
          this.ready.add(key);
          void this.flush();
        }
      }, SAVE_DEBOUNCE_MS),
    );
    this.bump();
  }

  /** The save state of one slot (reactive). */
  state(attemptId: string, slot: number): SaveState {
    this.revision();
    const key = keyOf(attemptId, slot);
    if (this.errors.has(key)) {
      return 'error';
    }
    if (this.pending.has(key)) {
      return this.unreachable() ? 'offline' : 'saving';
    }
    return (this.serverSeq.get(key) ?? 0) > 0 ? 'saved' : 'idle';
  }

  /** How many answers of the attempt have not reached the server (reactive). */
  unsent(attemptId: string): number {
    this.revision();
    let n = 0;
    for (const p of this.pending.values()) {
      if (p.attemptId === attemptId) {
        n++;
      }
    }
    return n;
  }

  /** True while the server cannot be reached (reactive). */
  offline(): boolean {
    return this.unreachable();
  }

  /**
   * Sends the attempt's waiting answers now, without the pause. Resolves true when none is
   * left unsent (false: offline, they stay queued).
   */
  async flushAttempt(attemptId: string): Promise<boolean> {
    for (const [key, p] of this.pending) {
      if (p.attemptId === attemptId) {
        const timer = this.timers.get(key);
        if (timer !== undefined) {
          clearTimeout(timer);
          this.timers.delete(key);
        }
        this.ready.add(key);
      }
    }
    this.retryAttempt = 0;
    await this.flush();
    return this.unsent(attemptId) === 0;
  }

  /**
   * Sends every ready answer. Concurrent calls share one run, which goes round once more for
   * a call that came in meanwhile; the promise resolves after that round.
   */
  flush(): Promise<void> {
    this.flushAgain = true;
    if (!this.flushing) {
      const run = async (): Promise<void> => {
        try {
          while (this.flushAgain) {
            this.flushAgain = false;
            await this.drain();
          }
        } finally {
          this.flushing = null;
        }
      };
      this.flushing = run();
    }
    return this.flushing;
  }

  private async drain(): Promise<void> {
    this.clearRetry();
    for (;;) {
      const userId = this.userId();
      const head = [...this.ready]
        .map((key) => this.pending.get(key))
        .filter((p): p is Pending => p !== undefined && p.userId === userId)
        .sort((a, b) => a.changedAt - b.changedAt || a.seq - b.seq)[0];
      if (!head) {
        this.ready.clear();
        return;
      }
      if (!this.online()) {
        this.unreachable.set(true);
        this.scheduleRetry();
        return;
      }
      if (!(await this.send(head))) {
        this.unreachable.set(true);
        this.scheduleRetry();
        return;
      }
      this.unreachable.set(false);
      this.retryAttempt = 0;
    }
  }

  /** One PUT. False: could not reach the server, try again later. */
  private async send(p: Pending): Promise<boolean> {
    const key = keyOf(p.attemptId, p.slot);
    try {
      const saved = await firstValueFrom(
        this.api.saveAnswer(p.attemptId, p.slot, p.seq, p.response),
      );
      this.serverSeq.set(key, Math.max(this.serverSeq.get(key) ?? 0, saved.seq, p.seq));
      this.settle(p);
      return true;
    } catch (error: unknown) {
      if (isTransient(error)) {
        return false;
      }
      const problem = toProblem(error);
      if (problem.status === 409 && problem.code === 'attempts.stale-seq') {
        // The server already has a newer answer (another tab, or a replay after a newer save).
        this.serverSeq.set(key, Math.max(this.serverSeq.get(key) ?? 0, p.seq));
        this.settle(p);
      } else if (problem.status === 409 && problem.code === 'attempts.closed') {
        for (const k of [...this.pending.keys()]) {
          if (k.startsWith(`${p.attemptId}/`)) {
            this.drop(k);
          }
        }
        this.persist(p.attemptId);
        this.bump();
        this.closed.next(p.attemptId);
      } else {
        // 400 (does not fit the question), 403, 404: resending cannot help.
        console.warn('Quiz answer refused; dropped', key, problem);
        this.settle(p);
        this.errors.add(key);
        this.bump();
      }
      return true;
    }
  }

  /** The server answered for `p`: forget it unless a newer change came in meanwhile. */
  private settle(p: Pending): void {
    const key = keyOf(p.attemptId, p.slot);
    if (this.pending.get(key)?.seq === p.seq) {
      this.pending.delete(key);
      this.ready.delete(key);
      this.persist(p.attemptId);
    }
    this.bump();
  }

  private drop(key: string): void {
    this.pending.delete(key);
    this.ready.delete(key);
    const timer = this.timers.get(key);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(key);
    }
  }

  private adoptStored(attemptId: string, slot: number, answer: StoredAnswer, userId: string): void {
    const key = keyOf(attemptId, slot);
    const current = this.pending.get(key);
    if (!current || current.seq < answer.seq) {
      this.pending.set(key, { ...answer, attemptId, slot, userId });
      this.ready.add(key);
    }
  }

  private fromStore(
    attemptId: string,
    slot: number,
    userId: string,
    answer?: StoredAnswer,
  ): Pending | undefined {
    return answer ? { ...answer, attemptId, slot, userId } : undefined;
  }

  /** Writes the attempt's unsent answers (an attempt has one owner) to localStorage. */
  private persist(attemptId: string): void {
    const answers = new Map<number, StoredAnswer>();
    let userId = this.userId();
    for (const p of this.pending.values()) {
      if (p.attemptId === attemptId) {
        answers.set(p.slot, { seq: p.seq, response: p.response, changedAt: p.changedAt });
        userId = p.userId;
      }
    }
    this.store.write(attemptId, userId, answers);
  }

  private userId(): string {
    return this.auth.user()?.id ?? '';
  }

  private online(): boolean {
    return this.document.defaultView?.navigator.onLine ?? true;
  }

  private bump(): void {
    this.revision.update((n) => n + 1);
  }

  private scheduleRetry(): void {
    this.clearRetry();
    const delay = SAVE_RETRY_DELAYS[Math.min(this.retryAttempt, SAVE_RETRY_DELAYS.length - 1)];
    this.retryAttempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // Everything queued is due again (a replay goes out without the pause).
      for (const key of this.pending.keys()) {
        if (!this.timers.has(key)) {
          this.ready.add(key);
        }
      }
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
