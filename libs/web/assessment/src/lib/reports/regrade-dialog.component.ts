import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails, QuizReport } from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';

export interface RegradeDialogData {
  quizId: string;
  questions: QuizReport['questions'];
}

/** Regrades a quiz's attempts (all questions or one) after a key was corrected; a reason is kept. */
@Component({
  selector: 'sb-regrade-dialog',
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
    <h2 mat-dialog-title>{{ 'assessment.regrade.title' | translate }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content class="sb-form">
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
        @if (invalid()) {
          <p class="sb-error-text" role="alert">
            {{ 'validation.minLength' | translate: { min: 3 } }}
          </p>
        }
        <sb-problem-alert [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ 'assessment.regrade.submit' | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RegradeDialogComponent {
  protected readonly data = inject<RegradeDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<RegradeDialogComponent, number>);
  private readonly api = inject(AssessmentAuthoringApi);

  protected questionId = '';
  protected reason = '';
  protected readonly busy = signal(false);
  protected readonly invalid = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected submit(): void {
    const reason = this.reason.trim();
    this.invalid.set(reason.length < 3);
    if (reason.length < 3) {
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .regrade(
        this.data.quizId,
        this.questionId ? { reason, questionId: this.questionId } : { reason },
      )
      .subscribe({
        next: (res) => {
          this.busy.set(false);
          this.ref.close(res.enqueued);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }
}
