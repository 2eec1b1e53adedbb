import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import type { QuizView } from '@siantar/contracts';
import { QuizSettingsFormComponent } from './quiz-settings-form.component';

export interface QuizSettingsDialogData {
  courseId: string;
  /** Absent: create a new quiz in the course. */
  quizId?: string;
  /** Title for a new quiz, e.g. the lesson's. */
  suggestedTitle?: string;
}

/** The quiz settings editor in a dialog (from the course editor's lesson dialog). */
@Component({
  selector: 'sb-quiz-settings-dialog',
  imports: [MatDialogModule, TranslatePipe, QuizSettingsFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ (data.quizId ? 'assessment.quiz.editTitle' : 'assessment.quiz.newTitle') | translate }}
    </h2>
    <mat-dialog-content>
      <sb-quiz-settings-form
        [courseId]="data.courseId"
        [quizId]="data.quizId"
        [suggestedTitle]="data.suggestedTitle ?? ''"
        [showCancel]="true"
        (savedQuiz)="ref.close($event)"
        (cancelled)="ref.close()"
      />
    </mat-dialog-content>
  `,
})
export class QuizSettingsDialogComponent {
  protected readonly data = inject<QuizSettingsDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject(MatDialogRef<QuizSettingsDialogComponent, QuizView>);
}
