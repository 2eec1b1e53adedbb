import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { LedgerEntryView } from '@siantar/contracts';
import { entryKind } from '../hours/ledger-view';
import { DataTableComponent, type TableColumn } from '../ui/data-table.component';

const COLUMNS: readonly TableColumn[] = [
  { key: 'progress.ledger.date' },
  { key: 'progress.ledger.training' },
  { key: 'progress.ledger.source' },
  { key: 'progress.ledger.type' },
  { text: 'JP', num: true },
];
const ACTIONS: TableColumn = { key: 'common.actions' };

/** The ledger entries of a year; reversals and reversed entries say so. Admins may reverse. */
@Component({
  selector: 'sb-ledger-table',
  imports: [
    DatePipe,
    DecimalPipe,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
    DataTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-data-table label="progress.ledger.title" testId="ledger-table" [columns]="columns()">
      <tbody>
        @for (e of entries(); track e.id) {
          <tr
            [class.reversal]="kind(e) === 'reversal'"
            [attr.data-kind]="kind(e)"
            data-testid="ledger-row"
          >
            <td class="nowrap">{{ e.entryDate | date: 'mediumDate' }}</td>
            <th scope="row">
              <span [class.struck]="kind(e) === 'reversed'">{{ e.title }}</span>
              <span class="sb-muted block">{{ e.provider }}</span>
              @if (kind(e) === 'reversal') {
                <span class="sb-chip sb-chip-error">{{
                  'progress.ledger.reversal' | translate
                }}</span>
                @if (e.reason) {
                  <span class="sb-muted block">{{
                    'progress.ledger.reason' | translate: { reason: e.reason }
                  }}</span>
                }
              } @else if (kind(e) === 'reversed') {
                <span class="sb-chip sb-chip-off">{{
                  'progress.ledger.reversed' | translate
                }}</span>
              }
            </th>
            <td>{{ 'progress.source.' + e.source | translate }}</td>
            <td>
              {{ e.trainingType }}
              <span class="sb-muted block">
                {{ 'progress.route.' + e.route | translate }} ·
                {{ 'progress.competency.' + e.competencyType | translate }}
              </span>
            </td>
            <td class="num">{{ e.jp > 0 ? '+' : '' }}{{ e.jp | number: '1.0-1' }}</td>
            @if (canReverse()) {
              <td>
                @if (kind(e) === 'credit') {
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="reverse.emit(e)"
                    data-testid="reverse-entry"
                  >
                    <mat-icon svgIcon="sbp-undo" aria-hidden="true" />
                    {{ 'progress.ledger.reverse' | translate }}
                    <span class="sb-visually-hidden">: {{ e.title }}</span>
                  </button>
                }
              </td>
            }
          </tr>
        } @empty {
          <tr>
            <td [attr.colspan]="canReverse() ? 6 : 5" class="sb-empty">
              {{ 'progress.ledger.empty' | translate }}
            </td>
          </tr>
        }
      </tbody>
    </sb-data-table>
  `,
  styles: [
    `
      .reversal {
        background: color-mix(in srgb, var(--mat-sys-error-container) 25%, transparent);
      }
      .struck {
        text-decoration: line-through;
      }
    `,
  ],
})
export class LedgerTableComponent {
  readonly entries = input.required<LedgerEntryView[]>();
  readonly canReverse = input(false);
  readonly reverse = output<LedgerEntryView>();
  protected readonly columns = computed(() =>
    this.canReverse() ? [...COLUMNS, ACTIONS] : COLUMNS,
  );

  protected kind(e: LedgerEntryView): ReturnType<typeof entryKind> {
    return entryKind(e);
  }
}
