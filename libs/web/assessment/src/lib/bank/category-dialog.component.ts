import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { CategoryNode } from '@siantar/contracts';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { DialogRequest, FormDialogBodyComponent } from '../shared/form-dialog-body.component';
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
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    FormDialogBodyComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'assessment.category.createTitle' | translate }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <sb-form-dialog-body
        [request]="request"
        submitKey="assessment.category.create"
        submitTestId="category-create"
        [invalidKey]="invalid() ? 'validation.required' : null"
      >
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
      </sb-form-dialog-body>
    </form>
  `,
})
export class CategoryDialogComponent {
  protected readonly data = inject<CategoryDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<CategoryDialogComponent, CategoryNode>);
  private readonly api = inject(AssessmentAuthoringApi);

  protected name = '';
  protected parentId = this.data.parentId ?? '';
  protected readonly invalid = signal(false);
  protected readonly request = new DialogRequest(this.ref);

  protected submit(): void {
    const name = this.name.trim();
    this.invalid.set(!name);
    if (!name) {
      return;
    }
    this.request.send(
      this.api.createCategory(
        this.data.bankId,
        this.parentId ? { name, parentId: this.parentId } : { name },
      ),
    );
  }
}
