import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { SaveState } from './answer-queue.service';

const ICONS: Record<SaveState, string | null> = {
  idle: null,
  saving: 'sbq-saving',
  saved: 'sbq-saved',
  offline: 'sbq-offline',
  error: 'sbq-error',
};

/** "Tersimpan" / "Menyimpan…" / "Offline – akan dikirim", announced politely. */
@Component({
  selector: 'sb-quiz-save-state',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="sb-save"
      role="status"
      aria-live="polite"
      [class.sb-save-warn]="state() === 'offline' || state() === 'error'"
      [attr.data-testid]="'save-state-' + slot()"
      [attr.data-state]="state()"
    >
      @if (icon(); as i) {
        <mat-icon [svgIcon]="i" aria-hidden="true" />
        <span>{{ 'quiz.save.' + state() | translate }}</span>
      }
    </span>
  `,
  styles: `
    .sb-save {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      min-height: 20px;
    }
    .sb-save-warn {
      color: var(--mat-sys-error);
    }
    mat-icon {
      width: 18px;
      height: 18px;
    }
  `,
})
export class SaveStateComponent {
  readonly state = input.required<SaveState>();
  readonly slot = input.required<number>();
  protected readonly icon = computed(() => ICONS[this.state()]);
}
