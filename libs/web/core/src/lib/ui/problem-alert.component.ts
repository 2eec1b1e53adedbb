import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';

/** Shows an API problem's `detail` (or a generic message) in a live region. */
@Component({
  selector: 'sb-problem-alert',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert" class="sb-alert" [class.visible]="!!problem()">
      @if (problem(); as p) {
        @if (p.detail) {
          <span>{{ p.detail }}</span>
        } @else if (p.status === 0) {
          <span>{{ 'errors.network' | translate }}</span>
        } @else {
          <span>{{ 'errors.generic' | translate }}</span>
        }
        @if (showRequestId() && p.requestId) {
          <small class="request-id">{{
            'errors.requestId' | translate: { id: p.requestId }
          }}</small>
        }
      }
    </div>
  `,
  styles: `
    .sb-alert.visible {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px;
      margin-block: 8px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .request-id {
      opacity: 0.8;
    }
  `,
})
export class ProblemAlertComponent {
  readonly problem = input<ProblemDetails | null>(null);
  readonly showRequestId = input(true);
}
