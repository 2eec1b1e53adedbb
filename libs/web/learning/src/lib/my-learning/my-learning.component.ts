import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { EnrolmentSummary, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { JpSummaryComponent } from '@siantar/web-progress';
import { CatalogApi } from '../api/learning.api';

/** `/belajar` "Pembelajaran saya": my courses with progress, deadlines and "Lanjutkan". */
@Component({
  selector: 'sb-my-learning',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    JpSummaryComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <h1 class="sb-page-title">{{ 'learning.my.title' | translate }}</h1>
      <a mat-stroked-button routerLink="/katalog">
        <mat-icon svgIcon="sbl-catalog" aria-hidden="true" />
        {{ 'learning.my.browse' | translate }}
      </a>
    </div>
    <sb-jp-summary />
    <sb-problem-alert [problem]="problem()" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @for (group of groups(); track group.key) {
      @if (group.items.length) {
        <section class="sb-section">
          <h2>{{ 'learning.my.' + group.key | translate }}</h2>
          <ul class="sb-enrolments">
            @for (e of group.items; track e.id) {
              <li>
                <mat-card appearance="outlined" data-testid="enrolment-card">
                  <mat-card-header>
                    <mat-card-title>
                      <h3>
                        <a [routerLink]="['/belajar', e.id]">{{ e.title }}</a>
                      </h3>
                    </mat-card-title>
                    <mat-card-subtitle
                      ><span class="sb-code">{{ e.code }}</span></mat-card-subtitle
                    >
                  </mat-card-header>
                  <mat-card-content>
                    <div class="sb-progress-line">
                      <mat-progress-bar
                        mode="determinate"
                        [value]="e.percent"
                        [attr.aria-label]="'learning.progressOf' | translate: { title: e.title }"
                      />
                      <span>{{ e.percent | number: '1.0-0' }}%</span>
                    </div>
                    <p class="sb-muted">
                      @if (e.completedAt) {
                        {{
                          'learning.my.completedOn'
                            | translate: { date: (e.completedAt | date: 'mediumDate') }
                        }}
                      } @else if (e.completionDeadline) {
                        <span [class.sb-error-text]="overdue(e)">
                          {{
                            'learning.my.deadline'
                              | translate: { date: (e.completionDeadline | date: 'mediumDate') }
                          }}
                        </span>
                      } @else {
                        {{ 'learning.course.noDeadline' | translate }}
                      }
                    </p>
                  </mat-card-content>
                  @if (e.status !== 'withdrawn') {
                    <mat-card-actions align="end">
                      <a
                        mat-flat-button
                        [routerLink]="
                          e.resumeLessonId
                            ? ['/belajar', e.id, e.resumeLessonId]
                            : ['/belajar', e.id]
                        "
                      >
                        <mat-icon svgIcon="sbl-play" aria-hidden="true" />
                        {{
                          (e.status === 'completed' ? 'learning.my.review' : 'learning.my.continue')
                            | translate
                        }}
                        <span class="sb-visually-hidden">: {{ e.title }}</span>
                      </a>
                    </mat-card-actions>
                  }
                </mat-card>
              </li>
            }
          </ul>
        </section>
      }
    }
    @if (!loading() && !problem() && !enrolments().length) {
      <p class="sb-empty">{{ 'learning.my.empty' | translate }}</p>
    }
  `,
  styles: `
    .sb-enrolments {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
      gap: 16px;
    }
    h3 {
      font: var(--mat-sys-title-large);
      margin: 0;
      a {
        color: inherit;
      }
    }
    .sb-progress-line {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 8px;
      mat-progress-bar {
        flex: 1;
      }
    }
  `,
})
export class MyLearningComponent {
  private readonly api = inject(CatalogApi);

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly enrolments = signal<EnrolmentSummary[]>([]);
  protected readonly groups = computed(() => {
    const all = this.enrolments();
    return [
      { key: 'active', items: all.filter((e) => e.status === 'active') },
      { key: 'completed', items: all.filter((e) => e.status === 'completed') },
      { key: 'withdrawn', items: all.filter((e) => e.status === 'withdrawn') },
    ];
  });

  constructor() {
    this.api.myEnrolments().subscribe({
      next: (list) => {
        this.enrolments.set(
          [...list].sort((a, b) =>
            (a.completionDeadline ?? '9').localeCompare(b.completionDeadline ?? '9'),
          ),
        );
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }

  protected overdue(e: EnrolmentSummary): boolean {
    return !!e.completionDeadline && Date.parse(e.completionDeadline) < Date.now();
  }
}
