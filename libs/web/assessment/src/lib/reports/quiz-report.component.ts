import { DecimalPipe, formatNumber } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ProblemDetails, QuizReport } from '@siantar/contracts';
import {
  ProblemAlertComponent,
  TableRegionComponent,
  saveBlob,
  sendRequest,
  toProblemAsync,
} from '@siantar/web-core';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { fileSlug } from '../authoring-api/download';
import { RegradeDialogComponent, type RegradeDialogData } from './regrade-dialog.component';
import { bandShares, needsReview, passRatePercent } from './report-math';
import { ScoreHistogramComponent, bandLabels } from './score-histogram.component';

/** `/penilaian/kuis/:quizId/laporan`: results, distribution, item analysis, pre/post gain, CSV. */
@Component({
  selector: 'sb-quiz-report',
  imports: [
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    ScoreHistogramComponent,
    TableRegionComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/penilaian/kuis">
      <mat-icon svgIcon="sba-back" aria-hidden="true" />
      {{ 'assessment.quizList.title' | translate }}
    </a>
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'assessment.report.title' | translate }}</h1>
        @if (report(); as r) {
          <p class="sb-lead">{{ r.title }}</p>
        }
      </div>
      <div class="sb-actions">
        <button
          mat-flat-button
          type="button"
          (click)="downloadCsv()"
          [disabled]="downloading()"
          data-testid="report-csv"
        >
          <mat-icon svgIcon="download" aria-hidden="true" />
          {{ 'assessment.report.csv' | translate }}
        </button>
        <a mat-stroked-button [routerLink]="['/penilaian/kuis', quizId()]">
          <mat-icon svgIcon="sba-settings" aria-hidden="true" />
          {{ 'assessment.quizList.settings' | translate }}
        </a>
        <a
          mat-stroked-button
          routerLink="/penilaian/penilaian-esai"
          [queryParams]="{ kuis: quizId() }"
        >
          <mat-icon svgIcon="sba-grading" aria-hidden="true" />
          {{ 'assessment.grading.title' | translate }}
        </a>
        <button mat-stroked-button type="button" (click)="regrade()" [disabled]="!report()">
          {{ 'assessment.regrade.title' | translate }}
        </button>
      </div>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />

    @if (report(); as r) {
      <dl class="sba-stats" data-testid="report-stats">
        <div>
          <dt>{{ 'assessment.report.attempts' | translate }}</dt>
          <dd>{{ r.attempts }}</dd>
        </div>
        <div>
          <dt>{{ 'assessment.report.learners' | translate }}</dt>
          <dd>{{ r.learners }}</dd>
        </div>
        <div>
          <dt>{{ 'assessment.report.graded' | translate }}</dt>
          <dd>{{ r.graded }}</dd>
        </div>
        <div>
          <dt>{{ 'assessment.report.awaiting' | translate }}</dt>
          <dd>{{ r.awaitingGrading }}</dd>
        </div>
        <div>
          <dt>{{ 'assessment.report.average' | translate }}</dt>
          <dd>
            {{
              r.averagePercent === null
                ? ('common.none' | translate)
                : (r.averagePercent | number: '1.0-1') + '%'
            }}
          </dd>
        </div>
        <div>
          <dt>{{ 'assessment.report.passRate' | translate }}</dt>
          <dd>
            {{
              passRate() === null
                ? ('common.none' | translate)
                : (passRate() | number: '1.0-1') + '%'
            }}
          </dd>
        </div>
      </dl>

      <section class="sb-section" aria-labelledby="sba-dist-title">
        <h2 id="sba-dist-title">{{ 'assessment.report.distribution' | translate }}</h2>
        <div class="sba-dist">
          <sb-score-histogram [histogram]="r.histogram" />
          <sb-table-region [label]="'assessment.report.distribution' | translate">
            <table class="sba-table sba-narrow" data-testid="report-histogram-table">
              <caption class="sb-visually-hidden">
                {{
                  'assessment.report.distributionCaption' | translate
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'assessment.report.band' | translate }}</th>
                  <th scope="col" class="sba-num">
                    {{ 'assessment.report.attempts' | translate }}
                  </th>
                  <th scope="col" class="sba-num">{{ 'assessment.report.share' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (n of r.histogram; track $index; let i = $index) {
                  <tr>
                    <th scope="row">{{ bands()[i] }}%</th>
                    <td class="sba-num">{{ n }}</td>
                    <td class="sba-num">{{ shares()[i] | number: '1.0-1' }}%</td>
                  </tr>
                }
              </tbody>
            </table>
          </sb-table-region>
        </div>
      </section>

      <section class="sb-section" aria-labelledby="sba-items-title">
        <h2 id="sba-items-title">{{ 'assessment.report.items' | translate }}</h2>
        <p class="sb-muted">{{ 'assessment.report.itemsHint' | translate }}</p>
        <sb-table-region [label]="'assessment.report.items' | translate">
          <table class="sba-table" data-testid="report-items">
            <caption class="sb-visually-hidden">
              {{
                'assessment.report.items' | translate
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'assessment.editor.name' | translate }}</th>
                <th scope="col">{{ 'assessment.editor.type' | translate }}</th>
                <th scope="col" class="sba-num">{{ 'assessment.report.attempts' | translate }}</th>
                <th scope="col" class="sba-num">{{ 'assessment.report.facility' | translate }}</th>
                <th scope="col" class="sba-num">
                  {{ 'assessment.report.discrimination' | translate }}
                </th>
                <th scope="col">{{ 'assessment.report.note' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (q of r.questions; track q.questionId) {
                <tr>
                  <th scope="row">{{ q.name }}</th>
                  <td>{{ 'assessment.type.' + q.type | translate }}</td>
                  <td class="sba-num">{{ q.attempts }}</td>
                  <td class="sba-num">
                    {{
                      q.facility === null
                        ? ('common.none' | translate)
                        : (q.facility * 100 | number: '1.0-1') + '%'
                    }}
                  </td>
                  <td class="sba-num">
                    {{
                      q.discrimination === null
                        ? ('common.none' | translate)
                        : (q.discrimination | number: '1.2-2')
                    }}
                  </td>
                  <td>
                    @if (review(q)) {
                      <span class="sb-chip sb-chip-error">{{
                        'assessment.report.review' | translate
                      }}</span>
                    }
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="6" class="sb-empty">{{ 'assessment.report.noData' | translate }}</td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
      </section>

      @if (r.gain; as g) {
        <section class="sb-section" aria-labelledby="sba-gain-title">
          <h2 id="sba-gain-title">{{ 'assessment.report.gain' | translate }}</h2>
          <p class="sb-muted">{{ 'assessment.report.gainHint' | translate }}</p>
          <p>
            <a [routerLink]="['/penilaian/kuis', g.preQuizId, 'laporan']">{{
              'assessment.report.preReport' | translate
            }}</a>
            ·
            <a [routerLink]="['/penilaian/kuis', g.postQuizId, 'laporan']">{{
              'assessment.report.postReport' | translate
            }}</a>
          </p>
          <sb-table-region [label]="'assessment.report.gain' | translate">
            <table class="sba-table" data-testid="report-gain">
              <caption class="sb-visually-hidden">
                {{
                  'assessment.report.gain' | translate
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'assessment.report.learner' | translate }}</th>
                  <th scope="col" class="sba-num">{{ 'assessment.report.pre' | translate }}</th>
                  <th scope="col" class="sba-num">{{ 'assessment.report.post' | translate }}</th>
                  <th scope="col" class="sba-num">{{ 'assessment.report.gainCol' | translate }}</th>
                  <th scope="col" class="sba-num">
                    {{ 'assessment.report.normalisedGain' | translate }}
                  </th>
                </tr>
              </thead>
              <tbody>
                @for (l of g.learners; track l.userId) {
                  <tr>
                    <th scope="row">{{ l.name }}</th>
                    <td class="sba-num">{{ pct(l.pre) }}</td>
                    <td class="sba-num">{{ pct(l.post) }}</td>
                    <td class="sba-num">{{ signed(l.gain) }}</td>
                    <td class="sba-num">{{ ratio(l.normalisedGain) }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="5" class="sb-empty">
                      {{ 'assessment.report.noData' | translate }}
                    </td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{{ 'assessment.report.averageRow' | translate }}</th>
                  <td></td>
                  <td></td>
                  <td class="sba-num sb-strong">{{ signed(g.averageGain) }}</td>
                  <td class="sba-num sb-strong">{{ ratio(g.averageNormalisedGain) }}</td>
                </tr>
              </tfoot>
            </table>
          </sb-table-region>
        </section>
      }
    }
  `,
  styles: `
    .sba-stats {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 12px;
      margin: 0;
      div {
        border: 1px solid var(--mat-sys-outline-variant);
        border-radius: 12px;
        padding: 12px 16px;
        background: var(--mat-sys-surface);
      }
      dt {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 4px 0 0;
        font: var(--mat-sys-headline-small);
      }
    }
    .sba-dist {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(240px, 2fr);
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 959.98px) {
      .sba-dist {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .sba-table {
      width: 100%;
      min-width: 560px;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 8px 12px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      thead th {
        font: var(--mat-sys-title-small);
      }
      tbody th {
        font-weight: 400;
      }
      .sba-num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
    }
    .sba-table.sba-narrow {
      min-width: 240px;
    }
  `,
})
export class QuizReportComponent {
  private readonly api = inject(AssessmentAuthoringApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly locale = inject(LOCALE_ID);

  readonly quizId = input.required<string>();

  protected readonly report = signal<QuizReport | null>(null);
  protected readonly loading = signal(true);
  protected readonly downloading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly passRate = computed(() => passRatePercent(this.report()?.passRate ?? null));
  protected readonly bands = computed(() => bandLabels(this.report()?.histogram.length ?? 10));
  protected readonly shares = computed(() => bandShares(this.report()?.histogram ?? []));

  constructor() {
    effect(() => {
      const id = this.quizId();
      untracked(() => this.load(id));
    });
  }

  private load(id: string): void {
    sendRequest(this.api.report(id), { busy: this.loading, problem: this.problem }, (report) =>
      this.report.set(report),
    );
  }

  protected review(q: QuizReport['questions'][number]): boolean {
    return needsReview(q);
  }

  private fmt(n: number, digits: string): string {
    return formatNumber(n, this.locale, digits);
  }

  protected pct(n: number | null): string {
    return n === null ? '—' : `${this.fmt(n, '1.0-1')}%`;
  }

  protected signed(n: number | null): string {
    return n === null ? '—' : `${n > 0 ? '+' : ''}${this.fmt(n, '1.0-1')}`;
  }

  protected ratio(n: number | null): string {
    return n === null ? '—' : this.fmt(n, '1.2-2');
  }

  protected downloadCsv(): void {
    this.downloading.set(true);
    this.problem.set(null);
    this.api.reportCsv(this.quizId()).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        saveBlob(blob, `laporan-${fileSlug(this.report()?.title ?? '', 'kuis')}.csv`);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        void toProblemAsync(error).then((p) => this.problem.set(p));
      },
    });
  }

  protected regrade(): void {
    const report = this.report();
    if (!report) {
      return;
    }
    this.dialog
      .open<RegradeDialogComponent, RegradeDialogData, number>(RegradeDialogComponent, {
        data: { quizId: this.quizId(), questions: report.questions },
        width: '560px',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe((enqueued) => {
        if (enqueued !== undefined) {
          this.snackBar.open(
            this.translate.instant('assessment.regrade.done', { count: enqueued }) as string,
            this.translate.instant('common.close') as string,
            { duration: 6000 },
          );
        }
      });
  }
}
