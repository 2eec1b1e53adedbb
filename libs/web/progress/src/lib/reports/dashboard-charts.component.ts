import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { DashboardResponse, ReportFilter } from '@siantar/contracts';
import { map } from 'rxjs';
import { ExportButtonsComponent } from '../shared/export-buttons.component';
import { ChartSectionComponent } from '../ui/chart-section.component';
import type { TableColumn } from '../ui/data-table.component';
import type { ChartSeries } from '../ui/report-chart.component';
import { FUNNEL_STAGES, bucketLabel, share } from './report-math';

const JP: TableColumn = { text: 'JP', num: true };
const COLUMNS = {
  months: [
    { key: 'progress.charts.month' },
    { key: 'progress.kpi.enrolled', num: true },
    { key: 'progress.kpi.completed', num: true },
    JP,
  ],
  buckets: [
    { key: 'progress.charts.bucket' },
    { key: 'progress.charts.persons', num: true },
    { key: 'progress.charts.share', num: true },
  ],
  rank: [
    { key: 'progress.charts.rank' },
    { key: 'progress.kpi.staff', num: true },
    { key: 'progress.kpi.belowTarget', num: true },
    JP,
  ],
  competency: [
    { key: 'progress.claim.competencyType' },
    JP,
    { key: 'progress.charts.entries', num: true },
  ],
  funnel: [
    { key: 'progress.dashboard.course' },
    ...FUNNEL_STAGES.map((s) => ({ key: `progress.funnel.${s}`, num: true })),
  ],
} satisfies Record<string, readonly TableColumn[]>;

