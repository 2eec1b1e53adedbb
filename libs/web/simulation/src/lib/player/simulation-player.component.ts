import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  ProblemDetails,
  SimulationActionRequest,
  SimulationActionResponse,
  SimulationLessonView,
  SimulationRunView,
} from '@siantar/contracts';
import type { PracticeMistake, RunAction } from '@siantar/scenario';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { type MonoTypeOperatorFunction, Subject, retry, throwError } from 'rxjs';
import { SimulationApi } from '../api/simulation.api';
import { FormPracticeComponent } from './form-practice.component';
import { MenuPracticeComponent } from './menu-practice.component';
import { SIMULATION_RECONNECT_DELAYS, isConnectionFailure, reconnectWait } from './reconnect';
import { RunHistoryComponent } from './run-history.component';
import { RunStatusComponent } from './run-status.component';
import { SceneViewComponent } from './scene-view.component';

/** A message for the screen-reader live region: a translation key and its parameters. */
interface Announcement {
  key: string;
  params?: Record<string, unknown>;
}

/** 409: the run is no longer in play (finished, or abandoned by a new run elsewhere). */
const RUN_ENDED = 'simulation.run-ended';

/**
 * A simulation lesson (`<sb-simulation-player>`, inputs `enrolmentId` and `lessonId`; output
 * `runEnded` with the finished run). The server plays the scenario: this shows what it returns
 * (the scene, its practice task, the choices offered, the meters and scores, the ending) and
 * sends the learner's moves. A move whose request or answer is lost is sent again with the
 * same seq until the server answers (the server answers a repeated move with its first answer),
 * so a weak connection never plays a move twice; a 409 out-of-step reloads the run.
 */
