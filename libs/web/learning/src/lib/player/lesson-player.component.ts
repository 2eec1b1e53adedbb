import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type Type,
  ViewContainerRef,
  computed,
  effect,
  inject,
  input,
  inputBinding,
  outputBinding,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  LessonPlayerResponse,
  LessonProgressStatus,
  ProblemDetails,
} from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { catchError, of, throwError } from 'rxjs';
import { LearningApi } from '../api/learning.api';
import { ProgressQueueService } from '../progress/progress-queue.service';
import { SyncStatusComponent } from '../progress/sync-status.component';
import { LESSON_STATUS_ICONS, LESSON_TYPE_ICONS } from '../ui/learning-icons';
import { DocumentLessonComponent } from './document-lesson.component';
import { LinkLessonComponent } from './link-lesson.component';
import { ScormLessonComponent } from './scorm-lesson.component';
import { TextLessonComponent } from './text-lesson.component';
import { VideoLessonComponent } from './video-lesson.component';

/**
 * Lessons already fetched in this session, and the next one fetched ahead: on a connection that
 * drops, the learner can still open the next lesson (its events wait in the queue).
 */
const lessonCache = new Map<string, LessonPlayerResponse>();
const cacheKey = (e: string, l: string): string => `${e}/${l}`;

/** `/belajar/:enrolmentId/:lessonId`: one lesson, previous/next, and the save status. */
@Component({
  selector: 'sb-lesson-player',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    SyncStatusComponent,
    TextLessonComponent,
    VideoLessonComponent,
    DocumentLessonComponent,
    LinkLessonComponent,
    ScormLessonComponent,
    NgComponentOutlet,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-player-bar">
      <a mat-button [routerLink]="['/belajar', enrolmentId()]" data-testid="course-home-link">
        <mat-icon svgIcon="sbl-back" aria-hidden="true" />
        {{ 'learning.player.courseHome' | translate }}
      </a>
      <sb-sync-status />
    </div>
    <sb-problem-alert [problem]="problem()" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (lesson(); as l) {
      <header class="sb-lesson-header">
        <h1 #heading class="sb-page-title" tabindex="-1" data-testid="lesson-title">
          {{ l.title }}
        </h1>
        <p class="sb-meta">
          <mat-icon [svgIcon]="typeIcon(l.type)" aria-hidden="true" />
          <span>{{ 'learning.lessonType.' + l.type | translate }}</span>
          <span>· {{ 'learning.minutes' | translate: { n: l.durationMinutes } }}</span>
          <span class="sb-chip" data-testid="lesson-status" [attr.data-status]="status()">
            <mat-icon class="sb-chip-icon" [svgIcon]="statusIcon()" aria-hidden="true" />
            {{ 'learning.status.' + status() | translate }}
          </span>
        </p>
      </header>

      <section class="sb-lesson-body" [attr.aria-label]="l.title">
        @switch (l.type) {
          @case ('text') {
            <sb-text-lesson
              [html]="l.text?.html ?? ''"
              [enrolmentId]="l.enrolmentId"
              [lessonId]="l.lessonId"
            />
          }
          @case ('video') {
            @if (l.video; as v) {
              <sb-video-lesson
                [url]="v.url"
                [title]="l.title"
                [enrolmentId]="l.enrolmentId"
                [lessonId]="l.lessonId"
                [startAt]="l.progress.positionSeconds"
              />
            }
          }
          @case ('document') {
            @if (l.document; as d) {
              <sb-document-lesson
                [url]="d.url"
                [downloadUrl]="d.downloadUrl"
                [filename]="d.filename"
              />
            }
          }
          @case ('link') {
            @if (l.link; as k) {
              <sb-link-lesson [url]="k.url" [enrolmentId]="l.enrolmentId" [lessonId]="l.lessonId" />
            }
          }
          @case ('scorm') {
            <sb-scorm-lesson
              [enrolmentId]="l.enrolmentId"
              [lessonId]="l.lessonId"
              [title]="l.title"
            />
          }
          @case ('quiz') {
            @if (l.quiz; as q) {
              @if (quizComponent(); as quiz) {
                <ng-container
                  *ngComponentOutlet="
                    quiz;
                    inputs: { quizId: q.quizId, enrolmentId: l.enrolmentId, lessonId: l.lessonId }
                  "
                />
              } @else {
                <mat-progress-bar
                  mode="indeterminate"
                  [attr.aria-label]="'common.loading' | translate"
                />
              }
            }
          }
          @case ('simulation') {
            @if (!simulationComponent()) {
              <mat-progress-bar
                mode="indeterminate"
                [attr.aria-label]="'common.loading' | translate"
              />
            }
            <ng-container #simulationHost />
          }
          @default {
            <p class="sb-placeholder" data-testid="lesson-placeholder">
              {{ 'learning.player.comingSoon' | translate }}
            </p>
          }
        }
      </section>

      <nav class="sb-prev-next" [attr.aria-label]="'learning.player.lessonNav' | translate">
        @if (l.previousLessonId) {
          <a
            mat-stroked-button
            [routerLink]="['/belajar', l.enrolmentId, l.previousLessonId]"
            data-testid="prev-lesson"
          >
            <mat-icon svgIcon="sbl-back" aria-hidden="true" />
            {{ 'learning.player.previous' | translate }}
          </a>
        }
        <span class="sb-spacer"></span>
        @if (l.nextLessonId) {
          <a
            mat-flat-button
            [routerLink]="['/belajar', l.enrolmentId, l.nextLessonId]"
            data-testid="next-lesson"
          >
            {{ 'learning.player.next' | translate }}
            <mat-icon iconPositionEnd svgIcon="sbl-next" aria-hidden="true" />
          </a>
        } @else {
          <a mat-flat-button [routerLink]="['/belajar', l.enrolmentId]">
            {{ 'learning.player.finish' | translate }}
          </a>
        }
      </nav>
    } @else if (problem()) {
      <a mat-stroked-button [routerLink]="['/belajar', enrolmentId()]">{{
        'learning.player.courseHome' | translate
      }}</a>
    }
  `,
  styles: `
    .sb-player-bar,
    .sb-prev-next {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .sb-prev-next {
      margin-top: 24px;
      padding-top: 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .sb-lesson-header {
      margin: 12px 0 16px;
    }
    .sb-meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .sb-chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .sb-chip-icon {
      width: 16px;
      height: 16px;
    }
    .sb-placeholder {
      padding: 32px 16px;
      text-align: center;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 12px;
    }
  `,
})
export class LessonPlayerComponent {
  private readonly api = inject(LearningApi);
  private readonly queue = inject(ProgressQueueService);

  readonly enrolmentId = input.required<string>();
  readonly lessonId = input.required<string>();

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly lesson = signal<LessonPlayerResponse | null>(null);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  /** The quiz screen (web-assessment), loaded with the first quiz lesson. */
  protected readonly quizComponent = signal<Type<unknown> | null>(null);
  /** The simulation player (web-simulation), loaded with the first simulation lesson. */
  protected readonly simulationComponent = signal<Type<unknown> | null>(null);
  private readonly simulationHost = viewChild('simulationHost', { read: ViewContainerRef });
  private firstLoad = true;

  protected readonly status = computed<LessonProgressStatus>(() => {
    const l = this.lesson();
    if (!l) {
      return 'not-started';
    }
    const live = this.queue.lessonState(l.enrolmentId, l.lessonId);
    if (live?.status === 'completed' || l.progress.status === 'completed') {
      return 'completed';
    }
    return live?.status ?? l.progress.status;
  });
  protected readonly statusIcon = computed(() => LESSON_STATUS_ICONS[this.status()]);

  constructor() {
    effect(() => {
      const e = this.enrolmentId();
      const l = this.lessonId();
      untracked(() => this.load(e, l));
    });
    // The simulation player is created here (not by ngComponentOutlet) to hear its `runEnded`.
    effect(() => {
      const host = this.simulationHost();
      const component = this.simulationComponent();
      const l = untracked(this.lesson);
      if (!host || !component || l?.type !== 'simulation') {
        return;
      }
      host.clear();
      host.createComponent(component, {
        bindings: [
          inputBinding('enrolmentId', () => l.enrolmentId),
          inputBinding('lessonId', () => l.lessonId),
          outputBinding('runEnded', () => this.refreshProgress(l.enrolmentId, l.lessonId)),
        ],
      });
    });
  }

  protected typeIcon(type: string): string {
    return LESSON_TYPE_ICONS[type] ?? 'sbl-text';
  }

  private load(enrolmentId: string, lessonId: string): void {
    this.loading.set(true);
    this.problem.set(null);
    // Unmount the previous lesson first so that its timers and players stop and report.
    this.lesson.set(null);
    const key = cacheKey(enrolmentId, lessonId);
    this.api
      .lesson(enrolmentId, lessonId)
      .pipe(
        catchError((error: unknown) => {
          const cached = lessonCache.get(key);
          return cached && toProblem(error).status === 0 ? of(cached) : throwError(() => error);
        }),
      )
      .subscribe({
        next: (lesson) => {
          lessonCache.set(key, lesson);
          if (lesson.type === 'quiz') {
            this.loadQuiz();
          } else if (lesson.type === 'simulation') {
            this.loadSimulation();
          }
          this.lesson.set(lesson);
          this.loading.set(false);
          void this.queue.record({ enrolmentId, lessonId, kind: 'opened' });
          this.focusHeading();
          this.prefetch(enrolmentId, lesson.nextLessonId);
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.loading.set(false);
        },
      });
  }

  private loadQuiz(): void {
    if (this.quizComponent()) {
      return;
    }
    void import('@siantar/web-assessment')
      .then((m) => m.loadQuizLessonComponent())
      .then(
        (component) => this.quizComponent.set(component),
        (error: unknown) => this.problem.set(toProblem(error)),
      );
  }

  private loadSimulation(): void {
    if (this.simulationComponent()) {
      return;
    }
    void import('@siantar/web-simulation')
      .then((m) => m.loadSimulationPlayerComponent())
      .then(
        (component) => this.simulationComponent.set(component),
        (error: unknown) => this.problem.set(toProblem(error)),
      );
  }

  /**
   * A simulation run ended: the server has completed the lesson if the run met its rule, so the
   * status is read again (as it is when a quiz attempt leads back to its lesson).
   */
  private refreshProgress(enrolmentId: string, lessonId: string): void {
    this.api.lesson(enrolmentId, lessonId).subscribe({
      next: (fresh) => {
        lessonCache.set(cacheKey(enrolmentId, lessonId), fresh);
        this.lesson.update((l) =>
          l?.enrolmentId === enrolmentId && l.lessonId === lessonId
            ? { ...l, progress: fresh.progress }
            : l,
        );
      },
      // The status shown stays; the course home reads it afresh when opened.
      error: () => undefined,
    });
  }

  private prefetch(enrolmentId: string, lessonId: string | null): void {
    if (!lessonId) {
      return;
    }
    this.api.lesson(enrolmentId, lessonId).subscribe({
      next: (next) => lessonCache.set(cacheKey(enrolmentId, lessonId), next),
      // Locked or unreachable: it is fetched (and explained) when opened.
      error: () => undefined,
    });
  }

  /** After moving to another lesson, screen-reader and keyboard users start at its title. */
  private focusHeading(): void {
    if (this.firstLoad) {
      this.firstLoad = false;
      return;
    }
    setTimeout(() => this.heading()?.nativeElement.focus());
  }
}
