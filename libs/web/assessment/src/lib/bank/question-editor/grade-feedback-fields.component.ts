import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { ANSWER_ROW_STYLES } from './answer-rows.styles';

/**
 * An answer row's grade (percent of the mark, −100 to 100) and feedback fields, edited in place.
 * `display: contents` keeps them items of the row's flex layout.
 */
@Component({
  selector: 'sb-grade-feedback-fields',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="sba-small">
      <mat-label>{{ 'assessment.editor.grade' | translate }}</mat-label>
      <input
        matInput
        type="number"
        inputmode="decimal"
        min="-100"
        max="100"
        step="any"
        [(ngModel)]="answer().percent"
        [attr.data-testid]="gradeTestId()"
      />
      <span matTextSuffix>%</span>
    </mat-form-field>
    <mat-form-field class="sba-grow">
      <mat-label>{{ 'assessment.editor.answerFeedback' | translate }}</mat-label>
      <input matInput [(ngModel)]="answer().feedback" maxlength="2000" />
    </mat-form-field>
  `,
  styles: [
    ANSWER_ROW_STYLES,
    `
      :host {
        display: contents;
      }
    `,
  ],
})
export class GradeFeedbackFieldsComponent {
  readonly answer = input.required<{ percent: number | null; feedback: string }>();
  readonly gradeTestId = input<string | null>(null);
}
