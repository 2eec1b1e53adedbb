import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails, SurveyResults } from '@siantar/contracts';
import { AuthService, ProblemAlertComponent, loadOnChange } from '@siantar/web-core';
import { EvaluationApi, type EvaluationPeriod } from '../api/evaluation.api';
import { PeriodFilterComponent } from './period-filter.component';
import {
  type SurveyResultsData,
  SurveyResultsViewComponent,
} from './survey-results-view.component';

interface ResultsQuery extends EvaluationPeriod {
  kind: 'course' | 'session';
  id: string;
}

/**
 * `/evaluasi/kursus/:courseId/survei` and `/evaluasi/sesi/:sessionId/survei`: a survey's
 * results over a period. Below the anonymity threshold only the count is shown, with how many
 * more responses are needed.
 */
@Component({
  selector: 'sb-survey-results',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    PeriodFilterComponent,
    SurveyResultsViewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (kind() === 'course' && courseId()) {
      <div class="sb-actions">
        <a mat-button [routerLink]="['/penulisan', courseId()]" data-testid="results-back">
          {{ 'evaluation.results.backToCourse' | translate }}
        </a>
        @if (isAdmin()) {
          <a
            mat-button
            [routerLink]="['/evaluasi/kursus', courseId()]"
            data-testid="results-programme"
          >
            {{ 'evaluation.settings.programme' | translate }}
          </a>
        }
      </div>
    }
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'evaluation.results.title' | translate }}</h1>
        @if (results(); as r) {
          <p class="sb-lead" data-testid="results-target">{{ r.target.title }}</p>
          <p class="sb-muted">
            {{ 'evaluation.results.template' | translate: { name: r.templateName } }}
          </p>
        }
      </div>
    </div>
    <sb-period-filter [period]="period()" (periodChange)="period.set($event)" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    @if (results(); as r) {
      <p data-testid="results-count">
        {{ 'evaluation.results.responses' | translate: { n: r.responses, threshold: r.threshold } }}
      </p>
      @if (r.suppressed) {
        <p class="sb-empty" role="status" data-testid="results-suppressed">
          {{ 'evaluation.results.suppressed' | translate: { n: r.threshold } }}
          <span class="sbe-block">{{
            'evaluation.results.needed' | translate: { n: r.needed }
          }}</span>
        </p>
      } @else {
        @if (view(); as v) {
          <sb-survey-results-view [data]="v" />
        }
      }
    }
  `,
  styles: `
    .sbe-block {
      display: block;
    }
  `,
})
export class SurveyResultsComponent {
  private readonly api = inject(EvaluationApi);
  private readonly auth = inject(AuthService);

  /** Route data. */
  readonly kind = input<'course' | 'session'>('course');
  readonly courseId = input<string>();
  readonly sessionId = input<string>();

  protected readonly period = signal<EvaluationPeriod>({});
  readonly loading = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);

  private readonly query = computed<ResultsQuery>(() => ({
    kind: this.kind(),
    id: (this.kind() === 'course' ? this.courseId() : this.sessionId()) ?? '',
    ...this.period(),
  }));

  protected readonly results = loadOnChange<ResultsQuery, SurveyResults>(
    this.query,
    (q) =>
      q.kind === 'course'
        ? this.api.courseSurveyResults(q.id, q)
        : this.api.sessionSurveyResults(q.id, q),
    this,
    { when: (q) => !!q.id },
  );

  protected isAdmin(): boolean {
    return this.auth.hasRole('admin');
  }

  protected readonly view = computed<SurveyResultsData | null>(() => {
    const r = this.results();
    if (!r) {
      return null;
    }
    return {
      ...r,
      itemTexts: Object.fromEntries(r.items.map((i) => [i.itemId, i.text])),
    };
  });
}
