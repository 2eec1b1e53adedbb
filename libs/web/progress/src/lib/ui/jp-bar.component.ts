import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { jpBarPercent } from '../reports/report-math';

/**
 * A person's JP against their target in a table cell: a small bar (decorative, the numbers
 * beside it say the same), "jp / target", and a "behind" chip.
 */
@Component({
  selector: 'sb-jp-bar',
  imports: [DecimalPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="jp-cell">
      <span class="bar" aria-hidden="true"
        ><span [style.width.%]="percent()" [class.behind]="behind()"></span
      ></span>
      <span class="num">{{ jp() | number: '1.0-1' }} / {{ target() ?? '—' }}</span>
      @if (behind()) {
        <span class="sb-chip sb-chip-error">{{ 'progress.people.behind' | translate }}</span>
      }
    </div>
  `,
  styles: `
    .jp-cell {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px;
    }
    .bar {
      display: inline-block;
      width: 80px;
      height: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
      span {
        display: block;
        height: 100%;
        background: var(--mat-sys-primary);
      }
      span.behind {
        background: var(--mat-sys-error);
      }
    }
  `,
})
export class JpBarComponent {
  readonly jp = input.required<number>();
  readonly target = input.required<number | null>();
  readonly behind = input.required<boolean>();
  protected readonly percent = computed(() => jpBarPercent(this.jp(), this.target()));
}
