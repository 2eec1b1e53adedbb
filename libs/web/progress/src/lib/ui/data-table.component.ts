import { ChangeDetectionStrategy, Component, ViewEncapsulation, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { TableRegionComponent } from '@siantar/web-core';

/** A header cell of {@link DataTableComponent}: an i18n key, or `text` as it is (e.g. "JP"). */
export interface TableColumn {
  key?: string;
  text?: string;
  /** A number column: right-aligned. */
  num?: boolean;
}

/**
 * A report table in its named scroll region, captioned by `label` (an i18n key; the caption is
 * for screen readers unless `captionVisible`). The header comes from `columns`; the rest
 * (`<tbody>`, or a `<thead>` of its own when `columns` is empty) is projected.
 *
 * The table's styles (`.sbp-table`: lined rows, numbers right-aligned in tabular figures) are
 * not encapsulated but scoped to `sb-data-table`: the projected rows and cells belong to the
 * component that writes them, and must be styled all the same.
 */
@Component({
  selector: 'sb-data-table',
  imports: [TranslatePipe, TableRegionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    <sb-table-region [label]="label() | translate">
      <table class="sbp-table" [class.narrow]="narrow()" [attr.data-testid]="testId()">
        <caption [class.sb-visually-hidden]="!captionVisible()">
          {{
            label() | translate
          }}
        </caption>
        @if (columns().length) {
          <thead>
            <tr>
              @for (c of columns(); track $index) {
                <th scope="col" [class.num]="c.num">{{ c.text ?? (c.key ?? '' | translate) }}</th>
              }
            </tr>
          </thead>
        }
        <ng-content />
      </table>
    </sb-table-region>
  `,
  // Flat rules under the element's name (not encapsulated, see above).
  styles: `
    sb-data-table {
      display: block;
      min-width: 0;
    }
    sb-data-table .sbp-table {
      width: 100%;
      min-width: 560px;
      border-collapse: collapse;
    }
    sb-data-table .sbp-table.narrow {
      min-width: 260px;
    }
    sb-data-table .sbp-table th,
    sb-data-table .sbp-table td {
      text-align: start;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: middle;
    }
    sb-data-table .sbp-table thead th {
      font: var(--mat-sys-title-small);
    }
    sb-data-table .sbp-table tbody th {
      font-weight: 400;
    }
    sb-data-table .sbp-table .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    sb-data-table .sbp-table .block {
      display: block;
    }
    sb-data-table .sbp-table .nowrap {
      white-space: nowrap;
    }
    sb-data-table .sbp-table caption:not(.sb-visually-hidden) {
      text-align: start;
      font: var(--mat-sys-title-medium);
      padding-bottom: 4px;
    }
  `,
})
export class DataTableComponent {
  /** i18n key: the region's name and the table's caption. */
  readonly label = input.required<string>();
  readonly testId = input<string>();
  readonly columns = input<readonly TableColumn[]>([]);
  /** For short tables beside a chart or in a summary. */
  readonly narrow = input(false);
  readonly captionVisible = input(false);
}
