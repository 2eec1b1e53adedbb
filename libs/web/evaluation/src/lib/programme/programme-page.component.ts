import { DatePipe, DecimalPipe } from '@angular/common';
import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { IndicatorView, ProblemDetails, ProgrammeEvaluation } from '@siantar/contracts';
import {
  ProblemAlertComponent,
  TableRegionComponent,
  loadOnChange,
  saveBlob,
  toProblemAsync,
} from '@siantar/web-core';
import { EvaluationApi, type EvaluationPeriod } from '../api/evaluation.api';
import { PeriodFilterComponent } from '../results/period-filter.component';
import { type BarSeries, BarChartComponent } from '@siantar/web-charts';
import { followUpCompletion, followUpFiguresOf, reportFileName, signed } from './programme-model';

interface ProgrammeQuery extends EvaluationPeriod {
  courseId: string;
}

/**
 * `/evaluasi/kursus/:courseId` (admins): the four Kirkpatrick levels side by side, each a card
 * with its key figure, a chart and the numbers as text: L1 survey averages, L2 pre/post and
 * gain, L3 follow-ups done and supervisor confirmations, L4 indicators before/after per OPD.
 * "Unduh laporan (PDF)" downloads the API's printable report with its progress.
 */
@Component({
  selector: 'sb-programme-page',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
    PeriodFilterComponent,
    BarChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/evaluasi" data-testid="programme-back">
      {{ 'evaluation.courses.title' | translate }}
    </a>
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'evaluation.programme.title' | translate }}</h1>
        @if (data(); as p) {
          <p class="sb-lead" data-testid="programme-course">
            <span class="sb-code">{{ p.course.code }}</span> {{ p.course.title }}
          </p>
          <p class="sb-muted">
            {{ p.course.ownerOrgUnitName }} · {{ p.course.jp }} JP ·
            {{
              'evaluation.programme.enrolled'
                | translate: { enrolled: p.course.enrolled, completed: p.course.completed }
            }}
          </p>
        }
      </div>
      <div class="sb-actions">
        <button
          mat-flat-button
          type="button"
          (click)="download()"
          [disabled]="downloading() || !data()"
          data-testid="programme-pdf"
        >
          <mat-icon svgIcon="download" aria-hidden="true" />
          {{ 'evaluation.programme.pdf' | translate }}
        </button>
      </div>
    </div>
    @if (downloading()) {
      <div class="sb-progress" role="status" data-testid="pdf-progress">
        <mat-progress-bar
          [mode]="downloadPercent() === null ? 'indeterminate' : 'determinate'"
          [value]="downloadPercent() ?? 0"
          [attr.aria-label]="'evaluation.programme.preparing' | translate"
        />
        <span>
          @if (downloadPercent() === null) {
            {{ 'evaluation.programme.preparing' | translate }}
          } @else {
            {{ 'evaluation.programme.downloading' | translate: { percent: downloadPercent() } }}
          }
        </span>
      </div>
    }
    <sb-problem-alert [problem]="downloadProblem()" />
    <sb-period-filter [period]="period()" (periodChange)="period.set($event)" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />

    @if (data(); as p) {
      <p class="sb-muted">
        {{
          'evaluation.programme.generatedAt' | translate: { date: (p.generatedAt | date: 'medium') }
        }}
      </p>
      <div class="sbe-levels">
        <!-- L1 -->
        <section class="sbe-card" aria-labelledby="sbe-l1" data-testid="level-l1">
          <h2 id="sbe-l1">{{ 'evaluation.programme.l1' | translate }}</h2>
          @let l1 = p.l1.course;
          @if (l1.suppressed) {
            <p class="sbe-figure-note" data-testid="l1-suppressed">
              {{ 'evaluation.results.suppressed' | translate: { n: l1.threshold } }}
            </p>
            <p class="sb-muted">
              {{
                'evaluation.results.responses'
                  | translate: { n: l1.responses, threshold: l1.threshold }
              }}
            </p>
          } @else {
            <p class="sbe-key">
              <span class="sbe-figure" data-testid="l1-figure">{{
                average(l1.overall?.average)
              }}</span>
              <span>{{ 'evaluation.programme.l1Figure' | translate: { n: l1.responses } }}</span>
            </p>
            <sb-bar-chart
              [categories]="l1Categories()"
              [series]="l1Series()"
              [horizontal]="true"
              [min]="0"
              [max]="5"
              [height]="48 + 32 * l1.dimensions.length"
            />
            <dl class="sb-details" data-testid="l1-dimensions">
              @for (d of l1.dimensions; track d.dimension) {
                <dt>{{ 'evaluation.dimension.' + d.dimension | translate }}</dt>
                <dd>{{ d.average === null ? '—' : (d.average | number: '1.2-2') }}</dd>
              }
            </dl>
          }
          @if (p.l1.sessions.length) {
            <h3>{{ 'evaluation.programme.sessions' | translate }}</h3>
            <ul class="sbe-plain" data-testid="l1-sessions">
              @for (s of p.l1.sessions; track s.sessionId) {
                <li>
                  <a [routerLink]="['/evaluasi/sesi', s.sessionId, 'survei']">{{ s.title }}</a>
                  <span class="sb-muted">
                    · {{ s.startsAt | date: 'mediumDate' }} ·
                    @if (s.suppressed) {
                      {{ 'evaluation.results.suppressed' | translate: { n: s.threshold } }}
                    } @else {
                      {{ average(s.overall?.average) }}
                    }
                  </span>
                </li>
              }
            </ul>
          }
          <a
            mat-button
            [routerLink]="['/evaluasi/kursus', p.course.id, 'survei']"
            data-testid="l1-link"
          >
            {{ 'evaluation.programme.openResults' | translate }}
          </a>
        </section>

        <!-- L2 -->
        <section class="sbe-card" aria-labelledby="sbe-l2" data-testid="level-l2">
          <h2 id="sbe-l2">{{ 'evaluation.programme.l2' | translate }}</h2>
          @if (!p.l2.available) {
            <p class="sbe-figure-note" data-testid="l2-unavailable">
              {{ p.l2.reason || ('evaluation.programme.l2Unavailable' | translate) }}
            </p>
          } @else if (!p.l2.paired) {
            <p class="sbe-figure-note" data-testid="l2-unpaired">
              {{ 'evaluation.programme.l2NoPairs' | translate }}
            </p>
          } @else {
            <p class="sbe-key">
              <span class="sbe-figure" data-testid="l2-figure">{{
                signedGain(p.l2.averageGain)
              }}</span>
              <span>{{ 'evaluation.programme.l2Figure' | translate: { n: p.l2.paired } }}</span>
            </p>
            <sb-bar-chart
              [categories]="l2Categories()"
              [series]="l2Series()"
              [min]="0"
              [max]="100"
            />
            <dl class="sb-details" data-testid="l2-figures">
              <dt>{{ 'evaluation.programme.pre' | translate }}</dt>
              <dd>{{ p.l2.averagePre | number: '1.0-1' }}</dd>
              <dt>{{ 'evaluation.programme.post' | translate }}</dt>
              <dd>{{ p.l2.averagePost | number: '1.0-1' }}</dd>
              <dt>{{ 'evaluation.programme.gain' | translate }}</dt>
              <dd>{{ signedGain(p.l2.averageGain) }}</dd>
              <dt>{{ 'evaluation.programme.normalisedGain' | translate }}</dt>
              <dd>
                {{
                  p.l2.classNormalisedGain === null
                    ? '—'
                    : (p.l2.classNormalisedGain | number: '1.2-2')
                }}
              </dd>
            </dl>
            @if (p.l2.learners.length) {
              <details class="sbe-learners">
                <summary>
                  {{ 'evaluation.programme.learners' | translate: { n: p.l2.learners.length } }}
                </summary>
                <sb-table-region [label]="'evaluation.programme.l2' | translate">
                  <table class="sbe-table" data-testid="l2-learners">
                    <thead>
                      <tr>
                        <th scope="col">{{ 'evaluation.programme.learner' | translate }}</th>
                        <th scope="col" class="sbe-num">
                          {{ 'evaluation.programme.pre' | translate }}
                        </th>
                        <th scope="col" class="sbe-num">
                          {{ 'evaluation.programme.post' | translate }}
                        </th>
                        <th scope="col" class="sbe-num">
                          {{ 'evaluation.programme.gainShort' | translate }}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (l of p.l2.learners; track l.userId) {
                        <tr>
                          <th scope="row">{{ l.name }}</th>
                          <td class="sbe-num">
                            {{ l.pre === null ? '—' : (l.pre | number: '1.0-1') }}
                          </td>
                          <td class="sbe-num">
                            {{ l.post === null ? '—' : (l.post | number: '1.0-1') }}
                          </td>
                          <td class="sbe-num">{{ signed(l.gain, 1) }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </sb-table-region>
              </details>
            }
          }
        </section>

        <!-- L3 -->
        <section class="sbe-card" aria-labelledby="sbe-l3" data-testid="level-l3">
          <h2 id="sbe-l3">{{ 'evaluation.programme.l3' | translate }}</h2>
          @if (l3(); as f) {
            <p class="sbe-key">
              <span class="sbe-figure" data-testid="l3-figure">{{
                l3Completion() === null ? '—' : (l3Completion() | number: '1.0-1') + '%'
              }}</span>
              <span>{{ 'evaluation.programme.l3Figure' | translate }}</span>
            </p>
            <sb-bar-chart [categories]="l3Categories()" [series]="l3Series()" />
            <dl class="sb-details" data-testid="l3-figures">
              <dt>{{ 'evaluation.programme.plans' | translate }}</dt>
              <dd>{{ f.actionPlansSubmitted }}/{{ f.completed }}</dd>
              <dt>{{ 'evaluation.programme.confirmations' | translate }}</dt>
              <dd>
                {{ f.totals.confirmed }}/{{ f.totals.confirmationsRequired }}
                @if (f.supervisorConfirmedPercent !== null) {
                  ({{ f.supervisorConfirmedPercent | number: '1.0-1' }}%)
                }
              </dd>
              @for (o of f.offsets; track o.offsetDays) {
                <dt>{{ 'evaluation.followUp.offset' | translate: { n: o.offsetDays } }}</dt>
                <dd>
                  {{
                    'evaluation.programme.offsetRow'
                      | translate
                        : {
                            done: o.done,
                            pending: o.pending,
                            overdue: o.overdue,
                            scheduled: o.scheduled,
                          }
                  }}
                </dd>
              }
              @for (a of f.averageScores; track a.question) {
                <dt>{{ 'evaluation.questionShort.' + a.question | translate }}</dt>
                <dd>{{ a.average === null ? '—' : (a.average | number: '1.2-2') }}</dd>
              }
            </dl>
          } @else {
            <p class="sbe-figure-note" data-testid="l3-none">
              {{ 'evaluation.programme.l3None' | translate }}
            </p>
          }
        </section>

        <!-- L4 -->
        <section class="sbe-card" aria-labelledby="sbe-l4" data-testid="level-l4">
          <h2 id="sbe-l4">{{ 'evaluation.programme.l4' | translate }}</h2>
          @for (ind of p.l4.indicators; track ind.id) {
            <h3>
              {{ ind.name }} ({{ ind.unit }})
              <span class="sb-chip">{{ 'evaluation.direction.' + ind.direction | translate }}</span>
            </h3>
            <p class="sbe-key">
              <span class="sbe-figure sbe-small" [attr.data-testid]="'l4-figure-' + ind.id"
                >{{ ind.summary.improved }}/{{ ind.summary.measured }}</span
              >
              <span>{{
                'evaluation.programme.l4Figure' | translate: { opds: ind.summary.opds }
              }}</span>
            </p>
            @if (ind.values.length) {
              <sb-bar-chart
                [categories]="opdNames(ind)"
                [series]="l4Series(ind)"
                [horizontal]="true"
                [height]="60 + 44 * ind.values.length"
              />
              <sb-table-region [label]="ind.name">
                <table class="sbe-table" [attr.data-testid]="'l4-values-' + ind.id">
                  <thead>
                    <tr>
                      <th scope="col">{{ 'evaluation.indicators.opd' | translate }}</th>
                      <th scope="col" class="sbe-num">
                        {{ 'evaluation.indicators.before' | translate }}
                      </th>
                      <th scope="col" class="sbe-num">
                        {{ 'evaluation.indicators.after' | translate }}
                      </th>
                      <th scope="col" class="sbe-num">
                        {{ 'evaluation.indicators.change' | translate }}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (v of ind.values; track v.orgUnitId) {
                      <tr>
                        <th scope="row">{{ v.orgUnitName }}</th>
                        <td class="sbe-num">{{ v.before | number: '1.0-4' }}</td>
                        <td class="sbe-num">
                          {{ v.after === null ? '—' : (v.after | number: '1.0-4') }}
                        </td>
                        <td class="sbe-num">
                          {{ signed(v.change, 4) }}
                          @if (v.changePercent !== null) {
                            ({{ signed(v.changePercent) }}%)
                          }
                          @if (v.improved !== null) {
                            <span class="sb-chip" [class.sb-chip-error]="!v.improved">{{
                              (v.improved
                                ? 'evaluation.indicators.improved'
                                : 'evaluation.indicators.worse'
                              ) | translate
                            }}</span>
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </sb-table-region>
            } @else {
              <p class="sb-muted">{{ 'evaluation.indicators.noValues' | translate }}</p>
            }
          } @empty {
            <p class="sbe-figure-note" data-testid="l4-none">
              {{ 'evaluation.programme.l4None' | translate }}
            </p>
          }
          <a
            mat-button
            [routerLink]="['/evaluasi/kursus', p.course.id, 'indikator']"
            data-testid="l4-link"
          >
            {{ 'evaluation.programme.manageIndicators' | translate }}
          </a>
        </section>
      </div>
    }
  `,
  styles: `
    .sbe-levels {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
      gap: 16px;
      align-items: start;
    }
    .sbe-card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      padding: 12px 16px;
      min-width: 0;
      h2 {
        font: var(--mat-sys-title-large);
        margin: 0 0 8px;
      }
      h3 {
        font: var(--mat-sys-title-small);
        margin: 16px 0 4px;
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
    }
    .sbe-key {
      display: flex;
      align-items: baseline;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0 0 8px;
    }
    .sbe-figure {
      font: var(--mat-sys-display-small);
      color: var(--mat-sys-primary);
    }
    .sbe-small {
      font: var(--mat-sys-headline-small);
    }
    .sbe-figure-note {
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .sbe-learners summary {
      cursor: pointer;
      padding: 8px 0;
    }
    .sbe-plain {
      margin: 0;
      padding-inline-start: 20px;
    }
    .sbe-table {
      width: 100%;
      min-width: 420px;
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
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ProgrammePageComponent {
  private readonly api = inject(EvaluationApi);
  private readonly translate = inject(TranslateService);

  readonly courseId = input.required<string>();

  protected readonly period = signal<EvaluationPeriod>({});
  readonly loading = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);
  protected readonly downloading = signal(false);
  protected readonly downloadPercent = signal<number | null>(null);
  protected readonly downloadProblem = signal<ProblemDetails | null>(null);
  protected readonly signed = signed;

  private readonly query = computed<ProgrammeQuery>(() => ({
    courseId: this.courseId(),
    ...this.period(),
  }));
  protected readonly data = loadOnChange<ProgrammeQuery, ProgrammeEvaluation>(
    this.query,
    (q) => this.api.programme(q.courseId, q),
    this,
  );

  private t(key: string): string {
    return this.translate.instant(key) as string;
  }

  protected readonly l1Categories = computed(() =>
    (this.data()?.l1.course.dimensions ?? []).map((d) =>
      this.t(`evaluation.dimension.${d.dimension}`),
    ),
  );
  protected readonly l1Series = computed<BarSeries[]>(() => [
    {
      name: this.t('evaluation.results.average'),
      data: (this.data()?.l1.course.dimensions ?? []).map((d) => d.average),
    },
  ]);

  protected readonly l2Categories = computed(() => [
    this.t('evaluation.programme.pre'),
    this.t('evaluation.programme.post'),
  ]);
  protected readonly l2Series = computed<BarSeries[]>(() => {
    const l2 = this.data()?.l2;
    return [
      {
        name: this.t('evaluation.programme.average'),
        data: [l2?.averagePre ?? null, l2?.averagePost ?? null],
        roles: ['--mat-sys-secondary', '--mat-sys-primary'],
      },
    ];
  });

  protected readonly l3 = computed(() => {
    const p = this.data();
    return p ? followUpFiguresOf(p) : null;
  });
  protected readonly l3Completion = computed(() => {
    const f = this.l3();
    return f ? followUpCompletion(f) : null;
  });
  protected readonly l3Categories = computed(() =>
    (this.l3()?.offsets ?? []).map(
      (o) => this.translate.instant('evaluation.followUp.offset', { n: o.offsetDays }) as string,
    ),
  );
  protected readonly l3Series = computed<BarSeries[]>(() => {
    const offsets = this.l3()?.offsets ?? [];
    return [
      { name: this.t('evaluation.status.done'), data: offsets.map((o) => o.done) },
      { name: this.t('evaluation.status.pending'), data: offsets.map((o) => o.pending) },
      { name: this.t('evaluation.status.overdue'), data: offsets.map((o) => o.overdue) },
      { name: this.t('evaluation.programme.confirmed'), data: offsets.map((o) => o.confirmed) },
    ];
  });

  protected opdNames(indicator: IndicatorView): string[] {
    return indicator.values.map((v) => v.orgUnitName);
  }

  protected l4Series(indicator: IndicatorView): BarSeries[] {
    return [
      { name: this.t('evaluation.indicators.before'), data: indicator.values.map((v) => v.before) },
      { name: this.t('evaluation.indicators.after'), data: indicator.values.map((v) => v.after) },
    ];
  }

  /** A 1–5 average with two decimals (Indonesian style), or '—'. */
  protected average(value: number | null | undefined): string {
    return value === null || value === undefined
      ? '—'
      : value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  protected signedGain(value: number | null): string {
    return value === null ? '—' : `${signed(value, 1)} ${this.t('evaluation.programme.points')}`;
  }

  protected download(): void {
    const p = this.data();
    if (!p || this.downloading()) {
      return;
    }
    this.downloading.set(true);
    this.downloadPercent.set(null);
    this.downloadProblem.set(null);
    this.api.reportPdf(p.course.id, this.period()).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.DownloadProgress && event.total) {
          this.downloadPercent.set(Math.round((100 * event.loaded) / event.total));
        } else if (event.type === HttpEventType.Response && event.body) {
          this.downloading.set(false);
          saveBlob(event.body, reportFileName(p.course.code));
        }
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        void toProblemAsync(error).then((problem) => this.downloadProblem.set(problem));
      },
    });
  }
}
