import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type Signal,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  type BankDetail,
  type CategoryNode,
  type Page,
  type ProblemDetails,
  QUESTION_TYPES,
  type QuestionSummary,
  type QuestionType,
} from '@siantar/contracts';
import {
  ProblemAlertComponent,
  TableRegionComponent,
  PageState,
  PaginatorComponent,
  loadOnChange,
  saveBlob,
  toProblem,
  toProblemAsync,
} from '@siantar/web-core';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { fileSlug } from '../authoring-api/download';
import { CategoryDialogComponent, type CategoryDialogData } from './category-dialog.component';
import { categoryRows } from './category-tree';

/** `/penilaian/bank-soal/:bankId`: category tree, filtered question list, import and export. */
@Component({
  selector: 'sb-bank-detail',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
    PaginatorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/penilaian/bank-soal">
      <mat-icon svgIcon="sba-back" aria-hidden="true" />
      {{ 'assessment.bank.title' | translate }}
    </a>
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ bank()?.name ?? ('assessment.bank.title' | translate) }}</h1>
        @if (bank(); as b) {
          <span class="sb-chip">
            {{ (b.courseId ? 'assessment.bank.courseBank' : 'assessment.bank.shared') | translate }}
          </span>
          <span class="sb-muted">
            {{ 'assessment.bank.questionCount' | translate: { count: b.questionCount } }}
          </span>
        }
      </div>
      @if (bank(); as b) {
        <div class="sb-actions">
          <button
            mat-stroked-button
            type="button"
            (click)="exportGift(b)"
            [disabled]="exporting()"
            data-testid="bank-export"
          >
            <mat-icon svgIcon="download" aria-hidden="true" />
            {{ 'assessment.bank.export' | translate }}
          </button>
          @if (b.canEdit) {
            <a
              mat-stroked-button
              [routerLink]="['/penilaian/bank-soal', b.id, 'impor']"
              data-testid="bank-import"
            >
              <mat-icon svgIcon="upload" aria-hidden="true" />
              {{ 'assessment.bank.import' | translate }}
            </a>
            <button
              mat-flat-button
              type="button"
              [matMenuTriggerFor]="typeMenu"
              data-testid="question-new"
            >
              <mat-icon svgIcon="add" aria-hidden="true" />
              {{ 'assessment.bank.newQuestion' | translate }}
            </button>
            <mat-menu #typeMenu="matMenu">
              @for (t of types; track t) {
                <a
                  mat-menu-item
                  [routerLink]="['/penilaian/bank-soal', b.id, 'soal', 'baru']"
                  [queryParams]="{ jenis: t, kategori: categoryId() || null }"
                >
                  {{ 'assessment.type.' + t | translate }}
                </a>
              }
            </mat-menu>
          }
        </div>
      }
    </div>
    @if (bank() && !bank()?.canEdit) {
      <p class="sb-muted" role="note">{{ 'assessment.bank.readOnly' | translate }}</p>
    }
    <sb-problem-alert [problem]="problem()" />

    <div class="sba-layout">
      <nav class="sba-categories" [attr.aria-label]="'assessment.category.title' | translate">
        <div class="sba-cat-header">
          <h2>{{ 'assessment.category.title' | translate }}</h2>
          @if (bank()?.canEdit) {
            <button
              mat-icon-button
              type="button"
              (click)="addCategory()"
              [attr.aria-label]="'assessment.category.add' | translate"
              [title]="'assessment.category.add' | translate"
              data-testid="category-add"
            >
              <mat-icon svgIcon="add" aria-hidden="true" />
            </button>
          }
        </div>
        <ul class="sba-tree">
          <li>
            <button
              type="button"
              class="sba-node"
              [class.sba-selected]="!categoryId()"
              [attr.aria-pressed]="!categoryId()"
              (click)="selectCategory('')"
            >
              {{ 'assessment.category.all' | translate }}
            </button>
          </li>
          @for (row of categories(); track row.node.id) {
            <li [attr.aria-level]="row.depth + 1">
              <button
                type="button"
                class="sba-node"
                [style.padding-inline-start.px]="12 + row.depth * 16"
                [class.sba-selected]="categoryId() === row.node.id"
                [attr.aria-pressed]="categoryId() === row.node.id"
                [title]="row.node.path"
                (click)="selectCategory(row.node.id)"
                data-testid="category-node"
              >
                <mat-icon svgIcon="sba-folder" aria-hidden="true" />
                <span class="sba-node-name">{{ row.node.name }}</span>
                <span
                  class="sba-count"
                  [attr.aria-label]="
                    'assessment.category.countLabel' | translate: { count: row.totalCount }
                  "
                  >{{ row.totalCount }}</span
                >
              </button>
            </li>
          }
        </ul>
      </nav>

      <section class="sba-questions" [attr.aria-label]="'assessment.bank.questions' | translate">
        <div
          class="sb-filters"
          role="search"
          [attr.aria-label]="'assessment.bank.filter' | translate"
        >
          <mat-form-field>
            <mat-label>{{ 'assessment.bank.search' | translate }}</mat-label>
            <input
              matInput
              type="search"
              [value]="q()"
              (input)="setQ($event)"
              data-testid="question-search"
            />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'assessment.editor.type' | translate }}</mat-label>
            <mat-select [value]="type()" (selectionChange)="setType($event.value)">
              <mat-option value="">{{ 'common.all' | translate }}</mat-option>
              @for (t of types; track t) {
                <mat-option [value]="t">{{ 'assessment.type.' + t | translate }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'assessment.bank.tag' | translate }}</mat-label>
            <input matInput type="search" [value]="tag()" (input)="setTag($event)" maxlength="50" />
          </mat-form-field>
        </div>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
        }
        <sb-table-region [label]="'assessment.bank.questions' | translate">
          <table class="sba-table">
            <caption class="sb-visually-hidden">
              {{
                'assessment.bank.questionsCaption' | translate: { total: total() }
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'assessment.editor.name' | translate }}</th>
                <th scope="col">{{ 'assessment.editor.type' | translate }}</th>
                <th scope="col">{{ 'assessment.editor.category' | translate }}</th>
                <th scope="col">{{ 'assessment.editor.tags' | translate }}</th>
                <th scope="col">{{ 'assessment.bank.versionCol' | translate }}</th>
                <th scope="col">{{ 'assessment.bank.updatedAt' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (q of items(); track q.id) {
                <tr>
                  <td>
                    <a
                      [routerLink]="['/penilaian/bank-soal', q.bankId, 'soal', q.id]"
                      data-testid="question-link"
                      >{{ q.name }}</a
                    >
                  </td>
                  <td>{{ 'assessment.type.' + q.type | translate }}</td>
                  <td>{{ categoryPath(q.categoryId) }}</td>
                  <td>
                    @for (t of q.tags; track t) {
                      <span class="sb-chip sb-chip-off sba-tag">{{ t }}</span>
                    }
                  </td>
                  <td>v{{ q.version }}</td>
                  <td>{{ q.updatedAt | date: 'mediumDate' }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="6" class="sb-empty">
                    {{ (loading() ? 'common.loading' : 'assessment.bank.noQuestions') | translate }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
        <sb-paginator [state]="paging" [length]="total()" />
      </section>
    </div>
  `,
  styles: `
    .sba-layout {
      display: grid;
      grid-template-columns: minmax(220px, 300px) minmax(0, 1fr);
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 959.98px) {
      .sba-layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .sba-categories {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 0;
      background: var(--mat-sys-surface);
      max-height: 70vh;
      overflow: auto;
    }
    .sba-cat-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding-inline: 12px 4px;
      h2 {
        font: var(--mat-sys-title-medium);
        margin: 0;
      }
    }
    .sba-tree {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .sba-node {
      display: flex;
      align-items: center;
      gap: 8px;
      width: 100%;
      min-height: 40px;
      padding: 4px 12px;
      border: 0;
      background: none;
      color: inherit;
      font: var(--mat-sys-body-medium);
      text-align: start;
      cursor: pointer;
      mat-icon {
        flex: none;
        width: 20px;
        height: 20px;
      }
      &:hover {
        background: var(--mat-sys-surface-container-high);
      }
      &.sba-selected {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
        font-weight: 600;
      }
    }
    .sba-node-name {
      flex: 1;
      overflow-wrap: anywhere;
    }
    .sba-count {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .sba-table {
      width: 100%;
      min-width: 720px;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 10px 12px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        vertical-align: top;
      }
      th {
        font: var(--mat-sys-title-small);
      }
    }
    .sba-tag {
      margin: 0 4px 4px 0;
    }
  `,
})
export class BankDetailComponent {
  private readonly api = inject(AssessmentAuthoringApi);
  private readonly dialog = inject(MatDialog);

  readonly bankId = input.required<string>();

  protected readonly types = QUESTION_TYPES;
  protected readonly bank = signal<BankDetail | null>(null);
  protected readonly categories = computed(() => categoryRows(this.bank()?.categories ?? []));
  protected readonly categoryId = signal('');
  protected readonly q = signal('');
  protected readonly tag = signal('');
  protected readonly type = signal<QuestionType | ''>('');
  protected readonly paging = new PageState();
  private readonly reload = signal(0);
  protected readonly loading = signal(false);
  protected readonly exporting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly page: Signal<Page<QuestionSummary> | null>;
  protected readonly items = computed(() => this.page()?.items ?? []);
  protected readonly total = computed(() => this.page()?.total ?? 0);

  private readonly filter = computed(() => ({
    bankId: this.bankId(),
    categoryId: this.categoryId() || undefined,
    q: this.q().trim() || undefined,
    tag: this.tag().trim() || undefined,
    type: this.type() || undefined,
    limit: this.paging.size(),
    offset: this.paging.offset(),
    reload: this.reload(),
  }));

  constructor() {
    effect(() => {
      const id = this.bankId();
      untracked(() => this.loadBank(id));
    });
    this.page = loadOnChange(
      this.filter,
      ({ bankId, reload: _reload, ...f }) => this.api.questions(bankId, f),
      { loading: this.loading, problem: this.problem },
      // The problem may be the bank's own (loadBank): a list request does not clear it.
      { debounceMs: 250, when: (f) => !!f.bankId, keepProblem: true },
    );
  }

  private loadBank(id: string): void {
    this.problem.set(null);
    this.api.bank(id).subscribe({
      next: (bank) => this.bank.set(bank),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected categoryPath(id: string): string {
    return this.bank()?.categories.find((c) => c.id === id)?.path ?? '';
  }

  protected selectCategory(id: string): void {
    this.categoryId.set(id);
    this.paging.first();
  }

  protected setQ(event: Event): void {
    this.q.set((event.target as HTMLInputElement).value);
    this.paging.first();
  }

  protected setTag(event: Event): void {
    this.tag.set((event.target as HTMLInputElement).value);
    this.paging.first();
  }

  protected setType(value: QuestionType | ''): void {
    this.type.set(value);
    this.paging.first();
  }

  protected addCategory(): void {
    const bank = this.bank();
    if (!bank) {
      return;
    }
    this.dialog
      .open<CategoryDialogComponent, CategoryDialogData, CategoryNode>(CategoryDialogComponent, {
        data: { bankId: bank.id, rows: this.categories(), parentId: this.categoryId() || null },
        width: '520px',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe((node) => {
        if (node) {
          this.bank.update((b) => (b ? { ...b, categories: [...b.categories, node] } : b));
          this.selectCategory(node.id);
        }
      });
  }

  protected exportGift(bank: BankDetail): void {
    this.exporting.set(true);
    this.problem.set(null);
    this.api.exportGift(bank.id).subscribe({
      next: (blob) => {
        this.exporting.set(false);
        saveBlob(blob, `${fileSlug(bank.name, 'bank-soal')}.gift`);
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        void toProblemAsync(error).then((p) => this.problem.set(p));
      },
    });
  }
}
