import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  COMPETENCY_TYPES,
  type CatalogItem,
  type CatalogQuery,
  type CompetencyType,
  DELIVERY_MODES,
  type DeliveryMode,
  type Page,
  type ProblemDetails,
} from '@siantar/contracts';
import {
  OrgUnitsApi,
  ProblemAlertComponent,
  toProblem,
  TranslatedPaginatorIntl,
} from '@siantar/web-core';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { type CatalogFilter, CatalogApi } from '../api/learning.api';

type Sort = NonNullable<CatalogQuery['sort']>;

const toNumber = (value: string): number | undefined => {
  const n = Number.parseFloat(value);
  return value.trim() === '' || Number.isNaN(n) || n < 0 ? undefined : n;
};

/** `/katalog`: search, filters, sorting and paging over the published courses. */
@Component({
  selector: 'sb-catalog',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <h1 class="sb-page-title">{{ 'learning.catalog.title' | translate }}</h1>
    </div>

    <div
      class="sb-filters"
      role="search"
      [attr.aria-label]="'learning.catalog.filters' | translate"
    >
      <mat-form-field class="sb-search">
        <mat-label>{{ 'learning.catalog.search' | translate }}</mat-label>
        <mat-icon matPrefix svgIcon="sbl-search" aria-hidden="true" />
        <input
          matInput
          type="search"
          data-testid="catalog-search"
          [value]="q()"
          (input)="setQ($event)"
        />
        <mat-hint>{{ 'learning.catalog.searchHint' | translate }}</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'learning.catalog.competencyType' | translate }}</mat-label>
        <mat-select
          [value]="competencyType()"
          (selectionChange)="set(competencyType, $event.value)"
        >
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (t of competencyTypes; track t) {
            <mat-option [value]="t">{{ 'learning.competencyType.' + t | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'learning.catalog.deliveryMode' | translate }}</mat-label>
        <mat-select [value]="deliveryMode()" (selectionChange)="set(deliveryMode, $event.value)">
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (m of deliveryModes; track m) {
            <mat-option [value]="m">{{ 'learning.deliveryMode.' + m | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'learning.catalog.orgUnit' | translate }}</mat-label>
        <mat-select [value]="orgUnitId()" (selectionChange)="set(orgUnitId, $event.value)">
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (u of orgUnits(); track u.id) {
            <mat-option [value]="u.id">{{ u.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <div class="sb-jp">
        <mat-form-field>
          <mat-label>{{ 'learning.catalog.jpMin' | translate }}</mat-label>
          <input
            matInput
            type="number"
            min="0"
            inputmode="numeric"
            (input)="setJp('min', $event)"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'learning.catalog.jpMax' | translate }}</mat-label>
          <input
            matInput
            type="number"
            min="0"
            inputmode="numeric"
            (input)="setJp('max', $event)"
          />
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>{{ 'learning.catalog.sort' | translate }}</mat-label>
        <mat-select [value]="sort()" (selectionChange)="set(sort, $event.value)">
          @for (s of sorts; track s) {
            <mat-option [value]="s">{{ 'learning.catalog.sortBy.' + s | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>

    <sb-problem-alert [problem]="problem()" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <p class="sb-visually-hidden" role="status" aria-live="polite">
      @if (!loading()) {
        {{ 'learning.catalog.results' | translate: { total: total() } }}
      }
    </p>

    <ul class="sb-course-list" [attr.aria-busy]="loading()">
      @for (c of items(); track c.courseId) {
        <li>
          <mat-card appearance="outlined" class="sb-course-card" data-testid="catalog-card">
            <mat-card-header>
              <mat-card-title>
                <h2>
                  <a [routerLink]="['/katalog', c.courseId]">{{ c.title }}</a>
                </h2>
              </mat-card-title>
              <mat-card-subtitle>
                <span class="sb-code">{{ c.code }}</span>
                @if (c.myEnrolmentId) {
                  <span class="sb-chip" data-testid="enrolled-badge">{{
                    'learning.catalog.enrolled' | translate
                  }}</span>
                }
              </mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              <p class="sb-summary-text">{{ c.summary }}</p>
              <dl class="sb-facts">
                <dt>{{ 'learning.course.jp' | translate }}</dt>
                <dd>{{ c.jp }} JP</dd>
                <dt>{{ 'learning.catalog.mode' | translate }}</dt>
                <dd>
                  {{ 'learning.competencyType.' + c.competencyType | translate }} ·
                  {{ 'learning.deliveryMode.' + c.deliveryMode | translate }}
                </dd>
                <dt>{{ 'learning.course.deadline' | translate }}</dt>
                <dd>
                  {{
                    c.completionDeadline
                      ? (c.completionDeadline | date: 'mediumDate')
                      : ('learning.course.noDeadline' | translate)
                  }}
                </dd>
                @if (c.trainers.length) {
                  <dt>{{ 'learning.course.trainers' | translate }}</dt>
                  <dd>{{ c.trainers.join(', ') }}</dd>
                }
              </dl>
            </mat-card-content>
            <mat-card-actions align="end">
              @if (c.myEnrolmentId) {
                <a mat-flat-button [routerLink]="['/belajar', c.myEnrolmentId]">
                  {{ 'learning.my.continue' | translate }}
                  <span class="sb-visually-hidden">: {{ c.title }}</span>
                </a>
              } @else {
                <a mat-stroked-button [routerLink]="['/katalog', c.courseId]">
                  {{ 'learning.catalog.details' | translate }}
                  <span class="sb-visually-hidden">: {{ c.title }}</span>
                </a>
              }
            </mat-card-actions>
          </mat-card>
        </li>
      } @empty {
        @if (!loading() && !problem()) {
          <li class="sb-empty">{{ 'learning.catalog.empty' | translate }}</li>
        }
      }
    </ul>

    <mat-paginator
      [length]="total()"
      [pageIndex]="pageIndex()"
      [pageSize]="pageSize()"
      [pageSizeOptions]="[12, 24, 48]"
      (page)="onPage($event)"
    />
  `,
  styles: `
    .sb-jp {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 8px;
    }
    .sb-course-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
      gap: 16px;
    }
    .sb-course-card {
      height: 100%;
      display: flex;
      flex-direction: column;
      mat-card-content {
        flex: 1;
      }
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 4px;
      a {
        color: inherit;
      }
    }
    mat-card-subtitle {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .sb-summary-text {
      display: -webkit-box;
      -webkit-line-clamp: 3;
      line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .sb-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
      margin: 0;
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
  `,
})
export class CatalogComponent {
  private readonly api = inject(CatalogApi);

  protected readonly competencyTypes = COMPETENCY_TYPES;
  protected readonly deliveryModes = DELIVERY_MODES;
  protected readonly sorts: readonly Sort[] = ['relevance', 'title', 'newest', 'jp'];

  protected readonly q = signal('');
  protected readonly competencyType = signal<CompetencyType | ''>('');
  protected readonly deliveryMode = signal<DeliveryMode | ''>('');
  protected readonly orgUnitId = signal('');
  protected readonly jpMin = signal<number | undefined>(undefined);
  protected readonly jpMax = signal<number | undefined>(undefined);
  protected readonly sort = signal<Sort>('relevance');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(12);

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly page = signal<Page<CatalogItem> | null>(null);
  protected readonly items = computed(() => this.page()?.items ?? []);
  protected readonly total = computed(() => this.page()?.total ?? 0);

  protected readonly orgUnits = toSignal(
    inject(OrgUnitsApi)
      .list()
      .pipe(
        map((units) =>
          units
            .filter((u) => u.kind === 'opd' || u.kind === 'pemda')
            .sort((a, b) => a.name.localeCompare(b.name, 'id')),
        ),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );

  private readonly filter = computed<CatalogFilter>(() => ({
    q: this.q(),
    competencyType: this.competencyType() || undefined,
    deliveryMode: this.deliveryMode() || undefined,
    orgUnitId: this.orgUnitId() || undefined,
    jpMin: this.jpMin(),
    jpMax: this.jpMax(),
    sort: this.sort(),
    limit: this.pageSize(),
    offset: this.pageIndex() * this.pageSize(),
  }));

  constructor() {
    toObservable(this.filter)
      .pipe(
        debounceTime(300),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((filter) =>
          this.api.search(filter).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.loading.set(false);
        this.page.set(page);
      });
  }

  protected setQ(event: Event): void {
    this.q.set((event.target as HTMLInputElement).value);
    this.pageIndex.set(0);
  }

  protected set<T>(target: { set(value: T): void }, value: T): void {
    target.set(value);
    this.pageIndex.set(0);
  }

  protected setJp(which: 'min' | 'max', event: Event): void {
    const value = toNumber((event.target as HTMLInputElement).value);
    (which === 'min' ? this.jpMin : this.jpMax).set(value);
    this.pageIndex.set(0);
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }
}
