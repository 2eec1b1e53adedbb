import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { LedgerEntryView } from '@siantar/contracts';
import { TableRegionComponent } from '@siantar/web-core';
import { TABLE_STYLES } from './table.styles';
import { entryKind } from '../hours/ledger-view';

/** The ledger entries of a year; reversals and reversed entries say so. Admins may reverse. */
@Component({
  selector: 'sb-ledger-table',
  imports: [
    DatePipe,
    DecimalPipe,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
    TableRegionComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-table-region [label]="'progress.ledger.title' | translate">
      <table class="sbp-table" data-testid="ledger-table">
        <caption class="sb-visually-hidden">
          {{
            'progress.ledger.title' | translate
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'progress.ledger.date' | translate }}</th>
            <th scope="col">{{ 'progress.ledger.training' | translate }}</th>
            <th scope="col">{{ 'progress.ledger.source' | translate }}</th>
            <th scope="col">{{ 'progress.ledger.type' | translate }}</th>
            <th scope="col" class="num">JP</th>
            @if (canReverse()) {
              <th scope="col">{{ 'common.actions' | translate }}</th>
            }
          </tr>
        </thead>
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
      </table>
    </sb-table-region>
  `,
  styles: [
    TABLE_STYLES,
    `
      .reversal {
        background: color-mix(in srgb, var(--mat-sys-error-container) 25%, transparent);
      }
      .struck {
        text-decoration: line-through;
      }
      .block {
        display: block;
      }
      .nowrap {
        white-space: nowrap;
      }
    `,
  ],
})
export class LedgerTableComponent {
  readonly entries = input.required<LedgerEntryView[]>();
  readonly canReverse = input(false);
  readonly reverse = output<LedgerEntryView>();

  protected kind(e: LedgerEntryView): ReturnType<typeof entryKind> {
    return entryKind(e);
  }
}
