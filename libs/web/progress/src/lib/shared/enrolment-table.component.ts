import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type { PersonEnrolmentRow } from '@siantar/contracts';
import { TableRegionComponent } from '@siantar/web-core';
import { TABLE_STYLES } from './table.styles';

/** A person's enrolments: progress, deadline (overdue highlighted), completion. */
@Component({
  selector: 'sb-enrolment-table',
  imports: [DatePipe, DecimalPipe, MatProgressBarModule, TranslatePipe, TableRegionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-table-region [label]="'progress.person.courses' | translate">
      <table class="sbp-table" data-testid="enrolment-table">
        <caption class="sb-visually-hidden">
          {{
            'progress.person.courses' | translate
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'progress.person.course' | translate }}</th>
            <th scope="col">{{ 'progress.person.status' | translate }}</th>
            <th scope="col">{{ 'progress.person.progress' | translate }}</th>
            <th scope="col">{{ 'progress.person.due' | translate }}</th>
            <th scope="col">{{ 'progress.person.completedAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (e of enrolments(); track e.enrolmentId) {
            <tr [class.sb-row-error]="e.overdue">
              <th scope="row">
                <span class="sb-code">{{ e.code }}</span> {{ e.title }}
              </th>
              <td>
                {{ 'progress.enrolmentStatus.' + e.status | translate }}
                @if (e.overdue) {
                  <span class="sb-chip sb-chip-error">{{ 'progress.overdue' | translate }}</span>
                }
              </td>
              <td class="bar-cell">
                <mat-progress-bar
                  mode="determinate"
                  [value]="e.percent"
                  [attr.aria-label]="'progress.person.progressOf' | translate: { title: e.title }"
                />
                <span>{{ e.percent | number: '1.0-0' }}%</span>
              </td>
              <td>{{ e.dueAt ? (e.dueAt | date: 'mediumDate') : ('common.none' | translate) }}</td>
              <td>
                {{
                  e.completedAt ? (e.completedAt | date: 'mediumDate') : ('common.none' | translate)
                }}
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5" class="sb-empty">{{ 'progress.person.noCourses' | translate }}</td>
            </tr>
          }
        </tbody>
      </table>
    </sb-table-region>
  `,
  styles: [
    TABLE_STYLES,
    `
      .bar-cell {
        display: flex;
        align-items: center;
        gap: 8px;
        min-width: 140px;
        mat-progress-bar {
          flex: 1;
        }
      }
    `,
  ],
})
export class EnrolmentTableComponent {
  readonly enrolments = input.required<PersonEnrolmentRow[]>();
}
