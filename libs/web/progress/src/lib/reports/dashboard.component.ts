import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails, ReportFilter } from '@siantar/contracts';
import { ProblemAlertComponent, loadOnChange } from '@siantar/web-core';
import { distinctUntilChanged, map } from 'rxjs';
import { ReportsApi } from '../api/progress.api';
import { DashboardChartsComponent } from './dashboard-charts.component';
import { DashboardFiltersComponent } from './dashboard-filters.component';
import { KpiCardsComponent } from './kpi-cards.component';
import { PeopleTableComponent } from './people-table.component';
import { filterFromParams, filterToParams, sameFilter } from './report-filter';
import { ScopeCrumbsComponent } from './scope-crumbs.component';
import { UnitsTableComponent } from './units-table.component';

/**
 * `/laporan` "Dasbor" for admins: filters kept in the URL, KPI cards, charts each beside its
 * table (the table is the chart's text alternative), unit drill-down, people, exports.
 */
@Component({
  selector: 'sb-dashboard',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    DashboardChartsComponent,
    DashboardFiltersComponent,
    KpiCardsComponent,
    PeopleTableComponent,
    ScopeCrumbsComponent,
    UnitsTableComponent,
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

    <sb-dashboard-filters [filter]="filter()" (changed)="set($event)" />

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />

    @if (report(); as r) {
      <sb-scope-crumbs [scope]="r.scope" [filter]="filter()" />
      <sb-kpi-cards [totals]="r.totals" />

      @for (n of r.filterNotes; track n.filter) {
        <p class="sb-muted note" role="note">
          {{ 'progress.dashboard.filterNote.' + n.filter | translate }}
        </p>
      }

      <sb-units-table [units]="r.units" [filter]="filter()" />
      <sb-dashboard-charts [report]="r" [filter]="filter()" />

      <section class="sb-section" aria-labelledby="sbp-people-title">
        <h2 id="sbp-people-title">{{ 'progress.people.title' | translate }}</h2>
        <sb-people-table [filter]="filter()" />
      </section>
    }
  `,
})
export class DashboardComponent {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

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

  /** Changes some filters; the URL is updated and the report follows. */
  protected set(change: Partial<ReportFilter>): void {
    const next: ReportFilter = { ...this.filter(), ...change };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: filterToParams(next),
      queryParamsHandling: 'merge',
    });
  }
}
