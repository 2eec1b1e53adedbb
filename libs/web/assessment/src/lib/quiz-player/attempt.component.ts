import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  AttemptQuestionView,
  AttemptResult,
  AttemptView,
  ProblemDetails,
  QuestionResponse,
} from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest, toProblem } from '@siantar/web-core';
import { filter, firstValueFrom } from 'rxjs';
import { UserEventsService } from '../realtime/user-events.service';
import { AnswerQueueService, type SaveState } from './answer-queue.service';
import { ANSWER_STORAGE } from './answer-store';
import { type Completeness, completeness } from './answers';
import { AttemptResultComponent } from './attempt-result.component';
import { clockOffset, formatRemaining, remainingMs, warningAt } from './attempt-clock';
import { QuizQuestionComponent } from './question.component';
import { QuizPlayerApi, type TimedAttemptView } from './quiz-player.api';
import { registerQuizIcons } from './quiz-icons';
import { SubmitDialogComponent, type SubmitDialogData } from './submit-dialog.component';

/** Where a sequential attempt's learner is, so that a reload does not reopen passed questions. */
const POSITION_KEY = 'siantar.quiz.position.v1:';
/** While grading runs and the socket is down, the attempt is fetched this often (ms). */
const GRADING_POLL_MS = 15_000;
/** After the time is up: fetch the attempt until the server has closed it (ms between tries). */
const TIME_UP_POLL_MS = [1_500, 3_000, 5_000, 10_000, 10_000, 20_000] as const;

/**
 * `/belajar/kuis/:attemptId` (`?enrolmentId&lessonId` lead back to the lesson): one question at
 * a time, every change saved (see AnswerQueueService), the server's countdown, submitting, and
 * the result as soon as the grader's `attempt.graded` arrives on the socket.
 */
