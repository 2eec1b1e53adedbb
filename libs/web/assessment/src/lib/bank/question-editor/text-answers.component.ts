import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { type EditorTextAnswer, emptyTextAnswer } from '../question-draft';
import { ANSWER_ROW_STYLES } from './answer-rows.styles';
import { GradeFeedbackFieldsComponent } from './grade-feedback-fields.component';
import { RowActionsComponent } from '../../shared/row-actions.component';

/** Accepted typed answers (short answer and short-answer gaps), `*` being a wildcard. */
@Component({
  selector: 'sb-text-answers',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
    RowActionsComponent,
    GradeFeedbackFieldsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'assessment.editor.acceptedAnswers' | translate }}</legend>
      <p class="sb-muted sba-note">{{ 'assessment.editor.wildcardNote' | translate }}</p>
      @for (a of answers(); track $index; let i = $index) {
        <div
          class="sba-row"
          role="group"
          [attr.aria-label]="'assessment.editor.answerN' | translate: { n: i + 1 }"
        >
          <mat-form-field class="sba-grow">
            <mat-label>{{ 'assessment.editor.answerN' | translate: { n: i + 1 } }}</mat-label>
            <input matInput [(ngModel)]="a.text" maxlength="500" data-testid="text-answer" />
          </mat-form-field>
          <sb-grade-feedback-fields [answer]="a" />
          <sb-row-actions
            [rows]="answers()"
            [index]="i"
            [count]="$count"
            [min]="1"
            removeKey="assessment.editor.removeAnswer"
          />
        </div>
      }
      <button mat-stroked-button type="button" (click)="add()" [disabled]="answers().length >= 50">
        <mat-icon svgIcon="add" aria-hidden="true" />
        {{ 'assessment.editor.addAnswer' | translate }}
      </button>
    </fieldset>
  `,
  styles: ANSWER_ROW_STYLES,
})
export class TextAnswersComponent {
  readonly answers = input.required<EditorTextAnswer[]>();

  protected add(): void {
    this.answers().push(emptyTextAnswer(0));
  }
}
