import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { DataTableComponent, type TableColumn } from './data-table.component';
import { type ChartSeries, ReportChartComponent } from './report-chart.component';

/**
 * A report section: a heading, a chart, and beside it the table with the same numbers (the
 * chart's text alternative). The table's `<tbody>` is projected; an element marked
 * `sbChartLead` goes above the chart, one marked `sbChartAfter` below both.
 */
@Component({
  selector: 'sb-chart-section',
  imports: [TranslatePipe, DataTableComponent, ReportChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="sb-section" [attr.aria-labelledby]="headingId()">
      <h2 [id]="headingId()">{{ heading() | translate }}</h2>
      <ng-content select="[sbChartLead]" />
      <div class="chart-beside">
        <sb-report-chart
          [kind]="kind()"
          [horizontal]="horizontal()"
          [categories]="categories()"
          [series]="series()"
          [height]="height()"
        />
        <sb-data-table
          [label]="heading()"
          [testId]="testId()"
          [columns]="columns()"
          [narrow]="true"
        >
          <ng-content />
        </sb-data-table>
      </div>
      <ng-content select="[sbChartAfter]" />
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .chart-beside {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(var(--sbp-beside-min, 260px), 2fr);
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 959.98px) {
      .chart-beside {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class ChartSectionComponent {
  /** i18n key: the heading, and the table's name and caption. */
  readonly heading = input.required<string>();
  /** The heading's id (the section is labelled by it). */
  readonly headingId = input.required<string>();
  readonly testId = input.required<string>();
  readonly columns = input.required<readonly TableColumn[]>();
  readonly categories = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  readonly kind = input<'bar' | 'line'>('bar');
  readonly horizontal = input(false);
  readonly height = input(280);
}
