import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type Signal,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { GradingQueueItem, Page, ProblemDetails } from '@siantar/contracts';
import {
  ProblemAlertComponent,
  PageState,
  PaginatorComponent,
  loadOnChange,
} from '@siantar/web-core';
import { tap } from 'rxjs';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';

/** `/penilaian/penilaian-esai?kuis=`: essays waiting for a trainer's mark, oldest first. */
@Component({
  selector: 'sb-grading-queue',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    PaginatorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <h1 class="sb-page-title">{{ 'assessment.grading.title' | translate }}</h1>
      @if (quizId()) {
        <a
          mat-stroked-button
          [routerLink]="['/penilaian/kuis', quizId(), 'laporan']"
          data-testid="grading-report-link"
        >
          <mat-icon svgIcon="sba-chart" aria-hidden="true" />
          {{ 'assessment.report.title' | translate }}
        </a>
      }
    </div>
    <p class="sb-lead">{{ 'assessment.grading.lead' | translate }}</p>
    <div
      class="sb-filters"
      role="search"
      [attr.aria-label]="'assessment.grading.filter' | translate"
    >
      <mat-form-field>
        <mat-label>{{ 'assessment.grading.quiz' | translate }}</mat-label>
        <mat-select
          [value]="quizId()"
          (selectionChange)="setQuiz($event.value)"
          data-testid="grading-quiz-filter"
        >
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (q of quizzes(); track q.id) {
            <mat-option [value]="q.id">{{ q.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    <sb-problem-alert [problem]="problem()" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <p class="sb-summary" role="status">
      {{ 'assessment.grading.waiting' | translate: { count: total() } }}
    </p>
    <ul class="sba-queue" [attr.aria-label]="'assessment.grading.title' | translate">
      @for (item of items(); track item.attemptId + ':' + item.slot) {
        <li>
          <a
            class="sba-item"
            [routerLink]="['/penilaian/penilaian-esai', item.attemptId, item.slot]"
            [queryParams]="quizId() ? { kuis: quizId() } : {}"
            data-testid="grading-item"
          >
            <span class="sba-item-main">
              <span class="sb-strong">{{ item.questionName }}</span>
              <span class="sb-muted">{{ item.quizTitle }}</span>
            </span>
            <span class="sba-item-meta">
              <span>{{ item.learnerLabel }}</span>
              <span class="sb-muted">
                {{ item.submittedAt | date: 'medium' }} ·
                {{
                  'assessment.grading.maxMark'
                    | translate: { mark: (item.maxMark | number: '1.0-2') }
                }}
              </span>
            </span>
            <mat-icon svgIcon="sba-next" aria-hidden="true" />
          </a>
        </li>
      } @empty {
        <li class="sb-empty">
          {{ (loading() ? 'common.loading' : 'assessment.grading.empty') | translate }}
        </li>
      }
    </ul>
    <sb-paginator [state]="paging" [length]="total()" />
  `,
  styles: `
    .sba-queue {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      overflow: hidden;
      li + li {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .sba-item {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
      padding: 12px 16px;
      color: inherit;
      text-decoration: none;
      &:hover,
      &:focus-visible {
        background: var(--mat-sys-surface-container-high);
      }
    }
    .sba-item-main,
    .sba-item-meta {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .sba-item-main {
      flex: 1 1 280px;
    }
    .sba-item-meta {
      flex: 0 1 260px;
    }
  `,
})
export class GradingQueueComponent {
  private readonly api = inject(AssessmentAuthoringApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** `?kuis=` */
  readonly kuis = input<string>();

  protected readonly quizId = signal('');
  protected readonly paging = new PageState();
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly page: Signal<Page<GradingQueueItem> | null>;
  protected readonly items = computed(() => this.page()?.items ?? []);
  protected readonly total = computed(() => this.page()?.total ?? 0);
  /** Quizzes met so far (the API has no list of quizzes with essays); the filtered one stays. */
  protected readonly quizzes = signal<{ id: string; title: string }[]>([]);
  private readonly filter = computed(() => ({
    quizId: this.quizId() || undefined,
    limit: this.paging.size(),
    offset: this.paging.offset(),
  }));

  constructor() {
    effect(() => {
      const kuis = this.kuis() ?? '';
      untracked(() => {
        if (kuis !== this.quizId()) {
          this.quizId.set(kuis);
          this.paging.first();
        }
        if (kuis && !this.quizzes().some((q) => q.id === kuis)) {
          this.api.quiz(kuis).subscribe({
            next: (quiz) => this.remember([{ id: quiz.id, title: quiz.title }]),
            error: () => this.remember([{ id: kuis, title: kuis }]),
          });
        }
      });
    });
    this.page = loadOnChange(
      this.filter,
      (filter) =>
        this.api
          .gradingQueue(filter)
          .pipe(
            tap((page) =>
              this.remember(page.items.map((i) => ({ id: i.quizId, title: i.quizTitle }))),
            ),
          ),
      { loading: this.loading, problem: this.problem },
    );
  }

  private remember(quizzes: { id: string; title: string }[]): void {
    this.quizzes.update((known) => {
      const next = [...known];
      for (const q of quizzes) {
        const at = next.findIndex((k) => k.id === q.id);
        if (at === -1) {
          next.push(q);
        } else if (next[at]?.title === q.id) {
          next[at] = q;
        }
      }
      return next.sort((a, b) => a.title.localeCompare(b.title, 'id'));
    });
  }

  protected setQuiz(value: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { kuis: value || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
