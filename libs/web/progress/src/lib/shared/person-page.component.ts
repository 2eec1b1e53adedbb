import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { LedgerEntryView, ProblemDetails } from '@siantar/contracts';
import {
  AuthService,
  ProblemAlertComponent,
  loadOnChange,
  sendRequest,
  ReasonDialogComponent,
  type ReasonDialogData,
} from '@siantar/web-core';
import { forkJoin } from 'rxjs';
import { LedgerApi, ReportsApi } from '../api/progress.api';
import { downloadSiasn } from './download';
import { EnrolmentTableComponent } from './enrolment-table.component';
import { ExternalTrainingFormComponent } from './external-training-form.component';
import { LedgerTableComponent } from './ledger-table.component';
import { JpRingComponent } from '../ui/jp-ring.component';

/**
 * One person: their courses and their learning-hours ledger. `/tim/:userId` for a supervisor
 * (read-only), `/laporan/orang/:userId` for an admin (reverse an entry, add an external one).
 */
@Component({
  selector: 'sb-person-page',
  imports: [
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    EnrolmentTableComponent,
    ExternalTrainingFormComponent,
    LedgerTableComponent,
    JpRingComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button [routerLink]="backLink()" [queryParams]="backParams()">
      <mat-icon svgIcon="sbp-back" aria-hidden="true" />
      {{ (mode() === 'team' ? 'progress.team.title' : 'progress.dashboard.title') | translate }}
    </a>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    @if (data(); as d) {
      <div class="sb-page-header">
        <div>
          <h1 class="sb-page-title" data-testid="person-name">{{ d.detail.person.name }}</h1>
          <p class="sb-lead">
            <span class="sb-mono">{{ d.detail.person.nip ?? '' }}</span>
            {{ d.detail.person.rank ?? '' }} · {{ d.detail.person.orgUnitName }} ·
            {{ 'employmentType.' + d.detail.person.employmentType | translate }}
          </p>
        </div>
        <sb-jp-ring
          [jp]="d.hours.jp"
          [target]="d.hours.target"
          [size]="112"
          label="progress.ring.personLabel"
        />
      </div>
      @if (mode() === 'admin') {
        <div class="sb-actions">
          @for (f of siasnFormats; track f) {
            <button
              mat-stroked-button
              type="button"
              (click)="downloadSiasnFile(f)"
              [disabled]="downloading()"
            >
              <mat-icon svgIcon="download" aria-hidden="true" />
              {{ 'progress.hours.siasn.' + f | translate }}
            </button>
          }
        </div>
      }

      <section class="sb-section" aria-labelledby="sbp-person-courses">
        <h2 id="sbp-person-courses">{{ 'progress.person.courses' | translate }}</h2>
        <sb-enrolment-table [enrolments]="d.detail.enrolments" />
      </section>

      <section class="sb-section" aria-labelledby="sbp-person-ledger">
        <h2 id="sbp-person-ledger">
          {{ 'progress.ledger.yearTitle' | translate: { year: d.hours.year } }}
          <span class="sb-muted">({{ d.hours.jp | number: '1.0-1' }} JP)</span>
        </h2>
        <sb-problem-alert [problem]="reverseProblem()" />
        <sb-ledger-table
          [entries]="d.hours.entries"
          [canReverse]="mode() === 'admin'"
          (reverse)="reverse($event)"
        />
      </section>

      @if (mode() === 'admin') {
        <section class="sb-section" aria-labelledby="sbp-person-add">
          <h2 id="sbp-person-add">{{ 'progress.entry.heading' | translate }}</h2>
          <p class="sb-muted">{{ 'progress.entry.intro' | translate }}</p>
          <sb-external-training-form mode="admin" [userId]="userId()" (saved)="onAdded()" />
        </section>
      }
    }
  `,
})
export class PersonPageComponent {
  private readonly reports = inject(ReportsApi);
  private readonly ledger = inject(LedgerApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly route = inject(ActivatedRoute);
  protected readonly auth = inject(AuthService);

  readonly userId = input.required<string>();
  /** From the route's data. */
  readonly mode = input<'team' | 'admin'>('admin');

  protected readonly siasnFormats = ['csv', 'xlsx'] as const;
  private readonly reload = signal(0);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly data = loadOnChange(
    computed(() => ({ userId: this.userId(), mode: this.mode(), n: this.reload() })),
    ({ userId, mode }) =>
      forkJoin({
        detail: mode === 'team' ? this.reports.teamMember(userId) : this.reports.person(userId),
        hours: this.ledger.hours(userId),
      }),
    { loading: this.loading, problem: this.problem },
  );
  protected readonly backLink = computed(() => (this.mode() === 'team' ? '/tim' : '/laporan'));
  /** Back to the dashboard with the filters it had (they ride along in the query). */
  protected readonly backParams = computed(() =>
    this.mode() === 'admin' ? this.route.snapshot.queryParams : {},
  );
  protected readonly reverseProblem = signal<ProblemDetails | null>(null);
  protected readonly reversing = signal(false);
  protected readonly downloading = signal(false);

  protected reverse(entry: LedgerEntryView): void {
    this.dialog
      .open<ReasonDialogComponent, ReasonDialogData, string>(ReasonDialogComponent, {
        data: {
          title: 'progress.ledger.reverseTitle',
          label: 'progress.ledger.reverseReason',
          confirm: 'progress.ledger.reverse',
          context: `${entry.title} — ${entry.jp} JP`,
          minLength: 5,
          required: true,
        },
        width: '520px',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe((reason) => {
        if (reason === undefined) {
          return;
        }
        sendRequest(
          this.ledger.reverse(entry.id, reason),
          { busy: this.reversing, problem: this.reverseProblem },
          () => {
            this.snackBar.open(
              this.translate.instant('progress.ledger.reversedDone') as string,
              this.translate.instant('common.close') as string,
              { duration: 5000 },
            );
            this.reload.update((n) => n + 1);
          },
        );
      });
  }

  protected onAdded(): void {
    this.snackBar.open(
      this.translate.instant('progress.entry.added') as string,
      this.translate.instant('common.close') as string,
      { duration: 5000 },
    );
    this.reload.update((n) => n + 1);
  }

  protected downloadSiasnFile(format: 'csv' | 'xlsx'): void {
    const d = this.data();
    if (!d) {
      return;
    }
    downloadSiasn(
      this.ledger,
      { userId: this.userId(), nip: d.hours.nip, year: d.hours.year, format },
      { busy: this.downloading, problem: this.problem },
    );
  }
}
