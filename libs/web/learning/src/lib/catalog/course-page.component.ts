import { DatePipe, NgTemplateOutlet } from '@angular/common';
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
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { CourseDetailResponse, ProblemDetails } from '@siantar/contracts';
import { AuthService, ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { CatalogApi } from '../api/learning.api';
import { LESSON_TYPE_ICONS } from '../ui/learning-icons';
import { CourseLearnersComponent } from './course-learners.component';
import { EnrolDialogComponent, type EnrolDialogData } from './enrol-dialog.component';

/** `/katalog/:courseId`: what the course is, its outline, and enrolment. */
@Component({
  selector: 'sb-course-page',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    TranslatePipe,
    ProblemAlertComponent,
    CourseLearnersComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/katalog" class="sb-back">
      <mat-icon svgIcon="sbl-back" aria-hidden="true" />
      {{ 'learning.course.backToCatalog' | translate }}
    </a>
    <sb-problem-alert [problem]="problem()" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (course(); as c) {
      <div class="sb-page-header">
        <div>
          <h1 class="sb-page-title">{{ c.title }}</h1>
          <p class="sb-muted">
            <span class="sb-code">{{ c.code }}</span>
            · {{ 'learning.competencyType.' + c.competencyType | translate }} ·
            {{ 'learning.deliveryMode.' + c.deliveryMode | translate }}
          </p>
        </div>
        <div class="sb-actions">
          @if (c.myEnrolmentId) {
            <a mat-flat-button [routerLink]="['/belajar', c.myEnrolmentId]">
              <mat-icon svgIcon="sbl-play" aria-hidden="true" />
              {{ 'learning.course.open' | translate }}
            </a>
          } @else if (!c.enrolBlockedReason) {
            <button mat-flat-button type="button" [disabled]="enrolling()" (click)="enrol(c)">
              <mat-icon svgIcon="sbl-enrol" aria-hidden="true" />
              {{ 'learning.course.enrol' | translate }}
            </button>
          }
          @if (isAdmin()) {
            <button mat-stroked-button type="button" (click)="openBulkEnrol(c)">
              <mat-icon svgIcon="group" aria-hidden="true" />
              {{ 'learning.bulk.open' | translate }}
            </button>
          }
        </div>
      </div>
      @if (!c.myEnrolmentId && c.enrolBlockedReason) {
        <p class="sb-blocked" role="note" data-testid="enrol-blocked">
          <mat-icon svgIcon="sbl-lock" aria-hidden="true" />
          <span>{{ c.enrolBlockedReason }}</span>
        </p>
      }
      <sb-problem-alert [problem]="enrolProblem()" />

      @if (canSeeLearners()) {
        <mat-tab-group
          mat-stretch-tabs="false"
          [selectedIndex]="tab()"
          (selectedIndexChange)="tab.set($event)"
        >
          <mat-tab [label]="'learning.course.aboutTab' | translate">
            <ng-container *ngTemplateOutlet="about" />
          </mat-tab>
          <mat-tab [label]="'learning.learners.tab' | translate">
            <ng-template matTabContent>
              <sb-course-learners [courseId]="c.courseId" />
            </ng-template>
          </mat-tab>
        </mat-tab-group>
      } @else {
        <ng-container *ngTemplateOutlet="about" />
      }

      <ng-template #about>
        <div class="sb-two-columns sb-about">
          <section>
            <h2>{{ 'learning.course.summary' | translate }}</h2>
            <p class="sb-pre">{{ c.summary }}</p>
            <h2>{{ 'learning.course.outline' | translate }}</h2>
            <ol class="sb-outline">
              @for (m of c.outline; track m.id) {
                <li>
                  <h3>{{ m.title }}</h3>
                  <ul>
                    @for (l of m.lessons; track l.id) {
                      <li>
                        <mat-icon [svgIcon]="typeIcon(l.type)" aria-hidden="true" />
                        <span class="sb-grow">{{ l.title }}</span>
                        <span class="sb-muted">
                          <span class="sb-visually-hidden"
                            >{{ 'learning.lessonType.' + l.type | translate }},</span
                          >
                          {{ 'learning.minutes' | translate: { n: l.durationMinutes } }}
                        </span>
                      </li>
                    }
                  </ul>
                </li>
              }
            </ol>
          </section>
          <aside class="sb-side-card" [attr.aria-label]="'learning.course.facts' | translate">
            <dl class="sb-details">
              <dt>{{ 'learning.course.jp' | translate }}</dt>
              <dd>{{ c.jp }} JP</dd>
              <dt>{{ 'learning.course.deadline' | translate }}</dt>
              <dd>
                {{
                  c.completionDeadline
                    ? (c.completionDeadline | date: 'mediumDate')
                    : ('learning.course.noDeadline' | translate)
                }}
              </dd>
              @if (c.enrolOpensAt || c.enrolClosesAt) {
                <dt>{{ 'learning.course.enrolWindow' | translate }}</dt>
                <dd>
                  {{ c.enrolOpensAt ? (c.enrolOpensAt | date: 'mediumDate') : '…' }} –
                  {{ c.enrolClosesAt ? (c.enrolClosesAt | date: 'mediumDate') : '…' }}
                </dd>
              }
              <dt>{{ 'learning.course.trainers' | translate }}</dt>
              <dd>{{ c.trainers.join(', ') || ('common.none' | translate) }}</dd>
              <dt>{{ 'learning.course.authors' | translate }}</dt>
              <dd>{{ authorNames(c) || ('common.none' | translate) }}</dd>
              <dt>{{ 'learning.course.owner' | translate }}</dt>
              <dd>{{ c.ownerOrgUnitName }}</dd>
              <dt>{{ 'learning.course.version' | translate }}</dt>
              <dd>{{ c.versionNumber }} · {{ c.language }}</dd>
            </dl>
            @if (c.prerequisites.length) {
              <h2>{{ 'learning.course.prerequisites' | translate }}</h2>
              <ul class="sb-prereq">
                @for (p of c.prerequisites; track p.courseId) {
                  <li>
                    <mat-icon
                      [svgIcon]="p.completed ? 'sbl-done' : 'sbl-todo'"
                      aria-hidden="true"
                    />
                    <a [routerLink]="['/katalog', p.courseId]">{{ p.title }}</a>
                    <span class="sb-visually-hidden">
                      ({{
                        (p.completed
                          ? 'learning.course.prereqDone'
                          : 'learning.course.prereqMissing'
                        ) | translate
                      }})
                    </span>
                  </li>
                }
              </ul>
            }
          </aside>
        </div>
      </ng-template>
    }
  `,
  styles: `
    .sb-back {
      margin-bottom: 8px;
    }
    .sb-blocked {
      display: flex;
      gap: 8px;
      align-items: center;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .sb-about {
      margin-top: 16px;
    }
    .sb-pre {
      white-space: pre-line;
    }
    .sb-outline {
      padding-inline-start: 20px;
      h3 {
        font: var(--mat-sys-title-medium);
        margin: 12px 0 4px;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul li {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 6px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .sb-grow {
      flex: 1;
      min-width: 0;
    }
    .sb-prereq {
      list-style: none;
      padding: 0;
      li {
        display: flex;
        gap: 8px;
        align-items: center;
      }
    }
  `,
})
export class CoursePageComponent {
  private readonly api = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);

  readonly courseId = input.required<string>();

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly enrolProblem = signal<ProblemDetails | null>(null);
  protected readonly course = signal<CourseDetailResponse | null>(null);
  protected readonly enrolling = signal(false);
  protected readonly tab = signal(0);

  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly canSeeLearners = computed(() => {
    const c = this.course();
    const me = this.auth.user();
    return !!c && !!me && (this.isAdmin() || c.authors.some((a) => a.id === me.id));
  });

  constructor() {
    effect(() => {
      const id = this.courseId();
      untracked(() => this.load(id));
    });
  }

  protected typeIcon(type: string): string {
    return LESSON_TYPE_ICONS[type] ?? 'sbl-text';
  }

  protected authorNames(c: CourseDetailResponse): string {
    return c.authors.map((a) => a.name).join(', ');
  }

  protected enrol(c: CourseDetailResponse): void {
    this.enrolling.set(true);
    this.enrolProblem.set(null);
    this.api.enrol(c.courseId).subscribe({
      next: (enrolment) => {
        this.enrolling.set(false);
        void this.router.navigate(['/belajar', enrolment.id]);
      },
      error: (error: unknown) => {
        this.enrolling.set(false);
        this.enrolProblem.set(toProblem(error));
      },
    });
  }

  protected openBulkEnrol(c: CourseDetailResponse): void {
    this.dialog
      .open<EnrolDialogComponent, EnrolDialogData>(EnrolDialogComponent, {
        data: { courseId: c.courseId, title: c.title },
        width: '640px',
        maxWidth: '96vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe(() => {
        if (this.canSeeLearners()) {
          // Remount the learners tab so that it reloads.
          const current = this.tab();
          this.tab.set(0);
          if (current === 1) {
            queueMicrotask(() => this.tab.set(1));
          }
        }
      });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api.course(id).subscribe({
      next: (course) => {
        this.course.set(course);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }
}
