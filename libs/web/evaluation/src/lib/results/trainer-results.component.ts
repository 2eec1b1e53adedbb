import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails, TrainerSurveyResults } from '@siantar/contracts';
import {
  AuthService,
  ProblemAlertComponent,
  TableRegionComponent,
  loadOnChange,
} from '@siantar/web-core';
import { EvaluationApi, type EvaluationPeriod } from '../api/evaluation.api';
import { PeriodFilterComponent } from './period-filter.component';
import { SurveyResultsViewComponent } from './survey-results-view.component';

interface TrainerQuery extends EvaluationPeriod {
  userId: string;
}

/**
 * `/evaluasi/pengajar/:userId`: a trainer's surveys in a period (courses they author, sessions
 * they train), each with its count or "not enough responses", and the totals over those shown.
 */
@Component({
  selector: 'sb-trainer-results',
  imports: [
    DecimalPipe,
    RouterLink,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
    PeriodFilterComponent,
    SurveyResultsViewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'evaluation.trainer.title' | translate }}</h1>
        @if (results(); as r) {
          <p class="sb-lead" data-testid="trainer-name">{{ r.trainer.name }}</p>
        }
      </div>
    </div>
    <sb-period-filter [period]="period()" (periodChange)="period.set($event)" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    @if (results(); as r) {
      @if (!r.surveys.length) {
        <p class="sb-empty" data-testid="trainer-empty">
          {{ 'evaluation.trainer.empty' | translate }}
        </p>
      } @else {
        <sb-table-region [label]="'evaluation.trainer.surveys' | translate">
          <table class="sbe-table" data-testid="trainer-surveys">
            <caption class="sb-visually-hidden">
              {{
                'evaluation.trainer.surveys' | translate
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'evaluation.trainer.survey' | translate }}</th>
                <th scope="col" class="sbe-num">
                  {{ 'evaluation.results.responsesShort' | translate }}
                </th>
                <th scope="col" class="sbe-num">{{ 'evaluation.results.average' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (s of r.surveys; track s.kind + s.id) {
                <tr>
                  <th scope="row">
                    <a
                      [routerLink]="
                        s.kind === 'course'
                          ? ['/evaluasi/kursus', s.id, 'survei']
                          : ['/evaluasi/sesi', s.id, 'survei']
                      "
                      >{{ s.title }}</a
                    >
                    <span class="sb-muted"> · {{ 'evaluation.kind.' + s.kind | translate }}</span>
                  </th>
                  <td class="sbe-num">{{ s.responses }}</td>
                  <td class="sbe-num">
                    @if (s.suppressed) {
                      <span class="sb-muted">{{
                        'evaluation.results.suppressed' | translate: { n: s.threshold }
                      }}</span>
                    } @else {
                      {{ s.average === null ? '—' : (s.average | number: '1.2-2') }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
        @if (r.excluded.surveys) {
          <p class="sb-muted" data-testid="trainer-excluded">
            {{
              'evaluation.trainer.excluded'
                | translate: { surveys: r.excluded.surveys, responses: r.excluded.responses }
            }}
          </p>
        }
        @if (r.overall) {
          <h2 class="sbe-h2">{{ 'evaluation.trainer.totals' | translate: { n: r.responses } }}</h2>
          <sb-survey-results-view [data]="r" />
        }
      }
    }
  `,
  styles: `
    .sbe-table {
      width: 100%;
      min-width: 480px;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 6px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      th[scope='row'] {
        font-weight: normal;
      }
    }
    .sbe-num {
      text-align: end !important;
    }
    .sbe-h2 {
      font: var(--mat-sys-title-large);
      margin-top: 24px;
    }
  `,
})
export class TrainerResultsComponent {
  private readonly api = inject(EvaluationApi);

  /** Route parameter; `/evaluasi/pengajar` without one shows the signed-in trainer's own. */
  readonly userId = input<string>();
  private readonly auth = inject(AuthService);

  protected readonly period = signal<EvaluationPeriod>({});
  readonly loading = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);

  private readonly query = computed<TrainerQuery>(() => ({
    userId: this.userId() || (this.auth.user()?.id ?? ''),
    ...this.period(),
  }));
  protected readonly results = loadOnChange<TrainerQuery, TrainerSurveyResults>(
    this.query,
    (q) => this.api.trainerSurveyResults(q.userId, q),
    this,
    { when: (q) => !!q.userId },
  );
}
