import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, toProblemAsync } from '@siantar/web-core';
import { NotifyApi } from '../api/notify.api';

/** Admin › Antrean: opens bull-board (served by the api) in a new tab. */
@Component({
  selector: 'sb-queue-dashboard',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="sb-page-title">{{ 'notify.ops.title' | translate }}</h1>
    <p class="sb-lead">{{ 'notify.ops.lead' | translate }}</p>
    @if (problem(); as p) {
      <sb-problem-alert [problem]="p" />
    }
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <button
      mat-flat-button
      type="button"
      (click)="open()"
      [disabled]="busy()"
      data-testid="open-queues"
    >
      {{ 'notify.ops.open' | translate }}
    </button>
    <p aria-live="polite">
      @if (fallbackUrl(); as url) {
        {{ 'notify.ops.blocked' | translate }}
        <a [href]="url" target="_blank" rel="noopener">{{ url }}</a>
      } @else if (opened()) {
        {{ 'notify.ops.opened' | translate }}
      }
    </p>
  `,
})
export class QueueDashboardComponent {
  private readonly api = inject(NotifyApi);
  protected readonly busy = signal(false);
  protected readonly opened = signal(false);
  protected readonly fallbackUrl = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected open(): void {
    this.busy.set(true);
    this.problem.set(null);
    // Opened before the request answers, so the browser counts it as the user's click.
    const tab = window.open('', '_blank');
    this.api.openQueueDashboard().subscribe({
      next: ({ url }) => {
        this.busy.set(false);
        if (tab) {
          tab.opener = null;
          tab.location.href = url;
          this.opened.set(true);
        } else this.fallbackUrl.set(url);
      },
      error: (e: unknown) => {
        tab?.close();
        this.busy.set(false);
        void toProblemAsync(e).then((p) => this.problem.set(p));
      },
    });
  }
}
