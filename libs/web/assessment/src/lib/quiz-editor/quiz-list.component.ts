import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  AuthoringCourseResponse,
  AuthoringCourseSummary,
  ProblemDetails,
  QuizView,
} from '@siantar/contracts';
import { ProblemAlertComponent, TableRegionComponent, toProblem } from '@siantar/web-core';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';

export interface CourseQuizRef {
  quizId: string;
  lessonTitle: string;
  moduleTitle: string;
}

/** The quizzes a course's working version points at, in outline order (a quiz once). */
export function courseQuizzes(course: AuthoringCourseResponse): CourseQuizRef[] {
  const out: CourseQuizRef[] = [];
  for (const mod of course.working.modules) {
    for (const lesson of mod.lessons) {
      const quizId = lesson.type === 'quiz' ? lesson.content['quizId'] : undefined;
      if (typeof quizId === 'string' && quizId && !out.some((q) => q.quizId === quizId)) {
        out.push({ quizId, lessonTitle: lesson.title, moduleTitle: mod.title });
      }
    }
  }
  return out;
}

interface QuizRow extends CourseQuizRef {
  quiz: QuizView | null;
}

/**
 * `/penilaian/kuis`: a course's quizzes (found through its quiz lessons: the API has no
 * quiz list) with their settings, report and essays to grade.
 */
@Component({
  selector: 'sb-quiz-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="sb-page-title">{{ 'assessment.quizList.title' | translate }}</h1>
    <p class="sb-lead">{{ 'assessment.quizList.lead' | translate }}</p>
    <div class="sb-filters">
      <mat-form-field>
        <mat-label>{{ 'assessment.bank.course' | translate }}</mat-label>
        <mat-select
          [value]="courseId()"
          (selectionChange)="selectCourse($event.value)"
          data-testid="quiz-list-course"
        >
          @for (c of courses(); track c.courseId) {
            <mat-option [value]="c.courseId">{{ c.code }} · {{ c.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    <sb-problem-alert [problem]="problem()" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (courseId() && !loading()) {
      <sb-table-region [label]="'assessment.quizList.title' | translate">
        <table class="sba-table">
          <caption class="sb-visually-hidden">
            {{
              'assessment.quizList.title' | translate
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'assessment.quiz.title' | translate }}</th>
              <th scope="col">{{ 'assessment.quizList.lesson' | translate }}</th>
              <th scope="col">{{ 'assessment.quiz.role' | translate }}</th>
              <th scope="col">{{ 'assessment.quizList.questions' | translate }}</th>
              <th scope="col">{{ 'common.actions' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rows(); track r.quizId) {
              <tr data-testid="quiz-row">
                <td class="sb-strong">{{ r.quiz?.title ?? r.lessonTitle }}</td>
                <td>{{ r.moduleTitle }} · {{ r.lessonTitle }}</td>
                <td>{{ r.quiz ? ('assessment.quiz.roles.' + r.quiz.role | translate) : '' }}</td>
                <td>{{ r.quiz?.questionCount ?? '' }}</td>
                <td class="sba-links">
                  <a mat-button [routerLink]="['/penilaian/kuis', r.quizId]">{{
                    'assessment.quizList.settings' | translate
                  }}</a>
                  <a mat-button [routerLink]="['/penilaian/kuis', r.quizId, 'laporan']">{{
                    'assessment.report.title' | translate
                  }}</a>
                  <a
                    mat-button
                    routerLink="/penilaian/penilaian-esai"
                    [queryParams]="{ kuis: r.quizId }"
                    >{{ 'assessment.quizList.essays' | translate }}</a
                  >
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5" class="sb-empty">{{ 'assessment.quizList.empty' | translate }}</td>
              </tr>
            }
          </tbody>
        </table>
      </sb-table-region>
    }
  `,
  styles: `
    .sba-table {
      width: 100%;
      min-width: 720px;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 8px 12px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .sba-links {
      white-space: nowrap;
    }
  `,
})
export class QuizListComponent {
  private readonly api = inject(AssessmentAuthoringApi);

  protected readonly courses = signal<AuthoringCourseSummary[]>([]);
  protected readonly courseId = signal('');
  protected readonly rows = signal<QuizRow[]>([]);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    this.api
      .authoringCourses()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (courses) => {
          this.courses.set(courses);
          if (courses[0]) {
            this.selectCourse(courses[0].courseId);
          }
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected selectCourse(courseId: string): void {
    this.courseId.set(courseId);
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .authoringCourse(courseId)
      .pipe(
        map(courseQuizzes),
        switchMap((refs) =>
          refs.length
            ? forkJoin(
                refs.map((ref) =>
                  this.api.quiz(ref.quizId).pipe(
                    map((quiz): QuizRow => ({ ...ref, quiz })),
                    catchError(() => of<QuizRow>({ ...ref, quiz: null })),
                  ),
                ),
              )
            : of<QuizRow[]>([]),
        ),
      )
      .subscribe({
        next: (rows) => {
          if (this.courseId() === courseId) {
            this.rows.set(rows);
            this.loading.set(false);
          }
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.loading.set(false);
        },
      });
  }
}
