import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { COMPETENCY_TYPES, type ProblemDetails, type ReportFilter } from '@siantar/contracts';
import {
  OrgUnitsApi,
  ProblemAlertComponent,
  TableRegionComponent,
  loadOnChange,
} from '@siantar/web-core';
import { flattenOrgUnits } from '@siantar/web-identity';
import { catchError, distinctUntilChanged, map, of } from 'rxjs';
import { ReportsApi } from '../api/progress.api';
import { ExportButtonsComponent } from '../shared/export-buttons.component';
import { TABLE_STYLES } from '../shared/table.styles';
import { type ChartSeries, ReportChartComponent } from '../ui/report-chart.component';
import { PeopleTableComponent } from './people-table.component';
import { filterFromParams, filterToParams, sameFilter } from './report-filter';
import { FUNNEL_STAGES, bucketLabel, share } from './report-math';

const jakartaYear = (): number =>
  Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
  );

const KPIS = [
  'enrolled',
  'completed',
  'completionRate',
  'overdue',
  'staff',
  'belowTarget',
  'jp',
] as const;

/**
 * `/laporan` "Dasbor" for admins: filters kept in the URL, KPI cards, charts each beside its
 * table (the table is the chart's text alternative), unit drill-down, people, exports.
 */
@Component({
  selector: 'sb-dashboard',
  imports: [
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
    ExportButtonsComponent,
    ReportChartComponent,
    PeopleTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <h1 class="sb-page-title">{{ 'progress.dashboard.title' | translate }}</h1>
      <div class="sb-actions">
        <a mat-stroked-button routerLink="/laporan/klaim">
          <mat-icon svgIcon="sbp-claims" aria-hidden="true" />
          {{ 'progress.claims.toDecide' | translate }}
        </a>
        <a mat-stroked-button routerLink="/laporan/target-jp">
          <mat-icon svgIcon="sbp-target" aria-hidden="true" />
          {{ 'progress.targets.title' | translate }}
        </a>
      </div>
    </div>

    <section class="sb-filters" [attr.aria-label]="'progress.dashboard.filters' | translate">
      <mat-form-field>
        <mat-label>{{ 'progress.year' | translate }}</mat-label>
        <mat-select
          [value]="filter().year ?? thisYear"
          (valueChange)="set({ year: $event })"
          data-testid="filter-year"
        >
          @for (y of years; track y) {
            <mat-option [value]="y">{{ y }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.dashboard.unit' | translate }}</mat-label>
        <mat-select
          [value]="filter().orgUnitId ?? null"
          (valueChange)="set({ orgUnitId: $event ?? undefined })"
          data-testid="filter-unit"
        >
          <mat-option [value]="null">{{ 'progress.dashboard.allUnits' | translate }}</mat-option>
          @for (node of orgUnits(); track node.unit.id) {
            <mat-option [value]="node.unit.id">
              <span [style.padding-inline-start.px]="node.depth * 12">{{ node.unit.name }}</span>
            </mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.dashboard.course' | translate }}</mat-label>
        <mat-select
          [value]="filter().courseId ?? null"
          (valueChange)="set({ courseId: $event ?? undefined })"
        >
          <mat-option [value]="null">{{ 'common.all' | translate }}</mat-option>
          @for (c of courses(); track c.courseId) {
            <mat-option [value]="c.courseId">{{ c.code }} — {{ c.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.claim.competencyType' | translate }}</mat-label>
        <mat-select
          [value]="filter().competencyType ?? null"
          (valueChange)="set({ competencyType: $event ?? undefined })"
        >
          <mat-option [value]="null">{{ 'common.all' | translate }}</mat-option>
          @for (c of competencyTypes; track c) {
            <mat-option [value]="c">{{ 'progress.competency.' + c | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.dashboard.employmentType' | translate }}</mat-label>
        <mat-select
          [value]="filter().employmentType ?? null"
          (valueChange)="set({ employmentType: $event ?? undefined })"
        >
          <mat-option [value]="null">{{ 'common.all' | translate }}</mat-option>
          @for (e of employmentTypes; track e) {
            <mat-option [value]="e">{{ 'employmentType.' + e | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </section>

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />

    @if (report(); as r) {
      <nav
        class="crumbs"
        [attr.aria-label]="'progress.dashboard.breadcrumb' | translate"
        data-testid="scope-path"
      >
        <ol>
          @for (p of r.scope.path; track p.id; let first = $first; let last = $last) {
            <li>
              @if (last) {
                <span aria-current="page">{{ p.name }}</span>
              } @else {
                <!-- The first unit is the admin's whole reach: no unit filter. -->
                <a [routerLink]="[]" [queryParams]="unitParams(first ? null : p.id)">{{
                  p.name
                }}</a>
              }
            </li>
          } @empty {
            <li>
              <span aria-current="page">{{ r.scope.name }}</span>
            </li>
          }
        </ol>
      </nav>

      <dl class="kpis" data-testid="kpis">
        @for (k of kpis; track k) {
          <div [attr.data-kpi]="k">
            <dt>{{ 'progress.kpi.' + k | translate }}</dt>
            <dd>
              @if (k === 'completionRate') {
                {{
                  r.totals.completionRate === null
                    ? ('common.none' | translate)
                    : (r.totals.completionRate | number: '1.0-1') + '%'
                }}
              } @else {
                {{ r.totals[k] | number: '1.0-1' }}
              }
            </dd>
          </div>
        }
      </dl>

      @for (n of r.filterNotes; track n.filter) {
        <p class="sb-muted note" role="note">
          {{ 'progress.dashboard.filterNote.' + n.filter | translate }}
        </p>
      }

      <section class="sb-section" aria-labelledby="sbp-units-title">
        <h2 id="sbp-units-title">{{ 'progress.units.title' | translate }}</h2>
        <p class="sb-muted">{{ 'progress.units.hint' | translate }}</p>
        <sb-export-buttons table="units" tableLabel="progress.units.title" [filter]="filter()" />
        <sb-table-region [label]="'progress.units.title' | translate">
          <table class="sbp-table" data-testid="units-table">
            <caption class="sb-visually-hidden">
              {{
                'progress.units.title' | translate
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'progress.units.unit' | translate }}</th>
                <th scope="col" class="num">{{ 'progress.kpi.enrolled' | translate }}</th>
                <th scope="col" class="num">{{ 'progress.kpi.completed' | translate }}</th>
                <th scope="col" class="num">{{ 'progress.kpi.completionRate' | translate }}</th>
                <th scope="col" class="num">{{ 'progress.kpi.overdue' | translate }}</th>
                <th scope="col" class="num">{{ 'progress.kpi.staff' | translate }}</th>
                <th scope="col" class="num">{{ 'progress.kpi.belowTarget' | translate }}</th>
                <th scope="col" class="num">JP</th>
              </tr>
            </thead>
            <tbody>
              @for (u of r.units; track u.orgUnitId) {
                <tr data-testid="unit-row">
                  <th scope="row">
                    @if (u.direct) {
                      {{ u.name }}
                      <span class="sb-muted block">{{ 'progress.units.direct' | translate }}</span>
                    } @else {
                      <a
                        [routerLink]="[]"
                        [queryParams]="unitParams(u.orgUnitId)"
                        data-testid="unit-link"
                        >{{ u.name }}</a
                      >
                      <span class="sb-muted block">{{ 'orgUnitKind.' + u.kind | translate }}</span>
                    }
                  </th>
                  <td class="num">{{ u.enrolled }}</td>
                  <td class="num">{{ u.completed }}</td>
                  <td class="num">
                    {{
                      u.completionRate === null ? '—' : (u.completionRate | number: '1.0-1') + '%'
                    }}
                  </td>
                  <td class="num">{{ u.overdue }}</td>
                  <td class="num">{{ u.staff }}</td>
                  <td class="num">{{ u.belowTarget }}</td>
                  <td class="num">{{ u.jp | number: '1.0-1' }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="8" class="sb-empty">{{ 'progress.units.empty' | translate }}</td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
      </section>

      <section class="sb-section" aria-labelledby="sbp-months-title">
        <h2 id="sbp-months-title">{{ 'progress.charts.months' | translate }}</h2>
        <div class="chart-beside">
          <sb-report-chart kind="line" [categories]="monthLabels()" [series]="monthSeries()" />
          <sb-table-region [label]="'progress.charts.months' | translate">
            <table class="sbp-table narrow" data-testid="months-table">
              <caption class="sb-visually-hidden">
                {{
                  'progress.charts.months' | translate
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'progress.charts.month' | translate }}</th>
                  <th scope="col" class="num">{{ 'progress.kpi.enrolled' | translate }}</th>
                  <th scope="col" class="num">{{ 'progress.kpi.completed' | translate }}</th>
                  <th scope="col" class="num">JP</th>
                </tr>
              </thead>
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
            </table>
          </sb-table-region>
        </div>
      </section>

      <section class="sb-section" aria-labelledby="sbp-buckets-title">
        <h2 id="sbp-buckets-title">{{ 'progress.charts.buckets' | translate }}</h2>
        <div class="chart-beside">
          <sb-report-chart [categories]="bucketLabels()" [series]="bucketSeries()" />
          <sb-table-region [label]="'progress.charts.buckets' | translate">
            <table class="sbp-table narrow" data-testid="buckets-table">
              <caption class="sb-visually-hidden">
                {{
                  'progress.charts.buckets' | translate
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'progress.charts.bucket' | translate }}</th>
                  <th scope="col" class="num">{{ 'progress.charts.persons' | translate }}</th>
                  <th scope="col" class="num">{{ 'progress.charts.share' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (b of r.jpDistribution.buckets; track b.from; let i = $index) {
                  <tr>
                    <th scope="row">{{ bucketLabels()[i] }}</th>
                    <td class="num">{{ b.persons }}</td>
                    <td class="num">{{ pct(b.persons, bucketTotal()) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </sb-table-region>
        </div>
        <ul class="targets">
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
      </section>

      <section class="sb-section" aria-labelledby="sbp-rank-title">
        <h2 id="sbp-rank-title">{{ 'progress.charts.byRank' | translate }}</h2>
        <div class="chart-beside">
          <sb-report-chart
            [horizontal]="true"
            [categories]="rankLabels()"
            [series]="rankSeries()"
            [height]="rankHeight()"
          />
          <sb-table-region [label]="'progress.charts.byRank' | translate">
            <table class="sbp-table narrow" data-testid="rank-table">
              <caption class="sb-visually-hidden">
                {{
                  'progress.charts.byRank' | translate
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'progress.charts.rank' | translate }}</th>
                  <th scope="col" class="num">{{ 'progress.kpi.staff' | translate }}</th>
                  <th scope="col" class="num">{{ 'progress.kpi.belowTarget' | translate }}</th>
                  <th scope="col" class="num">JP</th>
                </tr>
              </thead>
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
            </table>
          </sb-table-region>
        </div>
      </section>

      <section class="sb-section" aria-labelledby="sbp-comp-title">
        <h2 id="sbp-comp-title">{{ 'progress.charts.byCompetency' | translate }}</h2>
        <div class="chart-beside">
          <sb-report-chart
            [categories]="competencyLabels()"
            [series]="competencySeries()"
            [height]="220"
          />
          <sb-table-region [label]="'progress.charts.byCompetency' | translate">
            <table class="sbp-table narrow" data-testid="competency-table">
              <caption class="sb-visually-hidden">
                {{
                  'progress.charts.byCompetency' | translate
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'progress.claim.competencyType' | translate }}</th>
                  <th scope="col" class="num">JP</th>
                  <th scope="col" class="num">{{ 'progress.charts.entries' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (c of r.jpDistribution.byCompetency; track c.competencyType; let i = $index) {
                  <tr>
                    <th scope="row">{{ competencyLabels()[i] }}</th>
                    <td class="num">{{ c.jp | number: '1.0-1' }}</td>
                    <td class="num">{{ c.entries }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </sb-table-region>
        </div>
      </section>

      <section class="sb-section" aria-labelledby="sbp-funnel-title">
        <h2 id="sbp-funnel-title">{{ 'progress.charts.funnels' | translate }}</h2>
        <sb-export-buttons
          table="courses"
          tableLabel="progress.charts.funnels"
          [filter]="filter()"
        />
        <div class="chart-beside">
          <sb-report-chart
            [horizontal]="true"
            [categories]="funnelLabels()"
            [series]="funnelSeries()"
            [height]="funnelHeight()"
          />
          <sb-table-region [label]="'progress.charts.funnels' | translate">
            <table class="sbp-table narrow" data-testid="funnel-table">
              <caption class="sb-visually-hidden">
                {{
                  'progress.charts.funnels' | translate
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'progress.dashboard.course' | translate }}</th>
                  @for (s of stages; track s) {
                    <th scope="col" class="num">{{ 'progress.funnel.' + s | translate }}</th>
                  }
                </tr>
              </thead>
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
            </table>
          </sb-table-region>
        </div>
      </section>

      <section class="sb-section" aria-labelledby="sbp-people-title">
        <h2 id="sbp-people-title">{{ 'progress.people.title' | translate }}</h2>
        <sb-people-table [filter]="filter()" />
      </section>
    }
  `,
  styles: [
    TABLE_STYLES,
    `
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
      .crumbs ol {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        list-style: none;
        padding: 0;
        margin: 0 0 8px;
        li + li::before {
          content: '›';
          margin-inline-end: 4px;
          color: var(--mat-sys-on-surface-variant);
        }
        a {
          display: inline-block;
          padding: 4px 0;
        }
      }
      .chart-beside {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr);
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 959.98px) {
        .chart-beside {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .block {
        display: block;
      }
      .targets {
        margin: 8px 0 0;
      }
      sb-export-buttons {
        margin-bottom: 8px;
      }
    `,
  ],
})
export class DashboardComponent {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly translate = inject(TranslateService);

  protected readonly thisYear = jakartaYear();
  protected readonly years = Array.from({ length: 5 }, (_, i) => this.thisYear - i);
  protected readonly competencyTypes = COMPETENCY_TYPES;
  protected readonly employmentTypes = ['PNS', 'PPPK', 'NON_ASN'] as const;
  protected readonly kpis = KPIS;
  protected readonly stages = FUNNEL_STAGES;

  /** The filter is the URL's: back/forward and shared links show the same view. */
  protected readonly filter = toSignal(
    this.route.queryParams.pipe(map(filterFromParams), distinctUntilChanged(sameFilter)),
    { initialValue: filterFromParams(this.route.snapshot.queryParams) },
  );
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly report = loadOnChange(this.filter, (f) => this.api.dashboard(f), {
    loading: this.loading,
    problem: this.problem,
  });

  protected readonly orgUnits = toSignal(
    inject(OrgUnitsApi)
      .list()
      .pipe(
        map(flattenOrgUnits),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  protected readonly courses = toSignal(
    this.api.courses().pipe(
      map((p) => p.items),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );
  private readonly lang = toSignal(this.translate.onLangChange.pipe(map((e) => e.lang)), {
    initialValue: this.translate.getCurrentLang(),
  });

  protected readonly monthLabels = computed(() => {
    this.lang();
    const format = new Intl.DateTimeFormat(this.lang() === 'en' ? 'en' : 'id', { month: 'short' });
    return (this.report()?.months ?? []).map((m) => format.format(new Date(2000, m.month - 1, 1)));
  });
  protected readonly monthSeries = computed<ChartSeries[]>(() => {
    this.lang();
    const months = this.report()?.months ?? [];
    return [
      { name: this.t('progress.kpi.enrolled'), data: months.map((m) => m.enrolled) },
      { name: this.t('progress.kpi.completed'), data: months.map((m) => m.completed) },
      { name: 'JP', data: months.map((m) => m.jp) },
    ];
  });
  protected readonly bucketLabels = computed(() =>
    (this.report()?.jpDistribution.buckets ?? []).map(bucketLabel),
  );
  protected readonly bucketTotal = computed(() =>
    (this.report()?.jpDistribution.buckets ?? []).reduce((sum, b) => sum + b.persons, 0),
  );
  protected readonly bucketSeries = computed<ChartSeries[]>(() => {
    this.lang();
    return [
      {
        name: this.t('progress.charts.persons'),
        data: (this.report()?.jpDistribution.buckets ?? []).map((b) => b.persons),
      },
    ];
  });
  protected readonly rankLabels = computed(() =>
    (this.report()?.jpDistribution.byRank ?? []).map((r) => r.rank),
  );
  protected readonly rankHeight = computed(() => Math.max(200, 28 * this.rankLabels().length + 60));
  protected readonly rankSeries = computed<ChartSeries[]>(() => {
    this.lang();
    const rows = this.report()?.jpDistribution.byRank ?? [];
    return [
      { name: this.t('progress.kpi.staff'), data: rows.map((r) => r.staff) },
      { name: this.t('progress.kpi.belowTarget'), data: rows.map((r) => r.belowTarget) },
    ];
  });
  protected readonly competencyLabels = computed(() => {
    this.lang();
    return (this.report()?.jpDistribution.byCompetency ?? []).map((c) =>
      this.t(`progress.competency.${c.competencyType}`),
    );
  });
  protected readonly competencySeries = computed<ChartSeries[]>(() => [
    { name: 'JP', data: (this.report()?.jpDistribution.byCompetency ?? []).map((c) => c.jp) },
  ]);
  protected readonly funnelLabels = computed(() =>
    (this.report()?.funnels ?? []).map((f) => f.code),
  );
  protected readonly funnelHeight = computed(() =>
    Math.max(200, 48 * this.funnelLabels().length + 60),
  );
  protected readonly funnelSeries = computed<ChartSeries[]>(() => {
    this.lang();
    const funnels = this.report()?.funnels ?? [];
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

  /** Changes some filters; the URL is updated and the report follows. */
  protected set(change: Partial<ReportFilter>): void {
    const next: ReportFilter = { ...this.filter(), ...change };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: filterToParams(next),
      queryParamsHandling: 'merge',
    });
  }

  /** Query parameters that keep the other filters and set the unit (drill-down, breadcrumb). */
  protected unitParams(orgUnitId: string | null): Record<string, string | null> {
    const params = filterToParams({ ...this.filter(), orgUnitId: orgUnitId ?? undefined });
    return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null));
  }
}
