import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type Signal,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  AuthoringCourseSummary,
  BankDetail,
  BankSummary,
  Page,
  ProblemDetails,
} from '@siantar/contracts';
import {
  AuthService,
  ProblemAlertComponent,
  TableRegionComponent,
  PageState,
  PaginatorComponent,
  loadOnChange,
} from '@siantar/web-core';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { BankDialogComponent, type BankDialogData } from './bank-dialog.component';

/** `/penilaian/bank-soal`: the banks a trainer can see (their courses' and the shared ones). */
@Component({
  selector: 'sb-bank-list',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
    PaginatorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <h1 class="sb-page-title">{{ 'assessment.bank.title' | translate }}</h1>
      <div class="sb-actions">
        <button mat-flat-button type="button" (click)="openCreate()" data-testid="bank-new">
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ 'assessment.bank.new' | translate }}
        </button>
      </div>
    </div>
    <p class="sb-lead">{{ 'assessment.bank.lead' | translate }}</p>

    <div class="sb-filters" role="search" [attr.aria-label]="'assessment.bank.filter' | translate">
      <mat-form-field>
        <mat-label>{{ 'assessment.bank.course' | translate }}</mat-label>
        <mat-select [value]="courseId()" (selectionChange)="setCourse($event.value)">
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
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
    <sb-table-region [label]="'assessment.bank.title' | translate">
      <table class="sba-table">
        <caption class="sb-visually-hidden">
          {{
            'assessment.bank.caption' | translate: { total: total() }
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'assessment.bank.name' | translate }}</th>
            <th scope="col">{{ 'assessment.bank.course' | translate }}</th>
            <th scope="col" class="sba-num">{{ 'assessment.bank.questions' | translate }}</th>
            <th scope="col">{{ 'assessment.bank.createdAt' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (b of items(); track b.id) {
            <tr>
              <td>
                <a
                  [routerLink]="['/penilaian/bank-soal', b.id]"
                  class="sb-strong"
                  data-testid="bank-link"
                  >{{ b.name }}</a
                >
              </td>
              <td>
                @if (b.courseId) {
                  {{ courseLabel(b.courseId) }}
                } @else {
                  <span class="sb-chip">{{ 'assessment.bank.shared' | translate }}</span>
                }
              </td>
              <td class="sba-num">{{ b.questionCount }}</td>
              <td>{{ b.createdAt | date: 'mediumDate' }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="4" class="sb-empty">
                {{ (loading() ? 'common.loading' : 'assessment.bank.empty') | translate }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    </sb-table-region>
    <sb-paginator [state]="paging" [length]="total()" />
  `,
  styles: `
    .sba-table {
      width: 100%;
      min-width: 560px;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 10px 12px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      th {
        font: var(--mat-sys-title-small);
      }
      .sba-num {
        text-align: end;
      }
    }
  `,
})
export class BankListComponent {
  private readonly api = inject(AssessmentAuthoringApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly courseId = signal('');
  protected readonly paging = new PageState();
  protected readonly courses = signal<AuthoringCourseSummary[]>([]);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly page: Signal<Page<BankSummary> | null>;
  protected readonly items = computed(() => this.page()?.items ?? []);
  protected readonly total = computed(() => this.page()?.total ?? 0);
  private readonly filter = computed(() => ({
    courseId: this.courseId() || undefined,
    limit: this.paging.size(),
    offset: this.paging.offset(),
  }));

  constructor() {
    this.page = loadOnChange(this.filter, (filter) => this.api.banks(filter), {
      loading: this.loading,
      problem: this.problem,
    });
    this.api
      .authoringCourses()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (courses) => this.courses.set(courses),
        // Without the course list the banks still show; only the course names are missing.
        error: () => this.courses.set([]),
      });
  }

  protected courseLabel(courseId: string): string {
    const c = this.courses().find((x) => x.courseId === courseId);
    return c ? `${c.code} · ${c.title}` : courseId;
  }

  protected setCourse(value: string): void {
    this.courseId.set(value);
    this.paging.first();
  }

  protected openCreate(): void {
    this.dialog
      .open<BankDialogComponent, BankDialogData, BankDetail>(BankDialogComponent, {
        data: {
          courses: this.courses(),
          canShare: this.auth.hasRole('admin'),
          courseId: this.courseId() || undefined,
        },
        width: '560px',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe((bank) => {
        if (bank) {
          void this.router.navigate(['/penilaian/bank-soal', bank.id]);
        }
      });
  }
}
