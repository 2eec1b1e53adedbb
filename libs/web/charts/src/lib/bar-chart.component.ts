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
import { BarChart, type BarSeriesOption } from 'echarts/charts';
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

// Only what a bar chart needs (tree-shaken ECharts).
use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

type BarChartOption = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export interface BarSeries {
  /** Already translated. */
  name: string;
  /** `null` leaves a gap (no value for that category). */
  data: (number | null)[];
  /** A Material colour role per bar (e.g. better/worse) instead of one per series. */
  roles?: (string | null)[];
}

const FALLBACKS: Record<string, string> = {
  '--mat-sys-primary': '#006a6a',
  '--mat-sys-tertiary': '#4b607c',
  '--mat-sys-secondary': '#4a6363',
  '--mat-sys-error': '#ba1a1a',
};
const SERIES_ROLES = Object.keys(FALLBACKS);

/**
 * A horizontal bar chart for the report screens (evaluation, simulation analytics).
 * Decorative for screen readers (`aria-hidden`): each chart sits beside a table or a list
 * with the same numbers, its text alternative.
 */
@Component({
  selector: 'sb-bar-chart',
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
export class BarChartComponent {
  readonly categories = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  /** Categories on the vertical axis (long labels such as dimensions or OPD names). */
  readonly horizontal = input(false);
  readonly height = input(240);
  /** Fixed value axis bounds (e.g. 1–5 for Likert averages). */
  readonly min = input<number | null>(null);
  readonly max = input<number | null>(null);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly element = viewChild.required<ElementRef<HTMLDivElement>>('chart');
  private chart: ECharts | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      this.chart = init(this.element().nativeElement, undefined, { renderer: 'svg' });
      this.render();
      const observer =
        typeof ResizeObserver === 'undefined'
          ? null
          : new ResizeObserver(() => this.chart?.resize());
      observer?.observe(this.element().nativeElement);
      destroyRef.onDestroy(() => {
        observer?.disconnect();
        this.chart?.dispose();
        this.chart = null;
      });
    });
    effect(() => {
      this.categories();
      this.series();
      this.horizontal();
      this.min();
      this.max();
      this.render();
    });
  }

  private colour(role: string): string {
    const value = getComputedStyle(this.host.nativeElement).getPropertyValue(role).trim();
    return value || FALLBACKS[role] || '#191c1c';
  }

  private render(): void {
    if (!this.chart) {
      return;
    }
    const text = this.colour('--mat-sys-on-surface');
    const categoryAxis = {
      type: 'category' as const,
      data: this.categories(),
      axisLabel: {
        color: text,
        interval: 0,
        hideOverlap: true,
        width: 140,
        overflow: 'truncate' as const,
      },
    };
    const valueAxis = {
      type: 'value' as const,
      axisLabel: { color: text },
      ...(this.min() !== null ? { min: this.min() as number } : {}),
      ...(this.max() !== null ? { max: this.max() as number } : {}),
    };
    const many = this.series().length > 1;
    const option: BarChartOption = {
      aria: { enabled: false },
      grid: { left: this.horizontal() ? 148 : 48, right: 16, top: many ? 40 : 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: many ? { top: 0, textStyle: { color: text } } : { show: false },
      xAxis: this.horizontal() ? valueAxis : categoryAxis,
      yAxis: this.horizontal() ? { ...categoryAxis, inverse: true } : valueAxis,
      series: this.series().map((s, i) => {
        const colour = this.colour(SERIES_ROLES[i % SERIES_ROLES.length]);
        const roles = s.roles;
        return {
          type: 'bar',
          name: s.name,
          data: roles
            ? s.data.map((value, j) => ({
                value,
                itemStyle: { color: roles[j] ? this.colour(roles[j]) : colour },
              }))
            : s.data,
          itemStyle: { color: colour },
        } as BarSeriesOption;
      }),
    };
    this.chart.setOption(option, true);
  }
}
