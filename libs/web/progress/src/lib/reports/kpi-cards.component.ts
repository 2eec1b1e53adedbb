import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { DashboardRow } from '@siantar/contracts';

const KPIS = [
  'enrolled',
  'completed',
  'completionRate',
  'overdue',
  'staff',
  'belowTarget',
  'jp',
] as const;

/** The dashboard's headline numbers, one card each. */
@Component({
  selector: 'sb-kpi-cards',
  imports: [DecimalPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="kpis" data-testid="kpis">
      @for (k of kpis; track k) {
        <div [attr.data-kpi]="k">
          <dt>{{ 'progress.kpi.' + k | translate }}</dt>
          <dd>
            @if (k === 'completionRate') {
              {{
                totals().completionRate === null
                  ? ('common.none' | translate)
                  : (totals().completionRate | number: '1.0-1') + '%'
              }}
            } @else {
              {{ totals()[k] | number: '1.0-1' }}
            }
          </dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .kpis {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 12px;
      margin: 8px 0 0;
      div {
        border: 1px solid var(--mat-sys-outline-variant);
        border-radius: 12px;
        padding: 12px 16px;
        background: var(--mat-sys-surface);
      }
      dt {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 4px 0 0;
        font: var(--mat-sys-headline-small);
        font-variant-numeric: tabular-nums;
      }
    }
  `,
})
export class KpiCardsComponent {
  readonly totals = input.required<DashboardRow>();
  protected readonly kpis = KPIS;
}
