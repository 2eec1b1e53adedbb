import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { PersonReportRow, ProblemDetails, ReportFilter } from '@siantar/contracts';
import {
  PageState,
  PaginatorComponent,
  ProblemAlertComponent,
  TableRegionComponent,
  loadOnChange,
} from '@siantar/web-core';
import { ReportsApi } from '../api/progress.api';
import { ExportButtonsComponent } from '../shared/export-buttons.component';
import { TABLE_STYLES } from '../shared/table.styles';
import { filterToParams } from './report-filter';
import { jpBarPercent } from './report-math';

/** The people of the dashboard's scope (GET /reports/people); a name opens the person page. */
@Component({
  selector: 'sb-people-table',
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    PaginatorComponent,
    ProblemAlertComponent,
    TableRegionComponent,
    ExportButtonsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-filters">
      <mat-form-field>
        <mat-label>{{ 'progress.people.search' | translate }}</mat-label>
        <input
          matInput
          type="search"
          [ngModel]="q()"
          (ngModelChange)="q.set($event); page.first()"
        />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.people.only' | translate }}</mat-label>
        <mat-select [ngModel]="only()" (ngModelChange)="only.set($event); page.first()">
          <mat-option [value]="null">{{ 'common.all' | translate }}</mat-option>
          <mat-option value="behind">{{ 'progress.people.onlyBehind' | translate }}</mat-option>
          <mat-option value="overdue">{{ 'progress.people.onlyOverdue' | translate }}</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'progress.people.sort' | translate }}</mat-label>
        <mat-select [ngModel]="sort()" (ngModelChange)="sort.set($event); page.first()">
          <mat-option value="name">{{ 'progress.people.sortName' | translate }}</mat-option>
          <mat-option value="jp">{{ 'progress.people.sortJp' | translate }}</mat-option>
        </mat-select>
      </mat-form-field>
    </div>
    <sb-export-buttons
      table="people"
      tableLabel="progress.people.title"
      [filter]="filter()"
      [behindOnly]="only() === 'behind'"
    />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    <sb-table-region [label]="'progress.people.title' | translate">
      <table class="sbp-table" data-testid="people-table">
        <caption class="sb-visually-hidden">
          {{
            'progress.people.title' | translate
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'progress.people.name' | translate }}</th>
            <th scope="col">NIP</th>
            <th scope="col">{{ 'progress.people.unit' | translate }}</th>
            <th scope="col">{{ 'progress.people.jpVsTarget' | translate }}</th>
            <th scope="col" class="num">{{ 'progress.people.active' | translate }}</th>
            <th scope="col" class="num">{{ 'progress.people.completed' | translate }}</th>
            <th scope="col" class="num">{{ 'progress.people.overdue' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (p of result()?.items ?? []; track p.userId) {
            <tr data-testid="person-row">
              <th scope="row">
                <a [routerLink]="['/laporan/orang', p.userId]" [queryParams]="personParams()">{{
                  p.name
                }}</a>
                <span class="sb-muted block"
                  >{{ p.rank ?? '' }} · {{ 'employmentType.' + p.employmentType | translate }}</span
                >
              </th>
              <td class="sb-mono">{{ p.nip ?? ('common.none' | translate) }}</td>
              <td>{{ p.orgUnitName }}</td>
              <td>
                <div class="jp-cell">
                  <span class="bar" aria-hidden="true"
                    ><span [style.width.%]="bar(p)" [class.behind]="p.behind"></span
                  ></span>
                  <span class="num">{{ p.jp | number: '1.0-1' }} / {{ p.target ?? '—' }}</span>
                  @if (p.behind) {
                    <span class="sb-chip sb-chip-error">{{
                      'progress.people.behind' | translate
                    }}</span>
                  }
                </div>
              </td>
              <td class="num">{{ p.activeCourses }}</td>
              <td class="num">{{ p.completedCourses }}</td>
              <td class="num">{{ p.overdueCourses }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="sb-empty">{{ 'progress.people.empty' | translate }}</td>
            </tr>
          }
        </tbody>
      </table>
    </sb-table-region>
    <sb-paginator [state]="page" [length]="result()?.total ?? 0" />
  `,
  styles: [
    TABLE_STYLES,
    `
      :host {
        display: block;
      }
      .block {
        display: block;
      }
      .jp-cell {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px;
      }
      .bar {
        display: inline-block;
        width: 80px;
        height: 8px;
        border-radius: 4px;
        background: var(--mat-sys-surface-container-highest);
        overflow: hidden;
        span {
          display: block;
          height: 100%;
          background: var(--mat-sys-primary);
        }
        span.behind {
          background: var(--mat-sys-error);
        }
      }
      sb-export-buttons {
        margin-bottom: 8px;
      }
    `,
  ],
})
export class PeopleTableComponent {
  private readonly api = inject(ReportsApi);

  readonly filter = input.required<ReportFilter>();

  protected readonly q = signal('');
  protected readonly only = signal<'behind' | 'overdue' | null>(null);
  protected readonly sort = signal<'name' | 'jp'>('name');
  protected readonly page = new PageState(20);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly result = loadOnChange(
    computed(() => ({
      ...this.filter(),
      q: this.q(),
      only: this.only() ?? undefined,
      sort: this.sort(),
      limit: this.page.size(),
      offset: this.page.offset(),
    })),
    (f) => this.api.people(f),
    { loading: this.loading, problem: this.problem },
    { debounceMs: 250 },
  );
  /** The person page gets the dashboard's filters, so that "back" returns to the same view. */
  protected readonly personParams = computed(() => {
    const params = filterToParams(this.filter());
    return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null));
  });

  constructor() {
    // Another scope or year: back to the first page.
    effect(() => {
      this.filter();
      untracked(() => this.page.first());
    });
  }

  protected bar(p: PersonReportRow): number {
    return jpBarPercent(p.jp, p.target);
  }
}
