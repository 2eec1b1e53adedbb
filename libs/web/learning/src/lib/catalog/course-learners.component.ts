import { DatePipe, DecimalPipe } from '@angular/common';
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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type { CourseLearnerRow, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { CatalogApi } from '../api/learning.api';

/** The "Peserta" tab for course authors and admins: who is enrolled and how far they are. */
@Component({
  selector: 'sb-course-learners',
  imports: [
    DatePipe,
    DecimalPipe,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-learners">
      <mat-form-field class="sb-filter">
        <mat-label>{{ 'learning.learners.filter' | translate }}</mat-label>
        <input matInput type="search" [value]="q()" (input)="q.set($any($event.target).value)" />
      </mat-form-field>
      <sb-problem-alert [problem]="problem()" />
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
      }
      <div
        class="sb-table-scroll"
        tabindex="0"
        role="region"
        [attr.aria-label]="'learning.learners.tab' | translate"
      >
        <table class="sb-plain-table">
          <caption class="sb-visually-hidden">
            {{
              'learning.learners.caption' | translate: { total: rows().length }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'learning.learners.name' | translate }}</th>
              <th scope="col">{{ 'learning.learners.orgUnit' | translate }}</th>
              <th scope="col">{{ 'learning.learners.status' | translate }}</th>
              <th scope="col">{{ 'learning.learners.progress' | translate }}</th>
              <th scope="col">{{ 'learning.learners.enrolledAt' | translate }}</th>
              <th scope="col">{{ 'learning.learners.completedAt' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of filtered(); track r.enrolmentId) {
              <tr>
                <td>
                  <div class="sb-strong">{{ r.user.name }}</div>
                  @if (r.user.nip) {
                    <div class="sb-muted sb-mono">{{ r.user.nip }}</div>
                  }
                </td>
                <td>{{ r.user.orgUnitName }}</td>
                <td>
                  <span class="sb-chip" [class.sb-chip-off]="r.status === 'withdrawn'">{{
                    'learning.enrolmentStatus.' + r.status | translate
                  }}</span>
                </td>
                <td>
                  <mat-progress-bar
                    mode="determinate"
                    [value]="r.percent"
                    [attr.aria-label]="
                      'learning.learners.progressOf' | translate: { name: r.user.name }
                    "
                  />
                  <span class="sb-muted">{{ r.percent | number: '1.0-0' }}%</span>
                </td>
                <td>{{ r.enrolledAt | date: 'mediumDate' }}</td>
                <td>
                  {{
                    r.completedAt
                      ? (r.completedAt | date: 'mediumDate')
                      : ('common.none' | translate)
                  }}
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="6" class="sb-empty">
                  {{ (loading() ? 'common.loading' : 'learning.learners.empty') | translate }}
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </div>
  `,
  styles: `
    .sb-learners {
      padding-top: 16px;
    }
    .sb-filter {
      width: min(100%, 360px);
    }
    .sb-plain-table {
      width: 100%;
      min-width: 720px;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 8px 12px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        vertical-align: top;
      }
      th {
        font: var(--mat-sys-title-small);
      }
    }
  `,
})
export class CourseLearnersComponent {
  private readonly api = inject(CatalogApi);
  readonly courseId = input.required<string>();

  protected readonly q = signal('');
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly rows = signal<CourseLearnerRow[]>([]);
  protected readonly filtered = computed(() => {
    const q = this.q().trim().toLocaleLowerCase('id');
    return q
      ? this.rows().filter((r) =>
          `${r.user.name} ${r.user.nip ?? ''} ${r.user.orgUnitName}`
            .toLocaleLowerCase('id')
            .includes(q),
        )
      : this.rows();
  });

  constructor() {
    effect(() => {
      const id = this.courseId();
      untracked(() => {
        this.loading.set(true);
        this.api.learners(id).subscribe({
          next: (rows) => {
            this.rows.set(rows);
            this.loading.set(false);
          },
          error: (error: unknown) => {
            this.problem.set(toProblem(error));
            this.loading.set(false);
          },
        });
      });
    });
  }
}
