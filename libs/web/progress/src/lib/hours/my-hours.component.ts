import { DecimalPipe } from '@angular/common';
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
import { AuthService, ProblemAlertComponent, loadOnChange, sendRequest } from '@siantar/web-core';
import { startWith } from 'rxjs';
import { ProgressEventsService } from '../api/progress-events';
import { LedgerApi } from '../api/progress.api';
import { downloadSiasn } from '../shared/download';
import { ExternalTrainingFormComponent } from '../shared/external-training-form.component';
import { jakartaYear } from '../shared/jakarta-year';
import { LedgerTableComponent } from '../shared/ledger-table.component';
import { ChartSectionComponent } from '../ui/chart-section.component';
import { DataTableComponent, type TableColumn } from '../ui/data-table.component';
import { JpRingComponent } from '../ui/jp-ring.component';
import { MyClaimsTableComponent } from './my-claims-table.component';
import { breakdownRows, yearOptions } from './ledger-view';

const HISTORY_COLUMNS: readonly TableColumn[] = [
  { key: 'progress.year' },
  { text: 'JP', num: true },
  { key: 'progress.target', num: true },
];

/** The year's JP by competency type and by route, each a small captioned table. */
const BREAKDOWN_TABLES = [
  {
    key: 'competency',
    label: 'progress.hours.byCompetency',
    testId: 'by-competency',
    prefix: 'progress.competency.',
  },
  { key: 'route', label: 'progress.hours.byRoute', testId: 'by-route', prefix: 'progress.route.' },
] as const;

/** `/belajar/jam-pelajaran`: my learning hours (JP), ledger, external-training claims, SIASN export. */
@Component({
  selector: 'sb-my-hours',
  imports: [
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    ChartSectionComponent,
    DataTableComponent,
    ExternalTrainingFormComponent,
    LedgerTableComponent,
    JpRingComponent,
    MyClaimsTableComponent,
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
            (click)="downloadSiasnFile(f)"
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
        @for (t of breakdownTables; track t.key) {
          <sb-data-table
            [label]="t.label"
            [testId]="t.testId"
            [narrow]="true"
            [captionVisible]="true"
          >
            <tbody>
              @for (r of breakdown()[t.key]; track r.key) {
                <tr>
                  <th scope="row">{{ t.prefix + r.key | translate }}</th>
                  <td class="num">{{ r.jp | number: '1.0-1' }} JP</td>
                </tr>
              }
            </tbody>
          </sb-data-table>
        }
      </section>

      <sb-chart-section
        heading="progress.hours.history"
        headingId="sbp-history-title"
        testId="history-table"
        [height]="220"
        [columns]="historyColumns"
        [categories]="historyYears()"
        [series]="historySeries()"
      >
        <tbody>
          @for (y of h.history; track y.year) {
            <tr>
              <th scope="row">{{ y.year }}</th>
              <td class="num">{{ y.jp | number: '1.0-1' }}</td>
              <td class="num">{{ y.target ?? ('common.none' | translate) }}</td>
            </tr>
          }
        </tbody>
      </sb-chart-section>

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
      <sb-my-claims-table [claims]="claims()?.items ?? []" />
    </section>
  `,
  styles: `
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
    sb-chart-section {
      --sbp-beside-min: 240px;
    }
  `,
})
export class MyHoursComponent {
  private readonly api = inject(LedgerApi);
  private readonly auth = inject(AuthService);
  private readonly translate = inject(TranslateService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly events = inject(ProgressEventsService);

  protected readonly siasnFormats = ['csv', 'xlsx'] as const;
  protected readonly breakdownTables = BREAKDOWN_TABLES;
  protected readonly historyColumns = HISTORY_COLUMNS;
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

  protected downloadSiasnFile(format: 'csv' | 'xlsx'): void {
    const user = this.auth.user();
    if (!user) {
      return;
    }
    downloadSiasn(
      this.api,
      { userId: user.id, nip: user.nip, year: this.year(), format },
      { busy: this.downloading, problem: this.problem },
    );
  }
}
