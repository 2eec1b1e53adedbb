import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { DashboardResponse, ReportFilter } from '@siantar/contracts';
import { ExportButtonsComponent } from '../shared/export-buttons.component';
import { DataTableComponent, type TableColumn } from '../ui/data-table.component';
import { filterLinkParams } from './report-filter';

const COLUMNS: readonly TableColumn[] = [
  { key: 'progress.units.unit' },
  { key: 'progress.kpi.enrolled', num: true },
  { key: 'progress.kpi.completed', num: true },
  { key: 'progress.kpi.completionRate', num: true },
  { key: 'progress.kpi.overdue', num: true },
  { key: 'progress.kpi.staff', num: true },
  { key: 'progress.kpi.belowTarget', num: true },
  { text: 'JP', num: true },
];

/** The units one level below the scope, with their numbers; a unit's name drills down to it. */
@Component({
  selector: 'sb-units-table',
  imports: [DecimalPipe, RouterLink, TranslatePipe, DataTableComponent, ExportButtonsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="sb-section" aria-labelledby="sbp-units-title">
      <h2 id="sbp-units-title">{{ 'progress.units.title' | translate }}</h2>
      <p class="sb-muted">{{ 'progress.units.hint' | translate }}</p>
      <sb-export-buttons table="units" tableLabel="progress.units.title" [filter]="filter()" />
      <sb-data-table label="progress.units.title" testId="units-table" [columns]="columns">
        <tbody>
          @for (u of units(); track u.orgUnitId) {
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
                {{ u.completionRate === null ? '—' : (u.completionRate | number: '1.0-1') + '%' }}
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
      </sb-data-table>
    </section>
  `,
  styles: `
    sb-export-buttons {
      margin-bottom: 8px;
    }
  `,
})
export class UnitsTableComponent {
  readonly units = input.required<DashboardResponse['units']>();
  readonly filter = input.required<ReportFilter>();
  protected readonly columns = COLUMNS;

  /** The other filters kept, the unit set. */
  protected unitParams(orgUnitId: string): Record<string, string> {
    return filterLinkParams({ ...this.filter(), orgUnitId });
  }
}
