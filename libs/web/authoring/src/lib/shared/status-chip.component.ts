import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { VersionStatus } from '@siantar/contracts';

/** draft / dalam review / terbit / arsip. */
@Component({
  selector: 'sb-status-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="sb-chip status"
    [class]="'status-' + status()"
    data-testid="status-chip"
    >{{ 'authoring.status.' + status() | translate }}</span
  >`,
  styles: `
    .status-draft {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .status-in_review {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .status-published {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .status-archived {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
  `,
})
export class StatusChipComponent {
  readonly status = input.required<VersionStatus>();
}
