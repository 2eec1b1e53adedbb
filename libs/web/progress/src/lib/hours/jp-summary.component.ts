import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { LearningHoursResponse, ProblemDetails } from '@siantar/contracts';
import { AuthService, ProblemAlertComponent, sendRequest } from '@siantar/web-core';
import { ProgressEventsService } from '../api/progress-events';
import { LedgerApi } from '../api/progress.api';
import { JpRingComponent } from '../ui/jp-ring.component';

/**
 * "JP tahun ini" on "Pembelajaran saya": the ring of this year's hours against the target,
 * refetched when a course completes (the `completion` event) or the socket reconnects.
 */
@Component({
  selector: 'sb-jp-summary',
  imports: [
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
    ProblemAlertComponent,
    JpRingComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (hours() || problem()) {
      <section class="card" aria-labelledby="sbp-jp-summary-title" data-testid="jp-summary">
        <h2 id="sbp-jp-summary-title">{{ 'progress.hours.thisYear' | translate }}</h2>
        @if (hours(); as h) {
          <div class="body">
            <sb-jp-ring [jp]="h.jp" [target]="h.target" />
            <div>
              @if (h.target !== null) {
                <p>
                  @if (h.jp >= h.target) {
                    {{ 'progress.hours.reached' | translate }}
                  } @else {
                    {{
                      'progress.hours.remaining'
                        | translate: { jp: (h.target - h.jp | number: '1.0-1') }
                    }}
                  }
                </p>
              }
              <a mat-stroked-button routerLink="/belajar/jam-pelajaran">
                <mat-icon svgIcon="sbp-hours" aria-hidden="true" />
                {{ 'progress.hours.details' | translate }}
              </a>
            </div>
          </div>
        }
        <sb-problem-alert [problem]="problem()" />
      </section>
    }
  `,
  styles: `
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      background: var(--mat-sys-surface);
      margin-bottom: 16px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .body {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 16px 24px;
    }
    p {
      margin: 0 0 8px;
    }
  `,
})
export class JpSummaryComponent {
  private readonly api = inject(LedgerApi);

  protected readonly hours = signal<LearningHoursResponse | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    // The ledger is for ASN (PNS, PPPK): partners' staff have none.
    if (inject(AuthService).user()?.employmentType === 'NON_ASN') {
      return;
    }
    this.load();
    inject(ProgressEventsService)
      .completionOrReconnect()
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.load());
  }

  private load(): void {
    sendRequest(this.api.myHours(), { busy: this.loading, problem: this.problem }, (h) =>
      this.hours.set(h),
    );
  }
}
