import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';

export interface SubmitDialogData {
  /** Question numbers ("Soal n") not answered, and answered only in part. */
  unanswered: number[];
  partial: number[];
  total: number;
}

/** "Kumpulkan jawaban?" with the questions still open; closes with true to submit. */
@Component({
  selector: 'sb-quiz-submit-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'quiz.submit.title' | translate }}</h2>
    <mat-dialog-content>
      @if (data.unanswered.length === 0 && data.partial.length === 0) {
        <p>{{ 'quiz.submit.allAnswered' | translate: { n: data.total } }}</p>
      } @else {
        @if (data.unanswered.length) {
          <p>{{ 'quiz.submit.unanswered' | translate: { n: data.unanswered.length } }}</p>
          <ul class="sb-list" data-testid="unanswered-list">
            @for (n of data.unanswered; track n) {
              <li>{{ 'quiz.question.number' | translate: { n: n } }}</li>
            }
          </ul>
        }
        @if (data.partial.length) {
          <p>{{ 'quiz.submit.partial' | translate: { n: data.partial.length } }}</p>
          <ul class="sb-list">
            @for (n of data.partial; track n) {
              <li>{{ 'quiz.question.number' | translate: { n: n } }}</li>
            }
          </ul>
        }
      }
      <p>{{ 'quiz.submit.final' | translate }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>
        {{ 'quiz.submit.back' | translate }}
      </button>
      <button
        mat-flat-button
        type="button"
        [mat-dialog-close]="true"
        data-testid="quiz-confirm-submit"
      >
        {{ 'quiz.submit.confirm' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .sb-list {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      padding-inline-start: 20px;
      margin: 0 0 8px;
    }
  `,
})
export class SubmitDialogComponent {
  protected readonly data = inject<SubmitDialogData>(MAT_DIALOG_DATA);
}
