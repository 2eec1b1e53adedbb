import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails, QuizLearnerOverview } from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { filter } from 'rxjs';
import { UserEventsService } from '../realtime/user-events.service';
import { AnswerQueueService } from './answer-queue.service';
import { QuizPlayerApi } from './quiz-player.api';
import { registerQuizIcons } from './quiz-icons';

/** The attempt screen's path (see `quizAttemptRoutes`, mounted at `/belajar/kuis`). */
export const QUIZ_ATTEMPT_PATH = ['/belajar', 'kuis'] as const;

/**
 * A quiz lesson inside the lesson player: the rules in plain words, the learner's attempts and
 * grade, and "Mulai" / "Lanjutkan". Updates itself when a grade arrives on the socket.
 */
@Component({
  selector: 'sb-quiz-lesson',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-problem-alert [problem]="problem()" />
    @if (loading() && !overview()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (overview(); as o) {
      <div class="sb-quiz" data-testid="quiz-overview">
        <div class="sb-quiz-head">
          <h2 class="sb-quiz-title">{{ o.title }}</h2>
          @if (o.role !== 'none') {
            <span class="sb-q-chip">{{ 'quiz.role.' + o.role | translate }}</span>
          }
        </div>

        <h3 class="sb-sub">{{ 'quiz.rules.title' | translate }}</h3>
        <ul class="sb-rules" data-testid="quiz-rules">
          <li>{{ 'quiz.rules.questions' | translate: { n: o.questionCount } }}</li>
          <li>
            @if (o.timeLimitMinutes) {
              {{ 'quiz.rules.timeLimit' | translate: { n: o.timeLimitMinutes } }}
            } @else {
              {{ 'quiz.rules.noTimeLimit' | translate }}
            }
          </li>
          <li>
            @if (o.attemptsAllowed > 0) {
              {{
                'quiz.rules.attempts' | translate: { n: o.attemptsAllowed, left: attemptsLeft() }
              }}
            } @else {
              {{ 'quiz.rules.unlimitedAttempts' | translate }}
            }
          </li>
          @if (o.opensAt) {
            <li>{{ 'quiz.rules.opens' | translate: { at: (o.opensAt | date: dateFormat) } }}</li>
          }
          @if (o.closesAt) {
            <li>{{ 'quiz.rules.closes' | translate: { at: (o.closesAt | date: dateFormat) } }}</li>
          }
          <li>{{ 'quiz.rules.pass' | translate: { n: (o.passPercent | number: '1.0-2') } }}</li>
          @if (o.attemptsAllowed !== 1) {
            <li>{{ 'quiz.rules.gradingMethod.' + o.gradingMethod | translate }}</li>
          }
        </ul>
        @if (o.timeLimitMinutes) {
          <p class="sb-note">{{ 'quiz.rules.timerNote' | translate }}</p>
        }

        @if (o.finalPercent !== null) {
          <p class="sb-final" data-testid="quiz-final">
            <span
              >{{ 'quiz.overview.final' | translate }}
              <strong>{{ o.finalPercent | number: '1.0-1' }}%</strong></span
            >
            @if (o.passed !== null) {
              <span
                class="sb-verdict"
                [class.sb-failed]="!o.passed"
                data-testid="quiz-final-passed"
              >
                <mat-icon [svgIcon]="o.passed ? 'sbq-passed' : 'sbq-failed'" aria-hidden="true" />
                {{ (o.passed ? 'quiz.result.passed' : 'quiz.result.failed') | translate }}
              </span>
            }
          </p>
        }

        <div class="sb-q-actions">
          @if (o.inProgressAttemptId; as attemptId) {
            <button
              mat-flat-button
              type="button"
              data-testid="quiz-start"
              [disabled]="starting()"
              (click)="open(attemptId)"
            >
              <mat-icon svgIcon="sbq-play" aria-hidden="true" />
              {{ 'quiz.overview.resume' | translate }}
            </button>
          } @else if (o.canStart) {
            <button
              mat-flat-button
              type="button"
              data-testid="quiz-start"
              [disabled]="starting()"
              (click)="start()"
            >
              <mat-icon svgIcon="sbq-play" aria-hidden="true" />
              {{
                (o.attempts.length ? 'quiz.overview.startAgain' : 'quiz.overview.start') | translate
              }}
            </button>
          } @else {
            <p class="sb-blocked" role="note" data-testid="quiz-blocked">
              {{ o.blockedReason || ('quiz.overview.blocked' | translate) }}
            </p>
          }
        </div>

        @if (o.attempts.length) {
          <h3 class="sb-sub">{{ 'quiz.overview.attempts' | translate }}</h3>
          <div class="sb-q-table-wrap">
            <table class="sb-q-table" data-testid="quiz-attempts">
              <thead>
                <tr>
                  <th scope="col">{{ 'quiz.overview.col.number' | translate }}</th>
                  <th scope="col">{{ 'quiz.overview.col.status' | translate }}</th>
                  <th scope="col">{{ 'quiz.overview.col.submitted' | translate }}</th>
                  <th scope="col">{{ 'quiz.overview.col.score' | translate }}</th>
                  <th scope="col">
                    <span class="sb-visually-hidden">{{ 'common.actions' | translate }}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                @for (a of o.attempts; track a.id) {
                  <tr [attr.data-testid]="'quiz-attempt-' + a.number" [attr.data-status]="a.status">
                    <td>{{ a.number }}</td>
                    <td>{{ 'quiz.status.' + a.status | translate }}</td>
                    <td>
                      {{
                        a.submittedAt
                          ? (a.submittedAt | date: dateFormat)
                          : ('common.none' | translate)
                      }}
                    </td>
                    <td>
                      @if (a.percent !== null) {
                        {{ a.percent | number: '1.0-1' }}%
                        @if (a.passed !== null) {
                          ·
                          {{ (a.passed ? 'quiz.result.passed' : 'quiz.result.failed') | translate }}
                        }
                      } @else {
                        {{ 'common.none' | translate }}
                      }
                    </td>
                    <td>
                      @if (a.status !== 'in-progress') {
                        <a
                          mat-button
                          [routerLink]="attemptPath(a.id)"
                          [queryParams]="returnTo()"
                          [attr.aria-label]="
                            'quiz.overview.viewAttempt' | translate: { n: a.number }
                          "
                        >
                          {{ 'quiz.overview.view' | translate }}
                        </a>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </div>
    }
  `,
  styles: `
    .sb-quiz-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .sb-quiz-title {
      font: var(--mat-sys-headline-small);
      margin: 0;
    }
    .sb-q-chip {
      padding: 2px 10px;
      border-radius: 999px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-label-large);
    }
    .sb-sub {
      font: var(--mat-sys-title-medium);
      margin: 20px 0 8px;
    }
    .sb-rules {
      margin: 0;
      padding-inline-start: 20px;
      line-height: 1.7;
    }
    .sb-note {
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-final,
    .sb-verdict {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .sb-final {
      font: var(--mat-sys-title-medium);
    }
    .sb-verdict {
      gap: 6px;
      color: var(--mat-sys-primary);
    }
    .sb-failed {
      color: var(--mat-sys-error);
    }
    .sb-q-actions {
      margin: 16px 0;
    }
    .sb-blocked {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      margin: 0;
    }
    .sb-q-table-wrap {
      overflow-x: auto;
    }
    .sb-q-table {
      border-collapse: collapse;
      width: 100%;
      min-width: 480px;
      th,
      td {
        text-align: start;
        padding: 6px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      th {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }
    }
  `,
})
export class QuizLessonComponent {
  private readonly api = inject(QuizPlayerApi);
  private readonly router = inject(Router);
  private readonly events = inject(UserEventsService);

  readonly quizId = input.required<string>();
  /** The lesson this quiz is shown in: the attempt screen leads back to it. */
  readonly enrolmentId = input<string | undefined>(undefined);
  readonly lessonId = input<string | undefined>(undefined);

  protected readonly overview = signal<QuizLearnerOverview | null>(null);
  protected readonly loading = signal(true);
  protected readonly starting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly dateFormat = 'd MMM y, HH.mm';

  protected readonly attemptsLeft = computed(() => {
    const o = this.overview();
    return o ? Math.max(0, o.attemptsAllowed - o.attempts.length) : 0;
  });
  protected readonly returnTo = computed(() => {
    const e = this.enrolmentId();
    const l = this.lessonId();
    return e && l ? { enrolmentId: e, lessonId: l } : {};
  });

  constructor() {
    registerQuizIcons();
    // Answers an earlier visit could not send go out now.
    inject(AnswerQueueService).start();
    effect(() => {
      const id = this.quizId();
      untracked(() => this.load(id));
    });
    this.events
      .on('attempt.graded')
      .pipe(
        filter((e) => e.quizId === this.quizId()),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.load(this.quizId()));
    this.events.connects.pipe(takeUntilDestroyed()).subscribe(() => {
      const waiting = this.overview()?.attempts.some(
        (a) => a.status === 'submitted' || a.status === 'awaiting-grading',
      );
      if (waiting) {
        this.load(this.quizId());
      }
    });
  }

  protected attemptPath(attemptId: string): string[] {
    return [...QUIZ_ATTEMPT_PATH, attemptId];
  }

  protected open(attemptId: string): void {
    void this.router.navigate(this.attemptPath(attemptId), { queryParams: this.returnTo() });
  }

  protected start(): void {
    if (this.starting()) {
      return;
    }
    this.starting.set(true);
    this.problem.set(null);
    this.api.start(this.quizId()).subscribe({
      next: ({ view }) => {
        this.starting.set(false);
        this.open(view.id);
      },
      error: (error: unknown) => {
        this.starting.set(false);
        const problem = toProblem(error) as ProblemDetails & { attemptId?: unknown };
        if (
          problem.status === 409 &&
          problem.code === 'attempts.in-progress' &&
          typeof problem.attemptId === 'string'
        ) {
          // Another tab (or device) started one: carry on with it.
          this.open(problem.attemptId);
          return;
        }
        this.problem.set(problem);
        this.load(this.quizId());
      },
    });
  }

  private load(quizId: string): void {
    this.loading.set(true);
    this.api.overview(quizId).subscribe({
      next: (overview) => {
        this.overview.set(overview);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        // Keep what is shown; a refresh that fails is not worth a red box.
        if (!this.overview()) {
          this.problem.set(toProblem(error));
        }
      },
    });
  }
}
