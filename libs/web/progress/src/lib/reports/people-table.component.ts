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
import type { ProblemDetails, ReportFilter } from '@siantar/contracts';
import {
  PageState,
  PaginatorComponent,
  ProblemAlertComponent,
  loadOnChange,
} from '@siantar/web-core';
import { ReportsApi } from '../api/progress.api';
import { ExportButtonsComponent } from '../shared/export-buttons.component';
import { DataTableComponent, type TableColumn } from '../ui/data-table.component';
import { JpBarComponent } from '../ui/jp-bar.component';
import { filterLinkParams } from './report-filter';

const COLUMNS: readonly TableColumn[] = [
  { key: 'progress.people.name' },
  { text: 'NIP' },
  { key: 'progress.people.unit' },
  { key: 'progress.people.jpVsTarget' },
  { key: 'progress.people.active', num: true },
  { key: 'progress.people.completed', num: true },
  { key: 'progress.people.overdue', num: true },
];

/** The people of the dashboard's scope (GET /reports/people); a name opens the person page. */
@Component({
  selector: 'sb-people-table',
  imports: [
    FormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    PaginatorComponent,
    ProblemAlertComponent,
    DataTableComponent,
    ExportButtonsComponent,
    JpBarComponent,
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
    <sb-data-table label="progress.people.title" testId="people-table" [columns]="columns">
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
              <sb-jp-bar [jp]="p.jp" [target]="p.target" [behind]="p.behind" />
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
    </sb-data-table>
    <sb-paginator [state]="page" [length]="result()?.total ?? 0" />
  `,
  styles: [
    `
      :host {
        display: block;
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
  protected readonly personParams = computed(() => filterLinkParams(this.filter()));
  protected readonly columns = COLUMNS;

  constructor() {
    // Another scope or year: back to the first page.
    effect(() => {
      this.filter();
      untracked(() => this.page.first());
    });
  }
}
