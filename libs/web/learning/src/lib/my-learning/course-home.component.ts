import { DecimalPipe } from '@angular/common';
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
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  CompletionChecklist,
  LearnerCourseResponse,
  LessonProgressView,
  OutlineLesson,
  ProblemDetails,
} from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { CourseEvaluationLinksComponent } from '@siantar/web-evaluation';
import { LearningApi } from '../api/learning.api';
import { ProgressQueueService } from '../progress/progress-queue.service';
import { SyncStatusComponent } from '../progress/sync-status.component';
import { CompletionChecklistComponent } from './completion-checklist.component';
import { LESSON_STATUS_ICONS, LESSON_TYPE_ICONS } from '../ui/learning-icons';

type HomeLesson = OutlineLesson & { progress: LessonProgressView };

/** `/belajar/:enrolmentId`: the learner's course home. */
@Component({
  selector: 'sb-course-home',
  imports: [
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    SyncStatusComponent,
    CompletionChecklistComponent,
    CourseEvaluationLinksComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/belajar">
      <mat-icon svgIcon="sbl-back" aria-hidden="true" />
      {{ 'learning.my.title' | translate }}
    </a>
    <sb-problem-alert [problem]="problem()" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (course(); as c) {
      <div class="sb-page-header">
        <div>
          <h1 class="sb-page-title">{{ c.enrolment.title }}</h1>
          <p class="sb-muted">
            <span class="sb-code">{{ c.enrolment.code }}</span> · {{ c.jp }} JP
          </p>
        </div>
        <sb-sync-status />
      </div>
      <div class="sb-overall">
        <mat-progress-bar
          mode="determinate"
          [value]="percent()"
          [attr.aria-label]="'learning.progressOf' | translate: { title: c.enrolment.title }"
        />
        <span data-testid="course-progress">{{
          'learning.home.progress'
            | translate
              : { done: doneCount(), total: lessonCount(), percent: (percent() | number: '1.0-0') }
        }}</span>
      </div>
      @if (resumeId(); as resume) {
        <a
          mat-flat-button
          class="sb-resume"
          [routerLink]="['/belajar', c.enrolment.id, resume]"
          data-testid="resume"
        >
          <mat-icon svgIcon="sbl-play" aria-hidden="true" />
          {{ (doneCount() === 0 ? 'learning.home.start' : 'learning.home.resume') | translate }}
        </a>
      }
      <sb-completion-checklist
        [enrolmentId]="c.enrolment.id"
        [initial]="checklistOf(c)"
        (changed)="load(enrolmentId())"
      />
      @if (c.enrolment.status === 'completed') {
        <!-- After the course: the feedback survey, the action plan (RTL) and the follow-ups. -->
        <sb-course-evaluation-links [enrolmentId]="c.enrolment.id" [completed]="true" />
      }
      @for (m of c.modules; track m.id; let mi = $index) {
        <section class="sb-module">
          <h2>{{ 'learning.home.module' | translate: { n: mi + 1 } }}: {{ m.title }}</h2>
          <ol class="sb-lessons">
            @for (l of m.lessons; track l.id) {
              <li
                [attr.data-lesson-id]="l.id"
                [attr.data-status]="status(l)"
                data-testid="home-lesson"
              >
                <mat-icon
                  class="sb-status-icon"
                  [class.sb-done]="status(l) === 'completed'"
                  [svgIcon]="l.progress.locked ? 'sbl-lock' : statusIcon(l)"
                  aria-hidden="true"
                />
                <mat-icon [svgIcon]="typeIcon(l.type)" aria-hidden="true" />
                @if (l.progress.locked) {
                  <span class="sb-grow sb-locked">
                    {{ l.title }}
                    <span class="sb-muted sb-reason">{{
                      l.progress.lockedReason ?? ('learning.home.lockedReason' | translate)
                    }}</span>
                  </span>
                } @else {
                  <a class="sb-grow" [routerLink]="['/belajar', c.enrolment.id, l.id]">{{
                    l.title
                  }}</a>
                }
                <span class="sb-muted sb-meta">
                  <span class="sb-visually-hidden">
                    {{ 'learning.lessonType.' + l.type | translate }},
                    {{
                      (l.progress.locked
                        ? 'learning.status.locked'
                        : 'learning.status.' + status(l)
                      ) | translate
                    }},
                  </span>
                  {{ 'learning.minutes' | translate: { n: l.durationMinutes } }}
                </span>
              </li>
            }
          </ol>
        </section>
      }
    }
  `,
  styles: `
    .sb-overall {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      mat-progress-bar {
        flex: 1 1 200px;
      }
    }
    .sb-resume {
      margin: 16px 0;
    }
    .sb-module h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .sb-lessons {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      li {
        display: flex;
        align-items: center;
        gap: 10px;
        padding: 10px 12px;
        min-height: 48px;
        box-sizing: border-box;
      }
      li + li {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
      a {
        color: inherit;
        padding: 8px 0;
      }
    }
    .sb-grow {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .sb-status-icon.sb-done {
      color: var(--mat-sys-primary);
    }
    .sb-locked {
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-reason {
      display: block;
      font: var(--mat-sys-body-small);
    }
    .sb-meta {
      white-space: nowrap;
    }
  `,
})
export class CourseHomeComponent {
  private readonly api = inject(LearningApi);
  private readonly queue = inject(ProgressQueueService);

  readonly enrolmentId = input.required<string>();

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly course = signal<LearnerCourseResponse | null>(null);

  private readonly lessons = computed(() => this.course()?.modules.flatMap((m) => m.lessons) ?? []);
  protected readonly lessonCount = computed(() => this.lessons().length);
  protected readonly doneCount = computed(
    () => this.lessons().filter((l) => this.status(l) === 'completed').length,
  );
  /** The server's percent, raised by what this session has since had confirmed. */
  protected readonly percent = computed(() => {
    const c = this.course();
    if (!c) {
      return 0;
    }
    const local = this.lessonCount() ? (100 * this.doneCount()) / this.lessonCount() : 0;
    return Math.max(c.enrolment.percent, local);
  });
  protected readonly resumeId = computed(() => {
    const c = this.course();
    if (!c) {
      return null;
    }
    return (
      c.enrolment.resumeLessonId ??
      this.lessons().find((l) => !l.progress.locked && this.status(l) !== 'completed')?.id ??
      null
    );
  });

  constructor() {
    effect(() => {
      const id = this.enrolmentId();
      untracked(() => this.load(id));
    });
  }

  protected status(l: HomeLesson): LessonProgressView['status'] {
    const live = this.queue.lessonState(this.enrolmentId(), l.id);
    if (live?.status === 'completed' || l.progress.status === 'completed') {
      return 'completed';
    }
    return live?.status ?? l.progress.status;
  }

  protected statusIcon(l: HomeLesson): string {
    return LESSON_STATUS_ICONS[this.status(l)];
  }

  /** The checklist sent with the course (servers before the completion issue send none). */
  protected checklistOf(c: LearnerCourseResponse): CompletionChecklist | null {
    return (c as Partial<{ completion: CompletionChecklist }>).completion ?? null;
  }

  protected typeIcon(type: string): string {
    return LESSON_TYPE_ICONS[type] ?? 'sbl-text';
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api.course(id).subscribe({
      next: (course) => {
        this.course.set(course);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }
}
