import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { CompletionChecklist, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest } from '@siantar/web-core';
import { CourseEvaluationLinksComponent } from '@siantar/web-evaluation';
import { ProgressEventsService } from '@siantar/web-progress';
import { filter, merge } from 'rxjs';
import { LearningApi } from '../api/learning.api';

/**
 * "Yang perlu diselesaikan": each completion criterion met or not, done/total and what
 * remains, the deadline (and whether it passed), and a link to the feedback survey (the
 * evaluation screens) when it is due.
 * Refetched when the server says the enrolment's completion changed.
 */
@Component({
  selector: 'sb-completion-checklist',
  imports: [
    DatePipe,
    MatIconModule,
    TranslatePipe,
    ProblemAlertComponent,
    CourseEvaluationLinksComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="checklist"
      aria-labelledby="sb-checklist-title"
      data-testid="completion-checklist"
    >
      <h2 id="sb-checklist-title">{{ 'progress.completion.title' | translate }}</h2>
      <sb-problem-alert [problem]="problem()" />
      @if (checklist(); as c) {
        @if (c.completedAt) {
          <p class="done" role="status" data-testid="checklist-completed">
            <mat-icon svgIcon="sbl-done" aria-hidden="true" />
            {{
              'progress.completion.completed'
                | translate: { date: (c.completedAt | date: 'medium') }
            }}
          </p>
        }
        @if (c.deadline) {
          <p [class.sb-error-text]="c.expired">
            {{
              'progress.completion.deadline' | translate: { date: (c.deadline | date: 'medium') }
            }}
          </p>
        }
        @if (c.expired) {
          <p class="sb-error-text" role="alert" data-testid="checklist-expired">
            {{ 'progress.completion.expired' | translate }}
          </p>
        }
        <ul>
          @for (item of c.items; track item.criterion) {
            <li [attr.data-criterion]="item.criterion" [attr.data-met]="item.met">
              <mat-icon
                [svgIcon]="item.met ? 'sbl-done' : 'sbl-todo'"
                [class.met]="item.met"
                aria-hidden="true"
              />
              <div class="grow">
                <span class="sb-visually-hidden"
                  >{{
                    (item.met ? 'progress.completion.met' : 'progress.completion.unmet')
                      | translate
                  }}:</span
                >
                {{ 'progress.completion.criterion.' + item.criterion | translate }}
                @if (item.total > 0) {
                  <span class="count">{{
                    'progress.completion.progress'
                      | translate: { done: item.done, total: item.total }
                  }}</span>
                }
                @if (!item.met && item.remaining.length) {
                  <span class="sb-muted remaining">
                    {{
                      'progress.completion.remaining'
                        | translate: { items: item.remaining.join(', ') }
                    }}
                  </span>
                }
              </div>
            </li>
          }
        </ul>
        @if (surveyDue()) {
          <sb-course-evaluation-links [enrolmentId]="enrolmentId()" />
        }
      }
    </section>
  `,
  styles: `
    .checklist {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      padding: 12px 16px;
      margin: 16px 0;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    ul {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    li {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 6px 0;
    }
    mat-icon {
      flex: none;
      color: var(--mat-sys-on-surface-variant);
    }
    mat-icon.met,
    .done mat-icon {
      color: var(--mat-sys-primary);
    }
    .grow {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .count {
      margin-inline-start: 8px;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .remaining {
      display: block;
      font: var(--mat-sys-body-small);
    }
    .done {
      display: flex;
      gap: 8px;
      align-items: center;
    }
  `,
})
export class CompletionChecklistComponent {
  private readonly api = inject(LearningApi);

  readonly enrolmentId = input.required<string>();
  /** The checklist that came with the course, if the server sent it; fetched otherwise. */
  readonly initial = input<CompletionChecklist | null>(null);
  /** The checklist changed (e.g. the course completed): the page may refetch the course. */
  readonly changed = output<CompletionChecklist>();

  protected readonly checklist = signal<CompletionChecklist | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly surveyDue = computed(() => {
    const c = this.checklist();
    return (
      !!c &&
      c.status === 'active' &&
      !c.expired &&
      c.items.some((i) => i.criterion === 'survey' && !i.met)
    );
  });

  constructor() {
    effect(() => {
      const initial = this.initial();
      const id = this.enrolmentId();
      untracked(() => (initial ? this.checklist.set(initial) : this.load(id)));
    });
    const events = inject(ProgressEventsService);
    merge(
      events.completions.pipe(filter((e) => e.enrolmentId === this.enrolmentId())),
      events.connects,
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.load(this.enrolmentId(), true));
  }

  private load(id: string, notify = false): void {
    sendRequest(this.api.completion(id), { busy: this.loading, problem: this.problem }, (c) => {
      const before = this.checklist();
      this.checklist.set(c);
      if (notify && before && before.status !== c.status) {
        this.changed.emit(c);
      }
    });
  }
}
