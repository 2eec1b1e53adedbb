import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type { PersonEnrolmentRow } from '@siantar/contracts';
import { DataTableComponent, type TableColumn } from '../ui/data-table.component';

const COLUMNS: readonly TableColumn[] = [
  { key: 'progress.person.course' },
  { key: 'progress.person.status' },
  { key: 'progress.person.progress' },
  { key: 'progress.person.due' },
  { key: 'progress.person.completedAt' },
];

/** A person's enrolments: progress, deadline (overdue highlighted), completion. */
@Component({
  selector: 'sb-enrolment-table',
  imports: [DatePipe, DecimalPipe, MatProgressBarModule, TranslatePipe, DataTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-data-table label="progress.person.courses" testId="enrolment-table" [columns]="columns">
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
    </sb-data-table>
  `,
  styles: [
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
  protected readonly columns = COLUMNS;
}