@Component({
  selector: 'sb-simulation-player',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    SceneViewComponent,
    FormPracticeComponent,
    MenuPracticeComponent,
    RunStatusComponent,
    RunHistoryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sbs-player" [attr.aria-busy]="busy()">
      <sb-problem-alert [problem]="problem()" />
      <div role="status" class="sbs-connection" data-testid="connection-status">
        @if (reconnectAttempt() > 0) {
          <div class="sbs-reconnecting" data-testid="reconnecting">
            <span>{{ 'simulation.player.reconnecting' | translate }}</span>
            <button mat-button type="button" (click)="retryNow()">
              {{ 'simulation.player.retryNow' | translate }}
            </button>
          </div>
        }
      </div>
      <div class="sb-visually-hidden" aria-live="polite" data-testid="announcement">
        @if (announcement(); as a) {
          {{ a.key | translate: a.params }}
        }
      </div>
      @if (loading() || busy()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="
            (loading() ? 'common.loading' : 'simulation.player.waiting') | translate
          "
        />
      }

      @if (run(); as r) {
        <div class="sbs-layout">
          <div class="sbs-main">
            <div aria-live="polite" data-testid="feedback-region">
              @if (resynced()) {
                <p class="sbs-note" data-testid="resynced">
                  {{ 'simulation.player.resynced' | translate }}
                </p>
              }
              @if (feedback(); as f) {
                <div class="sbs-feedback" data-testid="feedback">
                  <strong>{{ 'simulation.player.feedback' | translate }}</strong>
                  <p>{{ f }}</p>
                </div>
              }
            </div>

            <sb-simulation-scene [scene]="r.scene" />

            @if (r.scene.practice; as p) {
              <section class="sbs-practice" aria-labelledby="sbs-practice-title">
                <h3 id="sbs-practice-title" class="sbs-heading">
                  {{ 'simulation.player.practice' | translate: { app: p.appName } }}
                </h3>
                @if (p.kind === 'form') {
                  <sb-simulation-form-practice
                    [practice]="p"
                    [sceneId]="r.scene.id"
                    [mistakes]="lastMistakes()"
                    [busy]="busy()"
                    (submitted)="act({ type: 'form', answers: $event })"
                  />
                } @else {
                  <sb-simulation-menu-practice
                    [practice]="p"
                    [mistakes]="lastMistakes()"
                    [busy]="busy()"
                    (picked)="act({ type: 'menu', optionId: $event })"
                  />
                }
              </section>
            }

            @if (r.ending; as e) {
              <section class="sbs-ending" aria-labelledby="sbs-ending-title" data-testid="ending">
                <h3 id="sbs-ending-title" class="sbs-heading">
                  {{ 'simulation.player.ending.title' | translate }}
                  <span
                    class="sbs-rating"
                    [attr.data-rating]="e.rating"
                    data-testid="ending-rating"
                    >{{ 'simulation.player.rating.' + e.rating | translate }}</span
                  >
                </h3>
                <p class="sbs-total" data-testid="ending-score">
                  {{ 'simulation.player.ending.score' | translate: { score: r.totalScore } }}
                </p>
                <p
                  class="sbs-completes"
                  [class.sbs-completes-no]="!e.completes"
                  data-testid="ending-completes"
                >
                  @if (e.completes) {
                    {{ 'simulation.player.ending.completes' | translate }}
                  } @else if (view()?.completion === 'min-score') {
                    {{
                      'simulation.player.ending.belowMin'
                        | translate: { min: view()?.minScore ?? 0 }
                    }}
                  } @else {
                    {{ 'simulation.player.ending.notCompletes' | translate }}
                  }
                </p>
                <h4 class="sbs-sub">{{ 'simulation.player.ending.debrief' | translate }}</h4>
                <p class="sbs-debrief" data-testid="ending-debrief">{{ e.debrief }}</p>
                @if (r.mistakes.length) {
                  <h4 class="sbs-sub">{{ 'simulation.player.ending.mistakes' | translate }}</h4>
                  <ul class="sbs-mistake-list" data-testid="ending-mistakes">
                    @for (m of r.mistakes; track $index) {
                      <li>
                        <strong>{{ m.label }}</strong>:
                        {{
                          'simulation.player.ending.mistake'
                            | translate: { given: m.given || '—', expected: m.expected }
                        }}
                        {{ m.explain }}
                      </li>
                    }
                  </ul>
                }
                <div class="sbs-actions">
                  <button
                    mat-flat-button
                    type="button"
                    [disabled]="busy()"
                    (click)="start()"
                    data-testid="replay"
                  >
                    {{ 'simulation.player.replay' | translate }}
                  </button>
                </div>
              </section>
            } @else {
              <section class="sbs-choices-section" aria-labelledby="sbs-choices-title">
                <h3 id="sbs-choices-title" class="sbs-heading" tabindex="-1">
                  {{ 'simulation.player.choices' | translate }}
                </h3>
                @if (r.scene.choices.length) {
                  <ul class="sbs-choices" data-testid="choices">
                    @for (c of r.scene.choices; track c.id) {
                      <li>
                        <button
                          mat-stroked-button
                          type="button"
                          [disabled]="busy()"
                          [attr.data-testid]="'choice-' + c.id"
                          (click)="act({ type: 'choose', choiceId: c.id })"
                        >
                          {{ c.label }}
                        </button>
                      </li>
                    }
                  </ul>
                } @else if (r.scene.practice && !r.scene.practice.done) {
                  <p class="sbs-note" data-testid="practice-pending">
                    {{ 'simulation.player.practicePending' | translate }}
                  </p>
                }
              </section>
            }
          </div>
          <aside class="sbs-side" [attr.aria-label]="'simulation.player.status.title' | translate">
            <sb-simulation-run-status
              [variables]="r.variables"
              [scores]="r.scores"
              [total]="r.totalScore"
            />
          </aside>
        </div>
      }

      @if (view(); as v) {
        @if (!run()) {
          <section class="sbs-intro" aria-labelledby="sbs-intro-title" data-testid="intro">
            <h2 id="sbs-intro-title" class="sbs-heading">
              {{ 'simulation.player.intro.title' | translate }}
            </h2>
            <ul class="sbs-rules">
              <li>{{ 'simulation.player.intro.how' | translate }}</li>
              <li>
                @if (v.completion === 'min-score') {
                  {{ 'simulation.player.intro.minScore' | translate: { min: v.minScore ?? 0 } }}
                } @else {
                  {{ 'simulation.player.intro.ending' | translate }}
                }
              </li>
              <li>{{ 'simulation.player.intro.counts.' + v.counts | translate }}</li>
            </ul>
            <div class="sbs-actions">
              <button
                mat-flat-button
                type="button"
                [disabled]="busy()"
                (click)="start()"
                data-testid="start"
              >
                {{
                  (v.runs.length ? 'simulation.player.replay' : 'simulation.player.start')
                    | translate
                }}
              </button>
            </div>
          </section>
        }
        @if (v.runs.length && (!run() || run()?.status === 'ended')) {
          <section class="sbs-history">
            <sb-simulation-run-history [runs]="v.runs" [counted]="v.counted" [counts]="v.counts" />
          </section>
        }
      } @else if (problem() && !loading()) {
        <button mat-stroked-button type="button" (click)="reload()" data-testid="reload">
          {{ 'simulation.player.reload' | translate }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .sbs-heading {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .sbs-heading:focus {
      outline: none;
    }
    .sbs-heading:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 4px;
    }
    .sbs-sub {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .sbs-layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 260px;
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 959.98px) {
      .sbs-layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .sbs-side {
      position: sticky;
      top: 16px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .sbs-reconnecting {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      margin-bottom: 8px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .sbs-feedback {
      padding: 12px 16px;
      margin-bottom: 16px;
      border-inline-start: 4px solid var(--mat-sys-primary);
      border-radius: 4px 8px 8px 4px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      p {
        margin: 4px 0 0;
      }
    }
    .sbs-note {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .sbs-choices {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
      button {
        width: 100%;
        min-height: 48px;
        height: auto;
        padding-block: 8px;
        justify-content: flex-start;
        text-align: start;
        white-space: normal;
      }
    }
    .sbs-ending {
      margin-top: 16px;
      padding: 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      .sbs-heading {
        margin-top: 0;
      }
    }
    .sbs-rating {
      display: inline-block;
      margin-inline-start: 8px;
      padding: 2px 12px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .sbs-rating[data-rating='best'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .sbs-rating[data-rating='poor'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .sbs-total {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .sbs-completes {
      margin: 0;
      color: var(--mat-sys-primary);
    }
    .sbs-completes-no {
      color: var(--mat-sys-on-surface-variant);
    }
    .sbs-debrief {
      white-space: pre-line;
      margin: 0;
    }
    .sbs-mistake-list {
      margin: 0;
      padding-inline-start: 20px;
    }
    .sbs-actions {
      margin-top: 16px;
    }
    .sbs-rules {
      margin: 0;
      padding-inline-start: 20px;
      line-height: 1.7;
    }
    .sbs-history {
      margin-top: 24px;
    }
  `,
})
export class SimulationPlayerComponent {
  private readonly api = inject(SimulationApi);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly document = inject(DOCUMENT);
  private readonly delays = inject(SIMULATION_RECONNECT_DELAYS);

  readonly enrolmentId = input.required<string>();
  readonly lessonId = input.required<string>();
  /** A run reached its ending: the lesson's progress may have changed on the server. */
  readonly runEnded = output<SimulationRunView>();

  protected readonly view = signal<SimulationLessonView | null>(null);
  protected readonly run = signal<SimulationRunView | null>(null);
  protected readonly loading = signal(true);
  /** A start or a move is on its way: every control waits, so nothing is played twice. */
  protected readonly busy = signal(false);
  /** The resend being waited for (1, 2, …) while the server cannot be reached; 0 otherwise. */
  protected readonly reconnectAttempt = signal(0);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** The feedback of the choice just made. */
  protected readonly feedback = signal<string | null>(null);
  /** The mistakes of the last practice move. */
  protected readonly lastMistakes = signal<PracticeMistake[]>([]);
  protected readonly resynced = signal(false);
  protected readonly announcement = signal<Announcement | null>(null);

  private readonly retryNow$ = new Subject<void>();

  constructor() {
    effect(() => {
      const enrolmentId = this.enrolmentId();
      const lessonId = this.lessonId();
      untracked(() => this.load(enrolmentId, lessonId));
    });
  }

  protected reload(): void {
    this.load(this.enrolmentId(), this.lessonId());
  }

  protected retryNow(): void {
    this.retryNow$.next();
  }

  /** "Mulai" and "Main lagi": a new run (an unfinished one is abandoned by the server). */
  protected start(): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .start(this.enrolmentId(), this.lessonId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (run) => {
          this.busy.set(false);
          this.clearMessages();
          this.run.set(run);
          this.focus('sbs-scene-title');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }

  /** Sends one move as the run's next (seq + 1); resent with that same seq while unreachable. */
  protected act(action: RunAction): void {
    const run = this.run();
    if (!run || run.status !== 'playing' || this.busy()) {
      return;
    }
    const request: SimulationActionRequest = { seq: run.seq + 1, action };
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .act(run.id, request)
      .pipe(this.resendWhileUnreachable(), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          this.reconnectAttempt.set(0);
          this.busy.set(false);
          this.applyResponse(run, action, response);
        },
        error: (error: unknown) => {
          this.reconnectAttempt.set(0);
          this.busy.set(false);
          const problem = toProblem(error);
          if (problem.code === RUN_ENDED) {
            // Finished or replaced in another tab or on another device: show the lesson as
            // the server has it now (the run in play, if any, and the history).
            this.load(this.enrolmentId(), this.lessonId());
            this.problem.set(problem);
            return;
          }
          if (problem.status === 409) {
            // `simulation.out-of-step`: another tab moved on, or an answer was lost; carry on
            // from where the server is.
            this.resync(run.id, true);
            return;
          }
          this.problem.set(problem);
          if (problem.status === 400 && problem.code?.startsWith('simulation.')) {
            // Refused (not offered, practice pending…): what is shown may be stale.
            this.resync(run.id, false);
          }
        },
      });
  }

  private load(enrolmentId: string, lessonId: string): void {
    this.loading.set(true);
    this.problem.set(null);
    this.view.set(null);
    this.run.set(null);
    this.clearMessages();
    this.api
      .lesson(enrolmentId, lessonId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.view.set(view);
          // The run in play continues where it was left (after a reload or on another device).
          this.run.set(view.run);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.loading.set(false);
        },
      });
  }

  private applyResponse(
    before: SimulationRunView,
    action: RunAction,
    response: SimulationActionResponse,
  ): void {
    const run = response.run;
    this.resynced.set(false);
    this.feedback.set(response.feedback);
    this.lastMistakes.set(response.mistakes);
    this.run.set(run);
    const practice = run.scene.practice;
    if (run.scene.id !== before.scene.id || run.status === 'ended') {
      this.announcement.set(null);
      this.focus('sbs-scene-title');
    } else if (action.type === 'form') {
      this.announcement.set(
        response.mistakes.length
          ? { key: 'simulation.player.form.mistakes', params: { n: response.mistakes.length } }
          : { key: 'simulation.player.form.done' },
      );
      this.focus(response.mistakes.length ? 'sbs-form-errors' : 'sbs-choices-title');
    } else if (action.type === 'menu') {
      if (response.mistakes.length) {
        // The same screen: the focus stays on the option picked; the reason is announced.
        this.announcement.set({ key: 'simulation.player.menu.wrongShort' });
      } else if (practice?.kind === 'menu-path' && practice.screen && !practice.done) {
        this.announcement.set({
          key: 'simulation.player.menu.next',
          params: { screen: practice.screen.title },
        });
        this.focus('sbs-menu-screen');
      } else {
        this.announcement.set({ key: 'simulation.player.menu.done' });
        this.focus('sbs-choices-title');
      }
    }
    this.afterRun(before, run);
  }

  /** Reloads the run from the server (409: out of step; 400: a refused move). */
  private resync(runId: string, announce: boolean): void {
    const before = this.run();
    this.busy.set(true);
    this.api
      .run(runId)
      .pipe(this.resendWhileUnreachable(), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (run) => {
          this.reconnectAttempt.set(0);
          this.busy.set(false);
          this.clearMessages();
          this.resynced.set(announce);
          this.run.set(run);
          if (announce || before?.scene.id !== run.scene.id) {
            this.focus('sbs-scene-title');
          }
          if (before) {
            this.afterRun(before, run);
          }
        },
        error: (error: unknown) => {
          this.reconnectAttempt.set(0);
          this.busy.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }

  /** At an ending: the history and the counted run change, and so may the lesson's progress. */
  private afterRun(before: SimulationRunView, run: SimulationRunView): void {
    if (before.status === 'playing' && run.status === 'ended') {
      this.runEnded.emit(run);
      this.refreshHistory();
    }
  }

  private refreshHistory(): void {
    this.api
      .lesson(this.enrolmentId(), this.lessonId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        // The finished run stays on screen; only the history and the counted result change.
        next: (view) => this.view.set(view),
        error: () => undefined,
      });
  }

  private clearMessages(): void {
    this.feedback.set(null);
    this.lastMistakes.set([]);
    this.resynced.set(false);
    this.announcement.set(null);
  }

  /** Resends (same request, same seq) after a lost connection, waiting longer each time. */
  private resendWhileUnreachable<T>(): MonoTypeOperatorFunction<T> {
    return retry({
      delay: (error: unknown, attempt: number) => {
        if (!isConnectionFailure(error)) {
          return throwError(() => error);
        }
        this.reconnectAttempt.set(attempt);
        return reconnectWait(attempt, this.delays, this.retryNow$, this.document.defaultView);
      },
    });
  }

  /** After the next render: keyboard and screen-reader users continue from the new content. */
  private focus(id: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus(), {
      injector: this.injector,
    });
  }
}
