import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { CategoryNode, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { type CategoryRow } from './category-tree';

export interface CategoryDialogData {
  bankId: string;
  rows: CategoryRow[];
  parentId?: string | null;
}

/** A new category, at the top level or under another one. */
@Component({
  selector: 'sb-category-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'assessment.category.createTitle' | translate }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content class="sb-form">
        <mat-form-field>
          <mat-label>{{ 'assessment.category.name' | translate }}</mat-label>
          <input
            matInput
            name="name"
            [(ngModel)]="name"
            maxlength="200"
            required
            cdkFocusInitial
            data-testid="category-name"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'assessment.category.parent' | translate }}</mat-label>
          <mat-select name="parentId" [(ngModel)]="parentId">
            <mat-option value="">{{ 'assessment.category.topLevel' | translate }}</mat-option>
            @for (row of data.rows; track row.node.id) {
              <mat-option [value]="row.node.id">
                <span [style.padding-inline-start.px]="row.depth * 16">{{ row.node.name }}</span>
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (invalid()) {
          <p class="sb-error-text" role="alert">{{ 'validation.required' | translate }}</p>
        }
        <sb-problem-alert [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="category-create">
          {{ 'assessment.category.create' | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CategoryDialogComponent {
  protected readonly data = inject<CategoryDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<CategoryDialogComponent, CategoryNode>);
  private readonly api = inject(AssessmentAuthoringApi);

  protected name = '';
  protected parentId = this.data.parentId ?? '';
  protected readonly busy = signal(false);
  protected readonly invalid = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected submit(): void {
    const name = this.name.trim();
    this.invalid.set(!name);
    if (!name) {
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .createCategory(
        this.data.bankId,
        this.parentId ? { name, parentId: this.parentId } : { name },
      )
      .subscribe({
        next: (node) => {
          this.busy.set(false);
          this.ref.close(node);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }
}
