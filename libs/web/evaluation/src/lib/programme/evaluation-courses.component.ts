import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { AuthoringCourseSummary, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, TableRegionComponent, sendRequest } from '@siantar/web-core';
import { EvaluationApi } from '../api/evaluation.api';

/**
 * `/evaluasi` (admins): pick a course to open its programme evaluation; links to the survey
 * templates. Courses are those of the authoring list (the admin's reach), searchable.
 */
@Component({
  selector: 'sb-evaluation-courses',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'evaluation.courses.title' | translate }}</h1>
        <p class="sb-lead">{{ 'evaluation.courses.intro' | translate }}</p>
      </div>
      <div class="sb-actions">
        <a mat-stroked-button routerLink="/evaluasi/templat" data-testid="templates-link">
          {{ 'evaluation.templates.title' | translate }}
        </a>
      </div>
    </div>
    <div class="sb-filters">
      <mat-form-field>
        <mat-label>{{ 'evaluation.courses.search' | translate }}</mat-label>
        <input
          matInput
          type="search"
          [value]="search()"
          (input)="search.set($any($event.target).value)"
          data-testid="courses-search"
        />
      </mat-form-field>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    @if (courses(); as all) {
      @if (!shown().length) {
        <p class="sb-empty" data-testid="courses-empty">
          {{ (all.length ? 'evaluation.courses.noMatch' : 'evaluation.courses.empty') | translate }}
        </p>
      } @else {
        <sb-table-region [label]="'evaluation.courses.title' | translate">
          <table class="sbe-table" data-testid="courses-table">
            <thead>
              <tr>
                <th scope="col">{{ 'evaluation.courses.course' | translate }}</th>
                <th scope="col">{{ 'evaluation.courses.owner' | translate }}</th>
                <th scope="col">{{ 'evaluation.courses.updated' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (c of shown(); track c.courseId) {
                <tr>
                  <th scope="row">
                    <a [routerLink]="['/evaluasi/kursus', c.courseId]">
                      <span class="sb-code">{{ c.code }}</span> {{ c.title }}
                    </a>
                  </th>
                  <td>{{ c.ownerOrgUnitName }}</td>
                  <td>{{ c.updatedAt | date: 'mediumDate' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
      }
    }
  `,
  styles: `
    .sbe-table {
      width: 100%;
      min-width: 560px;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      th[scope='row'] {
        font-weight: normal;
      }
      a {
        display: inline-block;
        padding-block: 6px;
      }
    }
  `,
})
export class EvaluationCoursesComponent {
  private readonly api = inject(EvaluationApi);

  protected readonly courses = signal<AuthoringCourseSummary[] | null>(null);
  protected readonly search = signal('');
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly shown = computed(() => {
    const q = this.search().trim().toLocaleLowerCase('id');
    const all = this.courses() ?? [];
    return q
      ? all.filter((c) =>
          `${c.code} ${c.title} ${c.ownerOrgUnitName}`.toLocaleLowerCase('id').includes(q),
        )
      : all;
  });

  constructor() {
    sendRequest(this.api.courses(), { busy: this.loading, problem: this.problem }, (list) =>
      this.courses.set(list),
    );
  }
}
