import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ClaimStatus, ProblemDetails, TrainingClaimView } from '@siantar/contracts';
import {
  PageState,
  PaginatorComponent,
  ProblemAlertComponent,
  loadOnChange,
  sendRequest,
  ReasonDialogComponent,
  type ReasonDialogData,
} from '@siantar/web-core';
import { LedgerApi } from '../api/progress.api';
import { DataTableComponent, type TableColumn } from '../ui/data-table.component';

const COLUMNS: readonly TableColumn[] = [
  { key: 'progress.claims.person' },
  { key: 'progress.claim.title' },
  { key: 'progress.claims.dates' },
  { text: 'JP', num: true },
  { key: 'progress.claim.evidence' },
];

/** Training claims to decide (a supervisor's team, an admin's reach): approve or reject with a note. */
@Component({
  selector: 'sb-claims-review',
  imports: [
    DatePipe,
    DecimalPipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    PaginatorComponent,
    ProblemAlertComponent,
    DataTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      [value]="status()"
      (change)="setStatus($event.value)"
      [attr.aria-label]="'progress.claims.status' | translate"
      hideSingleSelectionIndicator
    >
      @for (s of statuses; track s) {
        <mat-button-toggle [value]="s">{{
          'progress.claimStatus.' + s | translate
        }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    <sb-problem-alert [problem]="decisionProblem()" />
    <sb-data-table label="progress.claims.toDecide" testId="claims-review" [columns]="columns()">
      <tbody>
        @for (c of page()?.items ?? []; track c.id) {
          <tr data-testid="claim-row">
            <th scope="row">
              {{ c.userName }}
              <span class="sb-muted block">{{ c.nip ?? '' }} · {{ c.orgUnitName }}</span>
            </th>
            <td>
              {{ c.title }}
              <span class="sb-muted block">
                {{ c.provider }} · {{ c.trainingType }} ·
                {{ 'progress.route.' + c.route | translate }}
              </span>
              @if (c.certificateNumber) {
                <span class="sb-muted block">{{
                  'progress.claims.certificate' | translate: { no: c.certificateNumber }
                }}</span>
              }
            </td>
            <td class="nowrap">
              {{ c.startDate | date: 'mediumDate' }} – {{ c.endDate | date: 'mediumDate' }}
            </td>
            <td class="num">{{ c.jp | number: '1.0-1' }}</td>
            <td>
              @if (c.evidenceUrl) {
                <a [href]="c.evidenceUrl" target="_blank" rel="noopener">
                  {{ c.evidenceFilename ?? ('progress.claims.open' | translate) }}
                  <span class="sb-visually-hidden"
                    >({{ 'progress.claims.newTab' | translate }})</span
                  >
                </a>
              } @else {
                {{ 'common.none' | translate }}
              }
            </td>
            <td>
              @if (c.status === 'pending') {
                <div class="sb-actions">
                  <button
                    mat-flat-button
                    type="button"
                    (click)="approve(c)"
                    [disabled]="busy()"
                    data-testid="claim-approve"
                  >
                    <mat-icon svgIcon="sbp-check" aria-hidden="true" />
                    {{ 'progress.claims.approve' | translate }}
                    <span class="sb-visually-hidden">: {{ c.userName }}, {{ c.title }}</span>
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="reject(c)"
                    [disabled]="busy()"
                    data-testid="claim-reject"
                  >
                    {{ 'progress.claims.reject' | translate }}
                    <span class="sb-visually-hidden">: {{ c.userName }}, {{ c.title }}</span>
                  </button>
                </div>
              } @else {
                {{ c.decidedByName ?? '' }}
                <span class="sb-muted block">{{ c.decisionNote ?? '' }}</span>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="6" class="sb-empty">{{ 'progress.claims.noneToDecide' | translate }}</td>
          </tr>
        }
      </tbody>
    </sb-data-table>
    <sb-paginator [state]="pageState" [length]="page()?.total ?? 0" />
  `,
  styles: [
    `
      :host {
        display: block;
      }
      mat-button-toggle-group {
        margin-bottom: 8px;
      }
    `,
  ],
})
export class ClaimsReviewComponent {
  private readonly api = inject(LedgerApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  protected readonly statuses: readonly ClaimStatus[] = ['pending', 'approved', 'rejected'];
  protected readonly status = signal<ClaimStatus>('pending');
  /** The last column holds the decision buttons while pending, the decision's note after. */
  protected readonly columns = computed(() => [
    ...COLUMNS,
    { key: this.status() === 'pending' ? 'common.actions' : 'progress.claims.note' },
  ]);
  protected readonly pageState = new PageState(20);
  private readonly reload = signal(0);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly busy = signal(false);
  protected readonly decisionProblem = signal<ProblemDetails | null>(null);
  protected readonly page = loadOnChange(
    computed(() => ({
      status: this.status(),
      limit: this.pageState.size(),
      offset: this.pageState.offset(),
      n: this.reload(),
    })),
    (q) => this.api.claimsToDecide(q.status, q.limit, q.offset),
    { loading: this.loading, problem: this.problem },
  );

  protected setStatus(status: ClaimStatus): void {
    this.status.set(status);
    this.pageState.first();
  }

  protected approve(claim: TrainingClaimView): void {
    this.decide(claim, 'approve');
  }

  protected reject(claim: TrainingClaimView): void {
    this.dialog
      .open<ReasonDialogComponent, ReasonDialogData, string>(ReasonDialogComponent, {
        data: {
          title: 'progress.claims.rejectTitle',
          label: 'progress.claims.rejectNote',
          confirm: 'progress.claims.reject',
          context: `${claim.userName} — ${claim.title}`,
          minLength: 3,
          required: true,
        },
        width: '520px',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe((note) => {
        if (note !== undefined) {
          this.decide(claim, 'reject', note);
        }
      });
  }

  private decide(claim: TrainingClaimView, decision: 'approve' | 'reject', note?: string): void {
    sendRequest(
      this.api.decide(claim.id, note ? { decision, note } : { decision }),
      { busy: this.busy, problem: this.decisionProblem },
      () => {
        this.snackBar.open(
          this.translate.instant(`progress.claims.${decision}d`, {
            name: claim.userName,
          }) as string,
          this.translate.instant('common.close') as string,
          { duration: 5000 },
        );
        this.reload.update((n) => n + 1);
      },
    );
  }
}
