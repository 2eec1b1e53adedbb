import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what bar and line charts need (tree-shaken ECharts).
use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

type ReportChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export interface ChartSeries {
  /** Already translated. */
  name: string;
  data: number[];
}

/** Material colour roles the series take in turn. */
const SERIES_COLOURS = [
  ['--mat-sys-primary', '#006a6a'],
  ['--mat-sys-tertiary', '#4b607c'],
  ['--mat-sys-secondary', '#4a6363'],
  ['--mat-sys-error', '#ba1a1a'],
] as const;

/**
 * A report's bar or line chart. Decorative for screen readers (`aria-hidden`): every chart
 * sits beside a table with the same numbers, which is its text alternative.
 */
@Component({
  selector: 'sb-report-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #chart class="chart" aria-hidden="true" [style.height.px]="height()"></div>`,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .chart {
      width: 100%;
    }
  `,
})
export class ReportChartComponent {
  readonly kind = input<'bar' | 'line'>('bar');
  readonly categories = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  /** Categories on the vertical axis (long labels such as course codes or ranks). */
  readonly horizontal = input(false);
  readonly height = input(280);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly element = viewChild.required<ElementRef<HTMLDivElement>>('chart');
  private chart: ECharts | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      this.chart = init(this.element().nativeElement, undefined, { renderer: 'svg' });
      this.render();
      const observer = new ResizeObserver(() => this.chart?.resize());
      observer.observe(this.element().nativeElement);
      destroyRef.onDestroy(() => {
        observer.disconnect();
        this.chart?.dispose();
        this.chart = null;
      });
    });
    effect(() => {
      this.categories();
      this.series();
      this.kind();
      this.horizontal();
      this.render();
    });
  }

  private render(): void {
    if (!this.chart) {
      return;
    }
    const style = getComputedStyle(this.host.nativeElement);
    const colour = (i: number): string => {
      const [name, fallback] = SERIES_COLOURS[i % SERIES_COLOURS.length] ?? SERIES_COLOURS[0];
      return style.getPropertyValue(name).trim() || fallback;
    };
    const text = style.getPropertyValue('--mat-sys-on-surface').trim() || '#191c1c';
    const categoryAxis = {
      type: 'category' as const,
      data: this.categories(),
      axisLabel: {
        color: text,
        interval: 0,
        hideOverlap: true,
        width: 120,
        overflow: 'truncate' as const,
      },
    };
    const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { color: text } };
    const many = this.series().length > 1;
    const option: ReportChartOption = {
      aria: { enabled: false },
      grid: {
        left: this.horizontal() ? 128 : 48,
        right: 16,
        top: many ? 40 : 16,
        bottom: 32,
      },
      tooltip: { trigger: 'axis' },
      legend: many ? { top: 0, textStyle: { color: text } } : { show: false },
      xAxis: this.horizontal() ? valueAxis : categoryAxis,
      yAxis: this.horizontal() ? { ...categoryAxis, inverse: true } : valueAxis,
      series: this.series().map((s, i) =>
        this.kind() === 'line'
          ? ({
              type: 'line',
              name: s.name,
              data: s.data,
              itemStyle: { color: colour(i) },
            } as LineSeriesOption)
          : ({
              type: 'bar',
              name: s.name,
              data: s.data,
              itemStyle: { color: colour(i) },
            } as BarSeriesOption),
      ),
    };
    this.chart.setOption(option, true);
  }
}
