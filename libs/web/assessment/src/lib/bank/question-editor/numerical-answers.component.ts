import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { type EditorNumerical, emptyNumerical } from '../question-draft';
import { ANSWER_ROW_STYLES } from './answer-rows.styles';
import { GradeFeedbackFieldsComponent } from './grade-feedback-fields.component';
import { RowActionsComponent } from '../../shared/row-actions.component';

/** Numerical answers: an exact value with a tolerance (±), or an inclusive range. */
@Component({
  selector: 'sb-numerical-answers',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    RowActionsComponent,
    GradeFeedbackFieldsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'assessment.editor.numericalAnswers' | translate }}</legend>
      <p class="sb-muted sba-note">{{ 'assessment.editor.numericalNote' | translate }}</p>
      @for (a of answers(); track $index; let i = $index) {
        <div
          class="sba-row"
          role="group"
          [attr.aria-label]="'assessment.editor.answerN' | translate: { n: i + 1 }"
        >
          <mat-form-field class="sba-small">
            <mat-label>{{ 'assessment.editor.numKind' | translate }}</mat-label>
            <mat-select [(ngModel)]="a.kind">
              <mat-option value="exact">{{ 'assessment.editor.numExact' | translate }}</mat-option>
              <mat-option value="range">{{ 'assessment.editor.numRange' | translate }}</mat-option>
            </mat-select>
          </mat-form-field>
          @if (a.kind === 'exact') {
            <mat-form-field class="sba-small">
              <mat-label>{{ 'assessment.editor.numValue' | translate }}</mat-label>
              <input matInput type="number" step="any" [(ngModel)]="a.value" />
            </mat-form-field>
            <mat-form-field class="sba-small">
              <mat-label>{{ 'assessment.editor.numTolerance' | translate }}</mat-label>
              <span matTextPrefix>±&nbsp;</span>
              <input matInput type="number" step="any" min="0" [(ngModel)]="a.tolerance" />
            </mat-form-field>
          } @else {
            <mat-form-field class="sba-small">
              <mat-label>{{ 'assessment.editor.numMin' | translate }}</mat-label>
              <input matInput type="number" step="any" [(ngModel)]="a.min" />
            </mat-form-field>
            <mat-form-field class="sba-small">
              <mat-label>{{ 'assessment.editor.numMax' | translate }}</mat-label>
              <input matInput type="number" step="any" [(ngModel)]="a.max" />
            </mat-form-field>
          }
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
export class NumericalAnswersComponent {
  readonly answers = input.required<EditorNumerical[]>();

  protected add(): void {
    this.answers().push(emptyNumerical(0));
  }
}
