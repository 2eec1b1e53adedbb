import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { COMPETENCY_TYPES, type ReportFilter } from '@siantar/contracts';
import { OrgUnitsApi } from '@siantar/web-core';
import { flattenOrgUnits } from '@siantar/web-identity';
import { catchError, map, of } from 'rxjs';
import { ReportsApi } from '../api/progress.api';
import { jakartaYear } from '../shared/jakarta-year';

/** The dashboard's filters: year, unit (as a tree), course, competency type, employment type. */
@Component({
  selector: 'sb-dashboard-filters',
  imports: [MatFormFieldModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="sb-filters" [attr.aria-label]="'progress.dashboard.filters' | translate">
      <mat-form-field>
        <mat-label>{{ 'progress.year' | translate }}</mat-label>
        <mat-select
          [value]="filter().year ?? thisYear"
          (valueChange)="changed.emit({ year: $event })"
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
          (valueChange)="changed.emit({ orgUnitId: $event ?? undefined })"
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
          (valueChange)="changed.emit({ courseId: $event ?? undefined })"
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
          (valueChange)="changed.emit({ competencyType: $event ?? undefined })"
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
          (valueChange)="changed.emit({ employmentType: $event ?? undefined })"
        >
          <mat-option [value]="null">{{ 'common.all' | translate }}</mat-option>
          @for (e of employmentTypes; track e) {
            <mat-option [value]="e">{{ 'employmentType.' + e | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </section>
  `,
})
export class DashboardFiltersComponent {
  readonly filter = input.required<ReportFilter>();
  /** Some filters changed (the others stay). */
  readonly changed = output<Partial<ReportFilter>>();

  protected readonly thisYear = jakartaYear();
  protected readonly years = Array.from({ length: 5 }, (_, i) => this.thisYear - i);
  protected readonly competencyTypes = COMPETENCY_TYPES;
  protected readonly employmentTypes = ['PNS', 'PPPK', 'NON_ASN'] as const;

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
    inject(ReportsApi)
      .courses()
      .pipe(
        map((p) => p.items),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
}
