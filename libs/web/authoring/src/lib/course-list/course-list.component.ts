import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  AuthoringCourseResponse,
  AuthoringCourseSummary,
  ProblemDetails,
} from '@siantar/contracts';
import { AuthService, ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { AuthoringApi } from '../api/authoring.api';
import { StatusChipComponent } from '../shared/status-chip.component';
import { NewCourseDialogComponent } from './new-course-dialog.component';

/** Course summaries as cards (one column at 360 px). */
@Component({
  selector: 'sb-course-cards',
  imports: [DatePipe, RouterLink, TranslatePipe, StatusChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length === 0) {
      <p class="sb-empty">{{ (loading() ? 'common.loading' : empty()) | translate }}</p>
    } @else {
      <ul class="courses">
        @for (c of items(); track c.courseId) {
          <li class="course">
            <div class="head">
              <span class="sb-code">{{ c.code }}</span>
              <sb-status-chip [status]="c.status" />
              <span class="sb-muted">{{ 'authoring.version' | translate: { n: c.number } }}</span>
            </div>
            <a class="title" [routerLink]="review() ? [c.courseId, 'review'] : [c.courseId]">{{
              c.title
            }}</a>
            <div class="sb-muted">
              {{ c.ownerOrgUnitName }} ·
              {{
                'authoring.list.updated' | translate: { date: (c.updatedAt | date: 'mediumDate') }
              }}
            </div>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .courses {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
      gap: 12px;
    }
    .course {
      display: flex;
      flex-direction: column;
      gap: 6px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      min-width: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .title {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
      overflow-wrap: anywhere;
    }
  `,
})
export class CourseCardsComponent {
  readonly items = input.required<AuthoringCourseSummary[]>();
  readonly loading = input(false);
  /** Translation key shown when there is nothing. */
  readonly empty = input.required<string>();
  /** Links open the review tab. */
  readonly review = input(false);
}

/** /penulisan — "Kursus saya"; admins also see everything awaiting review. */
@Component({
  selector: 'sb-course-list',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    CourseCardsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <h1 class="sb-page-title">{{ 'authoring.list.title' | translate }}</h1>
      <div class="sb-actions">
        <button mat-flat-button type="button" (click)="openCreate()">
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ 'authoring.list.newCourse' | translate }}
        </button>
      </div>
    </div>
    <p class="sb-lead">{{ 'authoring.list.lead' | translate }}</p>
    <sb-problem-alert [problem]="problem()" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }

    @if (isAdmin()) {
      <section class="sb-section" aria-labelledby="sb-awaiting-review">
        <h2 id="sb-awaiting-review">
          {{ 'authoring.list.awaitingReview' | translate: { count: awaiting().length } }}
        </h2>
        <sb-course-cards
          [items]="awaiting()"
          [loading]="loading()"
          empty="authoring.list.noneAwaiting"
          [review]="true"
        />
      </section>
    }

    <section class="sb-section" aria-labelledby="sb-all-courses">
      <h2 id="sb-all-courses">
        {{ (isAdmin() ? 'authoring.list.allCourses' : 'authoring.list.myCourses') | translate }}
      </h2>
      <sb-course-cards [items]="others()" [loading]="loading()" empty="authoring.list.empty" />
    </section>
  `,
})
export class CourseListComponent {
  private readonly api = inject(AuthoringApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);

  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly items = signal<AuthoringCourseSummary[]>([]);
  protected readonly awaiting = computed(() =>
    this.items().filter((c) => c.status === 'in_review'),
  );
  /** Admins see the review queue apart; authors see all of theirs in one list. */
  protected readonly others = computed(() =>
    this.isAdmin() ? this.items().filter((c) => c.status !== 'in_review') : this.items(),
  );

  constructor() {
    this.load();
  }

  private load(): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (items) => {
        this.items.set([...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }

  protected openCreate(): void {
    this.dialog
      .open<NewCourseDialogComponent, void, AuthoringCourseResponse>(NewCourseDialogComponent, {
        width: '560px',
        maxWidth: '100vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((course) => {
        if (course) {
          void this.router.navigate(['/penulisan', course.courseId]);
        }
      });
  }
}
