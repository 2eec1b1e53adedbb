import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { type EditorChoice, emptyChoice } from '../question-draft';
import { ANSWER_ROW_STYLES } from './answer-rows.styles';
import { GradeFeedbackFieldsComponent } from './grade-feedback-fields.component';
import { RowActionsComponent } from '../../shared/row-actions.component';

/**
 * Choices with a grade (percent of the mark, −100 to 100) and feedback each:
 * single choice, multiple response and the choice gaps of a cloze question.
 * Edits the array it is given in place.
 */
@Component({
  selector: 'sb-choice-answers',
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
      <legend>{{ 'assessment.editor.choices' | translate }}</legend>
      <p class="sb-muted sba-note">
        {{
          (mode() === 'multiple'
            ? 'assessment.editor.choicesHintMultiple'
            : 'assessment.editor.choicesHintSingle'
          ) | translate
        }}
      </p>
      @for (a of answers(); track a.id; let i = $index) {
        <div
          class="sba-row"
          role="group"
          [attr.aria-label]="'assessment.editor.answerN' | translate: { n: i + 1 }"
        >
          <mat-form-field class="sba-grow">
            <mat-label>{{ 'assessment.editor.answerN' | translate: { n: i + 1 } }}</mat-label>
            <input matInput [(ngModel)]="a.text" maxlength="2000" data-testid="choice-text" />
          </mat-form-field>
          <sb-grade-feedback-fields [answer]="a" gradeTestId="choice-percent" />
          <sb-row-actions
            [rows]="answers()"
            [index]="i"
            [count]="$count"
            [min]="2"
            removeKey="assessment.editor.removeAnswer"
          >
            @if (mode() === 'single') {
              <button
                mat-icon-button
                type="button"
                (click)="markCorrect(i)"
                [attr.aria-pressed]="a.percent === 100"
                [attr.aria-label]="'assessment.editor.markCorrect' | translate: { n: i + 1 }"
                [title]="'assessment.editor.markCorrect' | translate: { n: i + 1 }"
              >
                <mat-icon svgIcon="sba-check" aria-hidden="true" />
              </button>
            }
          </sb-row-actions>
        </div>
      }
      @if (mode() === 'multiple') {
        <p class="sb-muted" aria-live="polite">
          {{ 'assessment.editor.positiveSum' | translate: { sum: positiveSum() } }}
        </p>
      }
      <button mat-stroked-button type="button" (click)="add()" [disabled]="answers().length >= 50">
        <mat-icon svgIcon="add" aria-hidden="true" />
        {{ 'assessment.editor.addAnswer' | translate }}
      </button>
    </fieldset>
  `,
  styles: ANSWER_ROW_STYLES,
})
export class ChoiceAnswersComponent {
  readonly answers = input.required<EditorChoice[]>();
  readonly mode = input<'single' | 'multiple'>('single');

  /** A method, not a computed: the rows are edited in place, so it is re-read on every check. */
  protected positiveSum(): number {
    const total = this.answers()
      .filter((r) => r.text.trim())
      .reduce((s, r) => s + Math.max(0, r.percent ?? 0), 0);
    return Math.round(total * 100) / 100;
  }

  protected add(): void {
    this.answers().push(emptyChoice(this.answers().map((a) => a.id)));
  }

  /** Single choice: this answer is the right one (100%), the others get 0 unless they were partial. */
  protected markCorrect(index: number): void {
    this.answers().forEach((a, i) => {
      if (i === index) {
        a.percent = 100;
      } else if (a.percent === 100) {
        a.percent = 0;
      }
    });
  }
}
