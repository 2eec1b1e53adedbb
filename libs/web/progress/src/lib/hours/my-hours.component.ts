import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { Page, ProblemDetails, TrainingClaimView } from '@siantar/contracts';
import {
  AuthService,
  ProblemAlertComponent,
  TableRegionComponent,
  loadOnChange,
  sendRequest,
  toProblemAsync,
} from '@siantar/web-core';
import { startWith } from 'rxjs';
import { ProgressEventsService } from '../api/progress-events';
import { LedgerApi } from '../api/progress.api';
import { saveBlob } from '../shared/download';
import { ExternalTrainingFormComponent } from '../shared/external-training-form.component';
import { LedgerTableComponent } from '../shared/ledger-table.component';
import { TABLE_STYLES } from '../shared/table.styles';
import { JpRingComponent } from '../ui/jp-ring.component';
import { ReportChartComponent } from '../ui/report-chart.component';
import { breakdownRows, yearOptions } from './ledger-view';

const jakartaYear = (): number =>
  Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
  );

/** `/belajar/jam-pelajaran`: my learning hours (JP), ledger, external-training claims, SIASN export. */
@Component({
  selector: 'sb-my-hours',
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
    TableRegionComponent,
    ExternalTrainingFormComponent,
    LedgerTableComponent,
    JpRingComponent,
    ReportChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/belajar">
      <mat-icon svgIcon="sbp-back" aria-hidden="true" />
      {{ 'learning.my.title' | translate }}
    </a>
    <div class="sb-page-header">
      <h1 class="sb-page-title">{{ 'progress.hours.title' | translate }}</h1>
      <div class="sb-actions">
        <mat-form-field class="year">
          <mat-label>{{ 'progress.year' | translate }}</mat-label>
          <mat-select [value]="year()" (valueChange)="year.set($event)" data-testid="year-select">
            @for (y of years(); track y) {
              <mat-option [value]="y">{{ y }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @for (f of siasnFormats; track f) {
          <button
            mat-stroked-button
            type="button"
            (click)="downloadSiasn(f)"
            [disabled]="downloading()"
            [attr.data-testid]="'siasn-' + f"
          >
            <mat-icon svgIcon="download" aria-hidden="true" />
            {{ 'progress.hours.siasn.' + f | translate }}
          </button>
        }
      </div>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />

    @if (hours(); as h) {
      <section class="summary" aria-labelledby="sbp-year-title">
        <h2 id="sbp-year-title" class="sb-visually-hidden">
          {{ 'progress.hours.yearTitle' | translate: { year: h.year } }}
        </h2>
        <div class="ring-card">
          <sb-jp-ring [jp]="h.jp" [target]="h.target" [size]="160" />
          <p class="sb-muted">
            @if (h.target === null) {
              {{ 'progress.hours.noTarget' | translate }}
            } @else if (h.jp >= h.target) {
              {{ 'progress.hours.reached' | translate }}
            } @else {
              {{
                'progress.hours.remaining' | translate: { jp: (h.target - h.jp | number: '1.0-1') }
              }}
            }
          </p>
        </div>
        <sb-table-region [label]="'progress.hours.byCompetency' | translate">
          <table class="sbp-table narrow" data-testid="by-competency">
            <caption>
              {{
                'progress.hours.byCompetency' | translate
              }}
            </caption>
            <tbody>
              @for (r of breakdown().competency; track r.key) {
                <tr>
                  <th scope="row">{{ 'progress.competency.' + r.key | translate }}</th>
                  <td class="num">{{ r.jp | number: '1.0-1' }} JP</td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
        <sb-table-region [label]="'progress.hours.byRoute' | translate">
          <table class="sbp-table narrow" data-testid="by-route">
            <caption>
              {{
                'progress.hours.byRoute' | translate
              }}
            </caption>
            <tbody>
              @for (r of breakdown().route; track r.key) {
                <tr>
                  <th scope="row">{{ 'progress.route.' + r.key | translate }}</th>
                  <td class="num">{{ r.jp | number: '1.0-1' }} JP</td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
      </section>

      <section class="sb-section" aria-labelledby="sbp-history-title">
        <h2 id="sbp-history-title">{{ 'progress.hours.history' | translate }}</h2>
        <div class="chart-beside">
          <sb-report-chart
            [categories]="historyYears()"
            [series]="historySeries()"
            [height]="220"
          />
          <sb-table-region [label]="'progress.hours.history' | translate">
            <table class="sbp-table narrow" data-testid="history-table">
              <caption class="sb-visually-hidden">
                {{
                  'progress.hours.history' | translate
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'progress.year' | translate }}</th>
                  <th scope="col" class="num">JP</th>
                  <th scope="col" class="num">{{ 'progress.target' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (y of h.history; track y.year) {
                  <tr>
                    <th scope="row">{{ y.year }}</th>
                    <td class="num">{{ y.jp | number: '1.0-1' }}</td>
                    <td class="num">{{ y.target ?? ('common.none' | translate) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </sb-table-region>
        </div>
      </section>

      <section class="sb-section" aria-labelledby="sbp-ledger-title">
        <h2 id="sbp-ledger-title">
          {{ 'progress.ledger.yearTitle' | translate: { year: h.year } }}
        </h2>
        <sb-ledger-table [entries]="h.entries" />
      </section>
    }

    <section class="sb-section" aria-labelledby="sbp-claim-title">
      <h2 id="sbp-claim-title">{{ 'progress.claim.heading' | translate }}</h2>
      <p class="sb-muted">{{ 'progress.claim.intro' | translate }}</p>
      <sb-external-training-form mode="claim" (saved)="onClaimed()" />
    </section>

    <section class="sb-section" aria-labelledby="sbp-claims-title">
      <h2 id="sbp-claims-title">{{ 'progress.claims.mine' | translate }}</h2>
      <sb-problem-alert [problem]="claimsProblem()" />
      <sb-table-region [label]="'progress.claims.mine' | translate">
        <table class="sbp-table" data-testid="my-claims">
          <caption class="sb-visually-hidden">
            {{
              'progress.claims.mine' | translate
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'progress.claim.title' | translate }}</th>
              <th scope="col">{{ 'progress.claims.dates' | translate }}</th>
              <th scope="col" class="num">JP</th>
              <th scope="col">{{ 'progress.claims.status' | translate }}</th>
              <th scope="col">{{ 'progress.claims.note' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (c of claims()?.items ?? []; track c.id) {
              <tr>
                <th scope="row">
                  {{ c.title }}
                  <span class="sb-muted block">{{ c.provider }} · {{ c.trainingType }}</span>
                </th>
                <td class="nowrap">
                  {{ c.startDate | date: 'mediumDate' }} – {{ c.endDate | date: 'mediumDate' }}
                </td>
                <td class="num">{{ c.jp | number: '1.0-1' }}</td>
                <td>
                  <span
                    class="sb-chip"
                    [class.sb-chip-error]="c.status === 'rejected'"
                    [class.sb-chip-off]="c.status === 'pending'"
                    >{{ 'progress.claimStatus.' + c.status | translate }}</span
                  >
                </td>
                <td>
                  @if (c.decidedByName) {
                    <span class="block">{{ c.decidedByName }}</span>
                  }
                  {{ c.decisionNote ?? '' }}
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5" class="sb-empty">{{ 'progress.claims.none' | translate }}</td>
              </tr>
            }
          </tbody>
        </table>
      </sb-table-region>
    </section>
  `,
  styles: [
    TABLE_STYLES,
    `
      .year {
        width: 120px;
      }
      .summary {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) minmax(0, 1fr);
        gap: 16px 24px;
        align-items: start;
      }
      @media (max-width: 959.98px) {
        .summary {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .ring-card {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 8px;
        p {
          margin: 0;
          max-width: 220px;
          text-align: center;
        }
      }
      caption {
        text-align: start;
        font: var(--mat-sys-title-medium);
        padding-bottom: 4px;
      }
      .chart-beside {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(240px, 2fr);
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 959.98px) {
        .chart-beside {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .block {
        display: block;
      }
      .nowrap {
        white-space: nowrap;
      }
    `,
  ],
})
export class MyHoursComponent {
  private readonly api = inject(LedgerApi);
  private readonly auth = inject(AuthService);
  private readonly translate = inject(TranslateService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly events = inject(ProgressEventsService);

  protected readonly siasnFormats = ['csv', 'xlsx'] as const;
  protected readonly year = signal(jakartaYear());
  /** Bumped to refetch the same year (a course completed, a claim approved). */
  private readonly reload = signal(0);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly hours = loadOnChange(
    computed(() => ({ year: this.year(), n: this.reload() })),
    ({ year }) => this.api.myHours(year),
    { loading: this.loading, problem: this.problem },
  );
  protected readonly years = computed(() =>
    yearOptions(this.hours()?.history ?? [], jakartaYear()),
  );
  protected readonly breakdown = computed(() => {
    const h = this.hours();
    return h ? breakdownRows(h) : { competency: [], route: [] };
  });
  protected readonly historyYears = computed(() =>
    [...(this.hours()?.history ?? [])].reverse().map((y) => String(y.year)),
  );
  protected readonly historySeries = computed(() => [
    {
      name: 'JP',
      data: [...(this.hours()?.history ?? [])].reverse().map((y) => y.jp),
    },
  ]);

  protected readonly claimsLoading = signal(false);
  protected readonly claimsProblem = signal<ProblemDetails | null>(null);
  protected readonly claims = signal<Page<TrainingClaimView> | null>(null);
  protected readonly downloading = signal(false);

  constructor() {
    this.events
      .completionOrReconnect()
      .pipe(startWith(null), takeUntilDestroyed())
      .subscribe((e) => {
        if (e !== null) {
          this.reload.update((n) => n + 1);
        }
        this.loadClaims();
      });
  }

  private loadClaims(): void {
    sendRequest(
      this.api.myClaims(),
      { busy: this.claimsLoading, problem: this.claimsProblem },
      (page) => this.claims.set(page),
    );
  }

  protected onClaimed(): void {
    this.snackBar.open(
      this.translate.instant('progress.claim.sent') as string,
      this.translate.instant('common.close') as string,
      { duration: 5000 },
    );
    this.loadClaims();
  }

  protected downloadSiasn(format: 'csv' | 'xlsx'): void {
    const user = this.auth.user();
    if (!user) {
      return;
    }
    this.downloading.set(true);
    this.problem.set(null);
    this.api.siasn(user.id, this.year(), format).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        saveBlob(blob, `siasn-${user.nip ?? user.id}-${this.year()}.${format}`);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        void toProblemAsync(error).then((p) => this.problem.set(p));
      },
    });
  }
}
