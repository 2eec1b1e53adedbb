import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { type QuestionEditorModel, newId } from '../question-draft';
import { ANSWER_ROW_STYLES } from './answer-rows.styles';
import { RowActionsComponent } from '../../shared/row-actions.component';

/** Matching: prompt → answer pairs, plus wrong answers (distractors) offered beside them. */
@Component({
  selector: 'sb-matching-editor',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
    RowActionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'assessment.editor.pairs' | translate }}</legend>
      @for (p of model().pairs; track p.id; let i = $index) {
        <div
          class="sba-row"
          role="group"
          [attr.aria-label]="'assessment.editor.pairN' | translate: { n: i + 1 }"
        >
          <mat-form-field class="sba-grow">
            <mat-label>{{ 'assessment.editor.pairPrompt' | translate: { n: i + 1 } }}</mat-label>
            <input matInput [(ngModel)]="p.prompt" maxlength="1000" data-testid="pair-prompt" />
          </mat-form-field>
          <mat-form-field class="sba-grow">
            <mat-label>{{ 'assessment.editor.pairAnswer' | translate: { n: i + 1 } }}</mat-label>
            <input matInput [(ngModel)]="p.answer" maxlength="1000" data-testid="pair-answer" />
          </mat-form-field>
          <sb-row-actions
            [rows]="model().pairs"
            [index]="i"
            [count]="$count"
            [min]="2"
            removeKey="assessment.editor.removePair"
          />
        </div>
      }
      <button mat-stroked-button type="button" (click)="addPair()">
        <mat-icon svgIcon="add" aria-hidden="true" />
        {{ 'assessment.editor.addPair' | translate }}
      </button>
    </fieldset>
    <fieldset>
      <legend>{{ 'assessment.editor.distractors' | translate }}</legend>
      <p class="sb-muted sba-note">{{ 'assessment.editor.distractorsHint' | translate }}</p>
      @for (d of model().distractors; track $index; let i = $index) {
        <div class="sba-row">
          <mat-form-field class="sba-grow">
            <mat-label>{{ 'assessment.editor.distractorN' | translate: { n: i + 1 } }}</mat-label>
            <input
              matInput
              maxlength="1000"
              [ngModel]="d"
              (ngModelChange)="model().distractors[i] = $event"
            />
          </mat-form-field>
          <sb-row-actions
            [rows]="model().distractors"
            [index]="i"
            [count]="$count"
            removeKey="assessment.editor.removeDistractor"
          />
        </div>
      }
      <button mat-stroked-button type="button" (click)="model().distractors.push('')">
        <mat-icon svgIcon="add" aria-hidden="true" />
        {{ 'assessment.editor.addDistractor' | translate }}
      </button>
    </fieldset>
  `,
  styles: [
    ANSWER_ROW_STYLES,
    `
      :host {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
    `,
  ],
})
export class MatchingEditorComponent {
  readonly model = input.required<QuestionEditorModel>();

  protected addPair(): void {
    const pairs = this.model().pairs;
    pairs.push({
      id: newId(
        'p',
        pairs.map((p) => p.id),
      ),
      prompt: '',
      answer: '',
    });
  }
}