@Component({
  selector: 'sb-quiz-attempt',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    QuizQuestionComponent,
    AttemptResultComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-bar">
      <a mat-button [routerLink]="backLink()" data-testid="quiz-back">
        <mat-icon svgIcon="sbq-back" aria-hidden="true" />
        {{ 'quiz.attempt.back' | translate }}
      </a>
      @if (remaining() !== null) {
        <div
          class="sb-timer"
          role="timer"
          data-testid="quiz-timer"
          [class.sb-timer-warn]="warning() !== null || timeUp()"
          [attr.aria-label]="'quiz.timer.label' | translate: { time: timerText() }"
        >
          <mat-icon svgIcon="sbq-timer" aria-hidden="true" />
          <span aria-hidden="true">{{ timerText() }}</span>
        </div>
      }
    </div>
    <p class="sb-visually-hidden" aria-live="assertive" data-testid="quiz-announcement">
      {{ announcement() }}
    </p>

    <sb-problem-alert [problem]="problem()" />
    @if (notice(); as n) {
      <p class="sb-banner sb-banner-warn" role="alert">{{ n | translate }}</p>
    }
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }

    @if (view(); as v) {
      <header class="sb-head">
        <h1 class="sb-page-title">{{ v.quizTitle }}</h1>
        <p class="sb-sub">{{ 'quiz.attempt.number' | translate: { n: v.number } }}</p>
      </header>

      @if (answering()) {
        @if (timeUp()) {
          <p class="sb-banner sb-banner-warn" role="status" data-testid="quiz-time-up">
            {{ 'quiz.timer.upBanner' | translate }}
          </p>
        }
        @if (offline()) {
          <p class="sb-banner sb-banner-warn" role="status" data-testid="quiz-offline">
            <mat-icon svgIcon="sbq-offline" aria-hidden="true" />
            {{ 'quiz.attempt.offline' | translate: { n: unsent() } }}
          </p>
        }
        <div class="sb-layout" [class.sb-with-palette]="!sequential()">
          @if (!sequential()) {
            <nav class="sb-palette" [attr.aria-label]="'quiz.palette.label' | translate">
              <ol>
                @for (q of questions(); track q.slot; let i = $index) {
                  @let st = stateOf(q);
                  <li>
                    <button
                      type="button"
                      class="sb-cell"
                      [class.sb-cell-current]="i === index()"
                      [attr.data-state]="st"
                      [attr.data-testid]="'palette-' + q.slot"
                      [attr.aria-current]="i === index() ? 'step' : null"
                      [attr.aria-label]="
                        'quiz.palette.item'
                          | translate
                            : {
                                label: labelOf(q) | translate: { n: numbers().get(q.slot) },
                                state: 'quiz.palette.state.' + st | translate,
                              }
                      "
                      (click)="go(i)"
                    >
                      {{ numbers().get(q.slot) ?? 'i' }}
                    </button>
                  </li>
                }
              </ol>
            </nav>
          }
          <div class="sb-q-main">
            <p class="sb-q-progress">
              {{ 'quiz.attempt.position' | translate: { i: index() + 1, n: questions().length } }}
            </p>
            @if (current(); as q) {
              <sb-quiz-question
                [question]="q"
                [number]="numbers().get(q.slot) ?? 0"
                [response]="responses().get(q.slot) ?? null"
                [saveState]="saveState(q.slot)"
                [disabled]="locked()"
                (answer)="onAnswer(q.slot, $event)"
              />
            }
            <nav class="sb-qnav" [attr.aria-label]="'quiz.attempt.questionNav' | translate">
              @if (!sequential()) {
                <button
                  mat-stroked-button
                  type="button"
                  data-testid="quiz-prev"
                  [disabled]="index() === 0"
                  (click)="go(index() - 1)"
                >
                  <mat-icon svgIcon="sbq-back" aria-hidden="true" />
                  {{ 'quiz.attempt.previous' | translate }}
                </button>
              }
              <span class="sb-spacer"></span>
              @if (index() < questions().length - 1) {
                <button
                  mat-stroked-button
                  type="button"
                  data-testid="quiz-next"
                  [disabled]="sequential() && locked()"
                  (click)="next()"
                >
                  {{ 'quiz.attempt.next' | translate }}
                  <mat-icon iconPositionEnd svgIcon="sbq-next" aria-hidden="true" />
                </button>
              }
              @if (!sequential() || index() === questions().length - 1) {
                <button
                  mat-flat-button
                  type="button"
                  data-testid="quiz-submit"
                  [disabled]="locked()"
                  (click)="submit()"
                >
                  <mat-icon svgIcon="sbq-send" aria-hidden="true" />
                  {{ 'quiz.attempt.submit' | translate }}
                </button>
              }
            </nav>
            @if (sequential()) {
              <p class="sb-sub">{{ 'quiz.attempt.sequentialHint' | translate }}</p>
            }
          </div>
        </div>
      } @else {
        <sb-quiz-attempt-result [view]="v" />
        @if (reviewable()) {
          <h2 class="sb-review-title">{{ 'quiz.review.title' | translate }}</h2>
          @for (q of questions(); track q.slot) {
            <div class="sb-review-item">
              <sb-quiz-question
                [question]="q"
                [number]="numbers().get(q.slot) ?? 0"
                [response]="q.response"
                [disabled]="true"
                [review]="true"
              />
            </div>
          }
        }
        <p class="sb-qnav">
          <a mat-flat-button [routerLink]="backLink()" data-testid="quiz-back-to-lesson">
            {{ 'quiz.attempt.backToLesson' | translate }}
          </a>
        </p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 1100px;
      padding-bottom: 72px;
    }
    .sb-bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    /* Always in sight, however long the question: a chip at the bottom corner. */
    .sb-timer {
      position: fixed;
      bottom: 16px;
      inset-inline-end: 16px;
      z-index: 20;
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 8px 16px;
      border-radius: 999px;
      font: var(--mat-sys-title-medium);
      font-variant-numeric: tabular-nums;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      box-shadow: var(--mat-sys-level2);
    }
    .sb-timer-warn {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .sb-head {
      margin: 8px 0 16px;
    }
    .sb-head h1 {
      margin: 0;
    }
    .sb-sub,
    .sb-q-progress {
      margin: 4px 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-banner {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
    }
    .sb-banner-warn {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .sb-layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
    }
    .sb-with-palette {
      grid-template-columns: 180px minmax(0, 1fr);
      align-items: start;
    }
    .sb-palette {
      min-width: 0;
    }
    .sb-palette ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .sb-cell {
      width: 40px;
      height: 40px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .sb-cell[data-state='complete'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .sb-cell[data-state='partial'] {
      background: linear-gradient(135deg, var(--mat-sys-primary-container) 50%, transparent 50%);
    }
    .sb-cell-current {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    .sb-qnav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 24px;
    }
    .sb-spacer {
      flex: 1;
    }
    .sb-review-title {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .sb-review-item {
      padding: 16px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    @media (max-width: 719px) {
      .sb-with-palette {
        grid-template-columns: minmax(0, 1fr);
      }
      .sb-palette ol {
        flex-wrap: nowrap;
        overflow-x: auto;
        padding: 4px;
      }
      .sb-cell {
        flex-shrink: 0;
      }
    }
  `,
})
export class QuizAttemptComponent {
  private readonly api = inject(QuizPlayerApi);
  private readonly queue = inject(AnswerQueueService);
  private readonly events = inject(UserEventsService);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly storage = inject(ANSWER_STORAGE);

  readonly attemptId = input.required<string>();
  /** Query parameters: the lesson to return to. */
  readonly enrolmentId = input<string | undefined>(undefined);
  readonly lessonId = input<string | undefined>(undefined);

  protected readonly view = signal<AttemptView | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** A translation key for trouble that is not an API problem. */
  protected readonly notice = signal<string | null>(null);
  protected readonly responses = signal<ReadonlyMap<number, QuestionResponse | null>>(new Map());
  protected readonly index = signal(0);
  protected readonly submitting = signal(false);
  protected readonly announcement = signal('');
  private readonly offset = signal(0);
  private readonly now = signal(Date.now());

  protected readonly questions = computed(() => this.view()?.questions ?? []);
  /** "Soal n" numbers: descriptions are not counted. */
  protected readonly numbers = computed(() => {
    const numbers = new Map<number, number>();
    let n = 0;
    for (const q of this.questions()) {
      if (q.body.type !== 'description') {
        numbers.set(q.slot, ++n);
      }
    }
    return numbers;
  });
  protected readonly current = computed<AttemptQuestionView | null>(
    () => this.questions()[this.index()] ?? null,
  );
  protected readonly answering = computed(() => this.view()?.status === 'in-progress');
  protected readonly sequential = computed(() => this.view()?.navigation === 'sequential');
  protected readonly remaining = computed(() => {
    const v = this.view();
    return v && v.status === 'in-progress'
      ? remainingMs(v.deadline, this.offset(), this.now())
      : null;
  });
  protected readonly timerText = computed(() => formatRemaining(this.remaining() ?? 0));
  protected readonly warning = computed(() => warningAt(this.remaining()));
  protected readonly timeUp = computed(() => this.remaining() === 0);
  protected readonly locked = computed(
    () => !this.answering() || this.timeUp() || this.submitting(),
  );
  protected readonly offline = computed(() => this.queue.offline());
  protected readonly unsent = computed(() => this.queue.unsent(this.attemptId()));
  protected readonly reviewable = computed(() => this.questions().some((q) => !!q.review));
  protected readonly backLink = computed(() => {
    const e = this.enrolmentId();
    const l = this.lessonId();
    return e && l ? ['/belajar', e, l] : ['/belajar'];
  });

  private lastWarning: number | null = null;
  private timeUpHandled = false;
  private submitDialog: MatDialogRef<SubmitDialogComponent, boolean> | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    registerQuizIcons();
    const destroyRef = inject(DestroyRef);

    effect(() => {
      const id = this.attemptId();
      untracked(() => this.load(id));
    });

    // The countdown: the server's deadline against the corrected clock.
    const tick = setInterval(() => this.now.set(Date.now()), 1000);
    // Grading without a socket (blocked websockets, proxies): ask now and then.
    const poll = setInterval(() => {
      if (this.view()?.status === 'submitted' && !this.events.connected()) {
        this.refresh();
      }
    }, GRADING_POLL_MS);
    destroyRef.onDestroy(() => {
      clearInterval(tick);
      clearInterval(poll);
      this.clearPoll();
    });

    effect(() => {
      const w = this.warning();
      untracked(() => {
        if (w !== null && (this.lastWarning === null || w < this.lastWarning)) {
          this.announce(w === 1 ? 'quiz.timer.warn1' : 'quiz.timer.warn5');
        }
        this.lastWarning = w;
      });
    });
    effect(() => {
      if (this.timeUp()) {
        untracked(() => this.onTimeUp());
      }
    });

    this.events
      .on('attempt.graded')
      .pipe(
        filter((e) => e.attemptId === this.attemptId()),
        takeUntilDestroyed(),
      )
      .subscribe((e) => this.graded(e.result));
    this.events.connects.pipe(takeUntilDestroyed()).subscribe(() => {
      // Answers may have waited for the connection, and a grading event may have been missed.
      this.queue.reconnected();
      const status = this.view()?.status;
      if (status === 'submitted' || status === 'awaiting-grading') {
        this.refresh();
      }
    });
    this.queue.closed
      .pipe(
        filter((id) => id === this.attemptId()),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.refresh());
  }

  protected saveState(slot: number): SaveState {
    return this.queue.state(this.attemptId(), slot);
  }

  protected stateOf(q: AttemptQuestionView): Completeness {
    return completeness(q.body, this.responses().get(q.slot) ?? null);
  }

  protected labelOf(q: AttemptQuestionView): string {
    return q.body.type === 'description' ? 'quiz.question.information' : 'quiz.question.number';
  }

  protected onAnswer(slot: number, response: QuestionResponse): void {
    if (this.locked()) {
      return;
    }
    this.responses.update((current) => new Map(current).set(slot, response));
    this.queue.change(this.attemptId(), slot, response);
  }

  protected go(i: number): void {
    if (this.sequential() || i < 0 || i >= this.questions().length) {
      return;
    }
    this.index.set(i);
    this.focusQuestion();
  }

  protected next(): void {
    const i = this.index() + 1;
    if (i >= this.questions().length) {
      return;
    }
    this.index.set(i);
    if (this.sequential()) {
      this.writePosition(i);
      // The earlier question's answer must reach the server before a later one closes it.
      void this.queue.flushAttempt(this.attemptId());
    }
    this.focusQuestion();
  }

  protected async submit(): Promise<void> {
    const v = this.view();
    if (!v || this.locked()) {
      return;
    }
    const unanswered: number[] = [];
    const partial: number[] = [];
    for (const q of v.questions) {
      const state = this.stateOf(q);
      const n = this.numbers().get(q.slot) ?? 0;
      if (state === 'empty') {
        unanswered.push(n);
      } else if (state === 'partial') {
        partial.push(n);
      }
    }
    this.submitDialog = this.dialog.open<SubmitDialogComponent, SubmitDialogData, boolean>(
      SubmitDialogComponent,
      {
        data: { unanswered, partial, total: this.numbers().size },
        width: '520px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      },
    );
    const confirmed = await firstValueFrom(this.submitDialog.afterClosed());
    this.submitDialog = null;
    if (!confirmed || this.locked()) {
      return;
    }
    this.submitting.set(true);
    this.problem.set(null);
    this.notice.set(null);
    // Every answer must be on the server before it closes the attempt.
    if (!(await this.queue.flushAttempt(v.id))) {
      this.submitting.set(false);
      this.notice.set('quiz.submit.unsent');
      return;
    }
    this.api.submit(v.id).subscribe({
      next: (timed) => {
        this.submitting.set(false);
        this.apply(timed);
        this.announce('quiz.result.submitted');
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const problem = toProblem(error);
        if (problem.status === 409 && problem.code === 'attempts.closed') {
          this.refresh();
        } else if (problem.status === 0 || problem.status >= 500) {
          this.notice.set('quiz.submit.retry');
        } else {
          this.problem.set(problem);
        }
      },
    });
  }

  private load(attemptId: string): void {
    this.view.set(null);
    this.timeUpHandled = false;
    this.lastWarning = null;
    sendRequest(
      this.api.attempt(attemptId),
      { busy: this.loading, problem: this.problem },
      (timed) => {
        this.apply(timed);
        if (timed.view.status === 'in-progress' && this.sequential()) {
          // The server knows the furthest question answered; this browser may have moved on
          // past unanswered ones.
          const questions = timed.view.questions;
          const reached = questions.findIndex((q) => q.slot === timed.view.currentSlot);
          this.index.set(
            Math.min(Math.max(reached, this.readPosition(), 0), Math.max(0, questions.length - 1)),
          );
        } else {
          this.index.set(0);
        }
      },
    );
  }

  /** Fetches the attempt again without clearing the screen. */
  private refresh(): void {
    this.api.attempt(this.attemptId()).subscribe({
      next: (timed) => this.apply(timed),
      error: () => undefined,
    });
  }

  private apply(timed: TimedAttemptView): void {
    const v = timed.view;
    if (v.id !== this.attemptId()) {
      return;
    }
    const wasAnswering = this.view()?.status === 'in-progress';
    this.offset.set(clockOffset(v.serverNow, timed.sentAt, timed.receivedAt));
    this.now.set(Date.now());
    this.responses.set(this.queue.open(v));
    this.view.set(v);
    if (v.status !== 'in-progress') {
      this.clearPoll();
      this.submitDialog?.close(false);
      this.storageRemove(POSITION_KEY + v.id);
      if (wasAnswering) {
        this.focusResult();
      }
    }
  }

  private graded(result: AttemptResult): void {
    this.view.update((v) => (v ? { ...v, status: result.status, result } : v));
    this.announce(
      result.status === 'awaiting-grading' ? 'quiz.result.awaiting' : 'quiz.result.gradedNow',
    );
    // The event carries the result; the per-question review comes with the attempt.
    this.refresh();
  }

  private onTimeUp(): void {
    if (this.timeUpHandled) {
      return;
    }
    this.timeUpHandled = true;
    this.submitDialog?.close(false);
    this.announce('quiz.timer.up');
    // The server submits the attempt at its deadline; send what is left, then fetch it.
    void this.queue.flushAttempt(this.attemptId()).finally(() => this.pollClosed(0));
  }

  private pollClosed(round: number): void {
    this.clearPoll();
    const delay = TIME_UP_POLL_MS[Math.min(round, TIME_UP_POLL_MS.length - 1)];
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      if (this.view()?.status !== 'in-progress') {
        return;
      }
      this.refresh();
      this.pollClosed(round + 1);
    }, delay);
  }

  private clearPoll(): void {
    if (this.pollTimer !== null) {
      clearTimeout(this.pollTimer);
      this.pollTimer = null;
    }
  }

  private announce(key: string): void {
    // Cleared first so that the same message is announced again.
    this.announcement.set('');
    setTimeout(() => this.announcement.set(this.translate.instant(key)), 50);
  }

  private focusQuestion(): void {
    setTimeout(() => {
      const q = this.current();
      if (q) {
        this.document.getElementById(`sbq-${q.slot}-h`)?.focus();
        // On phones the palette scrolls sideways: keep the current question's cell in view.
        this.document
          .querySelector(`[data-testid="palette-${q.slot}"]`)
          ?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      }
    });
  }

  private focusResult(): void {
    setTimeout(() => this.document.getElementById('sbq-result-title')?.focus());
  }

  private readPosition(): number {
    try {
      const n = Number(this.storage.getItem(POSITION_KEY + this.attemptId()) ?? 0);
      return Number.isInteger(n) && n > 0 ? n : 0;
    } catch {
      return 0;
    }
  }

  private writePosition(i: number): void {
    try {
      this.storage.setItem(POSITION_KEY + this.attemptId(), String(i));
    } catch {
      // Not kept: a reload starts at the first question.
    }
  }

  private storageRemove(key: string): void {
    try {
      this.storage.removeItem(key);
    } catch {
      // Nothing to clean up.
    }
  }
}
