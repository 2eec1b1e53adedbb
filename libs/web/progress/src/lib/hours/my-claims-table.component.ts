import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { TrainingClaimView } from '@siantar/contracts';
import { DataTableComponent, type TableColumn } from '../ui/data-table.component';

const COLUMNS: readonly TableColumn[] = [
  { key: 'progress.claim.title' },
  { key: 'progress.claims.dates' },
  { text: 'JP', num: true },
  { key: 'progress.claims.status' },
  { key: 'progress.claims.note' },
];

/** A learner's own external-training claims: status, and who decided with what note. */
@Component({
  selector: 'sb-my-claims-table',
  imports: [DatePipe, DecimalPipe, TranslatePipe, DataTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-data-table label="progress.claims.mine" testId="my-claims" [columns]="columns">
      <tbody>
        @for (c of claims(); track c.id) {
          <tr>
            <th scope="row">
              {{ c.title }}
              <span class="sb-muted block">{{ c.provider }} · {{ c.trainingType }}</span>
            </th>
            <td class="nowrap">
              {{ c.startDate | date: 'mediumDate' }} – {{ c.endDate | date: 'mediumDate' }}
            </td>
            <td class="num">{{ c.jp | number: '1.0-1' }}</td>
            <td>
              <span
                class="sb-chip"
                [class.sb-chip-error]="c.status === 'rejected'"
                [class.sb-chip-off]="c.status === 'pending'"
                >{{ 'progress.claimStatus.' + c.status | translate }}</span
              >
            </td>
            <td>
              @if (c.decidedByName) {
                <span class="block">{{ c.decidedByName }}</span>
              }
              {{ c.decisionNote ?? '' }}
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="5" class="sb-empty">{{ 'progress.claims.none' | translate }}</td>
          </tr>
        }
      </tbody>
    </sb-data-table>
  `,
})
export class MyClaimsTableComponent {
  readonly claims = input.required<readonly TrainingClaimView[]>();
  protected readonly columns = COLUMNS;
}