/** The dashboard's charts, each beside its table: months, JP buckets, ranks, competency, funnels. */
@Component({
  selector: 'sb-dashboard-charts',
  imports: [DecimalPipe, TranslatePipe, ChartSectionComponent, ExportButtonsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = report();
    <sb-chart-section
      heading="progress.charts.months"
      headingId="sbp-months-title"
      testId="months-table"
      kind="line"
      [columns]="columns.months"
      [categories]="monthLabels()"
      [series]="monthSeries()"
    >
      <tbody>
        @for (m of r.months; track m.month; let i = $index) {
          <tr>
            <th scope="row">{{ monthLabels()[i] }}</th>
            <td class="num">{{ m.enrolled }}</td>
            <td class="num">{{ m.completed }}</td>
            <td class="num">{{ m.jp | number: '1.0-1' }}</td>
          </tr>
        }
      </tbody>
    </sb-chart-section>

    <sb-chart-section
      heading="progress.charts.buckets"
      headingId="sbp-buckets-title"
      testId="buckets-table"
      [columns]="columns.buckets"
      [categories]="bucketLabels()"
      [series]="bucketSeries()"
    >
      <tbody>
        @for (b of r.jpDistribution.buckets; track b.from; let i = $index) {
          <tr>
            <th scope="row">{{ bucketLabels()[i] }}</th>
            <td class="num">{{ b.persons }}</td>
            <td class="num">{{ pct(b.persons, bucketTotal()) }}</td>
          </tr>
        }
      </tbody>
      <ul class="targets" sbChartAfter>
        @for (e of r.jpDistribution.byEmploymentType; track e.employmentType) {
          <li>
            {{
              'progress.charts.byEmployment'
                | translate
                  : {
                      type: e.employmentType,
                      target: e.target,
                      staff: e.staff,
                      below: e.belowTarget,
                    }
            }}
          </li>
        }
      </ul>
    </sb-chart-section>

    <sb-chart-section
      heading="progress.charts.byRank"
      headingId="sbp-rank-title"
      testId="rank-table"
      [horizontal]="true"
      [height]="rankHeight()"
      [columns]="columns.rank"
      [categories]="rankLabels()"
      [series]="rankSeries()"
    >
      <tbody>
        @for (x of r.jpDistribution.byRank; track x.rank) {
          <tr>
            <th scope="row">{{ x.rank }}</th>
            <td class="num">{{ x.staff }}</td>
            <td class="num">{{ x.belowTarget }}</td>
            <td class="num">{{ x.jp | number: '1.0-1' }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="4" class="sb-empty">{{ 'progress.charts.noData' | translate }}</td>
          </tr>
        }
      </tbody>
    </sb-chart-section>

    <sb-chart-section
      heading="progress.charts.byCompetency"
      headingId="sbp-comp-title"
      testId="competency-table"
      [height]="220"
      [columns]="columns.competency"
      [categories]="competencyLabels()"
      [series]="competencySeries()"
    >
      <tbody>
        @for (c of r.jpDistribution.byCompetency; track c.competencyType; let i = $index) {
          <tr>
            <th scope="row">{{ competencyLabels()[i] }}</th>
            <td class="num">{{ c.jp | number: '1.0-1' }}</td>
            <td class="num">{{ c.entries }}</td>
          </tr>
        }
      </tbody>
    </sb-chart-section>

    <sb-chart-section
      heading="progress.charts.funnels"
      headingId="sbp-funnel-title"
      testId="funnel-table"
      [horizontal]="true"
      [height]="funnelHeight()"
      [columns]="columns.funnel"
      [categories]="funnelLabels()"
      [series]="funnelSeries()"
    >
      <sb-export-buttons
        sbChartLead
        table="courses"
        tableLabel="progress.charts.funnels"
        [filter]="filter()"
      />
      <tbody>
        @for (f of r.funnels; track f.courseId) {
          <tr>
            <th scope="row">
              <span class="sb-code">{{ f.code }}</span> {{ f.title }}
            </th>
            @for (s of stages; track s) {
              <td class="num">{{ f[s] }}</td>
            }
          </tr>
        } @empty {
          <tr>
            <td colspan="5" class="sb-empty">{{ 'progress.charts.noData' | translate }}</td>
          </tr>
        }
      </tbody>
    </sb-chart-section>
  `,
  styles: `
    .targets {
      margin: 8px 0 0;
    }
    sb-export-buttons {
      margin-bottom: 8px;
    }
  `,
})
export class DashboardChartsComponent {
  private readonly translate = inject(TranslateService);

  readonly report = input.required<DashboardResponse>();
  /** For the funnels' export. */
  readonly filter = input.required<ReportFilter>();

  protected readonly columns = COLUMNS;
  protected readonly stages = FUNNEL_STAGES;

  private readonly lang = toSignal(this.translate.onLangChange.pipe(map((e) => e.lang)), {
    initialValue: this.translate.getCurrentLang(),
  });

  protected readonly monthLabels = computed(() => {
    const format = new Intl.DateTimeFormat(this.lang() === 'en' ? 'en' : 'id', { month: 'short' });
    return this.report().months.map((m) => format.format(new Date(2000, m.month - 1, 1)));
  });
  protected readonly monthSeries = computed<ChartSeries[]>(() => {
    this.lang();
    const months = this.report().months;
    return [
      { name: this.t('progress.kpi.enrolled'), data: months.map((m) => m.enrolled) },
      { name: this.t('progress.kpi.completed'), data: months.map((m) => m.completed) },
      { name: 'JP', data: months.map((m) => m.jp) },
    ];
  });
  protected readonly bucketLabels = computed(() =>
    this.report().jpDistribution.buckets.map(bucketLabel),
  );
  protected readonly bucketTotal = computed(() =>
    this.report().jpDistribution.buckets.reduce((sum, b) => sum + b.persons, 0),
  );
  protected readonly bucketSeries = computed<ChartSeries[]>(() => {
    this.lang();
    return [
      {
        name: this.t('progress.charts.persons'),
        data: this.report().jpDistribution.buckets.map((b) => b.persons),
      },
    ];
  });
  protected readonly rankLabels = computed(() =>
    this.report().jpDistribution.byRank.map((r) => r.rank),
  );
  protected readonly rankHeight = computed(() => Math.max(200, 28 * this.rankLabels().length + 60));
  protected readonly rankSeries = computed<ChartSeries[]>(() => {
    this.lang();
    const rows = this.report().jpDistribution.byRank;
    return [
      { name: this.t('progress.kpi.staff'), data: rows.map((r) => r.staff) },
      { name: this.t('progress.kpi.belowTarget'), data: rows.map((r) => r.belowTarget) },
    ];
  });
  protected readonly competencyLabels = computed(() => {
    this.lang();
    return this.report().jpDistribution.byCompetency.map((c) =>
      this.t(`progress.competency.${c.competencyType}`),
    );
  });
  protected readonly competencySeries = computed<ChartSeries[]>(() => [
    { name: 'JP', data: this.report().jpDistribution.byCompetency.map((c) => c.jp) },
  ]);
  protected readonly funnelLabels = computed(() => this.report().funnels.map((f) => f.code));
  protected readonly funnelHeight = computed(() =>
    Math.max(200, 48 * this.funnelLabels().length + 60),
  );
  protected readonly funnelSeries = computed<ChartSeries[]>(() => {
    this.lang();
    const funnels = this.report().funnels;
    return FUNNEL_STAGES.map((s) => ({
      name: this.t(`progress.funnel.${s}`),
      data: funnels.map((f) => f[s]),
    }));
  });

  private t(key: string): string {
    return this.translate.instant(key) as string;
  }

  protected pct(part: number, whole: number): string {
    const value = share(part, whole);
    return value === null ? '—' : `${value.toLocaleString('id')}%`;
  }
}
