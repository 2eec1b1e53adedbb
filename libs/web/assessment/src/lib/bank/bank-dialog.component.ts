import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { AuthoringCourseSummary, BankDetail } from '@siantar/contracts';
import { fieldErrors } from '@siantar/web-core';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { DialogRequest, FormDialogBodyComponent } from '../shared/form-dialog-body.component';

export interface BankDialogData {
  courses: AuthoringCourseSummary[];
  /** Admins may make shared banks (no course). */
  canShare: boolean;
  courseId?: string;
}

/** A new question bank: its name and the course it belongs to (or shared). */
@Component({
  selector: 'sb-bank-dialog',
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
    <h2 mat-dialog-title>{{ 'assessment.bank.createTitle' | translate }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <sb-form-dialog-body
        [request]="request"
        submitKey="assessment.bank.create"
        submitTestId="bank-create"
        [invalidKey]="invalid() ? 'assessment.bank.invalid' : null"
      >
        <mat-form-field>
          <mat-label>{{ 'assessment.bank.name' | translate }}</mat-label>
          <input
            matInput
            name="name"
            [(ngModel)]="name"
            minlength="3"
            maxlength="200"
            required
            cdkFocusInitial
            data-testid="bank-name"
          />
          <mat-hint>{{ 'assessment.bank.nameHint' | translate }}</mat-hint>
          @for (m of nameErrors(); track $index) {
            <mat-error>{{ m }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'assessment.bank.course' | translate }}</mat-label>
          <mat-select name="courseId" [(ngModel)]="courseId" data-testid="bank-course">
            @if (data.canShare) {
              <mat-option value="">{{ 'assessment.bank.shared' | translate }}</mat-option>
            }
            @for (c of data.courses; track c.courseId) {
              <mat-option [value]="c.courseId">{{ c.code }} · {{ c.title }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{
            (data.canShare ? 'assessment.bank.courseHintAdmin' : 'assessment.bank.courseHint')
              | translate
          }}</mat-hint>
        </mat-form-field>
      </sb-form-dialog-body>
    </form>
  `,
})
export class BankDialogComponent {
  protected readonly data = inject<BankDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<BankDialogComponent, BankDetail>);
  private readonly api = inject(AssessmentAuthoringApi);

  protected name = '';
  protected courseId =
    this.data.courseId ?? (this.data.canShare ? '' : (this.data.courses[0]?.courseId ?? ''));
  protected readonly invalid = signal(false);
  protected readonly request = new DialogRequest(this.ref);

  protected nameErrors(): string[] {
    return fieldErrors(this.request.problem(), 'name');
  }

  protected submit(): void {
    const name = this.name.trim();
    const invalid = name.length < 3 || name.length > 200 || (!this.courseId && !this.data.canShare);
    this.invalid.set(invalid);
    if (invalid) {
      return;
    }
    this.request.send(
      this.api.createBank(this.courseId ? { name, courseId: this.courseId } : { name }),
    );
  }
}
