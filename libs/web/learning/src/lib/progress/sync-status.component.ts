import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { ProgressQueueService } from './progress-queue.service';

/** "Tersimpan" / "Menyimpan…" / "Offline — akan dikirim saat tersambung", announced politely. */
@Component({
  selector: 'sb-sync-status',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="sb-sync"
      [class.sb-sync-offline]="status() === 'offline'"
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      [attr.data-status]="status()"
    >
      <mat-icon [svgIcon]="icon()" aria-hidden="true" />
      <span>{{ 'learning.sync.' + status() | translate }}</span>
    </span>
  `,
  styles: `
    .sb-sync {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 4px 12px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .sb-sync-offline {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    mat-icon {
      width: 18px;
      height: 18px;
    }
  `,
})
export class SyncStatusComponent {
  private readonly queue = inject(ProgressQueueService);
  protected readonly status = this.queue.status;
  protected readonly icon = computed(
    () => ({ saved: 'sbl-saved', saving: 'sbl-saving', offline: 'sbl-offline' })[this.status()],
  );
}
