import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { DashboardResponse, ReportFilter } from '@siantar/contracts';
import { filterLinkParams } from './report-filter';

/** The dashboard's scope as a breadcrumb: each unit above the current one links to its report. */
@Component({
  selector: 'sb-scope-crumbs',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav
      class="crumbs"
      [attr.aria-label]="'progress.dashboard.breadcrumb' | translate"
      data-testid="scope-path"
    >
      <ol>
        @for (p of scope().path; track p.id; let first = $first; let last = $last) {
          <li>
            @if (last) {
              <span aria-current="page">{{ p.name }}</span>
            } @else {
              <!-- The first unit is the admin's whole reach: no unit filter. -->
              <a [routerLink]="[]" [queryParams]="unitParams(first ? undefined : p.id)">{{
                p.name
              }}</a>
            }
          </li>
        } @empty {
          <li>
            <span aria-current="page">{{ scope().name }}</span>
          </li>
        }
      </ol>
    </nav>
  `,
  styles: `
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
  `,
})
export class ScopeCrumbsComponent {
  readonly scope = input.required<DashboardResponse['scope']>();
  readonly filter = input.required<ReportFilter>();

  /** The other filters kept, the unit set. */
  protected unitParams(orgUnitId: string | undefined): Record<string, string> {
    return filterLinkParams({ ...this.filter(), orgUnitId });
  }
}
