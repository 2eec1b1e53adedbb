import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { QuizReport } from '@siantar/contracts';
import { map } from 'rxjs';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { DialogRequest, FormDialogBodyComponent } from '../shared/form-dialog-body.component';

export interface RegradeDialogData {
  quizId: string;
  questions: QuizReport['questions'];
}

/** Regrades a quiz's attempts (all questions or one) after a key was corrected; a reason is kept. */
@Component({
  selector: 'sb-regrade-dialog',
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
    <h2 mat-dialog-title>{{ 'assessment.regrade.title' | translate }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <sb-form-dialog-body
        [request]="request"
        submitKey="assessment.regrade.submit"
        [invalidKey]="invalid() ? 'validation.minLength' : null"
        [invalidParams]="{ min: 3 }"
      >
        <p>{{ 'assessment.regrade.intro' | translate }}</p>
        <mat-form-field>
          <mat-label>{{ 'assessment.regrade.question' | translate }}</mat-label>
          <mat-select name="questionId" [(ngModel)]="questionId">
            <mat-option value="">{{ 'assessment.regrade.allQuestions' | translate }}</mat-option>
            @for (q of data.questions; track q.questionId) {
              <mat-option [value]="q.questionId">{{ q.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'assessment.regrade.reason' | translate }}</mat-label>
          <textarea
            matInput
            name="reason"
            rows="3"
            [(ngModel)]="reason"
            minlength="3"
            maxlength="500"
            required
            cdkFocusInitial
          ></textarea>
        </mat-form-field>
      </sb-form-dialog-body>
    </form>
  `,
})
export class RegradeDialogComponent {
  protected readonly data = inject<RegradeDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<RegradeDialogComponent, number>);
  private readonly api = inject(AssessmentAuthoringApi);

  protected questionId = '';
  protected reason = '';
  protected readonly invalid = signal(false);
  protected readonly request = new DialogRequest(this.ref);

  protected submit(): void {
    const reason = this.reason.trim();
    this.invalid.set(reason.length < 3);
    if (reason.length < 3) {
      return;
    }
    this.request.send(
      this.api
        .regrade(
          this.data.quizId,
          this.questionId ? { reason, questionId: this.questionId } : { reason },
        )
        .pipe(map((res) => res.enqueued)),
    );
  }
}
