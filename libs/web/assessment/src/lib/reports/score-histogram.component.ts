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
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslateService } from '@ngx-translate/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what a bar chart needs (tree-shaken ECharts).
use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type HistogramOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption
>;

/** `0–9`, `10–19`, …, `90–100`: the report's ten bands (the last includes 100). */
export function bandLabels(count = 10): string[] {
  return Array.from({ length: count }, (_, i) =>
    i === count - 1 ? `${i * 10}–100` : `${i * 10}–${i * 10 + 9}`,
  );
}

/**
 * The score distribution as an ECharts bar chart. It is decorative for screen readers
 * (`aria-hidden`): the report shows the same numbers in a table beside it.
 */
@Component({
  selector: 'sb-score-histogram',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #chart class="sba-chart" aria-hidden="true"></div>`,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .sba-chart {
      width: 100%;
      height: 280px;
    }
  `,
})
export class ScoreHistogramComponent {
  readonly histogram = input.required<number[]>();
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly translate = inject(TranslateService);
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
      this.histogram();
      this.render();
    });
    this.translate.onLangChange.pipe(takeUntilDestroyed()).subscribe(() => this.render());
  }

  private render(): void {
    if (!this.chart) {
      return;
    }
    const style = getComputedStyle(this.host.nativeElement);
    const primary = style.getPropertyValue('--mat-sys-primary').trim() || '#006a6a';
    const text = style.getPropertyValue('--mat-sys-on-surface').trim() || '#191c1c';
    const attempts = this.translate.instant('assessment.report.attemptsAxis') as string;
    const option: HistogramOption = {
      aria: { enabled: false },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: bandLabels(this.histogram().length),
        axisLabel: { color: text, interval: 0, rotate: 30 },
        name: '%',
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text } },
      series: [
        { type: 'bar', name: attempts, data: this.histogram(), itemStyle: { color: primary } },
      ],
    };
    this.chart.setOption(option, true);
  }
}
