import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  BankDetail,
  BankSummary,
  Page,
  ProblemDetails,
  QuestionSummary,
} from '@siantar/contracts';
import { ProblemAlertComponent, TranslatedPaginatorIntl, toProblem } from '@siantar/web-core';
import { EMPTY, catchError, debounceTime, filter, of, switchMap, tap } from 'rxjs';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { categoryRows } from '../bank/category-tree';
import { type SlotModel, slotKey } from './quiz-settings-model';

export interface SlotPickerData {
  courseId: string;
  mode: 'question' | 'random';
}

/** Banks of this course first, then shared ones, then the rest the caller may see. */
export function orderBanks(banks: readonly BankSummary[], courseId: string): BankSummary[] {
  const rank = (b: BankSummary): number =>
    b.courseId === courseId ? 0 : b.courseId === null ? 1 : 2;
  return [...banks].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'id'));
}

/** Adds fixed questions from a bank, or a "random N from a category" slot, to a quiz. */
@Component({
  selector: 'sb-slot-picker-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{
        (data.mode === 'question'
          ? 'assessment.picker.questionTitle'
          : 'assessment.picker.randomTitle'
        ) | translate
      }}
    </h2>
    <mat-dialog-content class="sb-form">
      <div class="sb-form-grid">
        <mat-form-field>
          <mat-label>{{ 'assessment.picker.bank' | translate }}</mat-label>
          <mat-select
            [ngModel]="bankId()"
            (ngModelChange)="selectBank($event)"
            data-testid="picker-bank"
          >
            @for (b of banks(); track b.id) {
              <mat-option [value]="b.id">
                {{ b.name }}
                @if (!b.courseId) {
                  ({{ 'assessment.bank.shared' | translate }})
                } @else if (b.courseId !== data.courseId) {
                  ({{ 'assessment.picker.otherCourse' | translate }})
                }
              </mat-option>
            }
          </mat-select>
          @if (!loadingBanks() && banks().length === 0) {
            <mat-hint>{{ 'assessment.picker.noBanks' | translate }}</mat-hint>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'assessment.editor.category' | translate }}</mat-label>
          <mat-select
            [ngModel]="categoryId()"
            (ngModelChange)="selectCategory($event)"
            data-testid="picker-category"
          >
            @if (data.mode === 'question') {
              <mat-option value="">{{ 'assessment.category.all' | translate }}</mat-option>
            }
            @for (row of categories(); track row.node.id) {
              <mat-option [value]="row.node.id">
                <span [style.padding-inline-start.px]="row.depth * 16">{{ row.node.name }}</span>
                ({{ row.node.questionCount }})
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      @if (data.mode === 'question') {
        <mat-form-field>
          <mat-label>{{ 'assessment.bank.search' | translate }}</mat-label>
          <input matInput type="search" [ngModel]="q()" (ngModelChange)="setQ($event)" />
        </mat-form-field>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
        }
        <ul class="sba-pick-list" [attr.aria-label]="'assessment.bank.questions' | translate">
          @for (q of page()?.items ?? []; track q.id) {
            <li>
              <mat-checkbox
                [checked]="selected().has(q.id)"
                (change)="toggle(q, $event.checked)"
                data-testid="picker-question"
              >
                <span class="sb-strong">{{ q.name }}</span>
                <span class="sb-muted">
                  · {{ 'assessment.type.' + q.type | translate }} · v{{ q.version }}</span
                >
              </mat-checkbox>
            </li>
          } @empty {
            <li class="sb-empty">
              {{ (loading() ? 'common.loading' : 'assessment.bank.noQuestions') | translate }}
            </li>
          }
        </ul>
        <mat-paginator
          [length]="page()?.total ?? 0"
          [pageIndex]="pageIndex()"
          [pageSize]="20"
          [hidePageSize]="true"
          (page)="onPage($event)"
        />
        <p class="sb-muted" aria-live="polite">
          {{ 'assessment.picker.selectedCount' | translate: { count: selected().size } }}
        </p>
      } @else {
        <div class="sb-form-grid">
          <mat-form-field>
            <mat-label>{{ 'assessment.picker.count' | translate }}</mat-label>
            <input
              matInput
              type="number"
              min="1"
              max="200"
              [(ngModel)]="count"
              data-testid="picker-count"
            />
          </mat-form-field>
          <mat-checkbox [(ngModel)]="includeSubcategories">
            {{ 'assessment.picker.includeSub' | translate }}
          </mat-checkbox>
        </div>
        <p class="sb-muted">{{ 'assessment.picker.randomHint' | translate }}</p>
      }
      @if (invalid()) {
        <p class="sb-error-text" role="alert">{{ invalid() ?? '' | translate }}</p>
      }
      <sb-problem-alert [problem]="problem()" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
      <button mat-flat-button type="button" (click)="confirm()" data-testid="picker-confirm">
        {{
          (data.mode === 'question'
            ? 'assessment.picker.addQuestions'
            : 'assessment.picker.addRandom'
          ) | translate: { count: selected().size }
        }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .sba-pick-list {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 40vh;
      overflow: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      li {
        padding: 2px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
  `,
})
export class SlotPickerDialogComponent {
  protected readonly data = inject<SlotPickerData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<SlotPickerDialogComponent, SlotModel[]>);
  private readonly api = inject(AssessmentAuthoringApi);

  protected readonly banks = signal<BankSummary[]>([]);
  protected readonly loadingBanks = signal(true);
  protected readonly bankId = signal('');
  protected readonly bank = signal<BankDetail | null>(null);
  protected readonly categories = computed(() => categoryRows(this.bank()?.categories ?? []));
  protected readonly categoryId = signal('');
  protected readonly q = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly page = signal<Page<QuestionSummary> | null>(null);
  protected readonly loading = signal(false);
  protected readonly selected = signal(new Map<string, QuestionSummary>());
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly invalid = signal<string | null>(null);
  protected count: number | null = 5;
  protected includeSubcategories = true;

  private readonly filter = computed(() => ({
    bankId: this.bankId(),
    categoryId: this.categoryId() || undefined,
    q: this.q().trim() || undefined,
    limit: 20,
    offset: this.pageIndex() * 20,
  }));

  constructor() {
    this.api
      .banks({ limit: 100, offset: 0 })
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (page) => {
          const banks = orderBanks(page.items, this.data.courseId);
          this.banks.set(banks);
          this.loadingBanks.set(false);
          if (banks[0]) {
            this.selectBank(banks[0].id);
          }
        },
        error: (error: unknown) => {
          this.loadingBanks.set(false);
          this.problem.set(toProblem(error));
        },
      });
    toObservable(this.filter)
      .pipe(
        filter(() => this.data.mode === 'question'),
        debounceTime(250),
        tap(() => this.loading.set(true)),
        switchMap(({ bankId, ...f }) =>
          bankId
            ? this.api.questions(bankId, f).pipe(
                catchError((error: unknown) => {
                  this.problem.set(toProblem(error));
                  return of(null);
                }),
              )
            : EMPTY,
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.loading.set(false);
        this.page.set(page);
      });
  }

  protected selectBank(id: string): void {
    this.bankId.set(id);
    this.categoryId.set('');
    this.pageIndex.set(0);
    this.bank.set(null);
    this.api.bank(id).subscribe({
      next: (bank) => {
        if (this.bankId() === id) {
          this.bank.set(bank);
        }
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected selectCategory(id: string): void {
    this.categoryId.set(id);
    this.pageIndex.set(0);
  }

  protected setQ(value: string): void {
    this.q.set(value);
    this.pageIndex.set(0);
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }

  protected toggle(q: QuestionSummary, on: boolean): void {
    this.selected.update((map) => {
      const next = new Map(map);
      if (on) {
        next.set(q.id, q);
      } else {
        next.delete(q.id);
      }
      return next;
    });
  }

  protected confirm(): void {
    if (this.data.mode === 'question') {
      if (this.selected().size === 0) {
        this.invalid.set('assessment.picker.selectSome');
        return;
      }
      this.ref.close(
        [...this.selected().values()].map((q) => ({
          key: slotKey(),
          kind: 'question',
          questionId: q.id,
          count: null,
          includeSubcategories: false,
          mark: null,
          label: q.name,
          detail: q.type,
        })),
      );
      return;
    }
    const category = this.bank()?.categories.find((c) => c.id === this.categoryId());
    const count = this.count;
    if (!category) {
      this.invalid.set('assessment.picker.chooseCategory');
      return;
    }
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 200) {
      this.invalid.set('assessment.quiz.errors.countRange');
      return;
    }
    this.ref.close([
      {
        key: slotKey(),
        kind: 'random',
        categoryId: category.id,
        count,
        includeSubcategories: this.includeSubcategories,
        mark: null,
        label: category.path,
        detail: this.bank()?.name,
      },
    ]);
  }
}
